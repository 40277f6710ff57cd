# Reference values for issue 16: estimates of extra breakdowns (groups.extra: each value, and
# gender × value), step 3's associations (an outcome among pupils with and without a
# förändringsfaktor, their prevalence ratio with a design-based interval and test), the
# comparisons with reference values, and the Benjamini–Hochberg q of every test of an area.
# Computed with R's survey package; tests read the JSON and never call R.
#
#   Rscript test/stats/reference/groups-associations.R      (from the repository root)
#
# Writes test/stats/reference/survey-groups.csv (a synthetic two-wave survey, generated here
# with a fixed seed), reference-values.csv (a fictional reference set) and
# expected-groups-associations.json.
#
# The data: two waves (2021, 2023); two strata (Norr, Syd) spanning municipalities; eight
# schools as PSUs (N4 with pupils from two municipalities); a small municipality (Cedby);
# unequal weights. Genders F, M and X (X is `report: false`: outside "Totalt", its own groups);
# a few pupils without a school year (outside "Totalt" and every group but the design).
# Extra breakdowns: fodd (S, U; empty = missing) and ekonomi (1, 2, 3, and 9 = "vet inte",
# report: false). Outcomes: y1, y3, their any_of y_any, and y2, asked only of pupils with
# partner = 1 (a population filter). Factors: f1 (risk) and f2 (protective), about 5 % missing.
#
# Definitions (as the README states them):
#   "Totalt"        kon in (F, M) and arskurs in (7, 9)
#   gender=F        kon = F and arskurs in (7, 9);  gender=X: kon = X (any school year)
#   <id>=<v>        Totalt and the breakdown's value v;  gender=g;<id>=<v>: and kon = g
#   association     svyby(~y, ~side, subset(design, Totalt & f answered & y's population &
#                   !is.na(y)), svymean, covmat = TRUE), side = yes / no by the factor;
#                   svycontrast(…, quote(log(yes / no))): ratio = exp, interval exp(± z SE),
#                   normal p. A side at 0 or 1 (x = 0 or x = n): the null-score p of yes − no
#                   (as for comparisons), ratio yes / no, no interval.
#   reference       own − reference, SE √(se_own² + se_ref²), se_ref from the interval
#                   ((upper − lower) / (2 z)) or from n (√(p(1−p)/n)); untested without either.
#   changes         as contrasts.R: previous wave (independent), girls vs boys (total, within
#                   each school year), each municipality vs the rest of the county (design-based).
#   q               p.adjust(p, "BH") over every change and association record of an area with a p.
# Designs: clustered svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, nest = TRUE)
# and stratified svydesign(ids = ~1, strata = ~stratum, weights = ~vikt); each wave its own.
dir <- file.path("test", "stats", "reference")
source(file.path(dir, "survey-lib.R"))

