import { describe, expect, it } from 'vitest';
import type { EstimateRecord, FigureRecord, FiguresTable } from '../../src/analysis/types.js';
import { ProjectConfig } from '../../src/config/schema.js';
import { UsageError } from '../../src/errors.js';
import { buildCountyReport, buildMunicipalityReport } from '../../src/report/index.js';
import type { Block, FigureBlock, ReportDocument, TableBlock } from '../../src/report/model.js';
import { CANARY, config, configInput, figures, fixtureEstimate, singleWaveFigures } from './fixtures.js';
import { sv } from '../../src/report/i18n/sv.js';
import { en } from '../../src/report/i18n/en.js';
import { cautionSentence } from '../../src/report/chapters/common.js';

const NBSP = '\u00a0';
const DATE = '2024-03-05';

const angsby = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
const backe = buildMunicipalityReport({ figures, config, area: 'Backe', lang: 'sv', dateIso: DATE });
const county = buildCountyReport({ figures, config, lang: 'sv', dateIso: DATE });

const blocks = (doc: ReportDocument): Block[] => doc.chapters.flatMap((c) => c.blocks);
const figuresOf = (doc: ReportDocument) => blocks(doc).filter((b): b is FigureBlock => b.type === 'figure');
const tablesOf = (doc: ReportDocument) => blocks(doc).filter((b): b is TableBlock => b.type === 'table');
const chapter = (doc: ReportDocument, id: string) => {
  const c = doc.chapters.find((x) => x.id === id);
  if (!c) throw new Error(`no chapter ${id}`);
  return c;
};
const text = (doc: ReportDocument, id: string) =>
  chapter(doc, id)
    .blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type === 'list' ? b.items.join(' ') : ''))
    .join(' ');

describe('municipality report: outline', () => {
  it('has the handbook chapters in order', () => {
    expect(angsby.chapters.map((c) => c.id)).toEqual([
      'sammanfattning',
      'inledning',
      'om-undersokningen',
      'utsatthet',
      // The fixture has perpetration but no attitudes: the chapter is named after what it holds.
      'utovande',
      'otrygghet',
      'utveckling',
      'jamforelse-lanet',
      'forandringsfaktorer',
      'uppfoljning',
      'bilagor',
    ]);
    expect(angsby.chapters.map((c) => c.title)).toEqual([
      'Sammanfattning',
      'Inledning',
      'Om undersökningen',
      'Utsatthet för våld',
      'Våldsutövande',
      'Otrygghet',
      'Utveckling över tid',
      'Jämförelse med länet',
      'Förändringsfaktorer',
      'Underlag för uppföljning',
      'Bilagor',
    ]);
  });

  it('has a section per form of violence present, in the handbook order', () => {
    const headings = chapter(angsby, 'utsatthet').blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => (h.type === 'heading' ? h.text : ''))).toEqual(['Fysiskt våld', 'Hot', 'Digitalt våld och våld på nätet']);
  });

  it('leaves out chapters without indicators and without comparisons', () => {
    const cfg = ProjectConfig.parse({
      ...configInput,
      project: { ...configInput.project, compare_with_county: false },
      indicators: configInput.indicators.filter((i) => i.chapter === 'utsatthet').map((i) => ({ ...i, follow_up: false })),
    });
    const doc = buildMunicipalityReport({ figures, config: cfg, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(doc.chapters.map((c) => c.id)).toEqual(['sammanfattning', 'inledning', 'om-undersokningen', 'utsatthet', 'utveckling', 'bilagor']);
    // The introduction then does not point to chapters that are not there.
    expect(text(doc, 'inledning')).not.toContain('Förändringsfaktorer');
  });

  it('title page and chrome', () => {
    expect(angsby.title).toBe('Lägesbild: våld – Ängsby');
    expect(angsby.subtitle).toBe('Beskrivning av våld som problem, enkätresultat 2019–2023');
    expect(angsby.dateText).toBe('5 mars 2024');
    expect(angsby.langTag).toBe('sv-SE');
    expect(angsby.labels.figure).toBe('Figur');
    expect(angsby.publisher).toBe('Norrbacka samordningsförbund');
    expect(angsby.logo).toBeNull();
  });

  it('quotes the definition of violence, or says that none is set', () => {
    expect(chapter(angsby, 'inledning').blocks).toContainEqual({ type: 'quote', text: configInput.project!.violence_definition, attribution: null });
    const { violence_definition: _omit, ...project } = configInput.project!;
    const doc = buildMunicipalityReport({ figures, config: ProjectConfig.parse({ ...configInput, project }), area: 'Ängsby', lang: 'sv', dateIso: DATE });
    const notice = chapter(doc, 'inledning').blocks.find((b) => b.type === 'notice');
    expect(notice).toMatchObject({ type: 'notice', title: 'Ingen definition av våld angiven' });
  });

  it('lists the five steps with their published names', () => {
    expect(chapter(angsby, 'inledning').blocks).toContainEqual({
      type: 'list',
      ordered: true,
      items: ['Initiera samverkan', 'Beskriv våld som problem', 'Identifiera förändringsfaktorer', 'Utveckla insatser', 'Implementera, följ upp och sprid'],
    });
  });

  it('rejects an area that is not in the figures table', () => {
    expect(() => buildMunicipalityReport({ figures, config, area: 'Okänd', lang: 'sv', dateIso: DATE })).toThrow(UsageError);
  });
});

