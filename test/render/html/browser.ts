// Opens an HTML report in Debian's Chromium (playwright-core, no downloaded browser) and
// reports what a reader's browser would see: every request it tried, console errors (a CSP
// violation is one), axe-core WCAG 2.1 A/AA violations and horizontal page overflow.
// Reusable for any report file: `await withChromium((b) => auditReport(b, file, { width: 320 }))`,
// or openReport() for a page to drive by keyboard.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchChromium();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export interface OpenOptions {
  /** Viewport in CSS pixels (height 900 unless given). */
  width: number;
  height?: number;
}

export interface OpenReport {
  page: Page;
  /** Every URL the page asked for besides the report file itself and data: URLs (all refused). */
  requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation is reported as one). */
  consoleErrors: string[];
  close: () => Promise<void>;
}

/** The few page globals used here (the project's TypeScript lib has no DOM). */
interface PageGlobals {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    fonts: { ready: Promise<unknown> };
    querySelectorAll: (selector: string) => Iterable<{ open: boolean }>;
  };
  axe: { run: (context: unknown, options: object) => Promise<AxeResults> };
}

/** Loads a report file in a fresh context that refuses and records every request. */
export async function openReport(browser: Browser, file: string, opts: OpenOptions): Promise<OpenReport> {
  const fileUrl = pathToFileURL(file).href;
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height ?? 900 },
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const record = (url: string) => {
    if (url !== fileUrl && !url.startsWith('data:') && !requests.includes(url)) requests.push(url);
  };
  try {
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === fileUrl) return route.continue();
      record(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('request', (req) => record(req.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(err.message));
    await page.goto(fileUrl, { waitUntil: 'load' });
    await page.evaluate(async () => {
      await (globalThis as unknown as PageGlobals).document.fonts.ready;
    });
    return { page, requests, consoleErrors, close: () => context.close() };
  } catch (err) {
    await context.close();
    throw err;
  }
}

/** How far the page scrolls sideways (0 = it reflows to the viewport). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/**
 * Elements whose text Chromium drew, in part, with a font other than the page's own web
 * fonts (a character missing from an inlined subset falls back to a system font).
 */
export async function fallbackFontText(page: Page): Promise<{ text: string; fonts: string[] }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *' });
    const found: { text: string; fonts: string[] }[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const system = fonts.filter((f) => !f.isCustomFont);
      if (system.length === 0) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ text: outerHTML.slice(0, 120), fonts: system.map((f) => f.familyName) });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

let axeSource: Promise<string> | undefined;

function loadAxe(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules. All <details> are opened first so that
 * the tables inside them are checked too.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(() => {
    for (const d of (globalThis as unknown as PageGlobals).document.querySelectorAll('details')) d.open = true;
  });
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(await loadAxe());
  const results = await page.evaluate((tags) => {
    const g = globalThis as unknown as PageGlobals;
    return g.axe.run(g.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, AXE_TAGS);
  return results.violations;
}

export interface ReportAudit {
  requests: string[];
  consoleErrors: string[];
  violations: AxeViolation[];
  overflowPx: number;
}

/** Everything at once for one viewport; optionally a full-page screenshot (before axe runs). */
export async function auditReport(
  browser: Browser,
  file: string,
  opts: OpenOptions & { screenshot?: string },
): Promise<ReportAudit> {
  const report = await openReport(browser, file, opts);
  try {
    const overflowPx = await horizontalOverflow(report.page);
    if (opts.screenshot) await report.page.screenshot({ path: opts.screenshot, fullPage: true });
    const violations = await axeViolations(report.page);
    return { requests: report.requests, consoleErrors: report.consoleErrors, violations, overflowPx };
  } finally {
    await report.close();
  }
}

/** One line per violation and node, for assertion messages. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} – ${n.failureSummary ?? v.help}`))
    .join('\n');
}
