// The report parts of issue 16 on figures the pipeline computed (groups-associations.R's
// survey, default disclosure rules): the Grupper chapter, step 3's associations, reference
// values (chart markers, the chapter, "tested only when its uncertainty is known") and the
// county profile. Every number a sentence or cell shows is read back from the figures table.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../../src/analysis/figures.js';
import { ingestFiles } from '../../src/analysis/pipeline.js';
import type { AssociationRecord, ChangeRecord, EstimateRecord, FiguresTable } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import type { ProjectConfig } from '../../src/config/schema.js';
import { loadReferences } from '../../src/references/load.js';
import { PROFILE_AREAS } from '../../src/report/chapters/county-profile.js';
import { formatCi, formatDiff, formatPercent, formatPValue, formatRatio } from '../../src/report/format.js';
import { buildCountyReport, buildMunicipalityReport } from '../../src/report/index.js';
import type { Block, FigureBlock, ReportDocument, TableBlock } from '../../src/report/model.js';
import { groupsConfig } from '../fixtures/groups-project.js';
import { referencePath } from '../stats/reference-data.js';

const DISCLOSURE = '{ min_base: 10, caution_base: 30, max_small_count: 2, secondary: true }';
const DATE = '2024-05-31';
let config: ProjectConfig;
let figures: FiguresTable;
let bro: ReportDocument;
let alby: ReportDocument;
let cedby: ReportDocument;
/** Without multiplicity adjustment, so that some municipalities differ from the rest of the county. */
let unadjusted: FiguresTable;
let county: ReportDocument;

beforeAll(async () => {
  const path = referencePath('groups.yaml');
  config = parseConfig(groupsConfig('{ weight: vikt, strata: stratum }', 'Reflän', DISCLOSURE), path);
  const { sums } = await ingestFiles([referencePath('survey-groups.csv')], config);
  const references = await loadReferences(config, path);
  figures = computeFigures(sums, config, {}, references);
  bro = buildMunicipalityReport({ figures, config, area: 'Bro', lang: 'sv', dateIso: DATE });
  alby = buildMunicipalityReport({ figures, config, area: 'Alby', lang: 'sv', dateIso: DATE });
  cedby = buildMunicipalityReport({ figures, config, area: 'Cedby', lang: 'sv', dateIso: DATE });
  const none = { ...config, statistics: { ...config.statistics, multiple_comparisons: 'none' as const } };
  unadjusted = computeFigures(sums, none, {}, references);
  county = buildCountyReport({ figures: unadjusted, config: none, lang: 'sv', dateIso: DATE });
});

const blocksOf = (doc: ReportDocument, chapter: string): Block[] => doc.chapters.find((c) => c.id === chapter)?.blocks ?? [];
const tables = (blocks: Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const charts = (blocks: Block[]) => blocks.filter((b): b is FigureBlock => b.type === 'figure');
const text = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : []));
const est = (indicator: string, area: string, group: string, table = figures) =>
  table.records.find((r): r is EstimateRecord => r.kind === 'estimate' && r.indicator === indicator && r.area === area && r.year === 2023 && r.group === group);
const pct = (x: number) => formatPercent(x, 'sv', 0, false);
/** "24 procent (95 % KI 19–30)" of an estimate that is shown. */
const withCi = (r: EstimateRecord) => `${pct(r.estimate!)} procent (95\u00a0% KI ${formatCi(r.ci_lower, r.ci_upper, 'sv', 0, false)})`;
const cell = (r: EstimateRecord) => `${pct(r.estimate!)} (${formatCi(r.ci_lower, r.ci_upper, 'sv', 0, false)})${r.flag === 'caution' ? '*' : ''}`;

