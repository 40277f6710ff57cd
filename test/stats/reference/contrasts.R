# Reference values for comparisons (issue 12): design-based contrasts of two domains of the
# same wave, the rule for a side at 0 or 1, Benjamini–Hochberg q-values, and the logistic
# trend fitted to convergence. Computed with R's survey package; tests read the JSON and
# never call R.
#
#   Rscript test/stats/reference/contrasts.R      (from the repository root)
#
# Writes test/stats/reference/survey-waves.csv (a synthetic three-wave survey, generated here
# with a fixed seed) and test/stats/reference/expected-contrasts.json.
#
# The data: three waves (2019, 2021, 2023); two strata (Norr, Syd) that span municipalities
# (Bro has schools in both); eight schools as PSUs, every school with girls and boys, one
# school (N4) with pupils from two municipalities; a small municipality (Cedby, about 25
# pupils a wave); unequal weights; about 4 % missing answers; a common indicator (y1, rising),
# a rare one (y2: many small domains with no yes) and an almost universal one (y3: small
# domains where everyone answered yes).
#
# Every change and trend record lagesbild computes for this data (previous and first wave,
# girls vs boys, each municipality vs the rest of the county, trends) is computed here the
# way the README states, for four designs:
#   clustered   svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, nest = TRUE)
#   stratified  svydesign(ids = ~1, strata = ~stratum, weights = ~vikt)
#   srs         svydesign(ids = ~1)  (unweighted simple random sample)
#   lonely      svydesign(ids = ~skola_l, strata = ~kommun, weights = ~vikt, nest = TRUE) with
#               options(survey.lonely.psu = "average"): Cedby is one PSU in its own stratum.
# Each wave is its own design. Domains are subset()s of the wave's design (R's domain
# semantics).
#
# Same-wave comparisons (gender, rest of county): d = p2 − p1 with SE from
#   svycontrast(svyby(~y, ~side, subset(design, (d1 | d2) & !is.na(y)), svymean, covmat = TRUE), c(-1, 1))
# normal z-test and normal interval (confint of a svystat). Wave comparisons: independent,
# SE = sqrt(se1² + se2²) from svymean on each wave's domain. When either side has x = 0 or
# x = n, both kinds use the null-variance score test: n*_i = n_i / deff_i (svymean's
# deff = "replace"), or Kish's (Σw)²/Σw² on a side at 0 or 1; pooled p̄ = Σ n*_i p_i / Σ n*_i;
# z = d / sqrt(p̄(1 − p̄)(1/n*_1 + 1/n*_2)) (p = 1 when p̄ is 0 or 1); interval: Newcombe's
# hybrid score interval from each side's Wilson interval at qnorm on n*_i. For the srs design
# this equals prop.test(x, n, correct = FALSE) and Newcombe's method 10 (checked below).
# Trends: svyglm(y ~ I(year − first), family = quasibinomial(), control = list(epsilon = 1e-12,
# maxit = 100)) on the stacked waves, strata = wave × stratum; summary()'s t-test, confint();
# refitted from its own coefficients so the sandwich uses the converged fit's working weights
# (p_svyglm and or_ci_svyglm keep the values of the first fit, which lag by one iteration).
# q: p.adjust(p, "BH") over all change and trend records of one area that have a p.
dir <- file.path("test", "stats", "reference")
source(file.path(dir, "survey-lib.R"))

