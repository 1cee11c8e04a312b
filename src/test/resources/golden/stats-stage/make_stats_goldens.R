# Makes the stats stage's goldens from the bundled sample's analysis data (tests never run R).
#   cd src/test/resources/golden/stats-stage && Rscript make_stats_goldens.R
# R 4.2.2, survival 3.5-3 (Debian r-base-core, r-cran-survival).
#
# Input: analysis_<study>.csv, one row per cohort patient of each configured study, what the stats stage reads
# (StatsStage.input): patient_key, the factor columns, the endpoint days and events, docetaxel dates before day 126,
# index line days. They are written by the Spark test, from the real ingest -> cohort -> endpoints run on the sample:
#   mvn -B -ntp -o test -Dtest=StatsStageGoldenTest -Doncorwe.golden.write=true -Djacoco.skip=true
# (StatsStageGoldenTest fails while a committed CSV differs from what the stage reads, so they cannot go stale.)
# The columns other than docetaxel_before_landmark are also `jobs/oncorwe export --table endpoints --study S` joined
# to `--table cohort --study S` on patient_key.
#
# Output, all studies in one file per table, times in DAYS (the stage publishes months = days / 30.4375; the test
# multiplies its months back, decision 213), 17 significant digits, NA where R gives NA:
#   survival_summary.csv, survival_landmark.csv, survival_test.csv, hazard_ratio.csv   at conf.int = 0.95
#   survival_summary_90.csv, survival_landmark_90.csv, hazard_ratio_90.csv              at conf.int = 0.90
# The stage's rules (docs/statistics.md, decisions 160-168, 212) are restated here in R: the endpoints and their
# subjects, the factors and the order of their levels, which levels are tested, the comparison models.
suppressPackageStartupMessages(library(survival))
options(stringsAsFactors = FALSE)

days_per_month <- 30.4375
landmark_days <- c(12, 24, 36, 60) * days_per_month        # stats.landmark_months
tau <- 60 * days_per_month                                  # stats.rmst_tau_months
lm_docetaxel <- 126                                         # stats.os_landmark_docetaxel_days
lm_responder <- 1066                                        # stats.os_landmark_responder_days
levels_of <- list(                                          # stats.factor_levels (first = reference)
  age_group = c("<=40", "41-50", "51-60", ">60"), menopausal_status = c("PRE", "POST"),
  hr_status = c("NEGATIVE", "POSITIVE"), disease_setting = c("DE_NOVO", "RELAPSED"),
  visceral_mets = c("false", "true"), brain_mets = c("false", "true"), prior_anti_her2 = c("false", "true"),
  docetaxel_ge6 = c(">=6", "<6"), index_label = c("TH", "THP"), index_line_ongoing = c("false", "true"))
subgroup_factors <- c("age_group", "menopausal_status", "hr_status", "disease_setting", "visceral_mets",
                      "prior_anti_her2", "docetaxel_ge6")
comparisons <- list(first_line_th_vs_thp = list(factor = "index_label", strata = "prior_anti_her2",
  adjust = c("age_group", "hr_status", "disease_setting", "visceral_mets", "brain_mets"),
  endpoints = c("pfs_trial", "os")))
studies <- c("first_line_thp", "first_line_th", "second_line_tdm1", "first_line_th_vs_thp")
endpoints <- c("os", "pfs", "pfs_trial", "dor", "os_lm126", "os_lm1066", "followup")

num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", ifelse(is.nan(x), "NaN", sprintf("%.17g", x)))

write_golden <- function(df, file, header) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- num(df[[n]])
  con <- file(file, "w")
  writeLines(paste("#", header), con)
  write.table(df, con, sep = ",", row.names = FALSE, quote = TRUE, na = "NA")
  close(con)
}

read_analysis <- function(study) {
  d <- read.csv(paste0("analysis_", study, ".csv"), comment.char = "#", colClasses = "character", na.strings = "")
  for (c in c("os_days", "os_event", "pfs_days", "pfs_event", "pfs_trial_days", "pfs_trial_event", "dor_days",
              "dor_event", "docetaxel_admins", "docetaxel_before_landmark", "index_line_days")) d[[c]] <- as.integer(d[[c]])
  d
}

