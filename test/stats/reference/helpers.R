# What the reference scripts share (contrasts.R, population.R, lillby-poststratified.R, and
# through survey-lib.R groups-associations.R and poststratified-associations.R): the survey
# package and the 95 % level, the rule for comparisons at 0 or 1, the normal test, the trend's
# refit, the records lagesbild makes for a design, the JSON writer, and the post-strata with
# the joint covariance of two domains of a post-stratified design.
suppressMessages(library(survey))
level <- 0.95
zq <- qnorm(1 - (1 - level) / 2)

wilson <- function(p, n) {
  centre <- p + zq^2 / (2 * n)
  half <- zq * sqrt(p * (1 - p) / n + zq^2 / (4 * n^2))
  c(centre - half, centre + half) / (1 + zq^2 / n)
}

at_bound <- function(e) e$x == 0 || e$x == e$n

# The rule for a side at 0 or 1: null-variance score test and Newcombe's hybrid interval.
null_score <- function(a, b) {
  eff <- function(e) if (at_bound(e)) e$kish else e$n / e$deff
  n1 <- eff(a)
  n2 <- eff(b)
  d <- b$estimate - a$estimate
  # A side with infinite n* (deff 0: every PSU with the same proportion) is known exactly.
  pbar <- if (!is.finite(n2)) b$estimate else if (!is.finite(n1)) a$estimate else (n1 * a$estimate + n2 * b$estimate) / (n1 + n2)
  v <- pbar * (1 - pbar) * (1 / n1 + 1 / n2)
  p <- if (v > 0) 2 * pnorm(-abs(d / sqrt(v))) else if (d == 0) 1 else 0
  w1 <- wilson(a$estimate, n1)
  w2 <- wilson(b$estimate, n2)
  list(diff = d, se = NA, p = p, rule = "null_score",
       ci = c(d - sqrt((b$estimate - w2[1])^2 + (w1[2] - a$estimate)^2),
              d + sqrt((w2[2] - b$estimate)^2 + (a$estimate - w1[1])^2)))
}

# A side without a variance (lonely PSUs under "average"): no test, as lagesbild documents.
no_test <- function(a, b) list(diff = b$estimate - a$estimate, se = NA, p = NA, rule = "none", ci = c(NA, NA))

normal_test <- function(d, se, rule) {
  list(diff = d, se = se, p = 2 * pnorm(-abs(d / se)), rule = rule, ci = c(d - zq * se, d + zq * se))
}

# Two waves: independent samples.
independent <- function(a, b) {
  if (!is.finite(a$se) || !is.finite(b$se)) return(no_test(a, b))
  if (at_bound(a) || at_bound(b)) return(null_score(a, b))
  normal_test(b$estimate - a$estimate, sqrt(a$se^2 + b$se^2), "independent")
}

# The slope exists when yes and no answers overlap on year (as lagesbild checks).
estimable <- function(per) {
  yes <- years[sapply(per, function(e) e$x > 0)]
  no <- years[sapply(per, function(e) e$n - e$x > 0)]
  length(yes) > 0 && length(no) > 0 && max(no) > min(yes) && max(yes) > min(no)
}

# svyglm evaluates glm's arguments in its own frame: pass the start values as values.
refit <- function(f, des, fit) {
  do.call(svyglm, list(formula = f, design = des, family = quasibinomial(), control = list(epsilon = 1e-12, maxit = 100),
                       start = unname(coef(fit))))
}

# The expected values as JSON at `path`, headed by "_about": the script that computed them,
# with which R and survey, and on what (`on`).
write_expected <- function(path, script, on, values) {
  about <- paste("Computed by", script, "with", R.version.string, "and survey", as.character(packageVersion("survey")), "on", on)
  writeLines(json(c(list("_about" = about), values)), path)
  cat("wrote", path, "\n")
}

