// The README's main job: the bundled example municipality's report, checked as a reader and
// a screen reader would get it — PDF text and structure, HTML in a real browser.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EstimateRecord } from '../../src/analysis/types.js';
import { auditReport, describeViolations, withChromium } from '../render/html/browser.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, exampleFigures, poppler, runCli } from './cli.js';

const out = mkdtempSync(join(tmpdir(), 'lagesbild-example-'));
const base = (lang: 'sv' | 'en') => join(out, `Ängsby-2019-2023${lang === 'en' ? '-en' : ''}`);

beforeAll(async () => {
  for (const lang of ['sv', 'en'] as const) {
    const r = await runCli(['report', ...EXAMPLE_CSV, '-c', EXAMPLE_CONFIG, '--area', 'Ängsby', '-o', out, '--lang', lang, '--date', '2024-05-31']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
  }
}, 240_000);

describe('example report: PDF', () => {
  it('is tagged, titled, in Swedish, with only embedded fonts', () => {
    const info = poppler('pdfinfo', [`${base('sv')}.pdf`]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Lägesbild: våld – Ängsby$/m);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)![1])).toBeGreaterThan(10);
    const fonts = poppler('pdffonts', [`${base('sv')}.pdf`]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/); // emb sub (uni)
    const struct = poppler('pdfinfo', ['-struct', `${base('sv')}.pdf`]);
    for (const tag of ['H1', 'H2', 'P', 'Figure', 'Table', 'TH', 'TD', 'L', 'LI']) expect(struct).toContain(tag);
  });

  it('has the handbook chapters, Swedish characters, the synthetic notice, `..` and sources', () => {
    const text = poppler('pdftotext', ['-layout', `${base('sv')}.pdf`, '-']);
    for (const heading of [
      'Sammanfattning',
      'Inledning',
      'Om undersökningen',
      'Utsatthet för våld',
      'Våldsutövande och attityder',
      'Otrygghet',
      'Utveckling över tid',
      'Jämförelse med länet',
      'Förändringsfaktorer',
      'Underlag för uppföljning',
      'Bilagor',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Syntetiska exempeldata');
    expect(text).toContain('Beskriv våld som problem');
    expect(text).toMatch(/Källa: /);
    expect(text).toMatch(/Figur 1\./);
    expect(text).toMatch(/Tabell 1\./);
    expect(text).toMatch(/(^|\s)\.\.(\s|$)/m); // a suppressed cell
    expect(text).not.toMatch(/Ã|Â|�/); // no mojibake
  });

  it('shows the key figures the figures table holds', async () => {
    const { config, figures } = await exampleFigures();
    const text = poppler('pdftotext', [`${base('sv')}.pdf`, '-']).replace(/\s+/g, ' ');
    const keys = config.indicators.filter((i) => i.key);
    expect(keys.length).toBeGreaterThan(2);
    for (const ind of keys) {
      const r = figures.records.find(
        (f): f is EstimateRecord => f.kind === 'estimate' && f.indicator === ind.id && f.area === 'Ängsby' && f.year === 2023 && f.group === 'total',
      )!;
      const pct = `${Math.round(r.estimate! * 100)}\u00a0%`;
      const ci = `${Math.round(r.ci_lower! * 100)}–${Math.round(r.ci_upper! * 100)}`;
      expect(text.replace(/\u00a0/g, ' ')).toContain(pct.replace('\u00a0', ' '));
      expect(text).toContain(ci);
    }
  });

  it('renders every page to an image', () => {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [`${base('sv')}.pdf`]))![1]);
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-pages-'));
    poppler('pdftoppm', ['-r', '20', '-png', `${base('sv')}.pdf`, join(dir, 'p')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });

  it('is in English with --lang en', () => {
    const text = poppler('pdftotext', [`${base('en')}.pdf`, '-']);
    expect(text).toContain('Summary');
    expect(text).toContain('Synthetic example data');
    expect(poppler('pdfinfo', [`${base('en')}.pdf`])).toMatch(/^Tagged:\s+yes$/m);
  });
});

describe('example report: HTML in Chromium', () => {
  it('is one self-contained file with no network request, no console error and no WCAG 2.1 AA violation', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const file = `${base(lang)}.html`;
      expect(existsSync(file)).toBe(true);
      const html = readFileSync(file, 'utf8');
      // Nothing is loaded from elsewhere; the only addresses are links the reader may follow
      // (in the municipality's own text), which load nothing.
      expect(html).not.toMatch(/src(set)?="(https?:)?\/\//);
      expect([...html.matchAll(/<(\w+)[^>]*\shref="(https?:)?\/\/[^"]*"/g)].map((m) => m[1])).toEqual(['a']);
      expect(html).toContain('Content-Security-Policy');
      await withChromium(async (browser) => {
        for (const width of [1280, 320]) {
          const audit = await auditReport(browser, file, { width });
          expect(audit.requests).toEqual([]);
          expect(audit.consoleErrors).toEqual([]);
          expect(audit.violations, describeViolations(audit.violations)).toEqual([]);
          expect(audit.overflowPx).toBeLessThanOrEqual(0);
        }
      });
    }
  }, 240_000);
});
