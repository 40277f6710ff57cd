# Reference values for population, finite population correction and post-stratification
# (issue 15). Computed with R's survey package; tests read the JSON and never call R.
#
#   Rscript test/stats/reference/population.R      (from the repository root)
#
# Writes test/stats/reference/population-waves.csv (a synthetic three-wave survey, generated
# here with a fixed seed), population-counts.csv (pupils per municipality × year × gender ×
# school year, Windows-1252 with semicolons and Swedish headers, as a coordinator's Excel
# saves it) and expected-population.json.
#
# The data: three waves (2019, 2021, 2023); three strata (Norr, Syd and Öst, whose one school
# is the whole stratum); nine schools as PSUs, one (N4) with pupils of two municipalities;
# municipalities Älvby, Bro and Cedby (Cedby has no Åk 9 pupils answering in 2019, while the
# population file counts them); unequal weights; genders F and M plus a third value X
# (report: false) and some pupils without a gender or school year; response that differs
# strongly by gender × school year (the population file says how many pupils there were);
# about 4 % missing answers; indicators y1 (common, rising), y2 (rare), y3 (almost
# universal) and y4 (asked only of pupils with filt = 1: a population filter).
#
# Designs (each wave its own design; domains are subset()s of it, R's domain semantics):
#   fpc_clustered  svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, fpc = ~fpc_skolor, nest = TRUE)
#                  fpc = schools in the stratum's population (Norr 6, Syd 9, Öst 1: a census
#                  stratum with one PSU, which does not make lonely_psu = "fail" fail)
#   fpc_pupils     svydesign(ids = ~1, strata = ~stratum, weights = ~vikt, fpc = ~andel)
#                  fpc = sampled fraction of the stratum's pupils
#   fpc_adjust     as fpc_clustered with fpc = ~fpc_adj (Öst: 1 school of 3) and
#                  options(survey.lonely.psu = "adjust")
#   ps_clustered   svydesign(ids = ~skola, strata = ~stratum2, weights = ~vikt, nest = TRUE)
#                  post-stratified (stratum2 joins Öst to Syd)
#   ps_stratified  svydesign(ids = ~1, strata = ~stratum2, weights = ~vikt), post-stratified
#   ps_fpc         fpc_clustered, post-stratified
# Post-stratification: postStratify(design, ~ps, population, partial = TRUE) with ps the
# municipality × gender × school year of pupils with a reported gender (F, M) and school year
# (7, 9), and one cell per municipality for everyone else; that cell's population is its
# weighted respondents times the municipality's factor Σ N_c / Σ Ŵ_c over its post-strata
# with respondents (lagesbild's rule for pupils outside the post-strata). partial = TRUE
# leaves out the cells the population file counts but nobody answered in (Cedby Åk 9, 2019).
#
# Groups as lagesbild forms them: "total" holds pupils with a reported gender and school
# year; gender=F (M) girls (boys) with a reported school year; gender=X every X; grade=7 (9)
# pupils with a reported gender in that school year; crosses both.
#
# Estimates: svymean(deff = "replace"), degf() of the domain, Kish n_eff on the design's
# weights, and svyciprop's intervals (beta, xlogit, asin, mean; logit from its svyglm fitted to
# convergence) plus Wilson (survey ≥ 4.4's method, computed here from svymean's variance:
# n_eff = p(1 − p)/var, t on degf).
# Comparisons and trends as contrasts.R defines them (design contrasts with svyby(covmat =
# TRUE) + svycontrast, independent waves, the null-score rule at 0 or 1, svyglm trends fitted
# to convergence and refitted from their coefficients, BH q within each municipality).
dir <- file.path("test", "stats", "reference")
source(file.path(dir, "helpers.R"))

