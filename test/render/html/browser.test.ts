// The rendered sample report in a real browser (Debian's Chromium): no request leaves the
// page, no console error, zero axe WCAG 2.1 A/AA violations, reflow at 320 px, keyboard
// access with a visible focus. Set LAGESBILD_SCREENSHOTS=dir to keep the screenshots.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/render/html/index.js';
import { sampleDocument } from '../../fixtures/sample-document.js';
import { auditReport, describeViolations, fallbackFontText, horizontalOverflow, launchChromium, openReport } from './browser.js';

let browser: Browser;
let dir: string;
const files: Record<'sv' | 'en', string> = { sv: '', en: '' };
const shots = process.env['LAGESBILD_SCREENSHOTS'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagesbild-html-'));
  for (const lang of ['sv', 'en'] as const) {
    files[lang] = join(dir, `rapport-${lang}.html`);
    await writeFile(files[lang], await renderHtml(sampleDocument(lang)));
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Focused {
  tag: string;
  id: string;
  cls: string;
  /** Drawn with an outline of at least 2 px. */
  outline: boolean;
  top: number;
}

/** What has focus (null when focus has left the page's content). */
async function focused(page: Page): Promise<Focused | null> {
  const el = page.locator(':focus');
  if ((await el.count()) === 0) return null;
  return el.evaluate((node) => {
    const style = node.ownerDocument.defaultView!.getComputedStyle(node);
    return {
      tag: node.tagName.toLowerCase(),
      id: node.id,
      cls: node.getAttribute('class') ?? '',
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      top: node.getBoundingClientRect().top,
    };
  });
}

describe('the browser audit itself', () => {
  it('catches outside requests, CSP violations, axe violations and overflow', async () => {
    const bad = join(dir, 'bad.html');
    await writeFile(
      bad,
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="img-src data:">` +
        `<title>x</title></head><body><main><p style="color:#bbb">pale</p><img src="data:image/png;base64,iVBORw0KGgo=">` +
        `<img src="https://example.invalid/a.png" alt="a"><div style="width:2000px">wide</div></main>` +
        `<script>fetch('http://127.0.0.1:9/data.json').catch(() => {});</script></body></html>`,
    );
    const audit = await auditReport(browser, bad, { width: 320 });
    expect([...audit.requests].sort()).toEqual(['http://127.0.0.1:9/data.json', 'https://example.invalid/a.png']);
    expect(audit.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    expect(audit.violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt', 'color-contrast']),
    );
    expect(audit.overflowPx).toBeGreaterThan(1000);
  });
});

describe.each(['sv', 'en'] as const)('HTML report in Chromium (%s)', (lang) => {
  it('at 1280 px: loads nothing, logs no error, has no WCAG 2.1 AA violation', async () => {
    const audit = await auditReport(browser, files[lang], {
      width: 1280,
      ...(shots ? { screenshot: join(shots, `html-${lang}-1280.png`) } : {}),
    });
    expect(audit.requests).toEqual([]);
    expect(audit.consoleErrors).toEqual([]);
    expect(audit.violations, describeViolations(audit.violations)).toEqual([]);
    expect(audit.overflowPx).toBe(0);
  });

  it('draws every character with the inlined (subset) fonts, none with a system font', async () => {
    const report = await openReport(browser, files[lang], { width: 1280 });
    try {
      const faces = await report.page.evaluate(() =>
        [...(globalThis as unknown as { document: { fonts: Iterable<{ family: string; status: string }> } }).document.fonts].map(
          (f) => `${f.family}: ${f.status}`,
        ),
      );
      expect(faces).toEqual(Array(3).fill('Source Sans 3: loaded'));
      expect(await fallbackFontText(report.page)).toEqual([]);
    } finally {
      await report.close();
    }
  });

  it('at 320 px: reflows without page scrolling; wide tables scroll in their own box', async () => {
    const audit = await auditReport(browser, files[lang], {
      width: 320,
      ...(shots ? { screenshot: join(shots, `html-${lang}-320.png`) } : {}),
    });
    expect(audit.overflowPx).toBe(0);
    expect(audit.violations, describeViolations(audit.violations)).toEqual([]);
    expect(audit.consoleErrors).toEqual([]);

    const report = await openReport(browser, files[lang], { width: 320 });
    try {
      const box = report.page.locator('#tabell-skolomraden .table-scroll');
      const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      expect(await horizontalOverflow(report.page)).toBe(0);
    } finally {
      await report.close();
    }
  });

  it('is usable by keyboard: skip link first, visible focus on links, disclosures and table boxes', async () => {
    const report = await openReport(browser, files[lang], { width: 1280 });
    const { page } = report;
    try {
      await page.keyboard.press('Tab');
      const skip = await focused(page);
      expect(skip).toMatchObject({ tag: 'a', cls: 'skip-link', outline: true });
      expect(skip!.top).toBeGreaterThanOrEqual(0); // moved into view when focused
      await page.keyboard.press('Enter');
      expect((await focused(page))?.id).toBe('lb-main');

      // From the main content on, every stop has a visible focus: two tables' boxes, two
      // figures' disclosures and the appendix table, in reading order.
      const seen: Focused[] = [];
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (!f) break;
        seen.push(f);
      }
      expect(seen.map((f) => `${f.tag}.${f.cls}`)).toEqual([
        'div.table-scroll',
        'summary.',
        'summary.',
        'div.table-scroll',
        'div.table-scroll',
      ]);
      expect(seen.every((f) => f.outline)).toBe(true);

      // Opening a figure's numbers with the keyboard reveals a table the keyboard can reach.
      const summary = page.locator('summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const numbers = await focused(page);
      expect(numbers?.cls).toBe('table-scroll');
      expect(await page.locator('details.numbers').first().getAttribute('open')).not.toBeNull();
    } finally {
      await report.close();
    }
  });
});
