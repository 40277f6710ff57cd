// The post-strata of a wave's design: area × reported gender × reported school year, the
// cells of "Totalt" (see GroupLayout). Respondents outside them (no gender or school year
// given, or a value with `report: false`, which no population register counts) are one
// pseudo-cell per area and wave, weighted by the area's average factor. The accumulator
// keeps one block per post-stratum, so every block has one factor.
import type { GroupLayout } from './accumulate.js';
import type { Block } from './accumulate.js';
import { postStratumFactor } from '../stats/poststratify.js';
import type { PopulationFile } from '../ingest/population.js';
import type { ProjectConfig } from '../config/schema.js';
import { ConfigError, msg } from '../errors.js';

/** The cell of respondents in no post-stratum. */
export const NO_CELL = -1;

/**
 * The post-stratum of a respondent: gender index × number of school years + school-year
 * index (the gender index alone without school years), or NO_CELL.
 */
export function postStratumOf(layout: GroupLayout, gender: number, grade: number): number {
  if (gender < 0 || !layout.genderReported(gender)) return NO_CELL;
  if (layout.grades === 0) return gender;
  if (grade < 0 || !layout.gradeReported(grade)) return NO_CELL;
  return gender * layout.grades + grade;
}

/** One cell of the population file: pupils in a wave, area and post-stratum. */
export interface PopulationCell {
  year: number;
  area: string;
  cell: number;
  count: number;
}

/** Pupils per (wave, area, post-stratum), from the population file. */
export interface PopulationCounts {
  /** Source file and its delimiter, for messages. */
  file: string;
  delimiter: string;
  count(year: number, area: string, cell: number): number | undefined;
  /** Every cell of the file: wave, area, post-stratum, pupils. */
  cells(): readonly PopulationCell[];
}

/** The population file's rows as counts per post-stratum (its values are reported ones, checked by the reader). */
export function populationCounts(file: PopulationFile, layout: GroupLayout): PopulationCounts {
  const cells = file.rows.map((r) => ({ year: r.year, area: r.area, cell: postStratumOf(layout, r.gender, r.grade), count: r.count }));
  return countsOfCells(file.file, file.delimiter, cells);
}

/** The counts of the cells (also: the counts made again on another thread from their cells). */
export function countsOfCells(file: string, delimiter: string, cells: readonly PopulationCell[]): PopulationCounts {
  const byKey = new Map(cells.map((c) => [cellKey(c.year, c.area, c.cell), c.count]));
  return { file, delimiter, count: (year, area, cell) => byKey.get(cellKey(year, area, cell)), cells: () => cells };
}

export function cellKey(year: number, area: string, cell: number): string {
  return `${year}\u0000${area}\u0000${cell}`;
}

/** Cells of one wave's post-stratified design: their respondents, weights and factors. */
export class PostStrata {
  private readonly ids = new Map<string, number>();
  private readonly idOfBlock = new Map<Block, number>();
  private readonly rows: number[] = [];
  private readonly weights: number[] = [];
  private readonly keys: { year: number; area: string; cell: number }[] = [];
  private factors: number[] | null = null;