describe('Grupper: the key indicators by each extra breakdown', () => {
  it('comes after the result chapters, with a section per breakdown and the reported values only', () => {
    const ids = bro.chapters.map((c) => c.id);
    expect(ids.indexOf('grupper')).toBe(ids.indexOf('utsatthet') + 1);
    const headings = blocksOf(bro, 'grupper').filter((b) => b.type === 'heading');
    expect(headings.map((h) => (h.type === 'heading' ? h.text : ''))).toEqual(['Födelseland', 'Familjens ekonomi']);
    expect(text(blocksOf(bro, 'grupper'))[0]).toBe(
      'Kapitlet visar nyckeltalen vid mätningen 2023 efter födelseland och familjens ekonomi: för alla i varje grupp och efter kön. Den som inte har besvarat frågan om en grupp ingår inte i den gruppens redovisning. Skillnaderna mellan grupperna har inte prövats statistiskt; konfidensintervallen visar hur osäker varje andel är, och i små grupper är osäkerheten stor.',
    );
    // "Vet inte" (report: false) is no group of the chapter.
    expect(JSON.stringify(blocksOf(bro, 'grupper'))).not.toContain('Vet inte');
  });

  it('says each value with its interval, from the figures table', () => {
    const s = est('y1', 'Alby', 'fodd=S')!;
    const u = est('y1', 'Alby', 'fodd=U')!;
    expect([s.suppressed, u.suppressed]).toEqual([false, false]);
    const items = text(blocksOf(alby, 'grupper'));
    const caution = [s, u].flatMap((r, i) => (r.flag === 'caution' ? [i === 0 ? '”Född i Sverige”' : '”Född utomlands”'] : []));
    const small = caution.length === 0 ? '' : ` Tolka med försiktighet för ${caution.join(' och ')}: färre än 30 svarande.`;
    expect(items).toContain(`”y1”: ${withCi(s)} i gruppen ”Född i Sverige” och ${withCi(u)} i gruppen ”Född utomlands”.${small}`);
  });

  it('a table of every key indicator × value, for everyone (with n) and by gender', () => {
    const t = tables(blocksOf(bro, 'grupper')).find((b) => b.caption === 'Nyckeltal efter födelseland och kön, Bro 2023')!;
    expect(t.table.columns.map((c) => c.header)).toEqual(['Indikator', 'Grupp', 'Andel % (95\u00a0% KI)', 'Antal svarande', 'Flickor, andel % (95\u00a0% KI)', 'Pojkar, andel % (95\u00a0% KI)']);
    const row = t.table.rows.find((r) => r.header === 'y_any' && r.cells[0] === 'Född i Sverige')!;
    const girls = est('y_any', 'Bro', 'gender=F;fodd=S')!;
    const all = est('y_any', 'Bro', 'fodd=S')!;
    expect(all.suppressed).toBe(false);
    expect(row.cells.slice(1, 3)).toEqual([cell(all), String(all.n)]);
    expect(row.cells[3]).toBe(girls.suppressed ? (girls.suppression === 'secondary' ? '(..)' : '..') : cell(girls));
  });

  it('each hidden value is said with its own reason: one hidden to protect another is not said to have too few answers', () => {
    const REASON = {
      base: 'färre än 10 har svarat',
      count: 'bara 1–2 har svarat ja (eller nej), och så små antal visas inte',
      complement: 'bara 1–2 har svarat ja (eller nej), och så små antal visas inte',
      secondary: 'andelen döljs för att ett annat dolt värde inte ska kunna räknas fram',
    };
    const quote = (s: string) => s.replace(/[()]/g, '\\$&');
    const reasons = new Set<string>();
    for (const [doc, area] of [[bro, 'Bro'], [alby, 'Alby'], [cedby, 'Cedby']] as const) {
      const items = text(blocksOf(doc, 'grupper'));
      for (const e of config.groups.extra) {
        for (const v of e.values.filter((x) => x.report)) {
          for (const r of figures.records.filter((x): x is EstimateRecord => x.kind === 'estimate' && x.area === area && x.year === 2023 && x.group === `${e.id}=${v.code}` && x.suppressed)) {
            const item = items.find((i) => i.startsWith(`”${r.indicator}”:`) && i.includes(`”${v.label as string}”`));
            if (item === undefined) continue; // not a key indicator, or a breakdown with nothing to show
            const said = new RegExp(`”${quote(v.label as string)}”(?:, ”[^”]+”| och ”[^”]+”)*: ${quote(REASON[r.suppression!])}`);
            expect(item, `${area} ${r.indicator} ${r.group}`).toMatch(said);
            reasons.add(r.suppression!);
          }
        }
      }
    }
    // Both a value hidden for its own small numbers and one hidden to protect another occur.
    expect(reasons.has('secondary')).toBe(true);
    expect(reasons.size).toBeGreaterThan(1);
  });

  it('a hidden value is `..` with its reason, never a number; a breakdown with nothing to show gets one sentence', () => {
    const hidden = figures.records.filter((r): r is EstimateRecord => r.kind === 'estimate' && r.area === 'Cedby' && r.year === 2023 && /fodd|ekonomi/.test(r.group) && r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    const cedbyText = JSON.stringify(blocksOf(cedby, 'grupper'));
    for (const r of hidden.filter((x) => x.estimate !== null)) expect(cedbyText).not.toContain(`${pct(r.estimate!)} procent (95`);
    const shownAny = (id: string) =>
      ['y1', 'y_any'].some((i) => config.groups.extra.find((e) => e.id === id)!.values.some((v) => est(i, 'Cedby', `${id}=${v.code}`)?.suppressed === false));
    for (const e of config.groups.extra) {
      if (!shownAny(e.id)) expect(text(blocksOf(cedby, 'grupper'))).toContain(`Grupperna efter ${e.label === 'Födelseland' ? 'födelseland' : 'familjens ekonomi'} är för små i Cedby för att nyckeltalen ska kunna redovisas.`);
    }
  });
});

describe('step 3: associations per ecological level', () => {
  const assoc = (factor: string, outcome: string, area: string) =>
    figures.records.find((r): r is AssociationRecord => r.kind === 'association' && r.factor === factor && r.indicator === outcome && r.area === area && r.year === 2023)!;

  it('the handbook caveat once, then per level a table of factor × outcome from the figures table', () => {
    const blocks = blocksOf(bro, 'forandringsfaktorer');
    expect(text(blocks)[1]).toBe(
      'Under varje nivå visas också andelen för ”y_any”, ”y1” och ”y2” bland elever med och utan faktorn. Ett sådant samband visar bara att två förhållanden förekommer tillsammans, inte att faktorn är orsaken: båda kan till exempel hänga ihop med något tredje. Enligt handboken är en faktor som hänger samman med våld en möjlig utgångspunkt för förebyggande insatser, inte ett bevis på en orsak.',
    );
    const t = tables(blocks).find((b) => b.caption === 'Andelar med och utan förändringsfaktorn – Relation, Bro 2023')!;
    expect(t.table.columns.map((c) => c.header)).toEqual(['Förändringsfaktor', 'Indikator', 'Med faktorn (%)', 'Utan faktorn (%)', 'Kvot (95\u00a0% KI)', 'Justerat p-värde', 'Statistiskt säkerställd']);
    expect(t.table.rows.map((r) => [r.header, r.cells[0]])).toEqual([
      ['f2', 'y_any'],
      ['f2', 'y1'],
      ['f2', 'y2'],
    ]);
    for (const row of t.table.rows) {
      const r = assoc('f2', row.cells[0]!, 'Bro');
      if (r.suppressed) {
        expect(row.cells.slice(1)).toEqual(['..', '..', '..', '..', '..']);
        continue;
      }
      const mark = r.flag === 'caution' ? '*' : '';
      expect(row.cells.slice(1)).toEqual([
        pct(r.estimate_with!) + mark,
        pct(r.estimate_without!) + mark,
        formatRatio(r.ratio, r.ratio_ci_lower, r.ratio_ci_upper, 'sv'),
        r.q === null ? '–' : formatPValue(r.q, 'sv'),
        r.significant ? 'Ja' : 'Nej',
      ]);
    }
  });

  it('one sentence per factor for the first outcome, with the figures table\'s shares and verdict', () => {
    const r = assoc('f2', 'y_any', 'Bro');
    expect(r.suppressed).toBe(false);
    const sentence = `Bland elever som svarat ja på ”f2” var andelen som uppgav att de svarat ja på minst en av frågorna om ”y1” och ”y3” ${pct(r.estimate_with!)} procent, jämfört med ${pct(r.estimate_without!)} procent bland övriga elever som besvarat frågan. ${r.significant ? `Skillnaden är statistiskt säkerställd (justerat p ${formatPValue(r.q!, 'sv').startsWith('<') ? formatPValue(r.q!, 'sv') : `= ${formatPValue(r.q!, 'sv')}`}).` : `Det är ingen statistiskt säkerställd skillnad (justerat p = ${formatPValue(r.q!, 'sv')}).`}`;
    expect(text(blocksOf(bro, 'forandringsfaktorer'))).toContain(r.flag === 'caution' ? `${sentence} Tolka med försiktighet: en av grupperna har färre än 30 svarande.` : sentence);
  });

  it('a level whose associations are all hidden gets one sentence instead of a table of `..`', () => {
    const levels = { f1: 'Individ', f2: 'Relation' } as const;
    let hiddenLevels = 0;
    for (const [doc, area] of [[bro, 'Bro'], [alby, 'Alby'], [cedby, 'Cedby']] as const) {
      const blocks = blocksOf(doc, 'forandringsfaktorer');
      for (const [factor, level] of Object.entries(levels)) {
        const recs = ['y_any', 'y1', 'y2'].map((o) => assoc(factor, o, area));
        const table = tables(blocks).find((b) => b.caption === `Andelar med och utan förändringsfaktorn – ${level}, ${area} 2023`);
        if (recs.every((r) => r.suppressed)) {
          hiddenLevels++;
          expect(table, `${area} ${level}`).toBeUndefined();
          expect(text(blocks)).toContain(`Sambanden mellan ”${factor}” och ”y_any”, ”y1” respektive ”y2” redovisas inte: för få svarande eller för få ja- eller nej-svar med eller utan faktorn, eller för att skydda ett annat dolt värde.`);
        } else expect(table, `${area} ${level}`).toBeDefined();
      }
    }
    // The small municipality has such a level, so both branches are checked.
    expect(hiddenLevels).toBeGreaterThan(0);
  });

  it('the method names the test of an association', () => {
    expect(text(blocksOf(bro, 'bilagor')).join(' ')).toContain('Samband mellan förändringsfaktorer och andra indikatorer prövas som kvoten');
  });
});

describe('reference values', () => {
  const ref = (indicator: string, area: string, group: string) =>
    figures.records.find((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'reference' && r.indicator === indicator && r.area === area && r.group === group)!;

  it('a marker at the bars they belong to, named in the legend, the notes and the source line', () => {
    const f = charts(blocksOf(bro, 'utsatthet')).find((b) => b.caption.startsWith('y1,'))!;
    expect(f.chart.markers).toHaveLength(1);
    const markers = f.chart.markers![0]!;
    expect(markers.label).toBe('Riket (fiktiv)');
    expect(markers.symbol).toBe('◆');
    // Series: flickor, pojkar, totalt; categories: åk 7, åk 9, alla årskurser.
    const at = (series: number, category: number) => markers.values[series]![category];
    expect(at(0, 2)).toBe(29.1);
    expect(at(1, 2)).toBe(20.2);
    expect(at(2, 2)).toBe(24.5);
    expect(at(2, 1)).toBe(26);
    expect(at(2, 0)).toBeNull();
    expect(f.table.notes).toContain('◆ = referensvärdet Riket (fiktiv).');
    expect(f.source).toBe('R-referens; Riket (fiktiv): Påhittad referens');
    expect(f.table.columns.map((c) => c.header).slice(-3)).toEqual(['Flickor, Riket (fiktiv)', 'Pojkar, Riket (fiktiv)', 'Totalt, Riket (fiktiv)']);
  });

  it('a chapter with a sentence per indicator: tested when the uncertainty is known, otherwise said not to be', () => {
    const blocks = blocksOf(bro, 'jamforelse-referens');
    const y1 = ref('y1', 'Bro', 'total');
    expect(y1.p).not.toBeNull();
    const sentences = text(blocks).join(' ');
    expect(sentences).toContain(`Andelen för ”y1” var ${pct(y1.estimate_to!)} procent i Bro, och referensvärdet Riket (fiktiv) från 2023 är 25 procent.`);
    // y2 is asked of some pupils only: the sentence says whom its share is of.
    const y2 = ref('y2', 'Bro', 'total');
    expect(sentences).toContain(`Andelen för ”y2”, bland en del av eleverna, utifrån svaret på en annan fråga i enkäten, var ${pct(y2.estimate_to!)} procent i Bro, och referensvärdet Riket (fiktiv) från 2022 är 15 procent.`);
    const t = tables(blocks)[0]!;
    const row = (header: string, group: string) => t.table.rows.find((r) => r.header === header && r.cells[0] === group)!;
    // y1 for Åk 9 has neither interval nor n: not tested, and never called significant.
    expect(ref('y1', 'Bro', 'grade=9').p).toBeNull();
    expect(row('y1', 'Åk 9').cells.slice(2)).toEqual(['26', formatDiff(ref('y1', 'Bro', 'grade=9').diff, 'sv', 0, { signed: true, unit: false }), '–', 'Ej prövad']);
    // y2's value is from 2022 with n only: tested, its year in parentheses.
    expect(row('y2', 'Totalt').cells[2]).toBe('15 (2022)');
    expect(t.table.notes).toContain('Ej prövad = referensvärdets osäkerhet är inte känd, så skillnaden har inte prövats statistiskt.');
    expect(t.table.notes).toContain('Årtal inom parentes: referensvärdet är från ett tidigare år än mätningen.');
    expect(t.table.notes).toContain('”y2”: andelarna gäller bara en del av eleverna, utifrån svaret på en annan fråga i enkäten.');
    expect(t.source).toBe('R-referens; Riket (fiktiv): Påhittad referens');
  });
});

describe('county profile', () => {
  const profile = () => tables(blocksOf(county, 'lansprofil'));

  it('every municipality × every indicator, ▲/▼ with a tint exactly where the rest-of-county comparison is significant', () => {
    const [utsatthet, factors] = profile();
    expect(profile().map((t) => t.caption)).toEqual(['Länsprofil: utsatthet för våld, 2023', 'Länsprofil: förändringsfaktorer, 2023']);
    expect(utsatthet!.table.columns.map((c) => c.header)).toEqual(['Indikator', 'Alby', 'Bro', 'Cedby', 'Reflän', 'Riket (fiktiv)']);
    expect(utsatthet!.table.rows.map((r) => r.header)).toEqual(['y1', 'y3', 'y_any', 'y2']);
    expect(factors!.table.rows.map((r) => r.header)).toEqual(['f1', 'f2']);
    let marks = 0;
    for (const t of [utsatthet!, factors!]) {
      for (const row of t.table.rows) {
        ['Alby', 'Bro', 'Cedby'].forEach((area, i) => {
          const e = est(row.header, area, 'total', unadjusted)!;
          const c = unadjusted.records.find((r): r is ChangeRecord => r.kind === 'change' && r.comparison === 'rest_of_county' && r.indicator === row.header && r.area === area && r.year_to === 2023)!;
          const tone = c.significant && !c.suppressed ? (c.estimate_to! > c.estimate_from! ? 'high' : 'low') : null;
          if (tone) marks++;
          expect(row.tones?.[i] ?? null, `${row.header} ${area}`).toBe(tone);
          const value = e.suppressed ? (e.suppression === 'secondary' ? '(..)' : '..') : pct(e.estimate!) + (e.flag === 'caution' ? '*' : '');
          expect(row.cells[i], `${row.header} ${area}`).toBe(tone === null ? value : `${value} ${tone === 'high' ? '▲' : '▼'}`);
        });
      }
    }
    expect(marks).toBeGreaterThan(0);
    expect(text(blocksOf(county, 'lansprofil'))[0]).toBe(
      'Tabellerna visar andelen för varje indikator och kommun vid mätningen 2023, och för hela Reflän. ▲ betyder att kommunens andel är statistiskt säkerställt högre än i övriga länet och ▼ att den är lägre (p-värde under 0,05); markerade celler har också en färgad bakgrund. En kommun utan markering kan ändå skilja sig från länet: skillnaden kan bara inte beläggas. Två punkter (..) betyder att andelen inte redovisas.',
    );
    expect(utsatthet!.table.notes[0]).toBe('▲ = statistiskt säkerställt högre än i övriga länet, ▼ = statistiskt säkerställt lägre. Markerade celler har också en färgad bakgrund. Kolumnen Reflän gäller hela länet. Andel i procent.');
    // y3 and y_any have no reference value: `–`, and a note says what it means there.
    expect(utsatthet!.table.rows.map((r) => r.cells[4])).toEqual(['25', '–', '–', '15 (2022)']);
    expect(utsatthet!.table.notes).toContain('– under Riket (fiktiv): det finns inget referensvärde för indikatorn eller gruppen.');
    expect(factors!.table.notes.some((n) => n.startsWith('– under'))).toBe(false);
  });

  it(`splits into tables of at most ${PROFILE_AREAS} municipalities, each with the county`, () => {
    // Eight municipalities: Bro's records copied under new names.
    const names = Array.from({ length: 8 }, (_, i) => `Kommun ${i + 1}`);
    const copies = unadjusted.records.filter((r) => r.area === 'Bro').flatMap((r) => names.map((area) => ({ ...r, area })));
    const respondents = unadjusted.respondents.filter((r) => r.area === 'Bro').flatMap((r) => names.map((area) => ({ ...r, area })));
    const many: FiguresTable = {
      ...unadjusted,
      meta: { ...unadjusted.meta, areas: [...names, 'Reflän'] },
      records: [...copies, ...unadjusted.records.filter((r) => r.area === 'Reflän')],
      respondents: [...respondents, ...unadjusted.respondents.filter((r) => r.area === 'Reflän')],
    };
    const doc = buildCountyReport({ figures: many, config, lang: 'sv', dateIso: DATE });
    const t = tables(blocksOf(doc, 'lansprofil'));
    expect(t.map((x) => x.caption)).toEqual([
      'Länsprofil: utsatthet för våld, 2023 (kommun 1–6 av 8)',
      'Länsprofil: utsatthet för våld, 2023 (kommun 7–8 av 8)',
      'Länsprofil: förändringsfaktorer, 2023 (kommun 1–6 av 8)',
      'Länsprofil: förändringsfaktorer, 2023 (kommun 7–8 av 8)',
    ]);
    expect(t[0]!.table.columns.map((c) => c.header)).toEqual(['Indikator', ...names.slice(0, 6), 'Reflän', 'Riket (fiktiv)']);
    expect(t[1]!.table.columns.map((c) => c.header)).toEqual(['Indikator', ...names.slice(6), 'Reflän', 'Riket (fiktiv)']);
  });
});

describe('follow-up questions (aspect) in the utsatthet chapter', () => {
  it('a section per aspect after the forms, saying whom the shares are of, with the totals and a chart', async () => {
    const path = referencePath('groups.yaml');
    // Disclosure control off, so that the chart has its gender bars.
    const text0 = groupsConfig('{ weight: vikt, strata: stratum }', 'Reflän').replace(
      '- { id: y3, label: y3, chapter: utsatthet, column: y3, answers: y01 }',
      '- { id: y3, label: Hände i skolan, short: I skolan, statement: att det hände i skolan, chapter: utsatthet, aspect: plats, population: { indicator: y1 }, column: y3, answers: y01 }',
    );
    const cfg = parseConfig(text0.replace('any_of: [y1, y3]', 'any_of: [y1, y2]'), path);
    const { sums } = await ingestFiles([referencePath('survey-groups.csv')], cfg);
    const table = computeFigures(sums, cfg, {}, await loadReferences(cfg, path));
    const doc = buildMunicipalityReport({ figures: table, config: cfg, area: 'Bro', lang: 'sv', dateIso: DATE });
    const blocks = blocksOf(doc, 'utsatthet');
    const at = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Var våldet hände');
    expect(at).toBe(blocks.length - 3);
    const total = est('y3', 'Bro', 'total', table)!;
    expect(total.n).toBeLessThan(est('y1', 'Bro', 'total', table)!.n);
    expect(text([blocks[at + 1]!])).toEqual([
      `Andelarna i avsnittet gäller bara dem som svarat ja på ”y1”. Totalt uppgav ${withCi(total)} att det hände i skolan.${total.flag === 'caution' ? ` Tolka med försiktighet: gruppen har bara ${total.n} svarande.` : ''}`,
    ]);
    expect((blocks[at + 2] as FigureBlock).caption).toBe('Var våldet hände, efter kön, Bro 2023');
    // Where violence happened is no measure of violence: not an association outcome.
    expect(table.records.some((r) => r.kind === 'association' && r.indicator === 'y3')).toBe(false);
  });
});