# one endpoint's subjects: time, status and the factor columns (decisions 164-166 for the landmarks and follow-up)
endpoint_data <- function(d, endpoint) {
  with_ts <- function(rows, time, status) { x <- d[rows, ]; x$time <- time[rows]; x$status <- status[rows]; x }
  all <- rep(TRUE, nrow(d))
  switch(endpoint,
    os = with_ts(all, d$os_days, d$os_event),
    pfs = with_ts(all, d$pfs_days, d$pfs_event),
    pfs_trial = with_ts(all, d$pfs_trial_days, d$pfs_trial_event),
    dor = with_ts(!is.na(d$dor_days) & !is.na(d$dor_event), d$dor_days, d$dor_event),
    followup = with_ts(all, d$os_days, 1 - d$os_event),
    os_lm126 = {
      x <- with_ts(d$os_days >= lm_docetaxel, d$os_days - lm_docetaxel, d$os_event)
      before <- ifelse(is.na(x$docetaxel_before_landmark), 0, x$docetaxel_before_landmark)
      x$docetaxel_ge6 <- ifelse(is.na(x$docetaxel_admins) | x$docetaxel_admins == 0, NA, ifelse(before >= 6, ">=6", "<6"))
      x
    },
    os_lm1066 = {
      x <- with_ts(!is.na(d$responder) & d$responder == "true" & d$os_days >= lm_responder, d$os_days - lm_responder,
                   d$os_event)
      x$index_line_ongoing <- ifelse(is.na(x$index_line_days), NA, ifelse(x$index_line_days >= lm_responder, "true", "false"))
      x
    })
}

factors_of <- function(study, endpoint) {
  if (endpoint == "os_lm126") return("docetaxel_ge6")
  if (endpoint == "os_lm1066") return("index_line_ongoing")
  unique(c(subgroup_factors, comparisons[[study]]$factor))
}

# levels present: the configured ones in their order, then the others in code-point order, then NA
level_order <- function(x, configured) {
  present <- unique(x[!is.na(x)])
  c(configured[configured %in% present], sort(present[!(present %in% configured)], method = "radix"),
    if (any(is.na(x))) NA)
}

symmetric_ci <- function(fit, median, z) {
  ev <- fit$n.event > 0
  t <- fit$time[ev]; s <- fit$surv[ev]
  tol <- sqrt(.Machine$double.eps)                # 0.55 and 0.45 within sqrt(eps), as the median's 0.5 (decision 214)
  above <- which(s >= 0.55 - tol)
  u <- if (length(above)) t[max(above)] else 0
  su <- if (length(above)) s[max(above)] else 1
  below <- which(s <= 0.45 + tol)
  if (is.na(median) || !length(below)) return(c(NA, NA))
  f <- (su - s[min(below)]) / (t[min(below)] - u)
  i <- max(which(fit$time <= median))
  se <- fit$surv[i] * fit$std.err[i] / f          # Greenwood se of S at the median, over the density
  c(median - z * se, median + z * se)
}

curve_rows <- function(study, endpoint, factor, level, x, conf) {
  fit <- survfit(Surv(time, status) ~ 1, data = x, conf.type = "log", conf.int = conf)
  tab <- tryCatch(summary(fit, rmean = tau)$table, error = function(e) {
    # survmean refuses a truncation point before the first time; S = 1 on [0, tau] there, so the area is tau with
    # se 0 (no event before tau) -- what the stage gives (docs/statistics.md, RMST)
    stopifnot(min(x$time) > tau)
    t <- summary(fit)$table
    t[["rmean"]] <- tau
    t[["se(rmean)"]] <- 0
    t
  })
  q <- quantile(fit, probs = c(0.25, 0.75))
  rf <- survfit(Surv(time, 1 - status) ~ 1, data = x, conf.type = "log", conf.int = conf)
  rt <- summary(rf)$table
  lcl <- function(t) t[[grep("LCL$", names(t))]]
  ucl <- function(t) t[[grep("UCL$", names(t))]]
  fu <- if (endpoint == "followup") c(NA, NA, NA) else c(rt[["median"]], lcl(rt), ucl(rt))
  z <- if (conf == 0.95) 1.96 else qnorm(1 - (1 - conf) / 2)
  sym <- symmetric_ci(fit, tab[["median"]], z)
  summ <- data.frame(study = study, endpoint = endpoint, factor = factor, level = level,
    median_ci_method = c("r", "symmetric"), n = tab[["records"]], events = tab[["events"]], median = tab[["median"]],
    median_lower = c(lcl(tab), sym[1]), median_upper = c(ucl(tab), sym[2]),
    q25 = q$quantile[[1]], q25_lower = q$lower[[1]], q25_upper = q$upper[[1]],
    q75 = q$quantile[[2]], q75_lower = q$lower[[2]], q75_upper = q$upper[[2]],
    rmst = tab[["rmean"]], rmst_se = tab[["se(rmean)"]], rmst_tau = tau,
    followup_median = fu[1], followup_lower = fu[2], followup_upper = fu[3],
    followup_crude_median = median(x$time), followup_min = min(x$time), followup_max = max(x$time))
  s <- tryCatch(summary(fit, times = landmark_days), error = function(e) list(time = numeric(0)))
  lm <- do.call(rbind, lapply(landmark_days, function(t) {
    i <- which(s$time == t)
    if (length(i) == 1)
      data.frame(study = study, endpoint = endpoint, factor = factor, level = level, time = t, n_risk = s$n.risk[i],
                 surv = s$surv[i], std_err = s$std.err[i], lower = s$lower[i], upper = s$upper[i])
    else
      data.frame(study = study, endpoint = endpoint, factor = factor, level = level, time = t, n_risk = NA,
                 surv = NA, std_err = NA, lower = NA, upper = NA)
  }))
  list(summary = summ, landmark = lm)
}

