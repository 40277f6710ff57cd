// Step 3's associations: for every förändringsfaktor × outcome, per unit × wave, the outcome
// among the "Totalt" respondents who answered the factor question yes and among those who
// answered no (in the outcome's population), and their prevalence ratio. The two sides are
// cells under disclosure control like any estimate: the outcome's total is the sum of them
// and of the respondents who left the factor question unanswered, and the county's side is
// the sum of its municipalities' (see disclosureStructure in figures.ts).
import type { ProjectConfig } from '../config/schema.js';
import {
  domainCovariance,
  estimateProportion,
  proportionSide,
  ratioOfDomains,
  type ProportionOptions,
} from '../stats/index.js';
import type { Condition, DomainSpec, SurveySums } from './accumulate.js';
import type { AssociationRecord } from './types.js';
import type { Unit, Wave } from './units.js';

export const ANSWERS: readonly Condition['answer'][] = ['yes', 'no'];

/** One side of a pair: its counts, its cell in the disclosure structure and whether it may be shown (both set by disclosure control). */
export interface Side {
  n: number;
  x: number;
  cell: number;
  shown: boolean;
}

/** An outcome with and without a factor in one unit (index `u`) and wave (index `w`). */
export interface Pair {
  factor: number;
  outcome: number;
  u: number;
  w: number;
  /** The factor answered yes, and no. */
  sides: Record<Condition['answer'], Side | null>;
}

/**
 * The pairs are found and counted at once (for disclosure control over every area); their
 * estimates are computed with their area's records (`records`), a unit at a time.
 */
export class Associations {
  readonly pairs: Pair[] = [];
  /** The pairs of each unit, by unit index. */
  private readonly ofUnit: Pair[][];

  constructor(
    private readonly sums: SurveySums,
    private readonly config: ProjectConfig,
    private readonly units: Unit[],
    private readonly waves: Wave[],
    private readonly opts: ProportionOptions,
    /** The pairs as another thread found them and disclosure control judged them (FirstPass). */
    given?: Pair[],
  ) {
    const { conditions, targets } = sums.conditions;
    const factors = [...new Set(conditions.map((c) => c.indicator))];
    this.ofUnit = units.map(() => []);
    if (given) {
      for (const pair of given) {
        this.pairs.push(pair);
        this.ofUnit[pair.u]!.push(pair);
      }
      return;
    }
    units.forEach((unit, u) => {
      waves.forEach((wave, w) => {
        for (const factor of factors) {
          for (const outcome of targets) {
            if (outcome === factor) continue;
            const side = (answer: Condition['answer']): Side | null => {
              const { n, x } = sums.domainCounts({ areas: unit.members, group: 0, given: { indicator: factor, answer } }, wave.years, outcome);
              return n === 0 ? null : { n, x, cell: -1, shown: false };
            };
            const sides = { yes: side('yes'), no: side('no') };
            if (sides.yes || sides.no) {
              const pair = { factor, outcome, u, w, sides };
              this.pairs.push(pair);
              this.ofUnit[u]!.push(pair);
            }
          }
        }
      });
    });
  }

  /**
   * Unit `u`'s records, built only from sides that may be shown (Side.shown); p, q and the
   * verdict follow in adjustForMultiplicity. `caution` when either side's base is under `cautionBase`.
   */
  records(u: number, level: number, cautionBase: number | undefined): AssociationRecord[] {
    const ind = this.config.indicators;
    return this.ofUnit[u]!.map((p) => {
      const { yes, no } = p.sides;
      const visible = yes !== null && no !== null && yes.shown && no.shown;
      const est = (answer: Condition['answer']) => {
        const e = estimateProportion(this.sums.domain(this.units[p.u]!.members, this.waves[p.w]!.years, 0, p.outcome, { indicator: p.factor, answer }), this.opts);
        const side = p.sides[answer]!;
        // Disclosure control judged the side by its counts: they must be the estimate's.
        if (e.n !== side.n || e.x !== side.x) throw new Error(`associations: the counts of ${ind[p.outcome]!.id} by ${ind[p.factor]!.id} differ between the passes`);
        return e;
      };
      const [withFactor, without] = visible ? [est('yes'), est('no')] : [null, null];
      const r = withFactor && without ? ratioOfDomains(proportionSide(without), proportionSide(withFactor), () => this.covariance(p), level) : null;
      const small = visible && cautionBase !== undefined && Math.min(yes.n, no.n) < cautionBase;
      return {
        kind: 'association',
        indicator: ind[p.outcome]!.id,
        factor: ind[p.factor]!.id,
        area: this.units[p.u]!.name,
        year: this.waves[p.w]!.year,
        group: 'total',
        estimate_with: withFactor ? withFactor.estimate : null,
        estimate_without: without ? without.estimate : null,
        ratio: r?.ratio ?? null,
        ratio_ci_lower: r?.ciLower ?? null,
        ratio_ci_upper: r?.ciUpper ?? null,
        p: r?.p ?? null,
        q: null,
        significant: null,
        suppressed: !visible,
        flag: small ? 'caution' : null,
      };
    });
  }

  private covariance(p: Pair) {
    const spec = (answer: Condition['answer']): DomainSpec => ({ areas: this.units[p.u]!.members, group: 0, given: { indicator: p.factor, answer } });
    const joint = this.sums.jointDomains([spec('no'), spec('yes')], this.waves[p.w]!.years, p.outcome);
    return domainCovariance(joint, 2, this.opts.lonelyPsu);
  }
}
