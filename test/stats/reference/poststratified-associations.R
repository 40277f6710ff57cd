# Reference values for issue 16 on a post-stratified design (issue 15): step 3's associations
# and the extra breakdowns' estimates when the weights are post-stratified to population counts
# (municipality × year × gender × school year). Computed with R's survey package on the survey
# of groups-associations.R (survey-groups.csv); tests read the JSON and never call R.
#
#   Rscript test/stats/reference/poststratified-associations.R      (from the repository root)
#
# Writes test/stats/reference/groups-population.csv (pupils per cell: the respondents over a
# response rate per gender and school year) and expected-poststratified-associations.json.
#
# Design: svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, nest = TRUE) per wave,
# then postStratify(~ps, partial = TRUE) as population.R does it: a post-stratum per
# municipality × gender × school year of "Totalt", and the respondents outside them (gender X,
# no school year) one pseudo-cell per municipality weighted by its average factor.
# Associations and estimates as groups-associations.R defines them.
dir <- file.path("test", "stats", "reference")
source(file.path(dir, "survey-lib.R"))

data <- read.csv(file.path(dir, "survey-groups.csv"), colClasses = "character", na.strings = "")
for (v in c("ar", "vikt", "partner", "y1", "y3", "y2", "f1", "f2")) data[[v]] <- as.numeric(data[[v]])
data$y_any <- ifelse(data$y1 %in% 1 | data$y3 %in% 1, 1, ifelse(data$y1 %in% 0 & data$y3 %in% 0, 0, NA))
years <- c(2021, 2023)
areas <- c("Alby", "Bro", "Cedby")
county <- "Reflän"
units <- list(Alby = "Alby", Bro = "Bro", Cedby = "Cedby")
units[[county]] <- areas

source(file.path(dir, "survey-groups.R"))

# Pupils per cell: the respondents over a response rate by gender and school year.
response <- c("F.7" = 0.88, "M.7" = 0.8, "F.9" = 0.7, "M.9" = 0.55)
cells <- unique(data[reported(data), c("kommun", "ar", "kon", "arskurs")])
cells$count <- mapply(function(a, y, g, k) {
  as.integer(round(sum(data$kommun == a & data$ar == y & data$kon == g & data$arskurs %in% k) / response[[paste0(g, ".", k)]] + 2))
}, cells$kommun, cells$ar, cells$kon, cells$arskurs)
cells <- cells[order(cells$ar, cells$kommun, cells$kon, cells$arskurs), ]
writeLines(c("kommun;år;kön;årskurs;antal", paste(cells$kommun, cells$ar, cells$kon, cells$arskurs, cells$count, sep = ";")),
           file.path(dir, "groups-population.csv"))
count_of <- function(a, y, g, k) cells$count[cells$kommun == a & cells$ar == y & cells$kon == g & cells$arskurs == k]
data <- add_poststrata(data)
make <- function(d) poststratify(svydesign(ids = ~skola, strata = ~stratum, weights = ~vikt, data = d, nest = TRUE), d)

groups <- c("total", "fodd=S", "fodd=U", "ekonomi=1", "ekonomi=2", "ekonomi=3",
            as.vector(outer(c("gender=F", "gender=M"), c("fodd=S", "fodd=U", "ekonomi=1", "ekonomi=3"), paste, sep = ";")))
wave <- wave_designs(data, years, make)
est <- wave_estimator(wave)
estimates <- list()
records <- list()
for (unit in names(units)) {
  members <- units[[unit]]
  for (year in years) {
    for (y in c("y1", "y_any", "y2")) {
      for (key in groups) {
        e <- est(year, members, key, y)
        if (!is.null(e)) estimates[[length(estimates) + 1]] <- list(indicator = y, area = unit, year = year, group = key, n = e$n, x = e$x, estimate = e$estimate, se = e$se)
      }
    }
    w <- wave[[as.character(year)]]
    for (f in c("f1", "f2")) {
      for (y in c("y_any", "y1", "y2")) {
        a <- association(make, w$d, w$des, members, f, y)
        if (!is.null(a)) records[[length(records) + 1]] <- c(list(kind = "association", factor = f, indicator = y, area = unit, year = year), a)
      }
    }
  }
}
write_expected(file.path(dir, "expected-poststratified-associations.json"), "poststratified-associations.R", "survey-groups.csv and groups-population.csv; see the script for every definition.", list(
  county = county,
  records = records,
  estimates = estimates
))
