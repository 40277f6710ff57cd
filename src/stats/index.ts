// Public API of the statistics core: pure functions, no I/O. See each module for the R
// function it mirrors.
export type { DomainSums, LonelyPsu, StratumSums } from './types.js';
export { emptyStratum, foldDomainSums, type DesignRow } from './fold.js';
export { pnorm, pt, qbeta, qnorm, qt } from './distributions.js';
export { designDf, stratifiedVariance, type StratumScores } from './variance.js';
export { estimateProportion, type ProportionEstimate, type ProportionOptions } from './proportion.js';
export { CLOPPER_PEARSON, proportionCi, type CiInput, type Interval } from './ci.js';
export { compareIndependent, isSignificant, type Difference, type EstimateWithSe } from './compare.js';
export {
  cochranArmitage,
  logisticTrend,
  type CochranArmitage,
  type LogisticTrend,
  type LogisticTrendOptions,
  type TrendWave,
} from './trend.js';
export { minimumDetectableChange, type MdcOptions } from './mdc.js';
export {
  applyDisclosure,
  primaryReason,
  recoverableCells,
  type CellDisclosure,
  type DisclosureCell,
  type DisclosureReason,
  type DisclosureRelation,
  type DisclosureResult,
  type DisclosureRules,
} from './disclosure.js';
