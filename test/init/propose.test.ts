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

  it('takes what the column names surely say, suggests what they only hint at, and says why the rest is left out', async () => {
    const p = propose(await profileCsv(MESSY), template);
    expect(p.indicators.indicators.map((i) => [i.id, i.column, i.level])).toEqual([
      ['fysiskt_vald', 'F12_slagen', 'clear'],
      ['hot', 'F13_hotad', 'clear'],
      ['krankt_pa_natet', 'F14_kränkt_på_nätet', 'clear'],
      ['berusad', 'F50_berusad', 'clear'],
      ['vuxen_att_prata_med', 'F31_vuxen_att_prata_med', 'clear'],
    ]);
    // Names carry no question: nothing is quoted, and no time frame is claimed.
    expect(p.indicators.indicators.every((i) => i.question === null && i.time === null)).toBe(true);
    expect(p.indicators.suggestions.map((i) => [i.id, i.column, i.level, i.doubts])).toEqual([
      ['vald_i_parrelation', 'F16b_partner_våld', 'possible', [{ code: 'role-assumed' }]],
      ['otrygg_ute', 'F20_otrygg_ute', 'possible', [{ code: 'not-named', what: 'place', place: 'neighbourhood' }]],
    ]);
    // The partner question is the population filter, never an outcome.
    expect(p.indicators.suggestions[0]!.population).toEqual({ column: 'F16a_partner', values: ['Ja'], question: null });
    expect(p.indicators.filters).toEqual(['F16a_partner']);
    expect([...p.indicators.candidates.values()].flat().map((c) => c.column)).not.toContain('F16a_partner');
    expect(p.indicators.unused).toEqual([
      {
        column: 'F40_mobbad',
        why: 'near',
        question: 'F40_mobbad',
        indicator: 'fysiskt_vald',
        reasons: [{ code: 'acts-differ', data: ['bullying'], template: ['physical'] }],
      },
      { column: 'Övrigt', why: 'free-text' },
    ]);
  });

  it('sorts answers into yes / no / missing, keeping the exact spelling and the template\'s unseen answers', async () => {
    const p = propose(await profileCsv(MESSY), template);
    const answers = (id: string) => p.indicators.indicators.find((i) => i.id === id)!.answers;
    expect(answers('fysiskt_vald')).toMatchObject({
      yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger '],
      no: ['Nej'],
      missing: ['', 'Vill inte svara'],
      unknown: [],
      understood: true,
    });
    // With how many of the rows read gave each answer, for the wizard.
    expect(answers('fysiskt_vald').counts.get('Nej')).toBe(82);
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
      ['Jag vet inte', 'missing'],
      ['Minns inte', 'missing'],
      ['Kanske', null],
      ['1', null],
      ['Tjej', null],
      // Frequencies, as surveys write them.
      ['Ja, 2–5 gånger', 'yes'],
      ['1 gång', 'yes'],
      ['2-3 gånger', 'yes'],
      ['Fler än 5 gånger', 'yes'],
      ['Någon gång i månaden', 'yes'],
      ['Ingen gång', 'no'],
      ['Nej, aldrig', 'no'],
      ['Nästan aldrig', 'no'],
      // Scales of safety and trust: the question's own words.
      ['Mycket trygg', 'yes'],
      ['Ganska otrygg', 'no'],
      ['Ganska stort', 'yes'],
      ['Mycket litet', 'no'],
      // A no in other words, and answers that say the question does not apply.
      ['Jag dricker inte alkohol', 'no'],
      ['Jag har aldrig druckit alkohol', 'no'],
      ['Jag har inte haft någon pojkvän, flickvän eller partner', 'missing'],
      ['Har aldrig haft pojkvän/flickvän', 'missing'],
      ['Jag är aldrig i centrum då', 'missing'],
      // A follow-up question's answer for those it was not about (Östervik's "F43. Har du berättat …").
      ['Har inte blivit utsatt', 'missing'],
      ['Jag har aldrig varit utsatt', 'missing'],
      ['Det har inte hänt mig', 'missing'],
      ['Jag är aldrig otrygg', null],
    ];
    for (const [answer, expected] of cases) expect([answer, classifyAnswer(answer)]).toEqual([answer, expected]);
  });

  it('adds the template scale\'s unseen answers and the empty cell', () => {
    const scale = proposeScale(new Map([['Nej', 9], ['Ja, en gång', 1]]), template.config.answer_scales.frekvens);
    expect(scale).toMatchObject({ yes: ['Ja, en gång', 'Ja, flera gånger'], no: ['Nej'], missing: ['Vill inte svara', ''], unknown: [], understood: true });
    // A column on another scale does not get the template's answers.
    expect(proposeScale(new Map([['Mycket trygg', 9], ['Ganska otrygg', 1]]), template.config.answer_scales.instamning)).toMatchObject({
      yes: ['Mycket trygg'],
      no: ['Ganska otrygg'],
      missing: [''],
    });
  });

  it('swaps yes and no when the question asks the opposite of the indicator ("trygg" for "otrygg")', () => {
    const scale = proposeScale(new Map([['Ja, alltid', 10], ['Ja, oftast', 8], ['Nej, sällan', 3], ['Nej, aldrig', 1], ['Vet inte', 1]]), undefined, true);
    expect(scale).toMatchObject({ yes: ['Nej, sällan', 'Nej, aldrig'], no: ['Ja, alltid', 'Ja, oftast'], missing: ['Vet inte', ''] });
  });

  it('finds roles by values when names say nothing, and honours columns given by flag', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'x.csv', 'a,b,c,d\n2021,Flicka,Åk 9,Nej\n2021,Pojke,Gy 2,Ja\n2023,Flicka,Åk 9,Ja\n');
    const profile = await profileCsv(file);
    const roles = proposeRoles(profile);
    expect(roles).toEqual({ area: null, year: 'a', gender: 'b', grade: 'c', weight: null, id: null });
    // Without an area column the municipality is given for the whole file (--area-name).
    expect(missingRoles(roles)).toEqual([]);
    expect(missingRoles({ ...roles, gender: null })).toEqual(['gender']);
    expect(proposeRoles(profile, { area: 'd', grade: null })).toMatchObject({ area: 'd', grade: null, year: 'a', gender: 'b' });
    expect(() => proposeRoles(profile, { area: 'kommun' })).toThrow(UsageError);
    expect(() => proposeRoles(profile, { area: 'kommun' })).toThrow('column "kommun" is not in the header of');
  });

  it('a form question asking for the municipality is the municipality; a question that only names one is not', async () => {
    const dir = tempDir();
    const header = '"I vilken kommun bor du?",Kön,"Känner du dig trygg i din kommun?"';
    const file = writeFile(dir, 'q.csv', [header, 'Ekvik,Tjej,Ja', 'Hallsta,Kille,Nej', 'Ekvik,Kille,Ja'].join('\n'));
    expect(proposeRoles(await profileCsv(file))).toMatchObject({ area: 'I vilken kommun bor du?', gender: 'Kön' });
    // Without the question asking which: the yes/no question is no municipality column.
    const other = writeFile(dir, 'r.csv', ['Kön,"Känner du dig trygg i din kommun?",Skola', 'Tjej,Ja,Ekviksskolan', 'Kille,Nej,Hallstaskolan'].join('\n'));
    expect(proposeRoles(await profileCsv(other))).toMatchObject({ area: null, gender: 'Kön' });
    // Named like a municipality column, but answered yes or no: not one.
    const yesNo = writeFile(dir, 's.csv', ['Kön,kommun', 'Tjej,Ja', 'Kille,Nej'].join('\n'));
    expect(proposeRoles(await profileCsv(yesNo))).toMatchObject({ area: null });
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

  it('says when a column named like a weight is not used as one (zero weights, or text), so the figures are unweighted', async () => {
    const dir = tempDir();
    const warningsFor = async (weights: string[]) => {
      const body = weights.map((w, i) => `Åby,2023,${i % 2 ? 'Flicka' : 'Pojke'},${w},${i % 3 ? 'Nej' : 'Ja'}`);
      const file = writeFile(dir, `v${weights.length}.csv`, ['kommun,ar,kon,Vikt,F10_slagen', ...body].join('\n'));
      const p = propose(await profileCsv(file), template);
      return buildConfig(p, template, { county: 'Länet', definition: null }, meta).warnings.filter((w) => w.code === 'weight-not-used');
    };
    expect(await warningsFor(['1.2', '0', '0.8', '1.1'])).toEqual([{ code: 'weight-not-used', column: 'Vikt', why: 'not-positive' }]);
    expect(await warningsFor(['1.2', 'saknas', '0.8', '1.1', '0.9'])).toEqual([{ code: 'weight-not-used', column: 'Vikt', why: 'not-numbers' }]);
    // A usable weight column is taken, and nothing is said.
    expect(await warningsFor(['1.2', '0.7', '0.8', '1.1', '0.9', '1.3'])).toEqual([]);
  });

  it('merges spellings of one school year (files merged from several schools), and keeps classes apart', () => {
    const values = new Map([
      ['Åk 9', 40],
      ['åk9', 12],
      ['9', 30],
      ['Årskurs 9', 5],
      ['8', 33],
      ['ÅK8', 20],
      ['Årskurs 8', 2],
      ['GY2', 3],
      ['Gymnasiet år 2', 2],
      ['9A', 1],
    ]);
    // The most frequent spelling is the code; a school year is named the usual way ("åk9" → "Åk 9").
    expect(proposeGrade(new Map([['åk9', 5], ['9', 2]])).values[0]).toEqual({ code: 'åk9', aliases: ['9'], label: { sv: 'Åk 9', en: 'Year 9' }, report: true });
    expect(proposeGrade(values)).toEqual({
      values: [
        { code: '8', aliases: ['ÅK8', 'Årskurs 8'], label: { sv: 'Åk 8', en: 'Year 8' }, report: true },
        { code: '9A', aliases: [], label: '9A', report: true },
        { code: 'Åk 9', aliases: ['9', 'åk9', 'Årskurs 9'], label: { sv: 'Åk 9', en: 'Year 9' }, report: true },
        { code: 'GY2', aliases: ['Gymnasiet år 2'], label: { sv: 'Gy 2', en: 'Upper secondary year 2' }, report: true },
      ],
      missing: [''],
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
    expect(built.warnings.filter((w) => w.code === 'preview' || w.code === 'year-format')).toEqual([
      { code: 'preview', rows: PREVIEW_ROWS },
      { code: 'year-format', column: 'ar', example: '2023/24' },
    ]);
  });
});

describe('init: the bundled example', () => {
  it('takes every column its name surely names, suggests the others, and puts no column on a wrong indicator', async () => {
    const p = propose(await profileCsv(join(EXAMPLE, 'data', 'enkat-2023.csv')), template);
    const example = parseConfig((await import('node:fs')).readFileSync(join(EXAMPLE, 'lagesbild.yaml'), 'utf8'), 'lagesbild.yaml');
    const columnOf = new Map(example.indicators.filter((i) => i.column !== undefined).map((i) => [i.id, i.column]));
    // Taken or suggested, every column goes to the indicator the hand-made config has it on.
    const all = [...p.indicators.indicators, ...p.indicators.suggestions];
    expect(all.filter((i) => columnOf.get(i.id) !== i.column).map((i) => [i.id, i.column])).toEqual([]);
    // Every question is found. Follow-up questions ("F19a_plats_skolan") only as suggestions:
    // the names do not say what they follow up.
    const found = new Set(all.map((i) => i.id));
    expect(example.indicators.filter((i) => i.column !== undefined && !found.has(i.id)).map((i) => i.id)).toEqual([]);
    expect(p.indicators.unused.map((u) => u.column)).toEqual(['fodelseland', 'familjens_ekonomi']);
    expect(p.indicators.indicators.map((i) => i.id)).toEqual([
      'fysiskt_vald',
      'hot',
      'krankt_pa_natet',
      'hedersrelaterade_begransningar',
      'utovat_fysiskt_vald',
      'accepterar_vald',
      'otrygg_i_skolan',
      'berusad',
      'vuxen_att_prata_med',
      'vanner_som_slass',
      'skolan_ingriper',
      'trygg_i_omradet',
      'fortroende_polis',
      'fortroende_socialtjanst',
    ]);
    // A name that does not say who did what, or to whom, is only a suggestion.
    expect(p.indicators.suggestions.map((i) => [i.id, i.doubts.map((d) => (d.code === 'not-named' ? `not-named:${d.what}` : d.code))])).toEqual([
      ['sexuellt_vald', ['role-assumed']],
      ['sexuella_trakasserier', ['role-assumed']],
      ['sexuella_bilder_natet', ['role-assumed']],
      ['vald_i_parrelation', ['role-assumed']],
      ['bevittnat_vald', ['not-named:acts', 'not-named:party']],
      ...['plats_skolan', 'plats_natet', 'plats_hemma', 'plats_ute', 'foljd_undvikit', 'foljd_stannat_hemma', 'berattat_vuxen', 'polisanmalt'].map((id) => [id, ['follows-which']]),
      ['utovat_krankning_natet', ['not-named:acts']],
      ['accepterar_kontroll', ['not-named:party']],
      ['otrygg_ute', ['not-named:place']],
    ]);
    expect(p.indicators.suggestions.find((i) => i.id === 'vald_i_parrelation')!.population).toEqual({ column: 'F16a_partner', values: ['Ja'], question: null });
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
    // Only the clear matches; the combined indicator of those of its parts that are there.
    expect(built.config.indicators.map((i) => i.id)).toEqual(['fysiskt_vald', 'hot', 'krankt_pa_natet', 'utsatt_nagon_form', 'vuxen_att_prata_med']);
    const combined = built.config.indicators.find((i) => i.id === 'utsatt_nagon_form')!;
    expect([combined.any_of, combined.statement]).toEqual([['fysiskt_vald', 'hot', 'krankt_pa_natet'], undefined]);
    // Column names are no questions: the template's wording is not copied, and no time frame is claimed.
    const fysiskt = built.config.indicators.find((i) => i.id === 'fysiskt_vald')!;
    expect([fysiskt.question, fysiskt.statement, fysiskt.time_frame]).toEqual([
      undefined,
      { sv: 'att de utsatts för fysiskt våld', en: 'that they had been subjected to physical violence' },
      undefined,
    ]);
    expect(built.config.answer_scales.frekvens).toEqual({
      yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger '],
      no: ['Nej'],
      missing: ['Vill inte svara', ''],
    });
    expect(built.config.answer_scales.ja_nej!.missing).toEqual(['Vill inte svara', '', 'Vet inte', 'Kanske']);
    expect(built.warnings).toEqual([
      { code: 'codes-only', indicator: 'berusad', column: 'F50_berusad', answers: ['1', '2', '9'] },
      { code: 'answers-as-missing', indicator: 'vuxen_att_prata_med', column: 'F31_vuxen_att_prata_med', answers: ['Kanske'] },
      { code: 'unsure', indicator: 'vald_i_parrelation', column: 'F16b_partner_våld', doubts: [{ code: 'role-assumed' }] },
      { code: 'unsure', indicator: 'otrygg_ute', column: 'F20_otrygg_ute', doubts: [{ code: 'not-named', what: 'place', place: 'neighbourhood' }] },
    ]);
    // The unsure ones are suggestions, commented out with their reasons, complete with population and answers.
    expect(built.text).toContain(
      [
        '# vald_i_parrelation: osäker: våld: utsatthet · fysiskt våld · av en partner (kolumnnamnet säger inte om eleven utsatts eller själv utövat (läses som utsatthet))',
        '#   - id: vald_i_parrelation',
      ].join('\n'),
    );
    expect(built.text).toContain('#     population:\n#       column: F16a_partner\n#       values: [Ja]\n#     column: F16b_partner_våld\n');
    expect(built.text).toContain('# otrygg_ute: osäker: trygghet (kolumnnamnet säger inte där eleven bor)\n');
    // Uncommented, a suggestion loads as it is.
    const uncommented = built.text.replace(/^# {3}(- id: vald_i_parrelation[\s\S]*?)(?=\n\n)/m, (block: string) => block.replace(/^# /gm, ''));
    expect(parseConfig(uncommented, 'x.yaml').indicators.find((i) => i.id === 'vald_i_parrelation')).toMatchObject({
      column: 'F16b_partner_våld',
      population: { column: 'F16a_partner', values: ['Ja'] },
      answers: { yes: ['Ja, en gång', 'Ja, flera gånger'], no: ['Nej'] },
    });
    expect(built.text.startsWith('# yaml-language-server: $schema=./node_modules/lagesbild/schema/lagesbild.schema.json\n')).toBe(true);
    expect(built.text).toContain('\n$schema: ./node_modules/lagesbild/schema/lagesbild.schema.json\n');
    expect(built.text).toContain('  # ÄNDRA vid behov: svaren "Kanske" är okända och räknas nu som saknade svar.\n');
    expect(built.text).toContain('    yes: ["Ja, en gång", "Ja, flera gånger", "Ja, flera gånger "]\n');
    expect(built.text).toContain(
      '# Kolumner som inte används (lägg till en indikator för hand om frågan ska vara med i rapporten):\n#   F40_mobbad: liknar fysiskt_vald, men frågan gäller mobbning, indikatorn fysiskt våld.\n#   F50_berusad: bara sifferkoder, ingen av dem angiven som ja.\n',
    );
    expect(built.text).toContain('# Fritext och löpnummer tas aldrig med: Övrigt.\n');
    // Privacy: neither the free-text answers nor any respondent id reaches the config.
    expect(built.text).not.toContain('Påhittad');
    expect(built.text).not.toMatch(/\b50\d\d\b/);
  });

  it('suggests a SurveyMonkey check box ("Var hände det? – I skolan": its text when ticked) with all its question\'s boxes', async () => {
    const rows = [
      '"Respondent ID","Kommun","År","Jag är","Har du under de senaste 12 månaderna blivit slagen?","Var hände det? (välj alla som stämmer)","",""',
      '"","Svar","Svar","Svar","Svar","I skolan","På nätet","Hemma"',
      ...Array.from({ length: 12 }, (_, i) => `"${9000 + i}","Åby","2025","${i % 2 ? 'Tjej' : 'Kille'}","${i % 3 ? 'Nej' : 'Ja'}","${i % 3 ? '' : 'I skolan'}","${i % 4 ? '' : 'På nätet'}",""`),
    ];
    const p = propose(await profileCsv(writeFile(tempDir(), 'Trygghetsenkät 2025.csv', `${rows.join('\n')}\n`)), template);
    const boxes = ['I skolan', 'På nätet', 'Hemma'].map((o) => `Var hände det? (välj alla som stämmer) – ${o}`);
    // Never a clear match (a follow-up), each with its option as yes, the empty box as no, and
    // every box of the question, the one never ticked too.
    expect(p.indicators.indicators.filter((i) => i.column.startsWith('Var hände'))).toEqual([]);
    expect(p.indicators.suggestions.filter((i) => i.column.startsWith('Var hände')).map((i) => [i.id, i.column, i.answers.yes, i.answers.no, i.checkboxes, i.doubts.map((d) => d.code)])).toEqual([
      ['plats_skolan', boxes[0], ['I skolan'], [''], boxes, ['follows-which']],
      ['plats_natet', boxes[1], ['På nätet'], [''], boxes, ['follows-which']],
    ]);
    // The box nobody ticked has nothing to tell it by.
    expect(p.indicators.unused.filter((u) => u.column.startsWith('Var hände'))).toEqual([{ column: boxes[2], why: 'no-match', question: boxes[2] }]);
    // Written, a suggestion carries `checkboxes` and loads as it is once uncommented.
    const built = buildConfig(p, template, { county: 'Länet', definition: null }, meta);
    const uncommented = built.text.replace(/^# {3}(- id: plats_skolan[\s\S]*?)(?=\n\n)/m, (block: string) => block.replace(/^# /gm, ''));
    expect(parseConfig(uncommented, 'x.yaml').indicators.find((i) => i.id === 'plats_skolan')).toMatchObject({
      column: boxes[0],
      answers: { yes: ['I skolan'], no: [''], missing: [] },
      checkboxes: boxes,
    });
  });

  it('keeps a follow-up question\'s population (those subjected to any violence) where that indicator is in the config', async () => {
    const p = propose(await profileCsv(join(EXAMPLE, 'data', 'enkat-2023.csv')), template);
    const plats = p.indicators.suggestions.find((s) => s.id === 'plats_skolan')!;
    const built = buildConfig(p, template, { mapping: new Map([['plats_skolan', plats]]), county: 'Länet', definition: null }, meta);
    const entry = built.config.indicators.find((i) => i.id === 'plats_skolan')!;
    expect([entry.column, entry.population, built.config.indicators.some((i) => i.id === 'utsatt_nagon_form')]).toEqual([
      'F19a_plats_skolan',
      { indicator: 'utsatt_nagon_form', answer: 'yes' },
      true,
    ]);
    expect(built.warnings).toContainEqual({ code: 'chosen-unsure', indicator: 'plats_skolan', column: 'F19a_plats_skolan', doubts: [{ code: 'follows-which' }] });
    expect(built.warnings.filter((w) => w.code === 'population-missing')).toEqual([]);
    // The commented suggestions carry it too, and load as they are once uncommented.
    expect(built.text).toContain('#     population:\n#       indicator: utsatt_nagon_form\n#       answer: yes\n#     column: F19b_plats_natet\n');
    // Without the violence questions there is no "any form of violence" to count among: said.
    const alone = propose(await profileCsv(writeFile(tempDir(), 'f.csv', 'kommun,ar,kon,F19a_plats_skolan\nÅby,2023,Flicka,Ja\nÅby,2023,Pojke,Nej\n')), template);
    const lone = buildConfig(alone, template, { mapping: new Map([['plats_skolan', alone.indicators.suggestions.find((s) => s.id === 'plats_skolan')!]]), county: 'Länet', definition: null }, meta);
    expect(lone.config.indicators.find((i) => i.id === 'plats_skolan')!.population).toBeUndefined();
    expect(lone.warnings).toContainEqual({ code: 'population-missing', indicator: 'plats_skolan' });
    // Two violence questions, one only in codes (left out): no combined indicator, so no population on it.
    const csv = ['kommun,ar,kon,F10_slagen,F11_hotad,F19a_plats_skolan', ...Array.from({ length: 6 }, (_, i) => `Åby,2023,${i % 2 ? 'Flicka' : 'Pojke'},${1 + (i % 2)},${i % 3 ? 'Nej' : 'Ja'},${i % 2 ? 'Ja' : 'Nej'}`)];
    const coded = propose(await profileCsv(writeFile(tempDir(), 'k.csv', `${csv.join('\n')}\n`)), template);
    expect(coded.indicators.indicators.map((i) => i.id)).toEqual(['fysiskt_vald', 'hot']);
    const built2 = buildConfig(coded, template, { mapping: new Map([['plats_skolan', coded.indicators.suggestions.find((s) => s.id === 'plats_skolan')!]]), county: 'Länet', definition: null }, meta);
    expect(built2.config.indicators.map((i) => [i.id, i.population])).toEqual([
      ['hot', undefined],
      ['plats_skolan', undefined],
    ]);
    expect(built2.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['codes-only', 'population-missing']));
  });

  it('records the decisions of the wizard: indicators left out, codes named, gender codes named', async () => {
    const p = propose(await profileCsv(MESSY), template);
    const unmapped = new Map(p.indicators.indicators.filter((i) => !['fysiskt_vald', 'berusad'].includes(i.id)).map((i) => [i.id, null] as const));
    for (const s of p.indicators.suggestions) unmapped.set(s.id, null);
    const built = buildConfig(
      p,
      template,
      {
        mapping: unmapped,
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
    // The codes get a scale of their own: no scale lists answers its columns cannot have.
    expect(built.config.answer_scales).toEqual({
      frekvens: { yes: ['Ja, en gång', 'Ja, flera gånger', 'Ja, flera gånger '], no: ['Nej'], missing: ['Vill inte svara', ''] },
      frekvens_2: { yes: ['2'], no: ['1'], missing: ['', '9'] },
    });
    expect(built.config.project.violence_definition).toBe('Våld är varje handling som skadar, smärtar, skrämmer eller kränker.');
    // A definition typed in is agreed only when the user says so.
    expect(built.config.project.violence_definition_agreed).toBe(false);
    expect(built.warnings).toEqual([]);
    expect(built.text).not.toContain('Osäkra förslag');

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
