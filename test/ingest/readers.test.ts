// The readers behind one interface: SPSS files read value for value as R haven and PSPP read
// them (references made by test/fixtures/formats/make.sh), an Excel export with a Swedish
// sheet name, dates, text numbers and an empty row, Excel's "sep=;" CSV line, and the format
// told by the bytes, not the name.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatLocation, LagesbildError, msg } from '../../src/errors.js';
import { render } from '../../src/messages/index.js';
import { readRows, titleAbove, type ReadOptions, type SourceHeader } from '../../src/ingest/source.js';
import { describeSource } from '../../src/validate/format.js';
import { enTexts } from '../../src/messages/en.js';
import { svTexts } from '../../src/messages/sv.js';
import { expandInputs } from '../../src/cli/inputs.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const FORMATS = fileURLToPath(new URL('../fixtures/formats/', import.meta.url));
const fixture = (name: string) => join(FORMATS, name);

async function readAll(file: string, opts: ReadOptions = {}): Promise<{ header: SourceHeader; rows: string[][]; lines: number[] }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const { header } = await readRows(file, { onHeader: () => undefined, onRow: (fields, line) => (rows.push([...fields]), lines.push(line)) }, opts);
  return { header, rows, lines };
}

async function errorOf(p: Promise<unknown>): Promise<LagesbildError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LagesbildError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

const csvRows = (file: string): string[][] => parse(readFileSync(fixture(file), 'utf8'), { relax_column_count: true }) as string[][];

describe('SPSS reader, against R haven and PSPP', () => {
  for (const [file, stem, encoding] of [
    ['skolenkat.sav', 'skolenkat', 'windows-1252'],
    ['skolenkat-utf8.zsav', 'skolenkat-utf8', 'utf-8'],
  ] as const) {
    it(`${file}: every value as haven reads it (user-missing and system-missing empty)`, async () => {
      const { header, rows } = await readAll(fixture(file));
      const [names, ...values] = csvRows(`expected/${stem}.haven.csv`);
      expect(header.format).toBe('sav');
      expect(header.encoding).toBe(encoding);
      expect(header.names).toEqual(names);
      expect(rows).toEqual(values);
      // The very long free text (over 255 bytes) comes back whole.
      expect(rows[16]![8]).toHaveLength(284);
    });

    it(`${file}: every value as PSPP reads it`, async () => {
      const { rows } = await readAll(fixture(file));
      const [, ...values] = csvRows(`expected/${stem}.pspp.csv`);
      // PSPP shows dates as mm/dd/yyyy and system-missing numbers as a space.
      const iso = (s: string) => s.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$1-$2');
      expect(rows).toEqual(values.map((r) => r.map((c) => iso(c.trim()))));
    });

    it(`${file}: variable labels are the questions, value labels the answers`, async () => {
      const { header } = await readAll(fixture(file));
      const [, ...labels] = csvRows(`expected/${stem}.labels.csv`);
      const ours: string[][] = [];
      for (const c of header.columns) {
        ours.push([c.name, '', c.label ?? '']);
        for (const [code, label] of c.valueLabels ?? []) ours.push([c.name, code, label]);
      }
      expect(ours).toEqual(labels);
      expect(header.columns[2]!.label).toBe('Är du …');
      expect(header.columns[7]!.valueLabels?.get('S2')).toBe('Tallbackens skola');
    });
  }

  it('names a record and a variable in messages', () => {
    expect(formatLocation({ file: 'enkat.sav', record: true, line: 118, column: 7 })).toBe('enkat.sav:record 118');
    const err = new LagesbildError(msg('row.answer', { value: { text: '4' }, indicator: 'fysiskt_vald' }), { exitCode: 4, location: { file: 'enkat.sav', record: true, line: 118, field: 'F10_slagen' } });
    expect(err.toLine()).toBe('enkat.sav:record 118: F10_slagen: "4" is not an answer of fysiskt_vald');
  });

  it('a cut-off file is damaged, not a crash', async () => {
    const dir = tempDir();
    const whole = readFileSync(fixture('skolenkat.sav'));
    const cut = writeFile(dir, 'cut.sav', whole.subarray(0, 700));
    expect((await errorOf(readAll(cut))).toLine()).toBe(`${cut}: the SPSS file is damaged or cut off. Save it again from SPSS or PSPP (Spara som → .sav), or export it as CSV UTF-8`);
    const midRecord = writeFile(dir, 'mid.sav', whole.subarray(0, whole.length - 20));
    expect((await errorOf(readAll(midRecord))).message).toMatch(/^the SPSS file ends in the middle of record \d+ \(was it cut off\?\)$/);
  });
});

