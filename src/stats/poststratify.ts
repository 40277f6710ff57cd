// Post-stratification as R's postStratify() does it: every weight of post-stratum c is
// multiplied by g_c = N_c / Ŵ_c (the population count over the weighted respondents of the
// cell, all respondents, whatever they answered), and svyrecvar's linearised scores become
// the residuals from the post-stratum means: x_i − w*_i · Σ_c x / Σ_c w*.
//
// For a domain's ratio p̂ = ΣA*/ΣB* (A* = Σ w*·y, B* = Σ w* over domain rows with a valid
// answer), the score of row i is x_i = w*_i·d_i(y_i − p̂)/T, T = ΣB*. Summed over the rows of
// PSU j and written per post-stratum, the residual is
//   R_j = (Ã_j − p̂·B̃_j)/T,  Ã_j = Σ_c g_c (A_jc − W_jc·A_c/W_c),  B̃_j = Σ_c g_c (B_jc − W_jc·B_c/W_c),
// with A_jc, B_jc the domain's original-weight sums in PSU j and cell c, W_jc the Σw of every
// row of c in PSU j (any answer, any domain), and A_c, B_c, W_c the same over the whole cell.
// Ã_j and B̃_j do not depend on p̂, so a PSU's residual at any p (the trend's fitted μ
// included) is Ã_j − p·B̃_j, and the per-stratum sums of StratumSums carry everything.
// Without clusters every row is its own PSU; the products of row residuals then need, per
// stratum × cell, the domain's Σw²y and Σw² and the Σw² of every row (rowResidualCross).

/** The factor of a post-stratum: N_c / Ŵ_c. */
export function postStratumFactor(population: number, weightedRespondents: number): number {
  return population / weightedRespondents;
}

/** A domain's share of a post-stratum's weight: A_c/W_c and B_c/W_c (both 0 when the domain has no row in it). */
export interface CellShare {
  a: number;
  b: number;
}

export function cellShare(cellA: number, cellB: number, cellWeight: number): CellShare {
  return cellWeight > 0 ? { a: cellA / cellWeight, b: cellB / cellWeight } : { a: 0, b: 0 };
}

/**
 * The residual totals (Ã, B̃) of the rows of one post-stratum in one PSU: g·(A − W·a), g·(B − W·b),
 * where A, B are the domain's sums there and W the Σw of every row there.
 */
export function residualTotals(g: number, a: number, b: number, weight: number, share: CellShare): [number, number] {
  return [g * (a - weight * share.a), g * (b - weight * share.b)];
}

/** A domain's row-level sums in one stratum × post-stratum: Σw²y and Σw² over its rows with a valid answer. */
export interface RowSquares {
  /** Σ w²·y */
  aa: number;
  /** Σ w² */
  w2: number;
}

/**
 * Without clusters every row is a PSU, and its residual totals are g·(w·d·y − w·a) and
 * g·(w·d − w·b). This adds, over the rows of one stratum × post-stratum, the products of
 * those residuals for k domains to `cross` (2k × 2k, ordered Ã_1, B̃_1, …, Ã_k, B̃_k):
 * Σ (d_d·w·α − c_d·w)(d_e·w·β − c_e·w) = [d = e] Σ d·w²·αβ − c_e Σ d_d·w²·α − c_d Σ d_e·w²·β + c_d·c_e Σ w²,
 * with α, β ∈ {y, 1} and y² = y. Distinct domains must be disjoint (no row in both), so
 * their first term is 0. `allW2` is the Σw² of every row of the stratum × post-stratum.
 */
export function addRowResidualCross(cross: number[][], g: number, domains: readonly RowSquares[], shares: readonly CellShare[], allW2: number): void {
  const k = domains.length;
  const g2 = g * g;
  // Σ d·w²·α for α = y (index 0) and α = 1 (index 1), and the centre c for each.
  const linear = (d: number, alpha: number) => (alpha === 0 ? domains[d]!.aa : domains[d]!.w2);
  const centre = (d: number, alpha: number) => (alpha === 0 ? shares[d]!.a : shares[d]!.b);
  for (let d = 0; d < k; d++) {
    for (let e = 0; e < k; e++) {
      for (let alpha = 0; alpha < 2; alpha++) {
        for (let beta = 0; beta < 2; beta++) {
          // y·y = y, y·1 = y: only 1·1 is Σw².
          const own = d === e ? (alpha === 1 && beta === 1 ? domains[d]!.w2 : domains[d]!.aa) : 0;
          const cd = centre(d, alpha);
          const ce = centre(e, beta);
          cross[2 * d + alpha]![2 * e + beta]! += g2 * (own - ce * linear(d, alpha) - cd * linear(e, beta) + cd * ce * allW2);
        }
      }
    }
  }
}
