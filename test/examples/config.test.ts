// The standard codebook template and the Norrbacka example config: both valid, internally
// consistent, covering the handbook's outline, and the example matching its data files.
import { describe, expect, it } from 'vitest';
import { FORMS, LEVELS, ProjectConfig, localize, type Indicator } from '../../src/config/schema.js';
import {
  EXAMPLE_CONFIG_PATH,
  TEMPLATE_PATH,
  WAVES,
  configColumns,
  dataFile,
  loadConfig,
  readTable,
  readYaml,
} from './norrbacka.js';

const template = loadConfig(TEMPLATE_PATH);
const example = loadConfig(EXAMPLE_CONFIG_PATH);

describe.each([
  ['template', TEMPLATE_PATH, template],
  ['example', EXAMPLE_CONFIG_PATH, example],
] as const)('%s config', (_name, path, config) => {
  it('passes the schema', () => {
    expect(ProjectConfig.safeParse(readYaml(path)).success).toBe(true);
  });

  it('has unique ids and only valid references', () => {
    const ids = config.indicators.map((ind) => ind.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ind of config.indicators) {
      if (typeof ind.answers === 'string') expect(Object.keys(config.answer_scales), ind.id).toContain(ind.answers);
      for (const ref of [...(ind.any_of ?? []), ...(ind.all_of ?? [])]) expect(ids, ind.id).toContain(ref);
      if (ind.population && 'indicator' in ind.population) expect(ids).toContain(ind.population.indicator);
    }
  });

  it('gives every indicator Swedish and English texts', () => {
    for (const ind of config.indicators) {
      // A combined indicator has no statement: the report names its parts.
      const texts = [ind.label, ind.short, ...(ind.column ? [ind.statement, ind.question] : [])];
      for (const text of texts) {
        expect(localize(text, 'sv'), ind.id).not.toBe('');
        expect(typeof text === 'object' && text.en, ind.id).toBeTruthy();
      }
      if (ind.column === undefined) {
        expect(ind.statement, ind.id).toBeUndefined();
        continue;
      }
      expect(localize(ind.statement, 'sv'), ind.id).toMatch(/^att /);
      expect(localize(ind.statement, 'en'), ind.id).toMatch(/^that /);
    }
  });

  it('covers the handbook: every chapter, the forms of violence and the four levels', () => {
    const chapters = new Set(config.indicators.map((ind) => ind.chapter));
    expect([...chapters].sort()).toEqual(['attityder', 'forandringsfaktorer', 'otrygghet', 'utovande', 'utsatthet']);
    const forms = new Set(config.indicators.filter((ind) => ind.chapter === 'utsatthet').map((ind) => ind.form));
    for (const form of FORMS.filter((f) => f !== 'ovrigt')) expect(forms, form).toContain(form);
    const factors = config.indicators.filter((ind) => ind.chapter === 'forandringsfaktorer');
    for (const level of LEVELS) expect(factors.map((ind) => ind.level), level).toContain(level);
    for (const ind of factors) {
      expect(ind.factor, ind.id).toBeDefined();
      // A protective factor is good when high; a risk factor when low.
      expect(ind.good, ind.id).toBe(ind.factor === 'skydd' ? 'higher' : 'lower');
    }
    expect(config.indicators.length).toBeGreaterThanOrEqual(18);
  });

  it('marks about five key figures and about eight follow-up indicators', () => {
    expect(config.indicators.filter((ind) => ind.key).map((ind) => ind.id)).toEqual([
      'fysiskt_vald',
      'sexuellt_vald',
      'krankt_pa_natet',
      'utsatt_nagon_form',
      'otrygg_ute',
    ]);
    expect(config.indicators.filter((ind) => ind.follow_up)).toHaveLength(8);
  });

  it('counts partner violence only among those who have had a partner', () => {
    const partner = config.indicators.find((ind) => ind.form === 'parrelation' && ind.chapter === 'utsatthet');
    expect(partner?.population).toMatchObject({ values: expect.arrayContaining(['Ja']) });
  });

  it('has one derived "any form of violence" indicator over source indicators', () => {
    const derived = config.indicators.filter((ind) => ind.column === undefined);
    expect(derived.map((ind) => ind.id)).toEqual(['utsatt_nagon_form']);
    const parts = derived[0]!.any_of!.map((id) => config.indicators.find((ind) => ind.id === id)!);
    for (const part of parts) {
      expect(part.chapter).toBe('utsatthet');
      // A part with a population filter would leave everyone outside it "missing".
      expect(part.population, part.id).toBeUndefined();
    }
  });

  it('reports the third gender value only in totals', () => {
    expect(config.groups.gender.values.map((v) => [v.code, v.report])).toEqual([
      ['Flicka', true],
      ['Pojke', true],
      ['Annat/vill ej ange', false],
    ]);
  });
});

describe('template', () => {
  it('uses placeholder question columns for the user to map', () => {
    for (const ind of template.indicators) if (ind.column) expect(ind.column, ind.id).toMatch(/^F\d+[a-h]?$/);
  });

  it('lists answer texts (not codes) in its scales', () => {
    for (const scale of Object.values(template.answer_scales)) {
      for (const answer of [...scale.yes, ...scale.no, ...scale.missing]) expect(answer).not.toMatch(/^\d+$/);
    }
  });
});

describe('example config', () => {
  /** What an indicator means, leaving out where it is read from. */
  // The example's goals (target) are Ängsby's own, not the template's.
  const meaning = ({ column: _c, population: _p, target: _t, ...rest }: Indicator) => rest;

  it('has the same indicators as the template, read from the example columns', () => {
    expect(example.indicators.map(meaning)).toEqual(template.indicators.map(meaning));
    expect(example.indicators.filter((ind) => ind.target).map((ind) => [ind.id, ind.target!.areas])).toEqual([
      ['sexuellt_vald', ['Ängsby']],
      ['krankt_pa_natet', ['Ängsby']],
    ]);
    expect(example.indicators.some((ind, i) => ind.column !== template.indicators[i]!.column)).toBe(true);
  });

  it('describes Norrbacka län as synthetic, weighted and stratified by municipality', () => {
    expect(example.project).toMatchObject({ synthetic: true, county: 'Norrbacka län', language: 'sv' });
    const source = localize(example.project.source, 'sv');
    expect(source).toContain('2019–2023');
    expect(source).toContain('syntetiska');
    expect(source).not.toMatch(/^Källa/);
    expect(localize(example.project.violence_definition, 'sv')).toMatch(/avsiktligt/);
    expect(example.design).toMatchObject({ weight: 'vikt', strata: 'kommun' });
    expect(example.groups.grade?.values.map((v) => localize(v.label, 'sv'))).toEqual(['Åk 9', 'Gy 2']);
  });

  it('maps both the 2019 codes and the later answer texts', () => {
    const frekvens = example.answer_scales.frekvens!;
    expect(frekvens.yes).toEqual(expect.arrayContaining(['Ja, flera gånger', '3']));
    expect(frekvens.missing).toEqual(expect.arrayContaining(['Vill inte svara', '9', '']));
    expect(example.groups.gender.values[0]!.aliases).toEqual(['1']);
  });

  it.each(WAVES)('names only columns that exist in enkat-%i.csv', (year) => {
    const { header } = readTable(dataFile(year));
    for (const column of configColumns(example)) expect(header, column).toContain(column);
  });
});
