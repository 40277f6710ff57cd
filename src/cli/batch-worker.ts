// A batch worker thread: builds and renders reports for the jobs it is sent, each into its
// own temporary folder. The main thread moves finished files into place, so workers never
// touch the outputs and never share a file.
import { parentPort, workerData } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import type { FiguresTable } from '../analysis/types.js';
import type { ProjectConfig } from '../config/schema.js';
import type { Lang, ReportDocument } from '../report/model.js';
import type { OwnText } from '../owntext/load.js';
import type { SourceTable } from '../sources/load.js';
import type { ReportProfile } from '../config/schema.js';
import type { ReportFormat } from '../render/index.js';
import { LagesbildError, msg } from '../errors.js';
import { render, type Lang as MessageLang } from '../messages/index.js';
import { ownTextLeftOut } from './report-files.js';

export interface WorkerSetup {
  /** The language of error messages (the CLI's), not of the reports. */
  messageLang: MessageLang;
  config: ProjectConfig;
  lang: Lang;
  dateIso: string;
  formats: ReportFormat[];
  logo: ReportDocument['logo'];
  /** The municipality's own texts (read once by the main thread). */
  ownTexts: OwnText[];
  profile: ReportProfile;
  /** Figures from other sources (read once by the main thread). */
  sources: SourceTable[];
}

export interface Job {
  id: number;
  /** A municipality, or null for the county overview. */
  area: string | null;
  /**
   * What its report reads (see reportFigures), as two files the main thread wrote with
   * v8.serialize: the job's own records (a municipality's, or what the county overview reads
   * of every municipality) and the county's, which every job reads (written once). The main
   * thread computes every area once and then lets go of the survey's sums, so the tables wait
   * on disk, not in memory.
   */
  figuresPath: string;
  countyPath: string;
  tmpDir: string;
  base: string;
}

export interface JobResult {
  id: number;
  ok: boolean;
  files: { format: ReportFormat; tmpPath: string; sha256: string; bytes: number }[];
  ms: number;
  error?: string;
  /** Own texts left out of this report (their chapter is not in it). */
  warnings?: string[];
}

/** Build and render one job (also used in-process for --jobs 1). */
export async function runJob(setup: WorkerSetup, job: Job): Promise<JobResult> {
  const started = Date.now();
  try {
    const { buildMunicipalityReport, buildCountyReport, unplacedTexts } = await import('../report/index.js');
    const { renderDocument } = await import('../render/index.js');
    const own = deserialize(await readFile(job.figuresPath)) as FiguresTable;
    const county = deserialize(await readFile(job.countyPath)) as FiguresTable;
    // As reportFigures gives it: the job's records, then the county's (the county is the last area).
    const figures: FiguresTable = { ...own, records: [...own.records, ...county.records], respondents: [...own.respondents, ...county.respondents] };
    const common = { figures, config: setup.config, lang: setup.lang, dateIso: setup.dateIso, logo: setup.logo };
    const doc = job.area === null ? buildCountyReport(common) : buildMunicipalityReport({ ...common, area: job.area, ownTexts: setup.ownTexts, sources: setup.sources, profile: setup.profile });
    const rendered = await renderDocument(doc, setup.formats);
    await mkdir(job.tmpDir, { recursive: true });
    const files = [];
    for (const r of rendered) {
      const tmpPath = join(job.tmpDir, `${job.base}.${r.format}`);
      await writeFile(tmpPath, r.data);
      files.push({ format: r.format, tmpPath, sha256: createHash('sha256').update(r.data).digest('hex'), bytes: r.data.length });
    }
    const warnings = job.area === null ? [] : unplacedTexts(doc, setup.ownTexts).map((t) => render(ownTextLeftOut(t.file, t.place), setup.messageLang));
    return { id: job.id, ok: true, files, ms: Date.now() - started, warnings };
  } catch (err) {
    const message = err instanceof LagesbildError ? err.toLine(setup.messageLang) : render(msg('cli.internal', { text: err instanceof Error ? err.message : String(err) }), setup.messageLang);
    return { id: job.id, ok: false, files: [], ms: Date.now() - started, error: message };
  }
}

if (parentPort) {
  const port = parentPort;
  const received = workerData as WorkerSetup;
  // Buffers arrive as plain Uint8Arrays after the structured clone.
  const setup: WorkerSetup = {
    ...received,
    logo: received.logo ? { ...received.logo, data: Buffer.from(received.logo.data) } : null,
    ownTexts: received.ownTexts.map((t) => ({ ...t, blocks: t.blocks.map((b) => (b.type === 'ownImage' ? { ...b, data: Buffer.from(b.data) } : b)) })),
  };
  const fault = faultFor(process.env.LAGESBILD_TEST_WORKER_FAULT);
  port.on('message', (job: Job) => {
    void runJob(setup, job).then((result) => {
      if (fault && fault.area === job.area) {
        // Test hook (see faultFor): the files are written, the answer never comes.
        if (fault.kind === 'exit') process.exit(3);
        throw new Error('injected worker fault');
      }
      port.postMessage(result);
    });
  });
}

/**
 * LAGESBILD_TEST_WORKER_FAULT=exit:<area> or throw:<area> makes the worker that renders that
 * municipality exit, or throw an uncaught error, after writing its files and before answering: the tests check that batch
 * then fails that job (exit 7), renders the others and leaves no temporaries.
 */
function faultFor(spec: string | undefined): { kind: 'exit' | 'throw'; area: string } | null {
  const m = spec === undefined ? null : /^(exit|throw):(.+)$/su.exec(spec);
  return m ? { kind: m[1] as 'exit' | 'throw', area: m[2]! } : null;
}
