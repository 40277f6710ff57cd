# Reference values for a post-stratified small municipality on data this project did not
# design for it (issue 15): the Lillby export (test/fixtures/lillby: Windows-1252, semicolons,
# the question texts as headers, about 25 pupils in åk 9, no weights, a pupil answering
# "Annat/vill inte säga" in each wave) with a coordinator's population file
# (test/fixtures/lillby/befolkning.csv: Windows-1252, semicolons, Swedish headers, zero rows
# for Gy 2). Tests read the JSON and never call R.
#
#   Rscript test/stats/reference/lillby-poststratified.R      (from the repository root)
#
# Each wave: svydesign(ids = ~1) (every pupil weight 1), post-stratified with
# postStratify(design, ~ps, population) where ps is gender × school year for Tjej and Kille,
# and one cell for everyone else whose population is its respondents times the wave's factor
# Σ N_c / Σ n_c (lagesbild's rule for pupils outside the post-strata). Domains are subset()s
# of the calibrated design: "total" = Tjej or Kille (every pupil is in åk 9), gender=Tjej,
# gender=Kille. Indicators with the config's answer scale `ganger` (yes: "Ja, …", no: "Nej",
# missing: "Vill inte svara" and empty).
dir <- file.path("test", "fixtures", "lillby")
out <- file.path("test", "stats", "reference", "expected-lillby.json")
source(file.path("test", "stats", "reference", "helpers.R"))
read <- function(path) read.csv2(file(path, encoding = "windows-1252"), check.names = FALSE, colClasses = "character")
population <- read(file.path(dir, "befolkning.csv"))
indicators <- c(
  fysiskt_vald = "blivit slagen, sparkad",
  hot = "hotat dig på ett sätt som gjorde att du blev rädd",
  sexuella_trakasserier = "utsatt för sexuella trakasserier",
  krankt_pa_natet = "via internet, sociala medier eller mobilen",
  utovat_fysiskt_vald = "Har du själv under de senaste 12 månaderna slagit"
)
yes <- c("Ja, en gång", "Ja, 2–5 gånger", "Ja, fler än 5 gånger", "Ja, flera gånger")
no <- "Nej"
missing <- c("Vill inte svara", "")
reported <- c("Tjej", "Kille")

records <- list()
for (year in c(2022, 2024)) {
  d <- read(file.path(dir, sprintf("Lillby skolenkät %d.csv", year)))
  kon <- d[["Är du tjej eller kille?"]]
  ak <- d[["Vilken årskurs går du i?"]]
  stopifnot(all(ak == "Åk 9"))
  d$ps <- ifelse(kon %in% reported, kon, "?")
  pop <- population[population$År == year & population$Årskurs == "Åk 9", ]
  counts <- setNames(as.numeric(pop$Antal), pop$Kön)
  n <- table(d$ps)
  factor <- sum(counts[reported]) / sum(n[reported])
  frame <- data.frame(ps = c(reported, "?"), Freq = c(counts[reported], n[["?"]] * factor))
  des <- postStratify(svydesign(ids = ~1, weights = ~1, data = d), ~ps, frame)
  for (id in names(indicators)) {
    column <- grep(indicators[[id]], names(d), value = TRUE, fixed = TRUE)
    stopifnot(length(column) == 1, all(d[[column]] %in% c(yes, no, missing)))
    des$variables$y <- ifelse(d[[column]] %in% yes, 1, ifelse(d[[column]] %in% no, 0, NA))
    for (group in c("total", "gender=Tjej", "gender=Kille")) {
      inside <- if (group == "total") kon %in% reported else kon == sub("gender=", "", group)
      valid <- inside & !is.na(des$variables$y)
      sub <- subset(des, inside)
      m <- svymean(~y, sub, na.rm = TRUE, deff = "replace")
      x <- sum(des$variables$y[valid])
      records[[length(records) + 1]] <- list(indicator = id, year = year, group = group, n = sum(valid), x = x,
        estimate = unname(coef(m)), se = unname(SE(m))[1], deff = if (x == 0 || x == sum(valid)) NA else unname(deff(m))[1], df = degf(sub))
    }
  }
}
write_expected(out, "lillby-poststratified.R", "test/fixtures/lillby.", list(
  estimates = records
))
