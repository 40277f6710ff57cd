// Batch for county analysts and CI: all municipalities + the county overview from one parse,
// reproducible bytes, and a broken file that does not stop the others.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/cli/commands/batch.js';
import { EXAMPLE_CONFIG, EXAMPLE_CSV, poppler, runCli } from './cli.js';

const MUNICIPALITIES = ['Björkträsk', 'Lövåsen', 'Myrheden', 'Tjärnvik', 'Ängsby'];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function batch(out: string, extra: string[] = [], files = EXAMPLE_CSV) {
  const r = await runCli(['batch', ...files, '-c', EXAMPLE_CONFIG, '-o', out, '--json', ...extra], { SOURCE_DATE_EPOCH: '1717113600' });
  return { ...r, summary: r.stdout ? (JSON.parse(r.stdout) as BatchSummary) : null };
}

describe('batch on the example county', () => {
  const first = mkdtempSync(join(tmpdir(), 'lagesbild-batch-a-'));
  const second = mkdtempSync(join(tmpdir(), 'lagesbild-batch-b-'));
  let a: Awaited<ReturnType<typeof batch>>;
  let b: Awaited<ReturnType<typeof batch>>;
  beforeAll(async () => {
    a = await batch(first, ['--jobs', '2']);
    b = await batch(second, ['--jobs', '1']);
  }, 600_000);

  it('writes every municipality, the county overview and the figures table', () => {
    expect(a.code, a.stderr).toBe(0);
    expect(a.summary!.status).toBe('ok');
    const areas = a.summary!.jobs.map((j) => j.area);
    expect(areas).toEqual([...MUNICIPALITIES, 'Norrbacka län']);
    for (const job of a.summary!.jobs) {
      expect(job.status).toBe('ok');
      expect(job.outputs.map((o) => o.path.split('/').slice(-2).join('/'))).toEqual([
        `${job.area.replace(/ /g, '-')}/${job.area.replace(/ /g, '-')}-2019-2023.pdf`,
        `${job.area.replace(/ /g, '-')}/${job.area.replace(/ /g, '-')}-2019-2023.html`,
      ]);
      for (const o of job.outputs) expect(sha(o.path)).toBe(o.sha256);
    }
    expect(existsSync(join(first, 'figures.csv'))).toBe(true);
    expect(a.stderr).not.toMatch(/\u001b\[/); // no colour or progress animation without a TTY
  });

  it('gives byte-identical files for the same SOURCE_DATE_EPOCH, whatever the number of jobs', () => {
    expect(b.code, b.stderr).toBe(0);
    const hashes = (s: BatchSummary) => s.jobs.flatMap((j) => j.outputs.map((o) => o.sha256));
    expect(hashes(b.summary!)).toEqual(hashes(a.summary!));
    expect(b.summary!.figures!.sha256).toBe(a.summary!.figures!.sha256);
  });

  it("the county overview's comparison values are the figures table's", () => {
    const rows: Record<string, string>[] = parse(readFileSync(join(first, 'figures.csv')), { columns: true });
    const overview = poppler('pdftotext', ['-layout', join(first, 'Norrbacka-län', 'Norrbacka-län-2019-2023.pdf'), '-']);
    expect(overview).toContain('Norrbacka län');
    for (const area of MUNICIPALITIES) expect(overview).toContain(area);
    // Every municipality's latest total for a key indicator vs the rest of the county, as printed.
    const key = rows.find((r) => r.kind === 'change' && r.comparison === 'rest_of_county' && r.group === 'total' && r.suppressed === 'false')!;
    const diffs = rows.filter((r) => r.kind === 'change' && r.comparison === 'rest_of_county' && r.indicator === key.indicator && r.group === 'total' && r.suppressed === 'false');
    expect(diffs.length).toBeGreaterThan(1);
    // The comparison table row: "Björkträsk  12 (7–19)  116  14  −2  0,46  Nej".
    for (const d of diffs) {
      const pct = Math.round(Number(d.estimate_to) * 100);
      const rest = Math.round(Number(d.estimate_from) * 100);
      // The difference as printed is that of the rounded values beside it.
      const diff = pct - rest;
      const sign = diff > 0 ? '\\+' : diff < 0 ? '−' : '';
      const row = new RegExp(`^ *${d.area} +${pct}\\*? \\(\\d+–\\d+\\)\\*? +[\\d\u00a0 ]+ +${rest} +${sign}${Math.abs(diff)} +\\d,\\d+ +(Ja|Nej)$`, 'm');
      expect(overview, `${d.area} ${d.indicator}`).toMatch(row);
    }
  });
});

describe('batch with a broken file', () => {
  it('writes the others, reports the broken one, exits 7', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-batch-broken-'));
    const files = EXAMPLE_CSV.map((f) => {
      const to = join(dir, f.split('/').pop()!);
      copyFileSync(f, to);
      return to;
    });
    const broken = join(dir, 'enkat-2024-trasig.csv');
    writeFileSync(broken, readFileSync(files[2]!, 'utf8').split('\n').slice(0, 3).join('\n').replace(/Ängsby,/, 'Ängsby,"') + '\n');
    const out = join(dir, 'out');
    const r = await batch(out, ['--format', 'html', '--jobs', '2'], [...files, broken]);
    expect(r.code).toBe(7);
    expect(r.summary!.status).toBe('partial');
    expect(r.summary!.failed_files).toHaveLength(1);
    expect(r.summary!.failed_files[0]!.file).toBe(broken);
    expect(r.summary!.failed_files[0]!.error).toMatch(/^.*enkat-2024-trasig\.csv:\d+/);
    expect(r.summary!.jobs.every((j) => j.status === 'ok')).toBe(true);
    expect(existsSync(join(out, 'Ängsby', 'Ängsby-2019-2023.html'))).toBe(true);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 300_000);
});