  constructor(blocks: readonly Block[]) {
    for (const b of blocks) {
      const key = cellKey(b.year, b.area, b.cell!);
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.rows.length;
        this.ids.set(key, id);
        this.rows.push(0);
        this.weights.push(0);
        this.keys.push({ year: b.year, area: b.area, cell: b.cell! });
      }
      this.idOfBlock.set(b, id);
      this.rows[id]! += b.rows;
      this.weights[id]! += b.weight;
    }
  }

  /** Respondents of a cell. */
  respondents(year: number, area: string, cell: number): number {
    const id = this.ids.get(cellKey(year, area, cell));
    return id === undefined ? 0 : this.rows[id]!;
  }

  /** The cell of a block, as an index for per-query arrays. */
  cellOf(b: Block): number {
    return this.idOfBlock.get(b)!;
  }

  get cellCount(): number {
    return this.rows.length;
  }

  /** Σw of every respondent of the block's cell: Ŵ_c (= W_c). */
  cellWeight(id: number): number {
    return this.weights[id]!;
  }

  /** g_c of the block's cell. */
  factor(b: Block): number {
    if (!this.factors) throw new Error('PostStrata: postStratify() has not run');
    return this.factors[this.cellOf(b)]!;
  }

  /**
   * The factors from the population counts: N_c/Ŵ_c for each post-stratum with respondents,
   * and for the respondents outside them the area's average, Σ N_c / Σ Ŵ_c over its
   * post-strata with respondents (1 when it has none). The counts must cover every
   * post-stratum with respondents (checked before, with a message naming them).
   */
  calibrate(population: PopulationCounts): void {
    const areaTotals = new Map<string, { n: number; w: number }>();
    const factors = this.keys.map(({ year, area, cell }, id) => {
      if (cell === NO_CELL) return NaN;
      const n = population.count(year, area, cell);
      if (n === undefined || !(n > 0)) throw new Error(`PostStrata: no population count for ${area} ${year} cell ${cell}`);
      const t = areaTotals.get(`${year}\u0000${area}`) ?? { n: 0, w: 0 };
      t.n += n;
      t.w += this.weights[id]!;
      areaTotals.set(`${year}\u0000${area}`, t);
      return postStratumFactor(n, this.weights[id]!);
    });
    this.keys.forEach(({ year, area, cell }, id) => {
      if (cell !== NO_CELL) return;
      const t = areaTotals.get(`${year}\u0000${area}`);
      factors[id] = t ? postStratumFactor(t.n, t.w) : 1;
    });
    this.factors = factors;
  }
}

/** A post-stratum with respondents and no (or a zero) population count. */
export interface UncoveredCell {
  year: number;
  area: string;
  gender: string;
  grade: string | null;
  respondents: number;
}

/**
 * The post-strata (reported gender × school year) of each area and wave that have
 * respondents but no count in the population file: a response rate or weight cannot be
 * made for them.
 */
export function uncoveredCells(
  population: PopulationCounts,
  config: ProjectConfig,
  years: readonly number[],
  areas: readonly string[],
  respondents: (year: number, area: string, cell: number) => number,
): UncoveredCell[] {
  const genders = config.groups.gender.values;
  const grades = config.groups.grade?.values ?? [];
  const out: UncoveredCell[] = [];
  for (const year of years) {
    for (const area of areas) {
      genders.forEach((g, gi) => {
        if (!g.report) return;
        const cells = grades.length === 0 ? [{ code: null, cell: gi }] : grades.flatMap((k, ki) => (k.report ? [{ code: k.code, cell: gi * grades.length + ki }] : []));
        for (const { code, cell } of cells) {
          const n = respondents(year, area, cell);
          const count = population.count(year, area, cell);
          if (n > 0 && !(count !== undefined && count > 0)) out.push({ year, area, gender: g.code, grade: code, respondents: n });
        }
      });
    }
  }
  return out;
}

/** The config error for uncovered cells: each named with its respondents (at most five), and a row to add. */
export function uncoveredError(cells: readonly UncoveredCell[], population: PopulationCounts): ConfigError {
  const named = cells.slice(0, 5).map((c) => ({ group: [c.area, String(c.year), c.gender, ...(c.grade === null ? [] : [c.grade])].join(' '), respondents: c.respondents }));
  const total = cells.reduce((s, c) => s + c.respondents, 0);
  // A row to add, written as the file writes its rows.
  const first = cells[0]!;
  const example = [first.area, first.year, first.gender, ...(first.grade === null ? [] : [first.grade])].join(population.delimiter) + population.delimiter;
  return new ConfigError(
    msg('population.uncovered', { cells: named, count: cells.length, total }),
    { file: population.file },
    msg('population.uncovered.hint', { example }),
  );
}