# ---------------------------------------------------------------------------------------
# Data
set.seed(20250115)
years <- c(2019, 2021, 2023)
schools <- data.frame(
  skola = c("N1", "N2", "N3", "N4", "S1", "S2", "S3", "S4", "O1"),
  stratum = c("Norr", "Norr", "Norr", "Norr", "Syd", "Syd", "Syd", "Syd", "Öst"),
  size = c(34, 30, 36, 28, 38, 32, 26, 22, 24),
  base_w = c(2.1, 1.6, 2.4, 1.2, 3.0, 2.7, 1.1, 0.9, 1.4),
  effect = c(0.5, -0.4, 0.2, -0.6, 0.3, -0.2, 0.6, -0.5, 0.1),
  stringsAsFactors = FALSE
)
kommun_of <- function(skola, k) {
  switch(skola, N1 = "Älvby", N2 = "Älvby", N3 = "Bro", N4 = if (k %% 2 == 0) "Älvby" else "Bro",
         S1 = "Bro", S2 = "Bro", S3 = "Cedby", S4 = "Cedby", O1 = "Cedby")
}
# Response by gender × school year: the post-stratification has something to correct.
response <- c("F.7" = 0.9, "M.7" = 0.78, "F.9" = 0.62, "M.9" = 0.45)
expit <- function(x) 1 / (1 + exp(-x))
rows <- list()
for (year in years) {
  for (s in seq_len(nrow(schools))) {
    sc <- schools[s, ]
    m <- sc$size + sample(-2:2, 1)
    for (k in seq_len(m)) {
      kommun <- kommun_of(sc$skola, k)
      kon <- sample(c("F", "M", "X", ""), 1, prob = c(0.48, 0.47, 0.03, 0.02))
      ak <- if (kommun == "Cedby" && year == 2019) "7" else sample(c("7", "9", ""), 1, prob = c(0.5, 0.48, 0.02))
      # Pupils of a cell answer with the cell's response rate (others, X or no answer, at 0.7).
      rate <- if (kon %in% c("F", "M") && ak %in% c("7", "9")) response[[paste0(kon, ".", ak)]] else 0.7
      if (runif(1) > rate) next
      f <- as.numeric(kon == "F")
      g9 <- as.numeric(ak == "9")
      t <- (year - 2019) / 2
      y1 <- rbinom(1, 1, expit(-1.6 + 0.25 * t + 0.45 * f + 0.5 * g9 + sc$effect))
      y2 <- rbinom(1, 1, expit(-3.5 + 0.3 * f + 0.5 * sc$effect))
      y3 <- rbinom(1, 1, expit(2.9 + sc$effect))
      filt <- rbinom(1, 1, 0.55)
      y4 <- if (filt == 1) rbinom(1, 1, expit(-0.8 + 0.6 * g9)) else NA
      miss <- runif(4) < 0.04
      rows[[length(rows) + 1]] <- data.frame(
        kommun = kommun, ar = year, kon = kon, arskurs = ak, skola = sc$skola,
        stratum = sc$stratum, vikt = round(sc$base_w * runif(1, 0.8, 1.25), 3),
        y1 = if (miss[1]) NA else y1, y2 = if (miss[2]) NA else y2, y3 = if (miss[3]) NA else y3,
        filt = filt, y4 = if (miss[4]) NA else y4,
        stringsAsFactors = FALSE
      )
    }
  }
}
data <- do.call(rbind, rows)
data$stratum2 <- ifelse(data$stratum == "Öst", "Syd", data$stratum)
# Population sizes for the fpc: schools per stratum (Öst: its one school is all there is), the
# same with Öst as one school of three, and the sampled fraction of pupils per stratum and wave.
data$fpc_skolor <- c(Norr = 6, Syd = 9, Öst = 1)[data$stratum]
data$fpc_adj <- c(Norr = 6, Syd = 9, Öst = 3)[data$stratum]
fractions <- c(Norr = 0.8, Syd = 0.65, Öst = 0.9)
data$andel <- unname(fractions[data$stratum] + (data$ar - 2019) / 200)

