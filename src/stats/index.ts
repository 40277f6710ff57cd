// Public API of the statistics core: pure functions, no I/O. See each module for the R
// function it mirrors.
export type { DomainSums, LonelyPsu, StratumSums } from './types.js';
export { emptyStratum, foldDomainSums, foldJointDomainSums, type DesignRow, type JointDesignRow } from './fold.js';
export { pnorm, pt, qbeta, qnorm, qt } from './distributions.js';
export { designDf, stratifiedVariance, zeroMatrix, type StratumScores } from './variance.js';
export { estimateProportion, lonelyStrata, type ProportionEstimate, type ProportionOptions } from './proportion.js';
export { CLOPPER_PEARSON, proportionCi, wilsonBounds, type CiInput, type Interval } from './ci.js';
export {
  contrast,
  domainCovariance,
  normalTest,
  DIFFERENCE,
  LOG_RATIO,
  type Contrast,
  type ContrastFunction,
  type DomainCovariance,
  type JointDomainSums,
  type JointStratum,
} from './contrast.js';
export {
  compareDomains,
  compareIndependent,
  isSignificant,
  nullScoreTest,
  ratioOfDomains,
  compareWithReference,
  proportionSide,
  type ReferenceSide,
  type ComparisonRule,
  type Ratio,
  type Difference,
  type ProportionSide,
} from './compare.js';
export { benjaminiHochberg } from './multiplicity.js';
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
  disclose,
  KNOWN,
  PUBLISHED,
  REASONS,
  UNPUBLISHED,
  type IndexedCells,
  primaryReason,
  recoverableCells,
  type CellDisclosure,
  type DisclosureCell,
  type DisclosureReason,
  type DisclosureRelation,
  type DisclosureResult,
  type DisclosureRules,
} from './disclosure.js';
