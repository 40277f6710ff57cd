# The groups of survey-groups.csv as lagesbild defines them (groups-associations.R and
# poststratified-associations.R): "Totalt" is a reported gender (F, M) and school year (7, 9);
# gender=X is its own group; an extra breakdown's value holds "Totalt" pupils with that value.
reported <- function(d) d$kon %in% c("F", "M") & d$arskurs %in% c("7", "9")
in_group <- function(d, key) {
  tot <- reported(d)
  if (key == "total") return(tot)
  kv <- strsplit(strsplit(key, ";")[[1]], "=")
  vars <- vapply(kv, `[`, "", 1)
  vals <- vapply(kv, `[`, "", 2)
  r <- rep(TRUE, nrow(d))
  if ("gender" %in% vars) {
    g <- vals[vars == "gender"]
    r <- r & d$kon == g
    # A reported gender's own group holds its pupils of a reported school year.
    if (g %in% c("F", "M") && !("grade" %in% vars)) r <- r & d$arskurs %in% c("7", "9")
  }
  if ("grade" %in% vars) {
    r <- r & d$arskurs %in% vals[vars == "grade"]
    if (!("gender" %in% vars)) r <- r & tot
  }
  for (i in which(!(vars %in% c("gender", "grade")))) r <- r & tot & d[[vars[i]]] %in% vals[i]
  r & !is.na(r)
}
