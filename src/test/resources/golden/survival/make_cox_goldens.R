# Makes the Cox golden files (cox_<set>.csv) from the input_<set>.csv files make_goldens.R wrote.
#   cd src/test/resources/golden/survival && Rscript make_cox_goldens.R
# R 4.2.2, survival 3.5-3. Tests never run R.
suppressPackageStartupMessages(library(survival))
options(stringsAsFactors = FALSE, warn = 1)
num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", ifelse(is.nan(x), "NaN", sprintf("%.17g", x)))

# the command's level order: numeric when every level is a number, else code-point order
level_order <- function(v) {
  u <- unique(as.character(v))
  if (all(!is.na(suppressWarnings(as.numeric(u))))) u[order(as.numeric(u))] else sort(u, method = "radix")
}

cox_golden <- function(name) {
  d <- read.csv(paste0("input_", name, ".csv"), comment.char = "#", colClasses = "character")
  d$time <- as.numeric(d$time)
  st <- as.numeric(d$status)
  d$status <- if (all(st %in% c(1, 2)) && any(st == 2)) st - 1 else st
  lv <- level_order(d$group)
  rows <- list()
  for (ref in unique(c(lv[1], lv[length(lv)]))) {
    d$g <- factor(d$group, levels = c(ref, setdiff(lv, ref)))
    for (ties in c("efron", "breslow")) {
      for (stratified in c(FALSE, if ("strata" %in% names(d)) TRUE)) {
        f <- if (stratified) Surv(time, status) ~ g + strata(strata) else Surv(time, status) ~ g
        warn <- character(0)
        fit <- withCallingHandlers(coxph(f, data = d, ties = ties),
                                   warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
        s <- summary(fit)
        monotone <- any(grepl("coefficient may be infinite|may be infinite", warn))
        cf <- coef(fit); se <- sqrt(diag(fit$var))
        z <- qnorm(0.975)
        rows[[length(rows) + 1]] <- data.frame(ties = ties, stratified = stratified, reference = ref,
          term = sub("^g", "", names(cf)), coef = cf, se = se, hr = exp(cf), hr_lower = exp(cf - z * se),
          hr_upper = exp(cf + z * se), p_value = s$coefficients[, "Pr(>|z|)"],
          loglik0 = fit$loglik[1], loglik = fit$loglik[2],
          lr = s$logtest[["test"]], lr_df = s$logtest[["df"]], lr_p = s$logtest[["pvalue"]],
          score = s$sctest[["test"]], score_p = s$sctest[["pvalue"]],
          wald = fit$wald.test, wald_p = s$waldtest[["pvalue"]],
          iter = fit$iter, monotone = monotone, warning = gsub(",", ";", paste(warn, collapse = " | ")))
      }
    }
  }
  out <- do.call(rbind, rows)
  for (n in names(out)) if (is.numeric(out[[n]]) && n != "iter" && n != "lr_df") out[[n]] <- num(out[[n]])
  con <- file(paste0("cox_", name, ".csv"), "w")
  writeLines(c(
    sprintf("# coxph(Surv(time, status) ~ g [+ strata(strata)], data = input_%s, ties = <ties>), g = factor(group) with levels <reference> first", name),
    "# then the rest in the command's order (numeric when all levels are numbers, else code-point); status 1/2 read as Surv does",
    "# term: the non-reference level; coef, se = sqrt(diag(fit$var)), hr = exp(coef), hr_lower/upper = exp(coef -/+ qnorm(0.975) se),",
    "# p_value = summary(fit)$coefficients[, 'Pr(>|z|)']; loglik0, loglik = fit$loglik; lr, lr_df, lr_p = summary(fit)$logtest;",
    "# score, score_p = $sctest; wald = fit$wald.test (summary rounds it), wald_p = $waldtest pvalue; iter = fit$iter; monotone: coxph warned 'coefficient may be infinite'"),
    con)
  write.table(out, con, sep = ",", row.names = FALSE, quote = FALSE, na = "NA")
  close(con)
}
for (set in c("lung", "lung_ecog", "veteran", "ovarian", "aml", "colon", "tied", "group_no_events", "stratum_one",
              "all_censored")) {
  tryCatch(cox_golden(set), error = function(e) message(set, ": ", conditionMessage(e)))
}

# two factor covariates: group and strata both as factors (dummies against their first level,
# the command's order), Efron and Breslow
cox_two_factors <- function(name) {
  d <- read.csv(paste0("input_", name, ".csv"), comment.char = "#", colClasses = "character")
  d$time <- as.numeric(d$time)
  st <- as.numeric(d$status)
  d$status <- if (all(st %in% c(1, 2)) && any(st == 2)) st - 1 else st
  d$g <- factor(d$group, levels = level_order(d$group))
  d$s <- factor(d$strata, levels = level_order(d$strata))
  rows <- list()
  for (ties in c("efron", "breslow")) {
    fit <- coxph(Surv(time, status) ~ g + s, data = d, ties = ties)
    s <- summary(fit); cf <- coef(fit); se <- sqrt(diag(fit$var)); z <- qnorm(0.975)
    term <- ifelse(startsWith(names(cf), "g"), paste0("group=", sub("^g", "", names(cf))),
                   paste0("strata=", sub("^s", "", names(cf))))
    rows[[length(rows) + 1]] <- data.frame(ties = ties, term = term, coef = cf, se = se, hr = exp(cf),
      hr_lower = exp(cf - z * se), hr_upper = exp(cf + z * se), p_value = s$coefficients[, "Pr(>|z|)"],
      loglik0 = fit$loglik[1], loglik = fit$loglik[2], lr = s$logtest[["test"]], lr_df = s$logtest[["df"]],
      score = s$sctest[["test"]], wald = fit$wald.test)
  }
  out <- do.call(rbind, rows)
  for (n in names(out)) if (is.numeric(out[[n]]) && n != "lr_df") out[[n]] <- num(out[[n]])
  con <- file(paste0("cox2_", name, ".csv"), "w")
  writeLines(c(sprintf("# coxph(Surv(time, status) ~ g + s, data = input_%s, ties = <ties>), g = factor(group), s = factor(strata), levels in the command's order (first = reference)", name),
               "# term: <factor>=<level>; coef, se, hr, hr_lower, hr_upper, p_value as in cox_*.csv; loglik0, loglik, lr, lr_df, score, wald = fit$wald.test"), con)
  write.table(out, con, sep = ",", row.names = FALSE, quote = FALSE, na = "NA")
  close(con)
}
for (set in c("lung_ecog", "veteran", "ovarian", "colon", "tied")) cox_two_factors(set)