describe('Excel reader', () => {
  it('reads the first sheet: long questions as names, numbers in full, dates as ISO, text numbers as typed, empty rows skipped', async () => {
    const { header, rows, lines } = await readAll(fixture('skolenkat.xlsx'));
    expect(header.format).toBe('xlsx');
    expect(header.sheet).toBe('Svar HT23');
    expect(header.headerLine).toBe(1);
    expect(header.names[6]).toBe('Har någon under de senaste 12 månaderna slagit, sparkat, knuffat eller på annat sätt använt fysiskt våld mot dig?');
    expect(rows).toHaveLength(25);
    expect(rows[0]).toEqual(['5001', '2023-10-02', 'Tallmo', 'Flicka', 'Åk 9', '1.1072', 'Nej', 'Nej', '']);
    // F5 was typed as text in a Swedish Excel; F6 is a formula.
    expect(rows[3]![5]).toBe('1,1072');
    expect(rows[4]![5]).toBe('0.9541');
    expect(rows[6]![8]).toBe('Det känns tryggare i år.');
    // Row 14 is empty: rows keep their Excel row numbers.
    expect(lines.slice(10, 14)).toEqual([12, 13, 15, 16]);
    expect(header.decimalComma).toBe(true);
  });

  it('--sheet picks another sheet; a sheet that is not there is named with the ones that are', async () => {
    // "Om enkäten" holds one line of text, no table: no header row there.
    const info = await errorOf(readAll(fixture('skolenkat.xlsx'), { sheet: 'Om enkäten' }));
    expect(info.toLine()).toBe(
      `${fixture('skolenkat.xlsx')}:'Om enkäten': the sheet has no header row (a row with two or more column names). The survey needs a row with the column names above one row per respondent (name its sheet with --sheet)`,
    );
    const err = await errorOf(readAll(fixture('skolenkat.xlsx'), { sheet: 'Blad1' }));
    expect(err.toLine()).toBe(`${fixture('skolenkat.xlsx')}: the workbook has no sheet "Blad1". Its sheets are: Svar HT23, Om enkäten`);
  });

  it('finds the table below a title and after a sheet of notes, and says so; a workbook without a table is named with its sheets', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('Information');
    notes.addRow(['Trygghetsenkät 2023, Kvarnby kommun']);
    notes.addRow(['Export från enkätverktyget 2023-05-02']);
    const answers = wb.addWorksheet('Svar');
    answers.addRow(['Trygghetsenkät 2023 – alla svar']);
    answers.addRow([]);
    answers.addRow(['Kön', 'Årskurs', 'Har du blivit hotad under det senaste året?']);
    answers.addRow(['Flicka', 8, 'Nej']);
    answers.addRow(['Pojke', 9, 'Ja']);
    const file = join(dir, 'kvarnby.xlsx');
    await wb.xlsx.writeFile(file);
    const { header, rows, lines } = await readAll(file);
    expect([header.sheet, header.headerLine, header.titleRows, header.names]).toEqual(['Svar', 3, 1, ['Kön', 'Årskurs', 'Har du blivit hotad under det senaste året?']]);
    expect(rows).toEqual([
      ['Flicka', '8', 'Nej'],
      ['Pojke', '9', 'Ja'],
    ]);
    expect(lines).toEqual([4, 5]);
    expect(titleAbove(header)).toBe(3);
    // Empty rows above a header are no title.
    const plain = new ExcelJS.Workbook();
    const sheet = plain.addWorksheet('Blad1');
    sheet.addRow([]);
    sheet.addRow(['Kön', 'Årskurs']);
    sheet.addRow(['Flicka', 8]);
    const plainFile = join(dir, 'plain.xlsx');
    await plain.xlsx.writeFile(plainFile);
    const read = await readAll(plainFile);
    expect([read.header.headerLine, titleAbove(read.header)]).toEqual([2, null]);

    const none = new ExcelJS.Workbook();
    none.addWorksheet('Information').addRow(['Bara text']);
    none.addWorksheet('Blad2');
    const noneFile = join(dir, 'none.xlsx');
    await none.xlsx.writeFile(noneFile);
    expect((await errorOf(readAll(noneFile))).toLine()).toBe(
      `${noneFile}: none of the sheets (Information, Blad2) has a header row (a row with two or more column names). The survey needs a row with the column names above one row per respondent (name its sheet with --sheet)`,
    );
  });

  it('names cells as Excel does', () => {
    expect(formatLocation({ file: 'enkat.xlsx', sheet: 'Blad1', line: 118, column: 6 })).toBe('enkat.xlsx:Blad1!F118');
    expect(formatLocation({ file: 'enkat.xlsx', sheet: 'Svar HT23', line: 2, column: 28 })).toBe("enkat.xlsx:'Svar HT23'!AB2");
    expect(formatLocation({ file: 'enkat.xlsx', sheet: 'Blad1', line: 3 })).toBe('enkat.xlsx:Blad1, row 3');
  });
});

