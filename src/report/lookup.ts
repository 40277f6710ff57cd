// Read access to the figures table by indicator × area × wave × group. The report only
// selects records; it never derives a number from them.
import type {
  AssociationRecord,
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
  private readonly associations = new Map<Key, AssociationRecord>();
  private readonly references = new Map<Key, ChangeRecord[]>();
  private readonly associationAreas = new Set<string>();
  private readonly referenceAreas = new Set<string>();
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
      if ((r.kind === 'change' || r.kind === 'trend' || r.kind === 'association') && r.p !== null) this.tests.set(r.area, (this.tests.get(r.area) ?? 0) + 1);
      switch (r.kind) {
        case 'estimate':
          put(this.estimates, key(r.indicator, r.area, r.year, g), r);
          this.addYear(r.area, r.year);
          if (r.pooled_years) put(this.pooledByWave, key(r.area, r.year), r.pooled_years);
          break;
        case 'change':
          if (r.comparison === 'reference') {
            this.referenceAreas.add(r.area);
            const k = key(r.indicator, r.area, g, r.year_to);
            this.references.set(k, [...(this.references.get(k) ?? []), r]);
          } else put(this.changes, key(r.comparison, r.indicator, r.area, g, r.year_to), r);
          break;
        case 'association':
          put(this.associations, key(r.factor, r.indicator, r.area, r.year), r);
          this.associationAreas.add(r.area);
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

  /** The outcome among pupils with and without the factor (total group), or undefined. */
  association(factor: string, outcome: string, area: string, year: number): AssociationRecord | undefined {
    return this.associations.get(key(factor, outcome, area, year));
  }

  /**
   * The comparison of the group's estimate in wave `year` with reference set `set` (index into
   * meta.references; a record names its set by the Swedish label), or undefined.
   */
  reference(set: number, indicator: string, area: string, group: GroupKey, year: number): ChangeRecord | undefined {
    const label = this.meta.references[set]?.label.sv;
    return this.references.get(key(indicator, area, canonicalGroup(group), year))?.find((r) => r.from === label);
  }

  /** Whether the area has step 3's association records. */
  hasAssociations(area: string): boolean {
    return this.associationAreas.has(area);
  }

  /** Whether the area has comparisons with reference values. */
  hasReferences(area: string): boolean {
    return this.referenceAreas.has(area);
  }

  /** Tests (change, trend and association records with a p) of the area: the family its q-values are adjusted over. */
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