# ---------------------------------------------------------------------------------------
# Data
set.seed(20240512)
years <- c(2019, 2021, 2023)
schools <- data.frame(
  skola = c("N1", "N2", "N3", "N4", "S1", "S2", "S3", "S4"),
  stratum = c("Norr", "Norr", "Norr", "Norr", "Syd", "Syd", "Syd", "Syd"),
  size = c(34, 30, 36, 28, 38, 32, 13, 12),
  base_w = c(2.1, 1.6, 2.4, 1.2, 3.0, 2.7, 1.1, 0.9),
  effect = c(0.5, -0.4, 0.2, -0.6, 0.3, -0.2, 0.6, -0.5),
  stringsAsFactors = FALSE
)
expit <- function(x) 1 / (1 + exp(-x))
rows <- list()
for (year in years) {
  for (s in seq_len(nrow(schools))) {
    sc <- schools[s, ]
    m <- sc$size + sample(-2:2, 1)
    for (k in seq_len(m)) {
      kon <- sample(c("F", "M"), 1)
      ak <- sample(c("7", "9"), 1)
      f <- as.numeric(kon == "F")
      g9 <- as.numeric(ak == "9")
      t <- (year - 2019) / 2
      y1 <- rbinom(1, 1, expit(-1.6 + 0.25 * t + 0.45 * f + 0.2 * g9 + sc$effect))
      y2 <- rbinom(1, 1, expit(-3.5 + 0.3 * f + 0.5 * sc$effect))
      y3 <- rbinom(1, 1, expit(2.9 + sc$effect))
      miss <- runif(3) < 0.04
      rows[[length(rows) + 1]] <- data.frame(
        kommun = kommun_of(sc$skola, k), ar = year, kon = kon, arskurs = ak, skola = sc$skola,
        stratum = sc$stratum, vikt = round(sc$base_w * runif(1, 0.8, 1.25), 3),
        y1 = if (miss[1]) NA else y1, y2 = if (miss[2]) NA else y2, y3 = if (miss[3]) NA else y3,
        stringsAsFactors = FALSE
      )
    }
  }
}
data <- do.call(rbind, rows)
# The lonely variant: Cedby's pupils in one school, strata by municipality.
data$skola_l <- ifelse(data$kommun == "Cedby", "S3", data$skola)
out <- data
for (v in c("y1", "y2", "y3")) out[[v]] <- ifelse(is.na(out[[v]]), "", as.character(out[[v]]))
write.csv(out, file.path(dir, "survey-waves.csv"), row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------------------
# Designs and domains
designs <- list(
  clustered = list(make = function(d) svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, data = d, nest = TRUE),
                   stack = function(d) svydesign(ids = ~skola, strata = ~interaction(ar, stratum), weights = ~vikt, data = d, nest = TRUE),
                   lonely = "fail", trends = TRUE),
  stratified = list(make = function(d) svydesign(ids = ~1, strata = ~stratum, weights = ~vikt, data = d),
                    stack = function(d) svydesign(ids = ~1, strata = ~interaction(ar, stratum), weights = ~vikt, data = d),
                    lonely = "fail", trends = TRUE),
  srs = list(make = function(d) svydesign(ids = ~1, data = d),
             stack = function(d) svydesign(ids = ~1, strata = ~ar, data = d),
             lonely = "fail", trends = TRUE),
  lonely = list(make = function(d) svydesign(ids = ~skola_l, strata = ~kommun, weights = ~vikt, data = d, nest = TRUE),
                stack = NULL, lonely = "average", trends = FALSE)
)
weighted <- c(clustered = TRUE, stratified = TRUE, srs = FALSE, lonely = TRUE)

areas <- c("Alby", "Bro", "Cedby")
county <- "Reflän"
units <- list(Alby = "Alby", Bro = "Bro", Cedby = "Cedby")
units[[county]] <- areas
indicators <- c("y1", "y2", "y3")
groups <- list(
  total = function(d) rep(TRUE, nrow(d)),
  "gender=F" = function(d) d$kon == "F",
  "gender=M" = function(d) d$kon == "M",
  "grade=7" = function(d) d$arskurs == "7",
  "grade=9" = function(d) d$arskurs == "9"
)
cross_keys <- c("gender=F;grade=7", "gender=F;grade=9", "gender=M;grade=7", "gender=M;grade=9")
in_group <- function(d, key) {
  if (key %in% names(groups)) return(groups[[key]](d))
  parts <- strsplit(key, ";")[[1]]
  Reduce(`&`, lapply(parts, function(p) groups[[p]](d)))
}
# Every pupil is asked every question.
in_population <- function(d, y) rep(TRUE, nrow(d))

trend_record <- function(spec, members, key, y) {
  dd <- data
  dd$t_ <- dd$ar - years[1]
  des <- spec$stack(dd)
  sub <- subset(des, dd$kommun %in% members & in_group(dd, key))
  f <- as.formula(paste0(y, " ~ t_"))
  fit <- svyglm(f, design = sub, family = quasibinomial(), control = list(epsilon = 1e-12, maxit = 100))
  # svyglm's sandwich uses the working weights of its last iteration, which lag the final fit
  # (~1e-7 in p at this epsilon). Refitted from its own coefficients, the weights are those of
  # the converged fit: the variance lagesbild computes.
  final <- refit(f, sub, fit)
  s <- summary(final)$coefficients
  ci <- confint(final)
  list(slope = unname(coef(final)[2]), se = s[2, 2], df = final$df.residual, p = s[2, 4],
       odds_ratio = exp(unname(coef(final)[2])), or_ci = unname(exp(ci[2, ])),
       p_svyglm = summary(fit)$coefficients[2, 4], or_ci_svyglm = unname(exp(confint(fit)[2, ])))
}