# coxph quietly, noting which coefficients R calls infinite (coxph.fit's warning): those are NA in the stage
cox_fit <- function(formula, data) {
  infinite <- integer(0)
  fit <- withCallingHandlers(coxph(formula, data = data, ties = "efron"), warning = function(w) {
    m <- conditionMessage(w)
    if (grepl("coefficient may be infinite", m)) {
      infinite <<- c(infinite, as.integer(strsplit(trimws(sub(".*variable *(.*);.*", "\\1", m)), ",")[[1]]))
    }
    invokeRestart("muffleWarning")
  })
  list(fit = fit, infinite = infinite)
}

cox_rows <- function(study, endpoint, factor, cf, terms, references, strata, adjusted_for, conf) {
  fit <- cf$fit
  coef <- unname(coef(fit)); se <- sqrt(diag(vcov(fit)))
  ci <- summary(fit, conf.int = conf)$conf.int
  p <- summary(fit)$coefficients[, "Pr(>|z|)"]
  bad <- seq_along(coef) %in% cf$infinite
  na_if <- function(v) ifelse(bad, NA, v)
  df <- sum(!is.na(coef))
  hr <- data.frame(study = study, endpoint = endpoint, factor = factor, term = terms, reference = references,
    hr = na_if(exp(coef)), hr_lower = na_if(ci[, 3]), hr_upper = na_if(ci[, 4]), coef = na_if(coef),
    se = na_if(se), p_value = na_if(p), strata = strata, adjusted_for = adjusted_for)
  wald <- if (any(bad)) NA else as.vector(fit$wald.test)
  lr <- 2 * (fit$loglik[2] - fit$loglik[1])
  tests <- data.frame(study = study, endpoint = endpoint, factor = factor, test = c("cox_wald", "cox_lr", "cox_score"),
    statistic = c(wald, lr, fit$score), df = df,
    p_value = pchisq(c(wald, lr, fit$score), df, lower.tail = FALSE), strata = strata, adjusted_for = adjusted_for)
  list(hr = hr, tests = tests)
}

logrank_row <- function(study, endpoint, factor, formula, data, test, strata) {
  sd <- survdiff(formula, data = data)
  e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  data.frame(study = study, endpoint = endpoint, factor = factor, test = test, statistic = sd$chisq,
             df = sum(e > 0) - 1, p_value = sd$pvalue, strata = strata, adjusted_for = NA)
}