out <- data
for (v in c("y1", "y2", "y3", "y4")) out[[v]] <- ifelse(is.na(out[[v]]), "", as.character(out[[v]]))
write.csv(out, file.path(dir, "population-waves.csv"), row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")

reported <- function(d) d$kon %in% c("F", "M") & d$arskurs %in% c("7", "9")

# Pupils per municipality × year × gender × school year: respondents over the cell's response
# rate, and Cedby's Åk 9 of 2019 whom nobody represents.
cells <- unique(data[reported(data), c("kommun", "ar", "kon", "arskurs")])
cells <- rbind(cells, data.frame(kommun = "Cedby", ar = 2019, kon = c("F", "M"), arskurs = "9"))
cells$count <- mapply(function(a, y, g, k) {
  n <- sum(data$kommun == a & data$ar == y & data$kon == g & data$arskurs == k)
  if (n == 0) 21L else as.integer(round(n / response[[paste0(g, ".", k)]] + 3))
}, cells$kommun, cells$ar, cells$kon, cells$arskurs)
cells <- cells[order(cells$ar, cells$kommun, cells$kon, cells$arskurs), ]
con <- file(file.path(dir, "population-counts.csv"), open = "w", encoding = "windows-1252")
writeLines(c("kommun;år;kön;årskurs;antal", paste(cells$kommun, cells$ar, cells$kon, cells$arskurs, cells$count, sep = ";")), con)
close(con)
count_of <- function(a, y, g, k) cells$count[cells$kommun == a & cells$ar == y & cells$kon == g & cells$arskurs == k]

data <- add_poststrata(data)

# ---------------------------------------------------------------------------------------
# Designs
designs <- list(
  fpc_clustered = list(make = function(d) svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, fpc = ~fpc_skolor, data = d, nest = TRUE),
                       stack = function(d) svydesign(ids = ~skola, strata = ~interaction(ar, stratum), weights = ~vikt, fpc = ~fpc_skolor, data = d, nest = TRUE),
                       lonely = "fail"),
  fpc_pupils = list(make = function(d) svydesign(ids = ~1, strata = ~stratum, weights = ~vikt, fpc = ~andel, data = d),
                    stack = function(d) svydesign(ids = ~1, strata = ~interaction(ar, stratum), weights = ~vikt, fpc = ~andel, data = d),
                    lonely = "fail"),
  fpc_adjust = list(make = function(d) svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, fpc = ~fpc_adj, data = d, nest = TRUE),
                    stack = function(d) svydesign(ids = ~skola, strata = ~interaction(ar, stratum), weights = ~vikt, fpc = ~fpc_adj, data = d, nest = TRUE),
                    lonely = "adjust"),
  ps_clustered = list(make = function(d) poststratify(svydesign(ids = ~skola, strata = ~stratum2, weights = ~vikt, data = d, nest = TRUE), d),
                      stack = function(d) poststratify(svydesign(ids = ~skola, strata = ~interaction(ar, stratum2), weights = ~vikt, data = d, nest = TRUE), d),
                      lonely = "fail"),
  ps_stratified = list(make = function(d) poststratify(svydesign(ids = ~1, strata = ~stratum2, weights = ~vikt, data = d), d),
                       stack = function(d) poststratify(svydesign(ids = ~1, strata = ~interaction(ar, stratum2), weights = ~vikt, data = d), d),
                       lonely = "fail"),
  ps_fpc = list(make = function(d) poststratify(svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, fpc = ~fpc_skolor, data = d, nest = TRUE), d),
                stack = function(d) poststratify(svydesign(ids = ~skola, strata = ~interaction(ar, stratum), weights = ~vikt, fpc = ~fpc_skolor, data = d, nest = TRUE), d),
                lonely = "fail")
)