describe('CSV reader', () => {
  it('takes the delimiter from Excel\'s "sep=;" line; the header is the next line and lines keep their numbers', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'sep.csv', 'sep=;\r\nkommun;ar;vikt\r\nÅby;2023;1,5\r\nÅby;2023;2\r\n');
    const { header, rows, lines } = await readAll(file);
    expect(header.delimiter).toBe(';');
    expect(header.headerLine).toBe(2);
    expect(header.names).toEqual(['kommun', 'ar', 'vikt']);
    expect(rows).toEqual([
      ['Åby', '2023', '1,5'],
      ['Åby', '2023', '2'],
    ]);
    expect(lines).toEqual([3, 4]);
    const quoted = writeFile(dir, 'quoted.csv', '"sep=,"\nkommun,ar\nÅby,2023\n');
    expect((await readAll(quoted)).header.delimiter).toBe(',');
    const pipe = writeFile(dir, 'pipe.csv', 'sep=|\nkommun|ar\n');
    expect((await errorOf(readAll(pipe))).toLine()).toBe(`${pipe}:1: the first line "sep=|" names "|" as the column separator; lagesbild reads comma, semicolon or tab. Save the file again with ; or , between the columns`);
  });

  it('skips title lines above the header (lines without a separator), in both readers, and says where the header is', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'titel.csv', 'Trygghetsenkät 2024 – export\r\n\r\n"Kommun, län";år;vikt\r\nÅby;2024;1,5\r\nÅby;2024;2\r\n');
    for (const reader of ['bytes', 'csv-parse']) {
      if (reader === 'csv-parse') process.env.LAGESBILD_CSV_READER = 'csv-parse';
      try {
        const { header, rows, lines } = await readAll(file);
        expect([header.delimiter, header.headerLine, header.names]).toEqual([';', 3, ['Kommun, län', 'år', 'vikt']]);
        expect(rows).toEqual([
          ['Åby', '2024', '1,5'],
          ['Åby', '2024', '2'],
        ]);
        expect(lines).toEqual([4, 5]);
        expect([header.sniffed?.titleLines, titleAbove(header)]).toEqual([1, 3]);
        expect(describeSource(enTexts.validate, { ...header, headerBelowTitle: titleAbove(header)! })).toEqual(['UTF-8', 'semicolon-separated (Swedish Excel), the header on line 3 (the title above it skipped)']);
        expect(describeSource(svTexts.validate, { ...header, headerBelowTitle: titleAbove(header)! })![1]).toBe('semikolonseparerad (svensk Excel), rubrikraden på rad 3 (titeln ovanför hoppas över)');
      } finally {
        delete process.env.LAGESBILD_CSV_READER;
      }
    }
    // After a "sep=" line too; with the separator named, a line without it is a title.
    const sep = writeFile(dir, 'sep-titel.csv', 'sep=,\nSkolenkät; alla svar\nkommun,ar\nÅby,2024\n');
    const read = await readAll(sep);
    expect([read.header.headerLine, read.header.names, read.lines, titleAbove(read.header)]).toEqual([3, ['kommun', 'ar'], [4], 3]);
    // A title holding the separator (Brå's exports: "Anmälda brott, misshandel, …" above a semicolon
    // table; a comma title above a comma table), and what is no title: a header written with another
    // separator than its rows, which stays the header (and the rows' error is as before).
    const bra = writeFile(dir, 'bra.csv', 'Anmälda brott, misshandel, per 100 000 invånare\n\nOmråde;2019;2020;2021;2022;2023\nÄngsby;412,5;398,1;455,0;470,2;488,9\nRiket;395,0;388,2;401,7;409,9;415,6\n');
    const braRead = await readAll(bra);
    expect([braRead.header.delimiter, braRead.header.headerLine, braRead.header.names.slice(0, 2), braRead.lines]).toEqual([';', 3, ['Område', '2019'], [4, 5]]);
    // Swedish Excel saves a title cell as "Titel;;;;" and the empty row under it as ";;;;".
    const excelTitle = writeFile(dir, 'excel-titel.csv', 'Trygghetsenkät 2024;;;\r\n;;;\r\nkommun;ar;kon;F1\r\nNorrvik;2024;F;Ja\r\n');
    for (const reader of ['bytes', 'csv-parse']) {
      if (reader === 'csv-parse') process.env.LAGESBILD_CSV_READER = 'csv-parse';
      try {
        const read = await readAll(excelTitle);
        expect([read.header.headerLine, read.header.names, read.rows, read.lines, titleAbove(read.header)]).toEqual([3, ['kommun', 'ar', 'kon', 'F1'], [['Norrvik', '2024', 'F', 'Ja']], [4], 3]);
      } finally {
        delete process.env.LAGESBILD_CSV_READER;
      }
    }
    const comma = writeFile(dir, 'komma.csv', 'Trygghetsenkät 2024, Norrvik\nkommun,ar,kon,F1\nNorrvik,2024,F,Ja\n');
    expect((await readAll(comma)).header.names).toEqual(['kommun', 'ar', 'kon', 'F1']);
    const mixed = writeFile(dir, 'blandat.csv', 'kommun;ar;kon;F1\nNorrvik,2024,F,Ja\nNorrvik,2024,P,Nej\n');
    expect((await errorOf(readAll(mixed))).toLine()).toBe(
      `${mixed}:2: row has 1 field, the header has 4. The header is separated by semicolons but this row is not: are delimiters mixed in the file?`,
    );
    // Without any line with a separator, the first line is the header, and its error the same as ever.
    const none = writeFile(dir, 'ingen.csv', 'Bara en titel\noch en rad till\n');
    expect((await errorOf(readAll(none))).toLine()).toBe(
      `${none}:1: could not find a column separator in the header (no comma, semicolon or tab). The file needs a header row with the column names, separated by , or ; (or use --delimiter)`,
    );
  });

  it('reads Windows-1252 punctuation (en dash, quotes, euro) as the letters they are', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'w.csv', Buffer.from([...Buffer.from('kommun;svar\nÅby;', 'latin1'), 0x96, 0x20, 0x93, 0x4a, 0x61, 0x94, 0x20, 0x80, 0x0a]));
    const { header, rows } = await readAll(file);
    expect(header.encoding).toBe('windows-1252');
    expect(rows[0]![1]).toBe('– “Ja” €');
  });
});