describe('numbering, captions and sources', () => {
  for (const [name, doc] of [
    ['Ängsby', angsby],
    ['county', county],
  ] as const) {
    it(`${name}: figures and tables are numbered 1..n in document order`, () => {
      const figs = figuresOf(doc);
      const tabs = tablesOf(doc);
      expect(figs.length).toBeGreaterThan(2);
      expect(tabs.length).toBeGreaterThan(1);
      expect(figs.map((f) => f.number)).toEqual(figs.map((_, i) => i + 1));
      expect(tabs.map((t) => t.number)).toEqual(tabs.map((_, i) => i + 1));
      expect(figs.map((f) => f.id)).toEqual(figs.map((_, i) => `figur-${i + 1}`));
      expect(tabs.map((t) => t.id)).toEqual(tabs.map((_, i) => `tabell-${i + 1}`));
    });

    it(`${name}: every figure and table has a caption, the source line, and numbers that match the chart`, () => {
      for (const b of [...figuresOf(doc), ...tablesOf(doc)]) {
        expect(b.caption.length).toBeGreaterThan(5);
        expect(b.source).toBe('Skolenkät om våld 2019–2023, Norrbacka län');
      }
      for (const f of figuresOf(doc)) {
        expect(f.alt.startsWith(f.chart.type === 'bar' ? 'Stapeldiagram: ' : 'Linjediagram: ')).toBe(true);
        expect(f.table.rows.map((r) => r.header)).toEqual(f.chart.categories);
        expect(f.table.columns.slice(1).map((c) => c.header)).toEqual(f.chart.series.map((s) => s.label));
        for (const s of f.chart.series) {
          expect(s.values).toHaveLength(f.chart.categories.length);
          expect(s.valueLabels).toHaveLength(f.chart.categories.length);
        }
      }
    });
  }

  it('the first figure: physical violence by gender and school year, with the main finding in the alt text', () => {
    const f = figuresOf(angsby)[0]!;
    expect(f.caption).toBe('Utsatt för fysiskt våld, efter kön och årskurs, Ängsby 2023');
    expect(f.alt).toBe(`Stapeldiagram: Utsatt för fysiskt våld, efter kön och årskurs, Ängsby 2023. Totalt 18${NBSP}%, flickor 24${NBSP}%, pojkar 12${NBSP}%.`);
    expect(f.chart.categories).toEqual(['Åk 7', 'Åk 9', 'Alla årskurser']);
    expect(f.chart.series.map((s) => s.label)).toEqual(['Flickor', 'Pojkar', 'Totalt']);
    expect(f.chart.series[2]!.valueLabels).toEqual([`15${NBSP}%`, `21${NBSP}%`, `18${NBSP}%`]);
    const totalAll = fixtureEstimate('fysiskt_vald', 'Ängsby', 2023, 'total');
    expect(f.chart.series[2]!.values[2]).toBeCloseTo(totalAll.estimate! * 100, 2);
    expect(f.chart.series[2]!.lower[2]).toBeCloseTo(totalAll.ci_lower! * 100, 2);
    expect(f.table.rows[2]).toEqual({ header: 'Alla årskurser', cells: ['24 (19–30)', '12 (8–17)', '18 (15–22)'], emphasis: true });
  });
});

