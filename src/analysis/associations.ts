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
  type ProportionEstimate,
  type ProportionOptions,
} from '../stats/index.js';
import type { Condition, DomainSpec, SurveySums } from './accumulate.js';
import type { AssociationRecord } from './types.js';
import type { Unit, Wave } from './units.js';

export const ANSWERS: readonly Condition['answer'][] = ['yes', 'no'];

/** One side of a pair, and its cell in the disclosure structure (set when the structure is built). */
export interface Side {
  est: ProportionEstimate;
  cell: number;
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

export class Associations {
  readonly pairs: Pair[] = [];

  constructor(
    private readonly sums: SurveySums,
    private readonly config: ProjectConfig,
    private readonly units: Unit[],
    private readonly waves: Wave[],
    private readonly opts: ProportionOptions,
  ) {
    const { conditions, targets } = sums.conditions;
    const factors = [...new Set(conditions.map((c) => c.indicator))];
    units.forEach((unit, u) => {
      waves.forEach((wave, w) => {
        for (const factor of factors) {
          for (const outcome of targets) {
            if (outcome === factor) continue;
            const side = (answer: Condition['answer']): Side | null => {
              const est = estimateProportion(sums.domain(unit.members, wave.years, 0, outcome, { indicator: factor, answer }), opts);
              return est.n === 0 ? null : { est, cell: -1 };
            };
            const sides = { yes: side('yes'), no: side('no') };
            if (sides.yes || sides.no) this.pairs.push({ factor, outcome, u, w, sides });
          }
        }
      });
    });
  }

  /**
   * The records, built only from sides that may be shown (`shown(cell)`); p, q and the verdict
   * follow in adjustForMultiplicity. `caution` when either side's base is under `cautionBase`.
   */
  records(shown: (cell: number) => boolean, level: number, cautionBase: number | undefined): AssociationRecord[] {
    const ind = this.config.indicators;
    return this.pairs.map((p) => {
      const { yes, no } = p.sides;
      const visible = yes !== null && no !== null && shown(yes.cell) && shown(no.cell);
      const r = visible ? ratioOfDomains(proportionSide(no.est), proportionSide(yes.est), () => this.covariance(p), level) : null;
      const small = visible && cautionBase !== undefined && Math.min(yes.est.n, no.est.n) < cautionBase;
      return {
        kind: 'association',
        indicator: ind[p.outcome]!.id,
        factor: ind[p.factor]!.id,
        area: this.units[p.u]!.name,
        year: this.waves[p.w]!.year,
        group: 'total',
        estimate_with: visible ? yes.est.estimate : null,
        estimate_without: visible ? no.est.estimate : null,
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