# ---------------------------------------------------------------------------------------
# Data
set.seed(20251130)
years <- c(2021, 2023)
schools <- data.frame(
  skola = c("N1", "N2", "N3", "N4", "S1", "S2", "S3", "S4"),
  stratum = c("Norr", "Norr", "Norr", "Norr", "Syd", "Syd", "Syd", "Syd"),
  size = c(40, 34, 38, 30, 42, 36, 14, 13),
  base_w = c(2.1, 1.6, 2.4, 1.2, 3.0, 2.7, 1.1, 0.9),
  effect = c(0.4, -0.3, 0.2, -0.5, 0.3, -0.2, 0.5, -0.4),
  stringsAsFactors = FALSE
)
expit <- function(x) 1 / (1 + exp(-x))
maybe <- function(v, p) if (runif(1) < p) NA else v
rows <- list()
for (year in years) {
  for (s in seq_len(nrow(schools))) {
    sc <- schools[s, ]
    m <- sc$size + sample(-2:2, 1)
    for (k in seq_len(m)) {
      z <- rnorm(1)
      kon <- sample(c("F", "M", "X"), 1, prob = c(0.485, 0.485, 0.03))
      ak <- if (runif(1) < 0.02) NA else sample(c("7", "9"), 1)
      f <- as.numeric(kon == "F")
      fodd <- if (runif(1) < 0.03) NA else if (runif(1) < expit(-1.5 + 0.3 * z)) "U" else "S"
      eko <- if (runif(1) < 0.03) NA else if (runif(1) < 0.05) "9" else as.character(cut(z + rnorm(1, 0, 0.8), c(-Inf, -0.4, 0.9, Inf), labels = FALSE))
      f1 <- rbinom(1, 1, expit(-1.4 + 0.9 * z))
      f2 <- rbinom(1, 1, expit(1.2 - 0.6 * z))
      partner <- rbinom(1, 1, 0.4)
      y1 <- rbinom(1, 1, expit(-1.7 + 0.6 * z + 0.7 * f1 - 0.4 * f2 + 0.3 * f + sc$effect))
      y3 <- rbinom(1, 1, expit(-2.3 + 0.5 * z + 0.4 * f1 + 0.5 * f + 0.5 * sc$effect))
      y2 <- if (partner == 1) rbinom(1, 1, expit(-2.0 + 0.5 * z + 0.8 * f1)) else NA
      rows[[length(rows) + 1]] <- data.frame(
        kommun = kommun_of(sc$skola, k), ar = year, kon = kon, arskurs = ak, skola = sc$skola,
        stratum = sc$stratum, vikt = round(sc$base_w * runif(1, 0.8, 1.25), 3),
        fodd = fodd, ekonomi = eko, partner = partner,
        y1 = maybe(y1, 0.04), y3 = maybe(y3, 0.04), y2 = if (is.na(y2)) NA else maybe(y2, 0.04),
        f1 = maybe(f1, 0.05), f2 = maybe(f2, 0.05),
        stringsAsFactors = FALSE
      )
    }
  }
}
data <- do.call(rbind, rows)
# any_of(y1, y3): yes if either is yes, no if both are no, else missing.
data$y_any <- ifelse(data$y1 %in% 1 | data$y3 %in% 1, 1, ifelse(data$y1 %in% 0 & data$y3 %in% 0, 0, NA))
out <- data[, setdiff(names(data), "y_any")]
for (v in names(out)) out[[v]] <- ifelse(is.na(out[[v]]), "", as.character(out[[v]]))
write.csv(out, file.path(dir, "survey-groups.csv"), row.names = FALSE, quote = FALSE)

# A fictional reference set: y1 with intervals (total, girls, boys), y2 with n only, y1 in
# school year 9 without uncertainty (described, never tested), and an older year that the
# 2023 values replace.
refs <- data.frame(
  indicator = c("y1", "y1", "y1", "y2", "y1", "y1"),
  year = c(2023, 2023, 2023, 2022, 2023, 2019),
  group = c("total", "gender=F", "gender=M", "total", "grade=9", "total"),
  estimate = c(24.5, 29.1, 20.2, 15.0, 26.0, 40.0),
  ci_lower = c("22,1", "25,8", "17,3", "", "", ""),
  ci_upper = c("27,0", "32,5", "23,4", "", "", ""),
  n = c("4 210", "2 080", "2 040", "1 500", "", ""),
  stringsAsFactors = FALSE
)
writeLines(c("indicator;year;group;estimate;ci_lower;ci_upper;n",
             sprintf("%s;%d;%s;%s;%s;%s;%s", refs$indicator, refs$year, refs$group, sub(".", ",", as.character(refs$estimate), fixed = TRUE),
                     refs$ci_lower, refs$ci_upper, refs$n)),
           file.path(dir, "reference-values.csv"))
num <- function(s) as.numeric(gsub(" ", "", sub(",", ".", s)))

# ---------------------------------------------------------------------------------------
# Groups
source(file.path(dir, "survey-groups.R"))
genders <- c("F", "M", "X")
grades <- c("7", "9")
extras <- list(fodd = c("S", "U"), ekonomi = c("1", "2", "3", "9"))
main_groups <- c("total", paste0("gender=", genders), paste0("grade=", grades))
group_keys <- c(main_groups, as.vector(outer(paste0("gender=", genders), paste0("grade=", grades), paste, sep = ";")))
for (e in names(extras)) {
  values <- paste0(e, "=", extras[[e]])
  group_keys <- c(group_keys, values, as.vector(outer(paste0("gender=", c("F", "M")), values, paste, sep = ";")))
}
indicators <- c("y1", "y3", "y_any", "y2", "f1", "f2")
factors <- c("f1", "f2")
outcomes <- c("y_any", "y1", "y2")