areas <- c("Älvby", "Bro", "Cedby")
county <- "Reflän"
units <- list("Älvby" = "Älvby", Bro = "Bro", Cedby = "Cedby")
units[[county]] <- areas
indicators <- c("y1", "y2", "y3", "y4")
known_k <- function(d) d$arskurs %in% c("7", "9")
known_g <- function(d) d$kon %in% c("F", "M")
groups <- list(
  total = function(d) reported(d),
  "gender=F" = function(d) d$kon == "F" & known_k(d),
  "gender=M" = function(d) d$kon == "M" & known_k(d),
  "gender=X" = function(d) d$kon == "X",
  "grade=7" = function(d) known_g(d) & d$arskurs == "7",
  "grade=9" = function(d) known_g(d) & d$arskurs == "9"
)
cross_keys <- c("gender=F;grade=7", "gender=F;grade=9", "gender=M;grade=7", "gender=M;grade=9", "gender=X;grade=7", "gender=X;grade=9")
in_group <- function(d, key) {
  if (key %in% names(groups)) return(groups[[key]](d))
  parts <- strsplit(key, ";")[[1]]
  g <- sub("gender=", "", parts[1])
  k <- sub("grade=", "", parts[2])
  d$kon == g & d$arskurs == k
}
# y4 is asked of pupils with filt = 1 only: the others are outside its population.
in_population <- function(d, y) if (y == "y4") d$filt == 1 else rep(TRUE, nrow(d))

ci_all <- function(sub, y, m, df) {
  f <- as.formula(paste0("~", y))
  p <- unname(coef(m))
  v <- unname(vcov(m))[1]
  ci <- function(method) {
    r <- tryCatch(suppressWarnings(as.numeric(attr(svyciprop(f, sub, method = method, na.rm = TRUE, level = level), "ci"))), error = function(e) c(NA, NA))
    if (any(!is.finite(r))) NULL else r
  }
  wil <- if (df >= 1 && v > 0) {
    neff <- p * (1 - p) / v
    q <- qt(1 - (1 - level) / 2, df)
    c(p + q^2 / (2 * neff) - q * sqrt(p * (1 - p) / neff + q^2 / (4 * neff^2)), p + q^2 / (2 * neff) + q * sqrt(p * (1 - p) / neff + q^2 / (4 * neff^2))) / (1 + q^2 / neff)
  } else NULL
  # logit: svyciprop's svyglm(y ~ 1) fitted to convergence (svyciprop leaves glm's default
  # epsilon, 1e-8, which moves the interval by up to ~1e-8), and its Wald interval on degf with
  # the t quantile (confint.svyglm turns the t level into a normal one, which rounds to 1 at 1 df).
  # On a few tiny domains of a post-stratified design (5 pupils among thousands of rows of
  # weight 0) glm diverges (an intercept of 1e15): R has no logit interval there (NULL).
  logit <- if (df >= 1 && v > 0) {
    g <- suppressWarnings(svyglm(as.formula(paste0(y, " ~ 1")), sub, family = quasibinomial(), control = list(epsilon = 1e-12, maxit = 100)))
    b <- unname(coef(g))
    h <- qt(1 - (1 - level) / 2, df) * unname(SE(g))
    if (abs(expit(b) - p) < 1e-9) expit(c(b - h, b + h)) else NULL
  } else NULL
  list(wilson = wil, beta = ci("beta"), logit = logit, xlogit = ci("xlogit"), asin = ci("asin"), mean = ci("mean"))
}

# A domain of one wave: everything the estimate record holds (NULL without a valid answer).
domain_estimate <- function(des, d, members, key, y, full = FALSE) {
  dom <- d$kommun %in% members & in_group(d, key) & in_population(d, y)
  valid <- dom & !is.na(d[[y]])
  n <- sum(valid)
  if (n == 0) return(NULL)
  x <- sum(d[[y]][valid])
  w <- weights(des)[valid]
  sub <- subset(des, dom)
  m <- svymean(as.formula(paste0("~", y)), sub, na.rm = TRUE, deff = "replace")
  # Where everyone (no one) answered yes the estimate is 1 (0); R's sum of weights over itself
  # can miss it by 1e-16, which the 0/1 rule's p-value would magnify.
  p <- if (x == n) 1 else if (x == 0) 0 else unname(coef(m))
  e <- list(n = n, x = x, estimate = p, se = unname(SE(m))[1], deff = unname(deff(m))[1],
            kish = sum(w)^2 / sum(w^2), df = degf(sub))
  if (full) e$ci <- ci_all(sub, y, m, e$df)
  e
}