goldens <- function(conf) {
  out <- list(summary = list(), landmark = list(), tests = list(), hr = list())
  add <- function(name, df) out[[name]][[length(out[[name]]) + 1]] <<- df
  for (study in studies) {
    d <- read_analysis(study)
    for (endpoint in endpoints) {
      x <- endpoint_data(d, endpoint)
      if (nrow(x) == 0) next
      r <- curve_rows(study, endpoint, "all", "all", x, conf)
      add("summary", r$summary); add("landmark", r$landmark)
      for (f in factors_of(study, endpoint)) {
        for (level in level_order(x[[f]], levels_of[[f]])) {
          sub <- if (is.na(level)) x[is.na(x[[f]]), ] else x[!is.na(x[[f]]) & x[[f]] == level, ]
          r <- curve_rows(study, endpoint, f, level, sub, conf)
          add("summary", r$summary); add("landmark", r$landmark)
        }
        known <- x[!is.na(x[[f]]) & x[[f]] %in% levels_of[[f]], ]
        lv <- levels_of[[f]][levels_of[[f]] %in% known[[f]]]
        if (length(lv) < 2 || endpoint == "followup") next
        known$g <- factor(known[[f]], levels = lv)
        add("tests", logrank_row(study, endpoint, f, Surv(time, status) ~ g, known, "logrank", NA))
        cr <- cox_rows(study, endpoint, f, cox_fit(Surv(time, status) ~ g, known), lv[-1], lv[1], NA, NA, conf)
        add("hr", cr$hr); add("tests", cr$tests)
      }
      cmp <- comparisons[[study]]
      if (is.null(cmp) || !(endpoint %in% cmp$endpoints)) next
      # stratified, unadjusted (decision 212): a configured level and stratum
      s <- x[!is.na(x[[cmp$factor]]) & x[[cmp$factor]] %in% levels_of[[cmp$factor]] &
             !is.na(x[[cmp$strata]]) & x[[cmp$strata]] %in% levels_of[[cmp$strata]], ]
      lv <- levels_of[[cmp$factor]][levels_of[[cmp$factor]] %in% s[[cmp$factor]]]
      if (length(lv) >= 2) {
        s$g <- factor(s[[cmp$factor]], levels = lv)
        s$st <- s[[cmp$strata]]
        add("tests", logrank_row(study, endpoint, cmp$factor, Surv(time, status) ~ g + strata(st), s,
                                 "logrank_stratified", cmp$strata))
        cr <- cox_rows(study, endpoint, cmp$factor, cox_fit(Surv(time, status) ~ g + strata(st), s), lv[-1], lv[1],
                       cmp$strata, NA, conf)
        add("hr", cr$hr); add("tests", cr$tests)
      }
      # adjusted and stratified (decision 168): every factor and the stratum at a configured level
      covariates <- c(cmp$factor, cmp$adjust)
      keep <- !is.na(x[[cmp$strata]]) & x[[cmp$strata]] %in% levels_of[[cmp$strata]]
      for (f in covariates) keep <- keep & !is.na(x[[f]]) & x[[f]] %in% levels_of[[f]]
      a <- x[keep, ]
      if (nrow(a) == 0) next
      for (f in covariates) a[[f]] <- factor(a[[f]], levels = levels_of[[f]])
      a$st <- a[[cmp$strata]]
      formula <- as.formula(paste("Surv(time, status) ~", paste0("`", covariates, "`", collapse = " + "), "+ strata(st)"))
      terms <- unlist(lapply(covariates, function(f) paste0(f, "=", levels_of[[f]][-1])))
      refs <- unlist(lapply(covariates, function(f) rep(levels_of[[f]][1], length(levels_of[[f]]) - 1)))
      cr <- cox_rows(study, endpoint, cmp$factor, cox_fit(formula, a), terms, refs, cmp$strata,
                     paste(cmp$adjust, collapse = ","), conf)
      add("hr", cr$hr); add("tests", cr$tests)
    }
  }
  lapply(out, function(l) do.call(rbind, l))
}

call_note <- function(conf) c(
  sprintf("R %s, survival %s, conf.int = %s, conf.type = 'log', ties = 'efron'; input analysis_<study>.csv; times in days",
          paste(R.version$major, R.version$minor, sep = "."), packageVersion("survival"), conf),
  "made by make_stats_goldens.R (read it for the subjects, factors and levels of each row)")

for (conf in c(0.95, 0.90)) {
  g <- goldens(conf)
  suffix <- if (conf == 0.95) "" else sprintf("_%02d", round(conf * 100))
  write_golden(g$summary, paste0("survival_summary", suffix, ".csv"), c(call_note(conf),
    "n, events, median, median_lower, median_upper (r rows) = summary(survfit(Surv(time, status) ~ 1), rmean = tau)$table records, events, median, LCL, UCL",
    "symmetric rows: median +/- z se, se = Greenwood se of S at the median / density (domain-rules 7); z = 1.96 at 0.95, qnorm(1 - alpha/2) otherwise",
    "qNN, qNN_lower, qNN_upper = quantile(fit, c(.25, .75)); rmst, rmst_se = table rmean, se(rmean) with rmean = tau = 60 months in days",
    "(where every time of the curve is past tau survmean stops; there rmst = tau and rmst_se = 0, the area under S = 1)",
    "followup_median, _lower, _upper = reverse KM survfit(Surv(time, 1 - status) ~ 1) median and CI (NA for endpoint followup)",
    "followup_crude_median, _min, _max = median, min, max of the curve's times"))
  write_golden(g$landmark, paste0("survival_landmark", suffix, ".csv"), c(call_note(conf),
    "summary(fit, times = 12, 24, 36, 60 months in days): n_risk, surv, std_err (se of S), lower, upper; NA past the curve's end"))
  write_golden(g$hr, paste0("hazard_ratio", suffix, ".csv"), c(call_note(conf),
    "coxph(Surv(time, status) ~ group [+ covariates] [+ strata(prior_anti_her2)], ties = 'efron'): hr = exp(coef), hr_lower/upper = summary(fit, conf.int)$conf.int,",
    "se = sqrt(diag(vcov)), p_value = Pr(>|z|); NA where coxph warns the coefficient may be infinite"))
  if (conf == 0.95) write_golden(g$tests, "survival_test.csv", c(call_note(conf),
    "logrank[_stratified]: survdiff(Surv ~ group [+ strata(prior_anti_her2)]) chisq, df = groups with expected > 0 - 1, pvalue",
    "cox_wald = fit$wald.test (unrounded), cox_lr = 2 (loglik[2] - loglik[1]), cox_score = fit$score, df = non-NA coefficients, p = pchisq upper tail"))
}