areas <- c("Alby", "Bro", "Cedby")
county <- "Reflän"
units <- list(Alby = "Alby", Bro = "Bro", Cedby = "Cedby")
units[[county]] <- areas

designs <- list(
  clustered = function(d) svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, data = d, nest = TRUE),
  stratified = function(d) svydesign(ids = ~1, strata = ~stratum, weights = ~vikt, data = d)
)

result <- list()
for (name in names(designs)) {
  make <- designs[[name]]
  wave <- wave_designs(data, years, make)
  est <- wave_estimator(wave)
  estimates <- list()
  records <- list()
  latest <- years[length(years)]
  for (unit in names(units)) {
    members <- units[[unit]]
    for (year in years) {
      for (y in indicators) {
        for (key in group_keys) {
          e <- est(year, members, key, y)
          if (!is.null(e)) estimates[[length(estimates) + 1]] <- list(indicator = y, area = unit, year = year, group = key,
            n = e$n, x = e$x, estimate = e$estimate, se = e$se)
        }
      }
      w <- wave[[as.character(year)]]
      for (f in factors) {
        for (y in outcomes) {
          a <- association(make, w$d, w$des, members, f, y)
          if (!is.null(a)) records[[length(records) + 1]] <- c(list(kind = "association", factor = f, indicator = y, area = unit, year = year), a)
        }
      }
    }
    for (y in indicators) {
      for (key in main_groups) {
        last <- est(latest, members, key, y)
        if (is.null(last)) next
        add <- function(comparison, yf, from, to, r) {
          records[[length(records) + 1]] <<- list(kind = "change", comparison = comparison, indicator = y, area = unit,
            group = key, year_from = yf, from = from, to = to, diff = r$diff, ci = r$ci, p = r$p, rule = r$rule)
        }
        prev <- est(years[1], members, key, y)
        if (!is.null(prev)) add("previous", years[1], as.character(years[1]), as.character(latest), independent(prev, last))
        if (unit != county) {
          other <- est(latest, setdiff(areas, members), key, y)
          if (!is.null(other)) {
            w <- wave[[as.character(latest)]]
            dom <- in_group(w$d, key)
            r <- suppressWarnings(design_contrast(make, w$d, dom & w$d$kommun %in% setdiff(areas, members), dom & w$d$kommun %in% members, y, other, last))
            add("rest_of_county", latest, "rest_of_county", unit, r)
          }
        }
      }
      for (r in gender_records(make, wave[[as.character(latest)]], members, unit, y, latest, est)) records[[length(records) + 1]] <- r
    }
    # Reference values: for 2023, each indicator and group's latest reference year ≤ 2023.
    for (i in seq_len(nrow(refs))) {
      ref <- refs[i, ]
      later <- refs$indicator == ref$indicator & refs$group == ref$group & refs$year > ref$year & refs$year <= latest
      if (ref$year > latest || any(later)) next
      own <- est(latest, members, ref$group, ref$indicator)
      if (is.null(own)) next
      p_ref <- ref$estimate / 100
      se_ref <- if (ref$ci_lower != "") (num(ref$ci_upper) - num(ref$ci_lower)) / 100 / (2 * zq) else if (ref$n != "") sqrt(p_ref * (1 - p_ref) / num(ref$n)) else NA
      r <- if (is.na(se_ref)) list(diff = own$estimate - p_ref, ci = c(NA, NA), p = NA, rule = "none")
        else if (at_bound(own)) {
          n_ref <- p_ref * (1 - p_ref) / se_ref^2
          null_score(list(estimate = p_ref, x = p_ref * n_ref, n = n_ref, deff = 1, kish = n_ref), own)
        } else normal_test(own$estimate - p_ref, sqrt(own$se^2 + se_ref^2), "independent")
      records[[length(records) + 1]] <- list(kind = "change", comparison = "reference", indicator = ref$indicator, area = unit,
        group = ref$group, year_from = ref$year, from = "Riket (fiktiv)", to = unit, estimate_from = p_ref,
        diff = r$diff, ci = r$ci, p = r$p, rule = r$rule)
    }
  }
  records <- adjust_q(records, names(units))
  result[[name]] <- list(records = records, estimates = estimates)
}

write_expected(file.path(dir, "expected-groups-associations.json"), "groups-associations.R", "survey-groups.csv and reference-values.csv; see the script for every definition.", list(
  level = level,
  county = county,
  designs = result
))
