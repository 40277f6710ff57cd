// A workbook with a sheet per wave ("2022", "2024"): only one sheet is read, so the others are
// named — by init, validate and figures — instead of being left out without a word.
//
// The workbook is written by exceljs, which stores its sheets before workbook.xml: with four
// sheets and the test setup's TMPDIR, exceljs's streaming reader fails inside (its issue #962),
// and readXlsx reads the workbook again in memory (the first test below says so directly).
import { describe, expect, it } from 'vitest';
import { render } from '../../src/messages/index.js';
import { msg } from '../../src/errors.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';
import { runCli } from './cli.js';
import { readRows } from '../../src/ingest/source.js';

describe('a workbook with a sheet per wave', () => {
  it('is read also where exceljs\'s streaming reader fails on it (sheets before workbook.xml, TMPDIR not /tmp)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    for (const s of ['2022', '2023', '2024', '2025']) {
      const ws = wb.addWorksheet(s);
      ws.addRow(['Kön', 'F1']);
      for (let i = 0; i < 30; i++) ws.addRow([i % 2 ? 'Flicka' : 'Pojke', i % 3 ? 'Nej' : 'Ja']);
    }
    const file = writeFile(tempDir('lagesbild-waves-'), 'fyra.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const rows: string[][] = [];
    const { header } = await readRows(file, { onHeader: () => undefined, onRow: (fields) => rows.push([...fields]) });
    expect([header.sheet, header.names, header.otherWaves, rows.length, rows[0]]).toEqual(['2022', ['Kön', 'F1'], ['2023', '2024', '2025'], 30, ['Pojke', 'Ja']]);
  });

  it('names the other sheets named like a wave, which are not read (sheets named otherwise are not named)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = tempDir('lagesbild-waves-');
    const wb = new ExcelJS.Workbook();
    for (const s of ['2022', 'Svar 2024', 'VT 23', 'Diagram']) {
      const ws = wb.addWorksheet(s);
      ws.addRow(['Kön', 'Årskurs', 'Har du blivit slagen eller sparkad under det senaste året?']);
      for (let i = 0; i < 30; i++) ws.addRow([i % 2 ? 'Flicka' : 'Pojke', i % 3 ? 'Åk 8' : 'Åk 9', i % 4 ? 'Nej' : 'Ja']);
    }
    const file = writeFile(dir, 'Trygghetsenkät Hylte.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const config = `${dir}/lagesbild.yaml`;
    const init = await runCli(['init', file, '--yes', '--no-input', '--area-name', 'Hylte', '--year', '2022', '-o', config, '--no-texts', '--lang', 'en']);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain(`warning: ${file}: only sheet 2022 was read; sheets Svar 2024, VT 23, named like other waves, are not read. To report every wave, save each sheet as its own file (the year in its name), or read another with --sheet\n`);
    const validate = await runCli(['validate', file, '-c', config, '--lang', 'en']);
    expect(validate.stdout).toContain('WARNING  only sheet 2022 was read; sheets Svar 2024, VT 23, named like other waves, are not read\n');
    // In Swedish, as the CLI speaks it where LANG says so.
    const figures = await runCli(['figures', file, '-c', config, '-o', `${dir}/out`], { LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' });
    expect(figures.code).toBe(0);
    expect(figures.stderr).toContain(
      `varning: ${file}: bara bladet 2022 lästes; bladen Svar 2024, VT 23, som heter som andra mätningar, läses inte. Spara varje blad som en egen fil (med året i namnet) för att redovisa alla mätningar, eller läs ett annat med --sheet\n`,
    );
    // With --sheet the user chose: nothing to say.
    const chosen = await runCli(['validate', file, '-c', config, '--sheet', 'Svar 2024', '--lang', 'en']);
    expect(chosen.stdout).not.toContain('named like');
    expect(render(msg('xlsx.otherWaves', { file: 'a.xlsx', sheet: '2022', others: ['2024'] }), 'en')).toBe(
      'a.xlsx: only sheet 2022 was read; sheet 2024, named like another wave, is not read. To report every wave, save each sheet as its own file (the year in its name), or read another with --sheet',
    );
  });
});