# JSON: a record of scalars (and short vectors) on one line keeps the file small and diffable;
# compact = TRUE writes no spaces and numbers with 15 significant digits (for many estimates;
# 1e-15 relative is far below the tests' 1e-8); raw_json() marks text already written.
raw_json <- function(s) structure(s, class = "raw_json")
json <- function(x, indent = "", compact = FALSE) {
  inner <- paste0(indent, "  ")
  if (inherits(x, "raw_json")) return(unclass(x))
  if (is.null(x)) return("null")
  if (compact && is.list(x)) {
    items <- vapply(names(x), function(k) paste0("\"", k, "\":", json(x[[k]], compact = TRUE)), "")
    return(paste0("{", paste(items, collapse = ","), "}"))
  }
  if (is.list(x)) {
    if (!is.null(names(x)) && all(vapply(x, function(v) is.null(v) || (is.atomic(v) && !inherits(v, "raw_json")), TRUE))) {
      items <- vapply(names(x), function(k) paste0("\"", k, "\": ", json(x[[k]], inner)), "")
      return(paste0("{ ", paste(items, collapse = ", "), " }"))
    }
    if (!is.null(names(x))) {
      items <- vapply(names(x), function(k) paste0(inner, "\"", k, "\": ", json(x[[k]], inner)), "")
      return(paste0("{\n", paste(items, collapse = ",\n"), "\n", indent, "}"))
    }
    items <- vapply(x, function(v) paste0(inner, json(v, inner)), "")
    return(paste0("[\n", paste(items, collapse = ",\n"), "\n", indent, "]"))
  }
  if (is.character(x)) return(if (length(x) == 1) paste0("\"", x, "\"") else paste0("[", paste0("\"", x, "\"", collapse = ", "), "]"))
  if (is.logical(x) && length(x) == 1) return(if (is.na(x)) "null" else if (x) "true" else "false")
  num <- function(v) if (is.na(v) || !is.finite(v)) "null" else if (v == round(v) && abs(v) < 1e15) sprintf("%.0f", v) else sprintf(if (compact) "%.15g" else "%.16g", v)
  if (length(x) == 1) return(num(x))
  paste0("[", paste(vapply(x, num, ""), collapse = if (compact) "," else ", "), "]")
}

# Every estimate, comparison and trend lagesbild makes for one design, with q, as the tests
# read them. Uses the script's units, indicators, groups, cross_keys, years, areas, county,
# in_group and in_population. est(year, members, key, y, full) is a domain's estimate (NULL
# without a valid answer; full: with its intervals); estimate_record(e, indicator, area, year,
# group) the JSON of one; contrast(d, side1, side2, y, a, b) the design-based comparison of
# two domains of the latest wave's data d; trend(members, key, y) the svyglm trend, for the
# groups in trend_groups; gender_fields what a gender comparison carries beside the test.
reference_records <- function(est, estimate_record, contrast, trend, trend_groups, wave_data, gender_fields) {
  estimates <- list()
  records <- list()
  latest <- years[length(years)]
  d <- wave_data(latest)
  # Gender comparisons also carry the contrast's gender_fields (its covariance, …; null at 0 or 1).
  change <- function(comparison, key, y, unit, yf, from, to, r) {
    c(list(kind = "change", comparison = comparison, indicator = y, area = unit, group = key, year_from = yf, from = from, to = to,
           diff = r$diff, se = r$se, ci = r$ci, p = r$p, rule = r$rule),
      if (comparison == "gender") setNames(lapply(gender_fields, function(f) r[[f]]), gender_fields))
  }
  for (unit in names(units)) {
    members <- units[[unit]]
    for (y in indicators) {
      for (key in c(names(groups), cross_keys)) {
        for (year in years) {
          e <- est(year, members, key, y, TRUE)
          if (!is.null(e)) estimates[[length(estimates) + 1]] <- estimate_record(e, y, unit, year, key)
        }
      }
      for (key in names(groups)) {
        last <- est(latest, members, key, y, FALSE)
        if (is.null(last)) next
        for (from in c(years[length(years) - 1], years[1])) {
          e <- est(from, members, key, y, FALSE)
          comparison <- if (from == years[1]) "baseline" else "previous"
          if (!is.null(e)) records[[length(records) + 1]] <- change(comparison, key, y, unit, from, as.character(from), as.character(latest), independent(e, last))
        }
        if (unit != county) {
          rest <- setdiff(areas, members)
          other <- est(latest, rest, key, y, FALSE)
          if (!is.null(other)) {
            dom <- in_group(d, key) & in_population(d, y)
            r <- suppressWarnings(contrast(d, dom & d$kommun %in% rest, dom & d$kommun %in% members, y, other, last))
            records[[length(records) + 1]] <- change("rest_of_county", key, y, unit, latest, "rest_of_county", unit, r)
          }
        }
        if (key %in% trend_groups) {
          per <- lapply(years, function(yr) est(yr, members, key, y, FALSE))
          if (all(!sapply(per, is.null))) {
            tr <- if (estimable(per)) trend(members, key, y) else list(p = NA)
            records[[length(records) + 1]] <- c(tr, list(kind = "trend", indicator = y, area = unit, group = key))
          }
        }
      }
      for (within in c("total", "grade=7", "grade=9")) {
        gk <- function(g) if (within == "total") g else paste0(g, ";", within)
        a <- est(latest, members, gk("gender=F"), y, FALSE)
        b <- est(latest, members, gk("gender=M"), y, FALSE)
        if (is.null(a) || is.null(b)) next
        inside <- d$kommun %in% members & in_group(d, within) & in_population(d, y)
        r <- suppressWarnings(contrast(d, inside & d$kon == "F", inside & d$kon == "M", y, a, b))
        records[[length(records) + 1]] <- change("gender", within, y, unit, latest, gk("gender=F"), gk("gender=M"), r)
      }
    }
  }
  # q: Benjamini–Hochberg within each area over every record with a p.
  for (unit in names(units)) {
    idx <- which(sapply(records, function(r) r$area == unit && !is.null(r$p) && !is.na(r$p)))
    q <- p.adjust(sapply(records[idx], function(r) r$p), "BH")
    for (k in seq_along(idx)) records[[idx[k]]]$q <- q[k]
  }
  list(records = records, estimates = estimates)
}