describe('format by content', () => {
  it('reads a renamed file as what it is, and says so', async () => {
    const dir = tempDir();
    const renamed = writeFile(dir, 'enkat.csv', readFileSync(fixture('skolenkat.xlsx')));
    const { header } = await readAll(renamed);
    expect(header.format).toBe('xlsx');
    expect(render(header.note!, 'en')).toBe(`${renamed} is an Excel workbook although its name ends in .csv: read as such`);
    expect(render(header.note!, 'sv')).toBe(`${renamed} är en Excel-arbetsbok fast namnet slutar på .csv: läses som det den är`);
    const sav = writeFile(dir, 'enkat.xlsx', readFileSync(fixture('skolenkat.sav')));
    expect(render((await readAll(sav)).header.note!, 'en')).toBe(`${sav} is an SPSS data file although its name ends in .xlsx: read as such`);
  });

  it('says what a file it cannot read is, and how to save it', async () => {
    const dir = tempDir();
    const xls = writeFile(dir, 'enkat.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    expect((await errorOf(readAll(xls))).toLine()).toBe(
      `${xls}: the file is an old Excel 97–2003 workbook (.xls) or a password-protected file, which lagesbild does not read. Open it in Excel and save it as an Excel workbook (.xlsx) or as CSV UTF-8, without a password`,
    );
    const ods = writeFile(dir, 'enkat.ods', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 'latin1'));
    expect((await errorOf(readAll(ods))).message).toBe('the file is an OpenDocument spreadsheet (.ods), which lagesbild does not read');
    const pdf = writeFile(dir, 'enkat.csv', '%PDF-1.7\n');
    expect((await errorOf(readAll(pdf))).message).toBe('the file is a PDF, not survey data');
  });
});