design_contrast <- function(make, d, side1, side2, y, a, b) {
  if (at_bound(a) || at_bound(b)) return(null_score(a, b))
  d$side_ <- ifelse(side1, "a", ifelse(side2, "b", NA))
  d$y_ <- d[[y]]
  des <- make(d)
  sub <- subset(des, !is.na(side_) & !is.na(y_))
  j <- joint_cov(sub)
  if (is.null(des$postStrata)) {
    by <- svyby(~y_, ~side_, sub, svymean, covmat = TRUE)
    stopifnot(max(abs(as.vector(attr(by, "var")) - as.vector(j$cov))) < 1e-15, max(abs(coef(by) - j$estimates)) < 1e-15)
  }
  con <- c(-1, 1)
  r <- normal_test(sum(con * j$estimates), sqrt(drop(t(con) %*% j$cov %*% con)), "design")
  r$cov <- as.vector(j$cov)
  r
}
trend_record <- function(spec, members, key, y) {
  dd <- data
  dd$t_ <- dd$ar - years[1]
  des <- spec$stack(dd)
  sub <- subset(des, dd$kommun %in% members & in_group(dd, key) & in_population(dd, y))
  f <- as.formula(paste0(y, " ~ t_"))
  fit <- svyglm(f, design = sub, family = quasibinomial(), control = list(epsilon = 1e-12, maxit = 100))
  final <- refit(f, sub, fit)
  s <- summary(final)$coefficients
  ci <- confint(final)
  # confint() turns the t level into a normal one, which rounds to 1 at 1 df (an interval of
  # [0, Inf]); or_ci_t is the same Wald interval with the t quantile itself.
  b <- unname(coef(final)[2])
  h <- qt(1 - (1 - level) / 2, final$df.residual) * s[2, 2]
  list(slope = b, se = s[2, 2], df = final$df.residual, p = s[2, 4],
       odds_ratio = exp(b), or_ci = unname(exp(ci[2, ])), or_ci_t = exp(c(b - h, b + h)))
}

result <- list()
for (name in names(designs)) {
  spec <- designs[[name]]
  options(survey.lonely.psu = spec$lonely)
  wave_designs <- lapply(years, function(y) {
    d <- data[data$ar == y, ]
    list(d = d, des = spec$make(d))
  })
  names(wave_designs) <- years
  est <- function(year, members, key, y, full) {
    w <- wave_designs[[as.character(year)]]
    domain_estimate(w$des, w$d, members, key, y, full)
  }
  result[[name]] <- reference_records(
    est,
    estimate_record = function(e, y, unit, year, key) raw_json(json(list(indicator = y, area = unit, year = year, group = key,
      n = e$n, x = e$x, estimate = e$estimate, se = e$se, df = e$df, deff = e$deff, n_eff = e$kish,
      wilson = e$ci$wilson, beta = e$ci$beta, logit = e$ci$logit, xlogit = e$ci$xlogit, asin = e$ci$asin, mean = e$ci$mean), compact = TRUE)),
    contrast = function(d, side1, side2, y, a, b) design_contrast(spec$make, d, side1, side2, y, a, b),
    trend = function(members, key, y) trend_record(spec, members, key, y),
    trend_groups = c("total", "gender=F", "gender=M", "gender=X"),
    wave_data = function(year) wave_designs[[as.character(year)]]$d,
    gender_fields = "cov"
  )
  options(survey.lonely.psu = "fail")
  cat(name, ": ", length(result[[name]]$estimates), " estimates, ", length(result[[name]]$records), " records\n", sep = "")
}

# Without the fpc the census stratum Öst (one school) is a lonely PSU: lonely.psu = "fail" stops.
options(survey.lonely.psu = "fail")
d23 <- data[data$ar == 2023, ]
lonely_without_fpc <- inherits(try(svymean(~y1, svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, data = d23, nest = TRUE), na.rm = TRUE), silent = TRUE), "try-error")
stopifnot(lonely_without_fpc)

write_expected(file.path(dir, "expected-population.json"), "population.R", "population-waves.csv and population-counts.csv; see the script for every definition.", list(
  level = level,
  county = county,
  lonely_without_fpc_fails = lonely_without_fpc,
  designs = result
))