result <- list()
for (name in names(designs)) {
  spec <- designs[[name]]
  options(survey.lonely.psu = spec$lonely)
  wave_designs <- lapply(years, function(y) {
    d <- data[data$ar == y, ]
    if (!weighted[[name]]) d$vikt <- 1
    list(d = d, des = suppressWarnings(spec$make(d)))
  })
  names(wave_designs) <- years
  est <- function(year, members, key, y, full) {
    w <- wave_designs[[as.character(year)]]
    suppressWarnings(domain_estimate(w$des, w$d, members, key, y))
  }
  result[[name]] <- reference_records(
    est,
    estimate_record = function(e, y, unit, year, key) list(indicator = y, area = unit, year = year, group = key, n = e$n, x = e$x, estimate = e$estimate, se = e$se),
    contrast = function(d, side1, side2, y, a, b) design_contrast(spec$make, d, side1, side2, y, a, b),
    trend = function(members, key, y) trend_record(spec, members, key, y),
    trend_groups = if (spec$trends) c("total", "gender=F", "gender=M") else character(),
    wave_data = function(year) wave_designs[[as.character(year)]]$d,
    gender_fields = c("cov", "log_ratio", "log_ratio_se")
  )
  options(survey.lonely.psu = "fail")
}

# ---------------------------------------------------------------------------------------
# The 0/1 rule on unweighted counts equals prop.test (correct = FALSE) and Newcombe's method 10.
cases <- list(c(0, 25, 60, 460), c(0, 20, 0, 30), c(25, 25, 80, 100), c(0, 12, 12, 12), c(3, 40, 0, 35),
              c(0, 25, 4, 310), c(19, 19, 150, 160))
prop_cases <- lapply(cases, function(k) {
  x1 <- k[1]; n1 <- k[2]; x2 <- k[3]; n2 <- k[4]
  pt <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value)
  p <- if (is.na(pt)) 1 else pt  # both sides equal at 0 or 1: chi-squared 0/0, no evidence of a difference
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int
  w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2
  newcombe <- c(p2 - p1 - sqrt((p2 - w2[1])^2 + (w1[2] - p1)^2), p2 - p1 + sqrt((w2[2] - p2)^2 + (p1 - w1[1])^2))
  mine <- null_score(list(x = x1, n = n1, estimate = p1, kish = n1, deff = 1), list(x = x2, n = n2, estimate = p2, kish = n2, deff = 1))
  stopifnot(abs(mine$p - p) < 1e-12, max(abs(mine$ci - newcombe)) < 1e-12)
  list(x1 = x1, n1 = n1, x2 = x2, n2 = n2, p = p, newcombe = newcombe, wilson1 = as.numeric(w1), wilson2 = as.numeric(w2))
})

# The trend of the shared reference counts (expected-trend.json) fitted to convergence.
tr <- list(years = c(2018, 2020, 2022, 2024), x = c(48, 55, 63, 74), n = c(400, 410, 395, 405))
expanded <- do.call(rbind, lapply(1:4, function(i) data.frame(year = tr$years[i], y = rep(c(1, 0), c(tr$x[i], tr$n[i] - tr$x[i])))))
expanded$u <- expanded$year - 2018
fit_counts <- function(des) {
  fit <- svyglm(y ~ u, design = des, family = quasibinomial(), control = list(epsilon = 1e-12, maxit = 100))
  fit <- refit(y ~ u, des, fit)
  s <- summary(fit)$coefficients
  list(intercept = unname(coef(fit)[1]), slope = unname(coef(fit)[2]), se = s[2, 2], t = s[2, 3], p = s[2, 4],
       df = fit$df.residual, or_ci = unname(exp(confint(fit)[2, ])))
}
trend_counts <- list(
  shared = fit_counts(svydesign(ids = ~1, weights = ~1, data = expanded)),
  strata_by_year = fit_counts(svydesign(ids = ~1, strata = ~year, weights = ~1, data = expanded))
)

# p.adjust on a vector with ties and a p of 1.
bh_p <- c(0.001, 0.04, 0.04, 0.2, 0.03, 1, 0.0004, 0.049, 0.5, 0.012)
bh <- list(p = bh_p, q = p.adjust(bh_p, "BH"))

write_expected(file.path(dir, "expected-contrasts.json"), "contrasts.R", "survey-waves.csv; see the script for every definition.", list(
  level = level,
  county = county,
  designs = result,
  prop_test = prop_cases,
  trend_counts = trend_counts,
  p_adjust_bh = bh
))