describe('globs', () => {
  it('expands **, braces, classes; letter case is ignored on Windows and macOS only', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '2021'));
    mkdirSync(join(dir, '2023'));
    for (const f of ['2021/enkat-2021.csv', '2023/enkat-2023.CSV', 'enkat-2019.csv', 'notes.txt']) writeFile(dir, f, '');
    const rel = (files: string[]) => files.map((f) => f.slice(dir.length + 1));
    expect(rel(await expandInputs([`${dir}/**/*.csv`], 'linux'))).toEqual(['2021/enkat-2021.csv', 'enkat-2019.csv']);
    expect(rel(await expandInputs([`${dir}/**/*.csv`], 'win32'))).toEqual(['2021/enkat-2021.csv', '2023/enkat-2023.CSV', 'enkat-2019.csv']);
    expect(rel(await expandInputs([`${dir}/*/enkat-{2021,2023}.*`], 'linux'))).toEqual(['2021/enkat-2021.csv', '2023/enkat-2023.CSV']);
    expect(rel(await expandInputs([`${dir}/enkat-20[12]?.csv`], 'linux'))).toEqual(['enkat-2019.csv']);
    expect(await expandInputs(['-'])).toEqual(['-']);
    await expect(expandInputs([`${dir}/*.sav`])).rejects.toThrow(`no file matches "${dir}/*.sav"`);
    await expect(expandInputs(['-', '-'])).rejects.toThrow('"-" (standard input) is given twice');
  });
});