describe('key figures', () => {
  it('latest wave, total, with girls and boys', () => {
    const kf = chapter(angsby, 'sammanfattning').blocks.find((b) => b.type === 'keyFigures');
    expect(kf).toEqual({
      type: 'keyFigures',
      items: [
        { value: `18${NBSP}%`, label: 'Fysiskt våld', detail: `2023, 95${NBSP}% KI 15–22${NBSP}%. Flickor 24${NBSP}%, pojkar 12${NBSP}%.` },
        { value: `12${NBSP}%`, label: 'Utsatt för hot', detail: `2023, 95${NBSP}% KI 9–15${NBSP}%. Flickor 13${NBSP}%, pojkar 11${NBSP}%.` },
      ],
    });
  });

  it('a hidden key figure is named with the reason it is hidden for, a sentence per reason', () => {
    // Ängsby's totals of 2023 hidden: fysiskt våld to protect another municipality's, hot for 1–2 answers.
    const hidden = figures.records.map((r): FigureRecord => {
      if (r.kind !== 'estimate' || r.area !== 'Ängsby' || r.year !== 2023 || r.group !== 'total') return r;
      if (r.indicator === 'fysiskt_vald') return { ...r, suppressed: true, suppression: 'secondary', estimate: null, ci_lower: null, ci_upper: null };
      return r.indicator === 'hot' ? { ...r, suppressed: true, suppression: 'count', estimate: null, ci_lower: null, ci_upper: null } : r;
    });
    const doc = buildMunicipalityReport({ figures: { ...figures, records: hidden }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(chapter(doc, 'sammanfattning').blocks.some((b) => b.type === 'keyFigures')).toBe(false);
    expect(text(doc, 'sammanfattning').replaceAll(NBSP, ' ')).toContain(
      'Nyckeltalet ”Fysiskt våld” redovisas inte för 2023: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram. Nyckeltalet ”Utsatt för hot” redovisas inte för 2023: bara 1–2 har svarat ja (eller nej), och så små antal visas inte.',
    );
  });

  const findings = (doc: ReportDocument) => {
    const list = chapter(doc, 'sammanfattning').blocks.find((b) => b.type === 'list');
    if (list?.type !== 'list') throw new Error('no findings');
    return list.items;
  };
  const withSignificance = (set: (r: FiguresTable['records'][number]) => boolean | null): FiguresTable => ({
    ...figures,
    records: figures.records.map((r) => (r.kind === 'change' || r.kind === 'trend' ? { ...r, significant: r.significant === null ? null : set(r) } : r)),
  });

  it('"Viktiga resultat": the significant differences of the whole report, any indicator; changes, genders, county, each largest first', () => {
    expect(findings(angsby)).toEqual([
      'Andelen som uppgav att de blivit hotade under de senaste 12 månaderna minskade från 20 procent 2021 till 12 procent 2023. Minskningen på 8 procentenheter är statistiskt säkerställd (p = 0,0015).',
      'Andelen för ”Kränkt på nätet” var 33 procent bland flickorna och 15 procent bland pojkarna. Skillnaden på 18 procentenheter är statistiskt säkerställd (p < 0,001).',
      'Andelen som uppgav att de utsatts för fysiskt våld under de senaste 12 månaderna var 24 procent bland flickorna och 12 procent bland pojkarna. Skillnaden på 12 procentenheter är statistiskt säkerställd (p = 0,0010).',
      'Andelen som uppgav att de känner sig otrygga i skolan var 30 procent i Ängsby och 9 procent i övriga Norrbacka län. Skillnaden på 21 procentenheter är statistiskt säkerställd (p < 0,001).',
    ]);
  });

  it('no more than eight; the kinds take turns, so large gaps cannot crowd out a change over time', () => {
    const all = buildMunicipalityReport({ figures: withSignificance(() => true), config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    const items = findings(all);
    expect(items).toHaveLength(8);
    const kind = (t: string) => (/ i övriga /.test(t) ? 'county' : / bland pojkarna\. /.test(t) ? 'genders' : 'waves');
    const kinds = items.map(kind);
    // Told kind by kind, each largest first.
    expect(kinds).toEqual([...kinds].sort((a, b) => ['waves', 'genders', 'county'].indexOf(a) - ['waves', 'genders', 'county'].indexOf(b)));
    for (const k of ['waves', 'genders', 'county']) {
      const sizes = items.filter((t) => kind(t) === k).map((t) => Number(/på (\d+) procentenhet/.exec(t)?.[1]));
      expect(sizes.length).toBeGreaterThanOrEqual(2);
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    }
  });

  it('says plainly when nothing is significant', () => {
    const none = buildMunicipalityReport({ figures: withSignificance(() => false), config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(findings(none)).toEqual([
      'Ingen av rapportens jämförelser mellan mätningarna, mellan könen och mot övriga länet visar någon statistiskt säkerställd skillnad. Det betyder inte att ingenting har hänt, bara att underlaget inte räcker för att belägga det.',
    ]);
  });
});

describe('suppression', () => {
  const suppressedBacke = figures.records.filter(
    (r): r is EstimateRecord => r.kind === 'estimate' && r.area === 'Backe' && r.suppressed && !r.group.startsWith('gender=3'),
  );

  it('the fixture has suppressed cells of several kinds', () => {
    expect(new Set(suppressedBacke.map((r) => r.suppression))).toEqual(new Set(['count', 'complement', 'secondary']));
  });

  it('every suppressed cell is `..` in the appendix tables (`(..)` when it protects another), never a number', () => {
    const tables = tablesOf(backe);
    for (const r of suppressedBacke) {
      const label = config.indicators.find((i) => i.id === r.indicator)!.label;
      const t = tables.find((x) => x.caption === `${typeof label === 'string' ? label : label.sv}, Backe, alla grupper och mätningar`)!;
      const col = t.table.columns.findIndex((c) => c.header === `Andel ${r.year} (%)`) - 1;
      const row = t.table.rows.find((x) => x.header === figures.meta.group_labels[r.group]!.sv)!;
      const symbol = r.suppression === 'secondary' ? '(..)' : '..';
      expect([row.cells[col], row.cells[col + 1]]).toEqual([symbol, symbol]);
      expect(row.cells[col + 2]).toBe(String(r.n)); // the base is never suppressed
    }
    // Each table explains exactly the symbols it uses, with the reason that applies.
    for (const t of tables) {
      const cells = t.table.rows.flatMap((r) => r.cells);
      const notes = t.table.notes;
      expect(notes.some((n) => n.startsWith('.. = '))).toBe(cells.includes('..'));
      expect(notes.includes('(..) = döljs för att ett annat dolt värde inte ska kunna räknas fram ur summorna.')).toBe(cells.includes('(..)'));
    }
    expect(tables.flatMap((t) => t.table.notes)).toContain('.. = 1–2 svarande har svarat ja (eller nej): andelen redovisas inte, för att skydda dem.');
  });

  it('suppressed cells are null in charts and `..` at the bar', () => {
    const f = figuresOf(backe).find((x) => x.caption.startsWith('Utsatt för fysiskt våld, efter kön och årskurs'))!;
    const boys = f.chart.series.find((s) => s.label === 'Pojkar')!;
    expect(boys.values.slice(0, 2)).toEqual([null, null]);
    expect(boys.lower.slice(0, 2)).toEqual([null, null]);
    expect(boys.valueLabels.slice(0, 2)).toEqual(['..', '..']);
    expect(f.table.rows[0]!.cells[1]).toBe('..');
  });

  it('a suppressed record that still carries numbers does not leak them', () => {
    const json = JSON.stringify([backe, county]);
    const pct = (x: number) => String(Math.round(x * 100));
    expect(json).not.toContain(`${pct(CANARY.estimate)} (${pct(CANARY.ci[0])}–${pct(CANARY.ci[1])})`);
    expect(json).not.toContain(`${pct(CANARY.estimate)}${NBSP}%`);
    expect(json).not.toContain(String(CANARY.estimate * 100));
  });

  it('a group with report: false appears only where it is not suppressed', () => {
    const rowsOf = (doc: ReportDocument, caption: string) => tablesOf(doc).find((t) => t.caption === caption)!.table.rows.map((r) => r.header);
    expect(rowsOf(angsby, 'Utsatt för fysiskt våld, Ängsby, alla grupper och mätningar')).not.toContain('Annat/vill ej ange');
    // In the county as a whole the group answered often enough to show one indicator.
    expect(fixtureEstimate('vuxen', 'Norrbacka län', 2023, 'gender=3').suppressed).toBe(false);
    expect(rowsOf(county, 'Har en vuxen att prata med, Norrbacka län, alla grupper och mätningar')).toContain('Annat/vill ej ange');
    expect(rowsOf(county, 'Utsatt för fysiskt våld, Norrbacka län, alla grupper och mätningar')).not.toContain('Annat/vill ej ange');
  });

  it('a hidden total beside a shown gender: the hidden gender is named with its own reason when it differs', () => {
    // Ängsby 2023: the total hidden to protect another cell, boys for their few answers, girls shown.
    const hide = (group: string, suppression: 'secondary' | 'base') => (r: FigureRecord): FigureRecord =>
      r.kind === 'estimate' && r.indicator === 'fysiskt_vald' && r.area === 'Ängsby' && r.year === 2023 && r.group === group ? { ...r, suppressed: true, suppression, estimate: null, ci_lower: null, ci_upper: null } : r;
    const paragraphOf = (records: FigureRecord[]) =>
      chapter(buildMunicipalityReport({ figures: { ...figures, records }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE }), 'utsatthet')
        .blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))
        .find((t) => t.startsWith('”Utsatt för fysiskt våld” redovisas inte'))!;
    const differ = figures.records.map(hide('total', 'secondary')).map(hide('gender=2', 'base'));
    expect(paragraphOf(differ)).toMatch(
      /^”Utsatt för fysiskt våld” redovisas inte för 2023: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram\. Andelen redovisas inte för pojkar: färre än 10 har svarat\. Bland flickorna uppgav /,
    );
    const same = figures.records.map(hide('total', 'secondary')).map(hide('gender=2', 'secondary'));
    expect(paragraphOf(same)).toMatch(/^”Utsatt för fysiskt våld” redovisas inte för 2023, varken totalt eller för pojkar: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram\. Bland flickorna uppgav /);
  });

  it('small groups are marked "tolka med försiktighet"', () => {
    const f = figuresOf(backe).find((x) => x.caption.startsWith('Utsatt för fysiskt våld, efter kön och årskurs'))!;
    expect(f.chart.series[0]!.valueLabels[0]).toBe(`20${NBSP}%*`);
    expect(f.table.notes).toContain('* Tolka med försiktighet: färre än 30 svarande.');
  });
});

describe('time, county comparison, follow-up', () => {
  it('line charts per key indicator over the waves', () => {
    const lines = chapter(angsby, 'utveckling').blocks.filter((b): b is FigureBlock => b.type === 'figure');
    expect(lines.map((f) => [f.chart.type, f.chart.categories])).toEqual([
      ['line', ['2019', '2021', '2023']],
      ['line', ['2019', '2021', '2023']],
    ]);
    expect(text(angsby, 'utveckling')).toContain('Bland flickorna ökade andelen från 15 procent 2021 till 24 procent 2023.');
    // The caveat follows the significant rise in disclosed violence.
    expect(text(angsby, 'utveckling')).toContain('arbetet gör ofta att mer våld kommer fram.');
  });

  it('a single wave: no charts, a sentence that there is nothing to compare with', () => {
    const doc = buildMunicipalityReport({ figures: singleWaveFigures(), config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(chapter(doc, 'utveckling').blocks).toEqual([
      {
        type: 'paragraph',
        text: 'Undersökningen har hittills bara genomförts en gång i Ängsby (2023), så det finns ingen tidigare mätning att jämföra med. Resultaten blir utgångsläget för kommande uppföljningar.',
      },
    ]);
  });

  it('the municipality against the rest of the county', () => {
    const t = chapter(angsby, 'jamforelse-lanet').blocks.find((b): b is TableBlock => b.type === 'table')!;
    // Its rows are the Totalt group's (a reported gender and school year), not every respondent's.
    expect(t.caption).toBe('Ängsby jämfört med övriga länet, totalt, 2023');
    const row = t.table.rows.find((r) => r.header === 'Otrygg i skolan')!;
    expect(row.cells.slice(0, 2)).toEqual(['30 (25–34)', '9']);
    // 30 and 9 as shown: 21 percentage points (the unrounded difference rounds to 20).
    expect(row.cells[2]).toBe('+21');
    expect(row.cells.slice(3)).toEqual(['< 0,001', 'Ja']);
    expect(t.table.rows.find((r) => r.header === 'Fysiskt våld')!.cells.at(-1)).toBe('Nej');
  });

  it('the follow-up basis: baseline, interval, MDC and good direction', () => {
    const t = chapter(angsby, 'uppfoljning').blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(t.table.columns.map((c) => c.header)).toEqual([
      'Indikator',
      'Grupp',
      'Basvärde 2023',
      `95${NBSP}% KI`,
      'Minsta upptäckbara förändring (procentenheter)',
      'Önskad riktning',
    ]);
    expect(t.table.rows[0]).toEqual({ header: 'Fysiskt våld', cells: ['Totalt', '18', '15–22', '7', 'Lägre'], emphasis: true });
  });

  it('a baseline hidden to protect another value is named with that reason, not "too few"', () => {
    const hidden = figures.records.map((r): FigureRecord => {
      if (r.indicator !== 'fysiskt_vald' || r.area !== 'Ängsby') return r;
      if (r.kind === 'estimate' && r.year === 2023 && r.group === 'total') return { ...r, suppressed: true, suppression: 'secondary', estimate: null, ci_lower: null, ci_upper: null };
      return r.kind === 'follow_up' && r.year === 2023 ? { ...r, suppressed: true, estimate: null, ci_lower: null, ci_upper: null, mdc: null } : r;
    });
    const doc = buildMunicipalityReport({ figures: { ...figures, records: hidden }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(text(doc, 'uppfoljning')).toContain(
      '”Fysiskt våld” ska följas upp, men har inget utgångsvärde från mätningen 2023 som kan redovisas: andelen döljs för att ett annat dolt värde inte ska kunna räknas fram. Ett utgångsvärde kan tas fram när fler har svarat, till exempel genom att mätningar slås samman.',
    );
  });

  it('the method names only the tests the report makes and what links its groups in the config’s design', () => {
    const method = (doc: ReportDocument) => chapter(doc, 'bilagor').blocks.flatMap((b) => (b.type === 'paragraph' && b.text.startsWith('Skillnader mellan könen') ? [b.text] : []));
    // No clusters or strata in the fixture's design; three waves, a county to compare with.
    expect(method(angsby)).toEqual([
      'Skillnader mellan könen och mellan kommunen och övriga länet i samma mätning prövas med hänsyn till urvalsdesignen (designbaserad kontrast). Förändringar mellan två mätningar prövas som skillnader mellan två oberoende urval. När alla eller ingen i en av grupperna har svarat ja prövas skillnaden i stället med en gemensam andel för båda grupperna och varje grupps designeffekt, och intervallet beräknas med Newcombes metod; annars skulle den gruppen felaktigt se ut att sakna osäkerhet. Trender över minst tre mätningar prövas med logistisk regression på år som tar hänsyn till urvalsdesignen. Ingen trend eller jämförelse går över en mätning där frågan ändrades.',
    ]);
    const schools = ProjectConfig.parse({ ...configInput, design: { cluster: 'skola', strata: 'kommun' } });
    expect(method(buildMunicipalityReport({ figures: singleWaveFigures(), config: schools, area: 'Ängsby', lang: 'sv', dateIso: DATE }))).toEqual([
      'Skillnader mellan könen och mellan kommunen och övriga länet i samma mätning prövas med hänsyn till urvalsdesignen: grupperna kan gå i samma skolor eller höra till samma strata, och det samband det ger räknas in (designbaserad kontrast). När alla eller ingen i en av grupperna har svarat ja prövas skillnaden i stället med en gemensam andel för båda grupperna och varje grupps designeffekt, och intervallet beräknas med Newcombes metod; annars skulle den gruppen felaktigt se ut att sakna osäkerhet.',
    ]);
  });

  it('no comparison with the county can be shown: a sentence saying so, no table of `..`, and a method without tests', () => {
    // Ängsby as a municipality whose every comparison and trend is hidden (a side is).
    const hideTests = (r: FigureRecord): FigureRecord =>
      r.area === 'Ängsby' && (r.kind === 'change' || r.kind === 'trend' || r.kind === 'association') ? ({ ...r, suppressed: true, p: null, q: null, significant: null } as FigureRecord) : r;
    const doc = buildMunicipalityReport({ figures: { ...figures, records: figures.records.map(hideTests) }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    const county = chapter(doc, 'jamforelse-lanet');
    expect(county.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(text(doc, 'jamforelse-lanet')).toBe(
      'Här jämförs Ängsby med övriga länet, det vill säga Norrbacka län utan Ängsby, vid mätningen 2023. Skillnaden anges i procentenheter. Ingen av jämförelserna med övriga länet kan redovisas: andelarna döljs för att skydda de svarande.',
    );
    expect(text(doc, 'bilagor')).toContain(
      'Rapporten innehåller inga prövningar av skillnader, förändringar eller trender: de andelar som skulle jämföras redovisas inte, eller finns inte.',
    );
    expect(text(doc, 'bilagor')).not.toContain('bygger på 0 prövningar');
    // One test left: said as one, and nothing to adjust it for.
    const first = figures.records.find((r) => r.area === 'Ängsby' && r.kind === 'change' && r.p !== null)!;
    const one = buildMunicipalityReport({ figures: { ...figures, records: figures.records.map((r) => (r === first ? r : hideTests(r))) }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(text(one, 'bilagor')).toContain(
      'Rapportens slutsatser om statistiskt säkerställda skillnader, förändringar och trender bygger på en prövning, och statistiskt säkerställd betyder att dess p-värde är under 0,05.',
    );
    // Unadjusted p-values (the fixture's multiple_comparisons: none) over three tests: 0.15 expected by chance, not "omkring 0".
    const three = figures.records.filter((r) => r.area === 'Ängsby' && r.kind === 'change' && r.p !== null).slice(0, 3);
    const few = buildMunicipalityReport({ figures: { ...figures, records: figures.records.map((r) => (three.includes(r) ? r : hideTests(r))) }, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(text(few, 'bilagor')).toContain(
      'bygger på 3 prövningar. P-värdena är inte justerade för antalet prövningar: även om det inte fanns några verkliga skillnader skulle var och en av dem bli statistiskt säkerställd av ren slump med sannolikheten 0,05.',
    );
    expect(text(angsby, 'bilagor')).toMatch(/P-värdena är inte justerade för antalet prövningar: även om det inte fanns några verkliga skillnader skulle omkring [1-9]\d* av dem bli statistiskt säkerställda av ren slump\./);
  });

  it('factors are grouped by ecological level, protective factors under their heading', () => {
    const headings = chapter(angsby, 'forandringsfaktorer').blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? [b.level, b.text] : []));
    expect(headings).toEqual([
      [2, 'Relation'],
      [3, 'Skyddsfaktorer'],
    ]);
  });
});

describe('county overview', () => {
  it('chapters', () => {
    expect(county.title).toBe('Länsöversikt: våld – Norrbacka län');
    expect(county.chapters.map((c) => c.id)).toEqual(['sammanfattning', 'om-oversikten', 'kommunerna', 'lansprofil', 'lanets-utveckling', 'bilagor']);
  });

  it('a bar chart per key indicator with the county as reference line', () => {
    const f = figuresOf(county).filter((x) => x.chart.type === 'bar');
    expect(f.map((x) => x.caption)).toEqual(['Utsatt för fysiskt våld, per kommun, 2023', 'Utsatt för hot, per kommun, 2023']);
    const countyValue = fixtureEstimate('fysiskt_vald', 'Norrbacka län', 2023, 'total').estimate!;
    expect(f[0]!.chart.reference).toEqual({ label: 'Norrbacka län', value: Math.round(countyValue * 10000) / 100 });
    expect(f[0]!.chart.categories).toEqual(['Ängsby', 'Backe']);
  });

  it('a table per key indicator: each municipality against the rest, small ones marked', () => {
    const t = tablesOf(county).find((x) => x.caption === 'Utsatt för fysiskt våld: kommunerna jämförda med övriga länet, 2023')!;
    expect(t.table.rows.map((r) => r.header)).toEqual(['Ängsby', 'Backe', 'Norrbacka län']);
    expect(t.table.rows[1]!.cells).toEqual(['16 (9–26)', '64', '18', '\u22122', '0,63', 'Nej']);
    expect(t.table.rows[2]!.cells.slice(2)).toEqual(['.', '.', '.', '.']);
  });

  it('marks a municipality under the caution base', () => {
    const small = { ...figures, records: figures.records.map((r) => (r.kind === 'estimate' && r.area === 'Backe' && r.group === 'total' ? { ...r, flag: 'caution' as const } : r)) };
    const doc = buildCountyReport({ figures: small, config, lang: 'sv', dateIso: DATE });
    const t = tablesOf(doc).find((x) => x.caption.startsWith('Utsatt för fysiskt våld: kommunerna'))!;
    expect(t.table.rows[1]!.cells[0]).toBe('16 (9–26)*');
    expect(t.table.notes).toContain('* Tolka med försiktighet: färre än 30 svarande.');
  });

  it('says no municipality differs only of those compared: hidden comparisons were not tested', () => {
    const kommunerna = (hide: (r: FigureRecord) => boolean) => {
      const records = figures.records.map((r): FigureRecord => (r.kind === 'change' && r.comparison === 'rest_of_county' && hide(r) ? { ...r, suppressed: true, diff: null, p: null, q: null, significant: null } : r));
      return text(buildCountyReport({ figures: { ...figures, records }, config, lang: 'sv', dateIso: DATE }), 'kommunerna');
    };
    // The fixture: neither municipality differs significantly on fysiskt våld.
    expect(kommunerna(() => false)).toContain('För ”Utsatt för fysiskt våld” skiljer sig ingen kommun statistiskt säkerställt från övriga länet.');
    expect(kommunerna((r) => r.area === 'Backe')).toContain(
      'För ”Utsatt för fysiskt våld” skiljer sig ingen av de kommuner som kan jämföras statistiskt säkerställt från övriga länet.',
    );
    expect(kommunerna((r) => r.indicator === 'fysiskt_vald')).toContain(
      'För ”Utsatt för fysiskt våld” kan ingen kommun jämföras med övriga länet: andelarna döljs för att skydda de svarande.',
    );
  });

  it('labels pooled areas as pooled', () => {
    const pooled = { ...figures, meta: { ...figures.meta, pooled: { ...figures.meta.pooled, areas: { Backe: ['Backe', 'Dal'] } } } };
    const doc = buildCountyReport({ figures: pooled, config, lang: 'sv', dateIso: DATE });
    expect(figuresOf(doc)[0]!.chart.categories).toEqual(['Ängsby', 'Backe (sammanslaget område)']);
    expect(figuresOf(doc)[0]!.table.notes).toContain('Backe är en sammanslagning av Backe och Dal.');
  });
});

describe('language, synthetic notice, determinism', () => {
  it('sets the synthetic notice in the report language', () => {
    expect(angsby.syntheticNotice).toBe('Syntetiska exempeldata – siffrorna beskriver ingen verklig kommun.');
    const en = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'en', dateIso: DATE });
    expect(en.syntheticNotice).toBe('Synthetic example data – the figures describe no real municipality.');
    expect(en.chapters[0]!.title).toBe('Summary');
    expect(en.langTag).toBe('en-GB');
    const real = ProjectConfig.parse({ ...configInput, project: { ...configInput.project, synthetic: false } });
    expect(buildMunicipalityReport({ figures, config: real, area: 'Ängsby', lang: 'sv', dateIso: DATE }).syntheticNotice).toBeNull();
  });

  it('the same input gives the same document', () => {
    const again = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(JSON.stringify(again)).toBe(JSON.stringify(angsby));
  });
});

describe('pooling and series breaks', () => {
  const pooledWaves = (): FiguresTable => {
    const single = singleWaveFigures();
    return {
      ...single,
      meta: { ...single.meta, pooled: { ...single.meta.pooled, waves: true } },
      records: single.records.map((r) => (r.kind === 'estimate' ? { ...r, pooled_years: [2019, 2021, 2023] } : r)),
    };
  };

  it('pooled waves are labelled as pooled in captions, categories, tables and text', () => {
    const doc = buildMunicipalityReport({ figures: pooledWaves(), config, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    expect(doc.subtitle).toBe('Beskrivning av våld som problem, enkätresultat 2019–2023');
    expect(figuresOf(doc)[0]!.caption).toBe('Utsatt för fysiskt våld, efter kön och årskurs, Ängsby 2019–2023 (sammanslagna)');
    expect(tablesOf(doc)[0]!.table.columns.map((c) => c.header)).toEqual(['Grupp', '2019–2023 (sammanslagna)']);
    // Pooled waves have no development to show: no chapter, and the summary says so once.
    expect(doc.chapters.map((c) => c.id)).not.toContain('utveckling');
    const summary = text(doc, 'sammanfattning');
    expect(summary).toContain('Mätningarna 2019–2023 redovisas sammanslagna, så rapporten visar ingen utveckling mellan dem.');
    expect(summary).not.toContain('Resultatet bygger på mätningarna');
    expect(text(doc, 'om-undersokningen')).toContain('Mätningarna 2019–2023 redovisas sammanslagna');
    const en = buildMunicipalityReport({ figures: pooledWaves(), config, area: 'Ängsby', lang: 'en', dateIso: DATE });
    expect(figuresOf(en)[0]!.chart.categories).toEqual(['Year 7', 'Year 9', 'All years']);
    expect(figuresOf(en)[0]!.caption).toBe('Exposed to physical violence, by gender and school year, Ängsby 2019–2023 (pooled)');
  });

  it('a series break splits the line and is explained', () => {
    const cfg = ProjectConfig.parse({
      ...configInput,
      indicators: configInput.indicators.map((i) => (i.id === 'fysiskt_vald' ? { ...i, series_breaks: [2021] } : i)),
    });
    const doc = buildMunicipalityReport({ figures, config: cfg, area: 'Ängsby', lang: 'sv', dateIso: DATE });
    const line = chapter(doc, 'utveckling').blocks.find((b): b is FigureBlock => b.type === 'figure')!;
    expect(line.chart.breaksBefore).toEqual([1]);
    expect(text(doc, 'utveckling')).toContain('Frågan ändrades 2021, så mätningar före och efter 2021 jämförs inte.');
  });
});

describe('respondents', () => {
  it('per group and wave; a group with report: false is only counted among all respondents', () => {
    const t = tablesOf(backe)[0]!;
    expect(t.caption).toBe('Antal svarande per grupp och mätning, Backe');
    expect(t.table.columns.map((c) => c.header)).toEqual(['Grupp', '2019', '2021', '2023']);
    expect(t.table.rows[0]).toEqual({ header: 'Alla svarande', cells: ['62', '66', '66'] });
    expect(t.table.rows[1]).toEqual({ header: 'Totalt', cells: ['60', '64', '64'], emphasis: true });
    expect(t.table.rows.map((r) => r.header)).not.toContain('Annat/vill ej ange');
    expect(t.table.rows.map((r) => r.header)).toContain('Pojkar, åk 7');
    expect(t.table.notes).toEqual([
      'Totalt och årskurserna avser svarande som angett kön och årskurs bland de redovisade grupperna; så är varje total summan av sina delar. Alla svarande omfattar även övriga (Annat/vill ej ange eller utan svar på kön eller årskurs), som inte redovisas som egen grupp.',
    ]);
    // When the others only left gender or school year unanswered, no group is named (a municipality
    // where "Vill inte svara" is no answer once read "(… eller inget svar)" with nothing before "eller").
    expect(sv.notes.notReported('', true, true)).toBe(
      'Totalt och årskurserna avser svarande som angett kön och årskurs bland de redovisade grupperna; så är varje total summan av sina delar. Alla svarande omfattar även övriga (utan svar på kön eller årskurs), som inte redovisas som egen grupp.',
    );
    expect(en.notes.notReported('', false, false)).toBe(
      'Total covers respondents who gave a reported gender, so that every total is the sum of its parts. All respondents also includes the others (no answer on gender), who are not reported as a group of their own.',
    );
  });
});

describe('language of parts', () => {
  it('a Swedish-only definition quoted in an English report is marked as Swedish', () => {
    const en = buildMunicipalityReport({ figures, config, area: 'Ängsby', lang: 'en', dateIso: DATE });
    const quote = blocks(en).find((b) => b.type === 'quote')!;
    expect(quote).toMatchObject({ type: 'quote', lang: 'sv', text: config.project.violence_definition });
    const sv = blocks(angsby).find((b) => b.type === 'quote')!;
    expect(sv).not.toHaveProperty('lang');
  });
});

describe('"tolka med försiktighet" after a comparison', () => {
  const cell = (n: number, caution: boolean): EstimateRecord => ({ ...fixtureEstimate('fysiskt_vald', 'Ängsby', 2023, 'total'), n, flag: caution ? 'caution' : null });
  const ctx = (lang: 'sv' | 'en') => ({ lang, t: lang === 'sv' ? sv : en }) as unknown as Parameters<typeof cautionSentence>[0];

  it('names both sides when both are small, and "one of" them when only one is', () => {
    expect(cautionSentence(ctx('sv'), [cell(11, true), cell(10, true)], 'groups')).toBe('Tolka med försiktighet: grupperna har bara 11 och 10 svarande.');
    expect(cautionSentence(ctx('sv'), [cell(23, true), cell(35, false)], 'groups')).toBe('Tolka med försiktighet: en av grupperna har bara 23 svarande.');
    expect(cautionSentence(ctx('sv'), [cell(40, false), cell(23, true)], 'waves')).toBe('Tolka med försiktighet: en av mätningarna har bara 23 svarande.');
    expect(cautionSentence(ctx('en'), [cell(23, true), cell(35, false)], 'groups')).toBe('Interpret with caution: one of the groups has only 23 respondents.');
    expect(cautionSentence(ctx('sv'), [cell(40, false), cell(35, false)], 'groups')).toBeNull();
  });
});
