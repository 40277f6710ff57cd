// The figures table as a file (figures and batch): which format the flags ask for, its file
// name, and its bytes. The renderers are loaded only when used (exceljs is large).
import type { FiguresStream } from '../analysis/types.js';
import type { ProjectConfig } from '../config/schema.js';

export type FiguresFileFormat = 'csv' | 'excel-sv' | 'json' | 'xlsx';

export interface FiguresFormatFlags {
  format?: 'csv' | 'json';
  excelSv?: boolean;
  xlsx?: boolean;
}

/** The format the flags choose (they are declared as conflicting, so at most one applies). */
export function figuresFormat(flags: FiguresFormatFlags): FiguresFileFormat {
  if (flags.xlsx) return 'xlsx';
  if (flags.excelSv) return 'excel-sv';
  return flags.format ?? 'csv';
}

/** figures.csv (also for Swedish Excel), figures.json or figures.xlsx; `suffix` e.g. "-2-of-4". */
export function figuresFileName(format: FiguresFileFormat, suffix = ''): string {
  const ext = format === 'excel-sv' ? 'csv' : format;
  return `figures${suffix}.${ext}`;
}

/** The indicators as the figures files name them: Swedish label, short label and question. */
async function indicatorNames(config: ProjectConfig): Promise<{ id: string; label: string; short?: string; question?: string }[]> {
  const { localize } = await import('../config/schema.js');
  return config.indicators.map((i) => ({
    id: i.id,
    label: localize(i.label, 'sv'),
    ...(i.short ? { short: localize(i.short, 'sv') } : {}),
    ...(i.question ? { question: localize(i.question, 'sv') } : {}),
  }));
}

/** Each indicator's Swedish label by id (the Swedish-Excel CSV names indicators with them). */
export async function indicatorLabels(config: ProjectConfig): Promise<Record<string, string>> {
  return Object.fromEntries((await indicatorNames(config)).map((i) => [i.id, i.label]));
}

/**
 * The file's bytes; a CSV or JSON comes in pieces, made as they are written (see
 * figuresCsvChunks). Pieces are for writePieces: a piece of the CSV is valid only until the
 * piece after the next one is asked for (ChunkOptions.reusePieces).
 */
export async function renderFiguresFile(figures: FiguresStream, config: ProjectConfig, format: FiguresFileFormat, dateIso: string): Promise<Buffer | Iterable<Buffer>> {
  const indicators = await indicatorNames(config);
  if (format === 'xlsx') {
    const { figuresWorkbook } = await import('../render/tabular/figures-xlsx.js');
    const years = figures.meta.years;
    const span = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0] ?? '');
    // A workbook is built whole (exceljs): its records are held at once.
    const records = Array.isArray(figures.records) ? figures.records : [...figures.records];
    return figuresWorkbook({ meta: figures.meta, records }, {
      indicators,
      title: `Uppgifter: ${figures.meta.county} ${span}`.trim(),
      creator: config.project.publisher ?? figures.meta.county,
      dateIso,
      cautionBase: config.disclosure.caution_base,
    });
  }
  const { jsonChunks, figuresCsvChunks } = await import('../render/tabular/figures-export.js');
  if (format === 'json') return jsonChunks(figures);
  return figuresCsvChunks(figures, format, await indicatorLabels(config), { reusePieces: true });
}

/** The bytes as they are written, each piece also fed to `hash` (batch reports the file's sha256). */
export function* hashed(data: Buffer | Iterable<Buffer>, hash: { update(b: Buffer): unknown }): Generator<Buffer> {
  for (const piece of Buffer.isBuffer(data) ? [data] : data) {
    hash.update(piece);
    yield piece;
  }
}