describe("a second header row (SurveyMonkey's exports)", () => {
  // The questions on line 1; under them "Response" ("Svar" in Swedish), "Open-Ended Response",
  // or a check-box question's options, the question written above the first of them only.
  const HEADER = ['Respondent ID', 'Start Date', 'Jag är', 'Var hände det?', '', '', 'Något mer?'];
  const SECOND = ['', '', 'Svar', 'I skolan', 'På nätet', 'Hemma', 'Öppet svar'];
  const NAMES = ['Respondent ID', 'Start Date', 'Jag är', 'Var hände det? – I skolan', 'Var hände det? – På nätet', 'Var hände det? – Hemma', 'Något mer?'];
  const ROWS = [
    ['114001', '03/12/2025 09:10:00 AM', 'Tjej', 'I skolan', '', 'Hemma', ''],
    ['114002', '03/12/2025 09:11:00 AM', 'Kille', '', 'På nätet', '', 'Nej'],
  ];
  const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;

  it('is joined to the header in both CSV readers and in Excel, and is no respondent', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'smk.csv', csv([HEADER, SECOND, ...ROWS]));
    for (const reader of ['bytes', 'csv-parse']) {
      if (reader === 'csv-parse') process.env.LAGESBILD_CSV_READER = 'csv-parse';
      try {
        const { header, rows, lines } = await readAll(file);
        expect([header.names, header.headerLine, header.subHeaderLine, rows, lines]).toEqual([NAMES, 1, 2, ROWS, [3, 4]]);
        expect(describeSource(enTexts.validate, header)).toEqual(['UTF-8', "comma-separated, the header's second row (line 2, as SurveyMonkey writes it) joined to it"]);
        expect(describeSource(svTexts.validate, header)![1]).toBe('kommaseparerad, rubrikradens andra rad (rad 2, som SurveyMonkey skriver den) sammanfogad med den');
      } finally {
        delete process.env.LAGESBILD_CSV_READER;
      }
    }
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet');
    // The last question with options: its columns are empty in the first row, beyond the header's last name.
    for (const r of [['Respondent ID', 'Jag är', 'Var hände det?'], ['', 'Response', 'I skolan', 'Hemma'], [114001, 'Tjej', '', 'Hemma']]) ws.addRow(r);
    const xlsx = join(dir, 'smk.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const read = await readAll(xlsx);
    expect([read.header.names, read.header.subHeaderLine, read.rows, read.lines]).toEqual([['Respondent ID', 'Jag är', 'Var hände det? – I skolan', 'Var hände det? – Hemma'], 2, [['114001', 'Tjej', '', 'Hemma']], [3]]);
  });

  it('a row under the header is data unless its first cell is empty and it has the answer column words', async () => {
    const dir = tempDir();
    // "Svar" as an answer of a respondent (id given) is data; so is a row with an empty id and no such word.
    const answer = await readAll(writeFile(dir, 'a.csv', csv([HEADER, ['114000', '', 'Svar', '', '', '', ''], ...ROWS])));
    expect([answer.header.names, answer.header.subHeaderLine, answer.rows.length]).toEqual([HEADER, undefined, 3]);
    const noId = await readAll(writeFile(dir, 'b.csv', csv([HEADER, ['', '', 'Tjej', '', '', '', ''], ...ROWS])));
    expect([noId.header.subHeaderLine, noId.rows.length]).toEqual([undefined, 3]);
    // Without the id column (deleted before the file was shared), two such words make it a header row.
    const noIdColumn = await readAll(writeFile(dir, 'd.csv', csv([HEADER.slice(2), SECOND.slice(2), ...ROWS.map((r) => r.slice(2))])));
    expect([noIdColumn.header.names, noIdColumn.header.subHeaderLine, noIdColumn.rows.length]).toEqual([NAMES.slice(2), 2, 2]);
    // A header alone is still a header.
    const alone = await readAll(writeFile(dir, 'c.csv', csv([HEADER])));
    expect([alone.header.names, alone.rows]).toEqual([HEADER, []]);
  });
});