# The post-strata as lagesbild makes them (population.R, poststratified-associations.R; each script
# defines reported(d) and count_of(kommun, ar, kon, arskurs)): one per municipality × gender ×
# school year of "Totalt", and the rows outside them one pseudo-cell per municipality and wave,
# counted as its weights times the municipality's average factor.
add_poststrata <- function(d) {
  d$ps <- ifelse(reported(d), paste(d$ar, d$kommun, d$kon, d$arskurs), paste(d$ar, d$kommun, "?"))
  d
}
population_for <- function(d, w) {
  known <- unique(d$ps[reported(d)])
  freq <- sapply(known, function(p) { r <- d[d$ps == p, ][1, ]; count_of(r$kommun, r$ar, r$kon, r$arskurs) })
  pop <- data.frame(ps = known, Freq = unname(freq), stringsAsFactors = FALSE)
  for (p in unique(d$ps[!reported(d)])) {
    r <- d[d$ps == p, ][1, ]
    own <- reported(d) & d$kommun == r$kommun & d$ar == r$ar
    factor <- sum(pop$Freq[pop$ps %in% unique(d$ps[own])]) / sum(w[own])
    pop <- rbind(pop, data.frame(ps = p, Freq = sum(w[d$ps == p]) * factor))
  }
  pop
}
poststratify <- function(des, d) postStratify(des, ~ps, population_for(d, weights(des)), partial = TRUE)

# svyby(~y, ~side, sub, svymean, covmat = TRUE): survey 4.1.1's svyby cannot stack the
# influence functions of a calibrated design (its subsets keep every row), so the same
# computation is written out: each side's svymean influence function on the rows of `sub`,
# and svyrecvar on both with the design's post-strata. On the designs without
# post-stratification it is checked against svyby itself.
joint_cov <- function(sub) {
  side <- sub$variables$side_
  parts <- lapply(c("a", "b"), function(s) {
    m <- svymean(~y_, sub[!is.na(side) & side == s, ], na.rm = TRUE, influence = TRUE)
    inf <- attr(m, "influence")
    full <- matrix(0, nrow = length(side), ncol = 1)
    if (NROW(inf) == length(side)) full[, 1] <- inf else full[!is.na(side) & side == s, 1] <- inf
    list(estimate = unname(coef(m)), inf = full)
  })
  v <- svyrecvar(cbind(parts[[1]]$inf, parts[[2]]$inf), sub$cluster, sub$strata, sub$fpc, postStrata = sub$postStrata)
  list(estimates = c(parts[[1]]$estimate, parts[[2]]$estimate), cov = unname(v))
}
