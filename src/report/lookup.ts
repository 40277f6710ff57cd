// Read access to the figures table by indicator × area × wave × group. The report only
// selects records; it never derives a number from them.
import type {
  ChangeRecord,
  EstimateRecord,
  FiguresMeta,
  FiguresTable,
  FollowUpRecord,
  GoalRecord,
  GroupKey,
  RespondentCount,
  ResponseRecord,
  TrendRecord,
} from '../analysis/types.js';
import { canonicalGroup, TOTAL } from './groups.js';

type Key = string;
const key = (...parts: (string | number)[]): Key => parts.join('\u0000');

export class FigureLookup {
  readonly meta: FiguresMeta;
  private readonly estimates = new Map<Key, EstimateRecord>();
  private readonly changes = new Map<Key, ChangeRecord>();
  private readonly trends = new Map<Key, TrendRecord>();
  private readonly followUps = new Map<Key, FollowUpRecord>();
  private readonly goals = new Map<Key, GoalRecord>();
  private readonly responses = new Map<Key, ResponseRecord>();
  private readonly respondentsByArea = new Map<string, RespondentCount[]>();
  private readonly yearsByArea = new Map<string, Set<number>>();
  private readonly pooledByWave = new Map<Key, number[]>();
  private readonly tests = new Map<string, number>();

  constructor(table: FiguresTable) {
    this.meta = table.meta;
    // The first record for a key wins, so a table with duplicates reads the same every run.
    const put = <T>(map: Map<Key, T>, k: Key, r: T) => {
      if (!map.has(k)) map.set(k, r);
    };
    for (const r of table.records) {
      const g = canonicalGroup(r.group);
      if ((r.kind === 'change' || r.kind === 'trend') && r.p !== null) this.tests.set(r.area, (this.tests.get(r.area) ?? 0) + 1);
      switch (r.kind) {
        case 'estimate':
          put(this.estimates, key(r.indicator, r.area, r.year, g), r);
          this.addYear(r.area, r.year);
          if (r.pooled_years) put(this.pooledByWave, key(r.area, r.year), r.pooled_years);
          break;
        case 'change':
          put(this.changes, key(r.comparison, r.indicator, r.area, g, r.year_to), r);
          break;
        case 'trend':
          put(this.trends, key(r.indicator, r.area, g), r);
          break;
        case 'follow_up':
          put(this.followUps, key(r.indicator, r.area, g, r.year), r);
          break;
        case 'goal':
          put(this.goals, key(r.indicator, r.area, r.year), r);
          break;
        case 'response':
          put(this.responses, key(r.area, g, r.year), r);
          break;
      }
    }
    for (const r of table.respondents) {
      const list = this.respondentsByArea.get(r.area) ?? [];
      list.push(r);
      this.respondentsByArea.set(r.area, list);
      this.addYear(r.area, r.year);
    }
  }

  private addYear(area: string, year: number): void {
    const set = this.yearsByArea.get(area) ?? new Set<number>();
    set.add(year);
    this.yearsByArea.set(area, set);
  }

  estimate(indicator: string, area: string, year: number, group: GroupKey): EstimateRecord | undefined {
    return this.estimates.get(key(indicator, area, year, canonicalGroup(group)));
  }

  /** A comparison whose second wave is `yearTo` (the latest wave for all but old tables). */
  change(comparison: ChangeRecord['comparison'], indicator: string, area: string, group: GroupKey, yearTo: number): ChangeRecord | undefined {
    return this.changes.get(key(comparison, indicator, area, canonicalGroup(group), yearTo));
  }

  trend(indicator: string, area: string, group: GroupKey): TrendRecord | undefined {
    return this.trends.get(key(indicator, area, canonicalGroup(group)));
  }

  followUp(indicator: string, area: string, group: GroupKey, year: number): FollowUpRecord | undefined {
    return this.followUps.get(key(indicator, area, canonicalGroup(group), year));
  }

  /** Respondents of the group against its pupils (config `population`). */
  response(area: string, year: number, group: GroupKey): ResponseRecord | undefined {
    return this.responses.get(key(area, canonicalGroup(group), year));
  }

  /** Tests (change and trend records with a p) of the area: the family its q-values are adjusted over. */
  testCount(area: string): number {
    return this.tests.get(area) ?? 0;
  }

  /** The indicator's goal in the area, followed up in the wave `year` (its latest). */
  goal(indicator: string, area: string, year: number): GoalRecord | undefined {
    return this.goals.get(key(indicator, area, year));
  }

  /** Waves with respondents or estimates in the area, ascending. */
  years(area: string): number[] {
    return [...(this.yearsByArea.get(area) ?? [])].sort((a, b) => a - b);
  }

  /** Waves in which the indicator has an estimate for the area's total, ascending. */
  indicatorYears(indicator: string, area: string): number[] {
    return this.years(area).filter((y) => this.estimate(indicator, area, y, TOTAL) !== undefined);
  }

  respondents(area: string, year: number, group: GroupKey): number | undefined {
    const g = canonicalGroup(group);
    return this.respondentsByArea.get(area)?.find((r) => r.year === year && canonicalGroup(r.group) === g)?.n;
  }

  /** The waves pooled into `year` for the area (null when the wave stands alone). */
  pooledYears(area: string, year: number): number[] | null {
    return this.pooledByWave.get(key(area, year)) ?? null;
  }

  /** Members of a pooled area (null for a single municipality). */
  pooledArea(area: string): string[] | null {
    return this.meta.pooled.areas[area] ?? null;
  }
}
