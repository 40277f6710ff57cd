// Config keys for own texts and the report profile: places are chapters (or before:/after: a
// chapter), a wrong one is named with its line and the chapters that exist.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { LagesbildError } from '../../src/errors.js';

const BASE = `columns: { area: kommun, year: ar }
groups:
  gender: { column: kon, label: Kön, values: [{ code: "1", label: Flickor }] }
indicators:
  - { id: hot, label: Hot, chapter: utsatthet, column: f1, answers: { yes: [Ja] } }
`;

function error(yaml: string): string {
  try {
    parseConfig(yaml, 'lagesbild.yaml');
  } catch (err) {
    if (err instanceof LagesbildError) return err.toLine();
    throw err;
  }
  throw new Error('no error');
}

describe('texts and project.profile', () => {
  it('accepts a chapter, before:/after: a chapter, and a file per language', () => {
    const config = parseConfig(`${BASE}texts:\n  utsatthet: texts/utsatthet.md\n  after:sammanfattning: { sv: texts/s.md, en: texts/s-en.md }\n  before:bilagor: texts/b.md\n`, 'x.yaml');
    expect(config.texts).toEqual({ utsatthet: 'texts/utsatthet.md', 'after:sammanfattning': { sv: 'texts/s.md', en: 'texts/s-en.md' }, 'before:bilagor': 'texts/b.md' });
    expect(config.project.profile).toBe('lagesbild');
  });

  it('names a place that is not a chapter, with its line and the chapters that are', () => {
    expect(error(`${BASE}texts:\n  utsathet: texts/u.md\n`)).toBe(
      'lagesbild.yaml:7:3: texts: unknown key "utsathet". Use a chapter (sammanfattning, inledning, om-undersokningen, utsatthet, utovande-attityder, otrygghet, grupper, andra-kallor, utveckling, jamforelse-lanet, jamforelse-referens, forandringsfaktorer, uppfoljning, bilagor), or before: or after: and a chapter for a chapter of its own',
    );
    expect(error(`${BASE}texts:\n  utsatthet: ""\n`)).toBe('lagesbild.yaml:7:14: texts.utsatthet: must not be empty');
  });

  it('limits a text, a source or a goal to some municipalities with areas; an empty list is an error', () => {
    const config = parseConfig(
      `${BASE}texts:\n  utsatthet: { file: { sv: texts/u.md, en: texts/u-en.md }, areas: [Ängsby] }\nsources:\n  - { title: Brott, source: Brå, file: b.csv, areas: [Ängsby, Lövåsen] }\n`,
      'x.yaml',
    );
    expect(config.texts).toEqual({ utsatthet: { file: { sv: 'texts/u.md', en: 'texts/u-en.md' }, areas: ['Ängsby'] } });
    expect(config.sources[0]!.areas).toEqual(['Ängsby', 'Lövåsen']);
    const goal = parseConfig(BASE.replace('answers: { yes: [Ja] }', 'answers: { yes: [Ja] }, target: { value: 10, year: 2027, areas: [Ängsby] }'), 'x.yaml');
    expect(goal.indicators[0]!.target!.areas).toEqual(['Ängsby']);
    expect(error(`${BASE}texts:\n  utsatthet: { file: texts/u.md, areas: [] }\n`)).toBe('lagesbild.yaml:7:41: texts.utsatthet.areas: needs at least 1 item');
  });

  it('knows the two report profiles', () => {
    expect(parseConfig(`${BASE}project: { source: Enkät, profile: uppfoljning }\n`, 'x.yaml').project.profile).toBe('uppfoljning');
    expect(error(`${BASE}project: { source: Enkät, profile: uppföljning }\n`)).toBe('lagesbild.yaml:6:36: project.profile: "uppföljning" is not allowed. Use one of: lagesbild, uppfoljning');
  });
});
