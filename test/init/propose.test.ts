// init's proposals as pure functions, on a messy Swedish Excel export (test/fixtures/messy:
// Windows-1252, semicolons, å ä ö in column names, text answers with a trailing space, codes,
// free text) and on the bundled example, whose hand-made config they must reproduce.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { UsageError } from '../../src/errors.js';
import { PREVIEW_ROWS, profileCsv } from '../../src/init/profile.js';
import { loadTemplate } from '../../src/init/template.js';
import { badYearExample, missingRoles, propose } from '../../src/init/propose.js';
import { nameWords } from '../../src/init/indicators.js';
import { classifyAnswer, proposeScale } from '../../src/init/answers.js';
import { proposeGender, proposeGrade } from '../../src/init/groups.js';
import { proposeRoles } from '../../src/init/roles.js';
import { buildConfig, type BuildMeta } from '../../src/init/build.js';
import { tempDir, writeFile } from '../fixtures/mini-project.js';

const MESSY = fileURLToPath(new URL('../fixtures/messy/skolenkat-ht23.csv', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/norrbacka/', import.meta.url));
const template = await loadTemplate();
const meta: BuildMeta = { csvName: 'skolenkat-ht23.csv', configName: 'lagesbild.yaml', schema: './node_modules/lagesbild/schema/lagesbild.schema.json', badYear: null };

describe('init: reading a messy export', () => {
  it('profiles the file: encoding, delimiter, columns; no values kept for free text and ids', async () => {
    const p = await profileCsv(MESSY);
    expect([p.encoding, p.delimiter, p.rows, p.complete]).toEqual(['windows-1252', ';', 120, true]);
    // The two empty columns Excel adds at the end are not columns.
    expect(p.columns.map((c) => c.name)).toEqual([
      'Löpnr', 'Kommun', 'Undersökningsår', 'Kön', 'Årskurs', 'Vikt', 'F12_slagen', 'F13_hotad', 'F14_kränkt_på_nätet',
      'F16a_partner', 'F16b_partner_våld', 'F20_otrygg_ute', 'F31_vuxen_att_prata_med', 'F40_mobbad', 'F50_berusad', 'Övrigt',
    ]);
    const col = (name: string) => p.columns.find((c) => c.name === name)!;
    expect(col('Övrigt').values).toBeNull();
    expect(col('Övrigt').long).toBe(true);
    expect(col('Löpnr').values).toBeNull();
    expect([col('Vikt').numeric, col('Vikt').integer, col('Vikt').min > 0.79, col('Vikt').max < 1.31]).toEqual([true, false, true, true]);
    expect([...col('F12_slagen').values!.keys()].sort()).toEqual(['', 'Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger ', 'Nej', 'Vill inte svara']);
  });

  it('proposes the role of each column from Swedish names with å ä ö', async () => {
    const p = propose(await profileCsv(MESSY), template);
    expect(p.roles).toEqual({ area: 'Kommun', year: 'Undersökningsår', gender: 'Kön', grade: 'Årskurs', weight: 'Vikt', id: 'Löpnr' });
    expect(p.areas).toEqual(['Tallmo', 'Ängsby']);
    expect(p.years).toEqual(['2023']);
    expect(missingRoles(p.roles)).toEqual([]);
  });

  it('matches columns to standard indicators by the words of their names', async () => {
    const p = propose(await profileCsv(MESSY), template);
    expect(p.indicators.indicators.map((i) => [i.id, i.column])).toEqual([
      ['fysiskt_vald', 'F12_slagen'],
      ['hot', 'F13_hotad'],
      ['krankt_pa_natet', 'F14_kränkt_på_nätet'],
      ['vald_i_parrelation', 'F16b_partner_våld'],
      ['otrygg_ute', 'F20_otrygg_ute'],
      ['berusad', 'F50_berusad'],
      ['vuxen_att_prata_med', 'F31_vuxen_att_prata_med'],
    ]);
    expect(p.indicators.indicators.find((i) => i.id === 'vald_i_parrelation')!.population).toEqual({ column: 'F16a_partner', values: ['Ja'] });
    expect(p.indicators.derived).toEqual([{ id: 'utsatt_nagon_form', parts: ['fysiskt_vald', 'hot', 'krankt_pa_natet'] }]);
    expect(p.indicators.unused).toEqual([
      { column: 'F40_mobbad', why: 'no-match' },
      { column: 'Övrigt', why: 'free-text' },
    ]);
  });

  it('sorts answers into yes / no / missing, keeping the exact spelling and the template\'s unseen answers', async () => {
    const p = propose(await profileCsv(MESSY), template);
    const answers = (id: string) => p.indicators.indicators.find((i) => i.id === id)!.answers;
    expect(answers('fysiskt_vald')).toEqual({
      yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger '],
      no: ['Nej'],
      missing: ['', 'Vill inte svara'],
      unknown: [],
      understood: true,
    });
    expect(answers('vuxen_att_prata_med')).toMatchObject({ yes: ['Ja'], no: ['Nej'], unknown: ['Kanske'], understood: true });
    expect(answers('vuxen_att_prata_med').missing.sort()).toEqual(['', 'Vet inte', 'Vill inte svara']);
    // Only codes: nothing can be told without asking.
    expect(answers('berusad')).toMatchObject({ unknown: ['1', '2', '9'], understood: false });
  });

  it('merges spellings of gender and school year and labels them as the survey says them', async () => {
    const p = propose(await profileCsv(MESSY), template);
    expect(p.gender).toEqual({
      values: [
        { code: 'Tjej', aliases: ['tjej'], label: { sv: 'Tjejer', en: 'Girls' }, report: true },
        { code: 'Kille', aliases: [], label: { sv: 'Killar', en: 'Boys' }, report: true },
        { code: 'Annat', aliases: [], label: { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' }, report: false },
      ],
      missing: [''],
    });
    expect(p.grade!.values.map((v) => [v.code, v.label])).toEqual([
      ['Åk 9', { sv: 'Åk 9', en: 'Year 9' }],
      ['Gy 2', { sv: 'Gy 2', en: 'Upper secondary year 2' }],
    ]);
  });
});

describe('init: the pieces', () => {
  it('classifies answers the way Swedish surveys phrase them', () => {
    const cases: [string, string | null][] = [
      ['Ja', 'yes'],
      ['Ja, flera gånger ', 'yes'],
      ['ja, en gång', 'yes'],
      ['Nej', 'no'],
      ['Nej, aldrig', 'no'],
      ['Stämmer helt', 'yes'],
      ['Stämmer inte alls', 'no'],
      ['Ibland', 'yes'],
      ['Aldrig', 'no'],
      ['Vill inte svara', 'missing'],
      ['Vet inte', 'missing'],
      ['', 'missing'],
      ['  ', 'missing'],
      ['Jag vet inte', null],
      ['Kanske', null],
      ['1', null],
    ];
    for (const [answer, expected] of cases) expect([answer, classifyAnswer(answer)]).toEqual([answer, expected]);
  });

  it('adds the template scale\'s unseen answers and the empty cell', () => {
    const scale = proposeScale(new Map([['Nej', 9], ['Ja, en gång', 1]]), template.config.answer_scales.frekvens);
    expect(scale).toEqual({ yes: ['Ja, en gång', 'Ja, flera gånger'], no: ['Nej'], missing: ['Vill inte svara', ''], unknown: [], understood: true });
  });

  it('takes the words of a column name without its question number', () => {
    expect(nameWords('F12_slagen')).toEqual(['slagen']);
    expect(nameWords('F16a_partner')).toEqual(['partner']);
    expect(nameWords('F14_kränkt_på_nätet')).toEqual(['krankt', 'natet']);
    expect(nameWords('q3 Förtroende för polisen')).toEqual(['fortroende', 'polisen']);
  });

  it('finds roles by values when names say nothing, and honours columns given by flag', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'x.csv', 'a,b,c,d\n2021,Flicka,Åk 9,Nej\n2021,Pojke,Gy 2,Ja\n2023,Flicka,Åk 9,Ja\n');
    const profile = await profileCsv(file);
    const roles = proposeRoles(profile);
    expect(roles).toEqual({ area: null, year: 'a', gender: 'b', grade: 'c', weight: null, id: null });
    expect(missingRoles(roles)).toEqual(['area']);
    expect(proposeRoles(profile, { area: 'd', grade: null })).toMatchObject({ area: 'd', grade: null, year: 'a', gender: 'b' });
    expect(() => proposeRoles(profile, { area: 'kommun' })).toThrow(UsageError);
    expect(() => proposeRoles(profile, { area: 'kommun' })).toThrow('column "kommun" is not in the header of');
  });

  it('proposes gender codes of unknown meaning unlabelled, and school-year numbers as "Åk n"', () => {
    expect(proposeGender(new Map([['1', 5], ['2', 4], ['', 1]]))).toEqual({
      values: [
        { code: '1', aliases: [], label: null, report: true },
        { code: '2', aliases: [], label: null, report: true },
      ],
      missing: [''],
    });
    expect(proposeGrade(new Map([['9', 3], ['7', 2], ['Vet inte', 1]]))).toEqual({
      values: [
        { code: '7', aliases: [], label: { sv: 'Åk 7', en: 'Year 7' }, report: true },
        { code: '9', aliases: [], label: { sv: 'Åk 9', en: 'Year 9' }, report: true },
      ],
      missing: ['Vet inte', ''],
    });
  });

  it('points out a wave written "2023/24", and a file longer than the preview', async () => {
    const dir = tempDir();
    const body = Array.from({ length: PREVIEW_ROWS + 1 }, (_, i) => `Åby,2023/24,${i % 2 ? 'Flicka' : 'Pojke'},${i % 3 ? 'Nej' : 'Ja'}`);
    const file = writeFile(dir, 'x.csv', ['kommun,ar,kon,F10_slagen', ...body].join('\n'));
    const profile = await profileCsv(file);
    expect([profile.rows, profile.complete]).toEqual([PREVIEW_ROWS, false]);
    const p = propose(profile, template);
    expect(badYearExample(p)).toBe('2023/24');
    const built = buildConfig(p, template, { county: 'Länet', definition: null }, { ...meta, badYear: badYearExample(p) });
    expect(built.warnings).toEqual([
      { code: 'preview', rows: PREVIEW_ROWS },
      { code: 'year-format', column: 'ar', example: '2023/24' },
    ]);
  });
});

describe('init: the bundled example', () => {
  it('reproduces the hand-made config: every indicator on its column, the partner population', async () => {
    const p = propose(await profileCsv(join(EXAMPLE, 'data', 'enkat-2023.csv')), template);
    const example = parseConfig((await import('node:fs')).readFileSync(join(EXAMPLE, 'lagesbild.yaml'), 'utf8'), 'lagesbild.yaml');
    const expected = example.indicators.filter((i) => i.column !== undefined).map((i) => [i.id, i.column]);
    expect(p.indicators.indicators.map((i) => [i.id, i.column]).sort()).toEqual(expected.sort());
    expect(p.indicators.indicators.find((i) => i.id === 'vald_i_parrelation')!.population).toEqual({ column: 'F16a_partner', values: ['Ja'] });
    expect(p.roles).toEqual({ area: 'kommun', year: 'ar', gender: 'kon', grade: 'arskurs', weight: 'vikt', id: 'lopnr' });
  });
});

describe('init: the written config', () => {
  it('loads, is commented, and holds no free text and no respondent ids', async () => {
    const p = propose(await profileCsv(MESSY), template);
    const built = buildConfig(p, template, { county: 'Norrbacka län', definition: null }, meta);
    expect(built.config.columns).toEqual({ area: 'Kommun', year: 'Undersökningsår', id: 'Löpnr' });
    expect(built.config.design).toMatchObject({ weight: 'Vikt', strata: 'Kommun' });
    expect(built.config.project.county).toBe('Norrbacka län');
    expect(built.config.project.violence_definition).toEqual((template.raw.project as { violence_definition: unknown }).violence_definition);
    expect(built.config.indicators.map((i) => i.id)).toEqual(['fysiskt_vald', 'hot', 'krankt_pa_natet', 'vald_i_parrelation', 'utsatt_nagon_form', 'otrygg_ute', 'vuxen_att_prata_med']);
    expect(built.config.answer_scales.frekvens).toEqual({
      yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger '],
      no: ['Nej'],
      missing: ['Vill inte svara', ''],
    });
    expect(built.config.answer_scales.ja_nej!.missing).toEqual(['Vill inte svara', '', 'Vet inte', 'Kanske']);
    expect(built.warnings).toEqual([
      { code: 'codes-only', indicator: 'berusad', column: 'F50_berusad', answers: ['1', '2', '9'] },
      { code: 'answers-as-missing', indicator: 'vuxen_att_prata_med', column: 'F31_vuxen_att_prata_med', answers: ['Kanske'] },
    ]);
    expect(built.text.startsWith('# yaml-language-server: $schema=./node_modules/lagesbild/schema/lagesbild.schema.json\n')).toBe(true);
    expect(built.text).toContain('\n$schema: ./node_modules/lagesbild/schema/lagesbild.schema.json\n');
    expect(built.text).toContain('  # ÄNDRA vid behov: svaren "Kanske" är okända och räknas nu som saknade svar.\n');
    expect(built.text).toContain('    yes: ["Ja, en gång", "Ja, flera gånger", "Ja, flera gånger "]\n');
    expect(built.text).toContain('# Kolumner som inte används: F40_mobbad, F50_berusad.\n');
    expect(built.text).toContain('# Fritext och löpnummer tas aldrig med: Övrigt.\n');
    // Privacy: neither the free-text answers nor any respondent id reaches the config.
    expect(built.text).not.toContain('Påhittad');
    expect(built.text).not.toMatch(/\b50\d\d\b/);
  });

  it('records the decisions of the wizard: indicators left out, codes named, gender codes named', async () => {
    const p = propose(await profileCsv(MESSY), template);
    const built = buildConfig(
      p,
      template,
      {
        include: new Set(['fysiskt_vald', 'berusad']),
        answers: new Map([['F50_berusad', new Map([['1', 'no'], ['2', 'yes'], ['9', 'missing']] as const)]]),
        county: 'Länet',
        definition: 'Våld är varje handling som skadar, smärtar, skrämmer eller kränker.',
      },
      meta,
    );
    expect(built.config.indicators.map((i) => [i.id, i.column])).toEqual([
      ['fysiskt_vald', 'F12_slagen'],
      ['berusad', 'F50_berusad'],
    ]);
    // The codes join the same kind of scale: nothing in it contradicts them.
    expect(built.config.answer_scales.frekvens).toEqual({
      yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger ', '2'],
      no: ['Nej', '1'],
      missing: ['Vill inte svara', '', '9'],
    });
    expect(built.config.project.violence_definition).toBe('Våld är varje handling som skadar, smärtar, skrämmer eller kränker.');
    expect(built.warnings).toEqual([]);

    const dir = tempDir();
    const coded = propose(await profileCsv(writeFile(dir, 'k.csv', 'kommun,ar,kon,F10_slagen\nÅby,2023,1,Nej\nÅby,2023,2,Ja\nÅby,2023,3,Nej\n')), template);
    const named = buildConfig(coded, template, { genderCodes: new Map([['1', 'girl'], ['2', 'boy'], ['3', 'other']] as const), county: 'Länet', definition: null }, meta);
    expect(named.config.groups.gender.values.map((v) => [v.code, v.label, v.report])).toEqual([
      ['1', { sv: 'Flickor', en: 'Girls' }, true],
      ['2', { sv: 'Pojkar', en: 'Boys' }, true],
      ['3', { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' }, false],
    ]);
    const unnamed = buildConfig(coded, template, { county: 'Länet', definition: null }, meta);
    expect(unnamed.config.groups.gender.values.map((v) => v.label)).toEqual([
      { sv: 'Kön 1', en: 'Gender 1' },
      { sv: 'Kön 2', en: 'Gender 2' },
      { sv: 'Kön 3', en: 'Gender 3' },
    ]);
    expect(unnamed.warnings).toContainEqual({ code: 'gender-codes', column: 'kon', codes: ['1', '2', '3'] });
    expect(unnamed.text).toContain('# ÄNDRA: vad betyder koden 1? Skriv Flickor, Pojkar …');
  });
});
