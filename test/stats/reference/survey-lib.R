# What groups-associations.R and contrasts.R share beyond helpers.R (which it reads): the
# synthetic county's municipalities, a domain's estimate (optionally under a further condition
# on the rows), each wave's design, the design-based contrast of two domains of one wave,
# girls vs boys, q, and step 3's association of a factor with an outcome. Each script defines
# `in_group(d, key)` and `reported(d)` before calling them.
source(file.path("test", "stats", "reference", "helpers.R"))

# The municipality of the k-th pupil of a school: N4 has pupils from two municipalities.
kommun_of <- function(skola, k) {
  switch(skola, N1 = "Alby", N2 = "Alby", N3 = "Bro", N4 = if (k %% 2 == 0) "Alby" else "Bro",
         S1 = "Bro", S2 = "Bro", S3 = "Cedby", S4 = "Cedby")
}

# A domain of one wave: estimate, SE, deff, n, x, Kish n_eff (NULL when no valid answer).
# `extra`: a further condition on the rows (e.g. a factor answered yes).
domain_estimate <- function(des, d, members, key, y, extra = TRUE) {
  dom <- d$kommun %in% members & in_group(d, key) & extra
  valid <- dom & !is.na(d[[y]])
  n <- sum(valid)
  if (n == 0) return(NULL)
  x <- sum(d[[y]][valid])
  w <- weights(des)[valid]
  sub <- subset(des, d$kommun %in% members & in_group(d, key) & extra)
  m <- svymean(as.formula(paste0("~", y)), sub, na.rm = TRUE, deff = "replace")
  list(n = n, x = x, estimate = unname(coef(m)), se = unname(SE(m))[1], deff = unname(deff(m))[1],
       kish = sum(w)^2 / sum(w^2))
}

# Each wave's rows and design, by year (`prepare` may change the rows first), and an estimator
# over them: est(year, members, key, y).
wave_designs <- function(data, years, make, prepare = identity) {
  waves <- lapply(years, function(y) {
    d <- prepare(data[data$ar == y, ])
    list(d = d, des = suppressWarnings(make(d)))
  })
  names(waves) <- years
  waves
}
wave_estimator <- function(waves) function(year, members, key, y) {
  w <- waves[[as.character(year)]]
  suppressWarnings(domain_estimate(w$des, w$d, members, key, y))
}

# Two domains of the same wave: svyby(covmat = TRUE) + svycontrast.
design_contrast <- function(make, d, side1, side2, y, a, b) {
  if (!is.finite(a$se) || !is.finite(b$se)) return(no_test(a, b))
  if (at_bound(a) || at_bound(b)) return(null_score(a, b))
  d$side_ <- ifelse(side1, "a", ifelse(side2, "b", NA))
  d$y_ <- d[[y]]
  des <- make(d)
  sub <- subset(des, !is.na(side_) & !is.na(y_))
  by <- svyby(~y_, ~side_, sub, svymean, covmat = TRUE)
  con <- svycontrast(by, c(-1, 1))
  r <- normal_test(unname(coef(con)), unname(SE(con))[1], "design")
  # The same covariance serves any smooth contrast, e.g. the log prevalence ratio log(b/a).
  lr <- svycontrast(by, quote(log(b / a)))
  r$log_ratio <- unname(coef(lr))
  r$log_ratio_se <- unname(SE(lr))[1]
  r$cov <- as.vector(attr(by, "var"))
  r
}

# Girls vs boys in the latest wave, in total and within each school year (w: the wave's d and des).
gender_records <- function(make, w, members, unit, y, latest, est) {
  out <- list()
  for (within in c("total", "grade=7", "grade=9")) {
    gk <- function(g) if (within == "total") g else paste0(g, ";", within)
    a <- est(latest, members, gk("gender=F"), y)
    b <- est(latest, members, gk("gender=M"), y)
    if (is.null(a) || is.null(b)) next
    inside <- w$d$kommun %in% members & in_group(w$d, within)
    r <- suppressWarnings(design_contrast(make, w$d, inside & w$d$kon == "F", inside & w$d$kon == "M", y, a, b))
    out[[length(out) + 1]] <- list(kind = "change", comparison = "gender", indicator = y, area = unit, group = within,
      year_from = latest, from = gk("gender=F"), to = gk("gender=M"), diff = r$diff, se = r$se, ci = r$ci, p = r$p, rule = r$rule,
      cov = r$cov, log_ratio = r$log_ratio, log_ratio_se = r$log_ratio_se)
  }
  out
}

# q: Benjamini–Hochberg within each area over every record with a p.
adjust_q <- function(records, areas) {
  for (unit in areas) {
    idx <- which(sapply(records, function(r) r$area == unit && !is.null(r$p) && !is.na(r$p)))
    q <- p.adjust(sapply(records[idx], function(r) r$p), "BH")
    for (k in seq_along(idx)) records[[idx[k]]]$q <- q[k]
  }
  records
}

# The association of factor f with outcome y among the unit's "Totalt" (f answered yes / no).
association <- function(make, d, des, members, f, y) {
  inside <- d$kommun %in% members & reported(d)
  side <- function(answer) {
    d$cond_ <- inside & d[[f]] %in% answer
    e <- suppressWarnings(domain_estimate(des, d, members, "total", y, extra = d$cond_))
    e
  }
  yes <- side(1)
  no <- side(0)
  if (is.null(yes) && is.null(no)) return(NULL)
  rec <- list(estimate_with = if (is.null(yes)) NA else yes$estimate, estimate_without = if (is.null(no)) NA else no$estimate,
              n_with = if (is.null(yes)) 0 else yes$n, n_without = if (is.null(no)) 0 else no$n)
  if (is.null(yes) || is.null(no)) return(c(rec, list(shown = FALSE, p = NA)))
  rec$shown <- TRUE
  if (at_bound(yes) || at_bound(no)) {
    rec$rule <- "null_score"
    rec$ratio <- if (no$estimate > 0) yes$estimate / no$estimate else NA
    rec$ratio_ci <- c(NA, NA)
    rec$p <- null_score(no, yes)$p
    return(rec)
  }
  d$y_ <- d[[y]]
  if (is.null(des$postStrata)) {
    d$side_ <- ifelse(inside & d[[f]] %in% 1, "yes", ifelse(inside & d[[f]] %in% 0, "no", NA))
    by <- svyby(~y_, ~side_, subset(make(d), !is.na(side_) & !is.na(y_)), svymean, covmat = TRUE)
    lr <- svycontrast(by, quote(log(yes / no)))
    b <- unname(coef(lr))
    se <- unname(SE(lr))[1]
  } else {
    # A post-stratified design: svyby cannot stack its influence functions (see joint_cov), so
    # the same delta method is written out: log(yes / no) with gradient (−1/no, 1/yes).
    d$side_ <- ifelse(inside & d[[f]] %in% 0, "a", ifelse(inside & d[[f]] %in% 1, "b", NA))
    j <- joint_cov(subset(make(d), !is.na(side_) & !is.na(y_)))
    g <- c(-1 / j$estimates[1], 1 / j$estimates[2])
    b <- log(j$estimates[2] / j$estimates[1])
    se <- sqrt(drop(t(g) %*% j$cov %*% g))
  }
  rec$rule <- "design"
  rec$ratio <- exp(b)
  rec$ratio_ci <- exp(c(b - zq * se, b + zq * se))
  rec$p <- 2 * pnorm(-abs(b / se))
  rec
}
