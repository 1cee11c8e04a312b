# Makes the survival golden files the Java tests compare against (tests never run R).
#   cd src/test/resources/golden/survival && Rscript make_goldens.R
# R 4.2.2, survival 3.5-3 (Debian r-base-core, r-cran-survival).
# Per dataset <d> it writes:
#   input_<d>.csv     the subjects (time, status, group, strata), exactly what R used
#   km_<d>.csv        survfit(): one row per curve time, all three conf types
#   summary_<d>.csv   summary(fit)$table (median + CI), quantile(fit) (25/50/75 with CI),
#                     summary(fit, rmean = tau) (RMST, se), reverse-KM follow-up median
#   landmark_<d>.csv  summary(fit, times = ...) (NA rows where R drops a time past the curve)
#   logrank_<d>.csv   survdiff(Surv ~ group) and survdiff(Surv ~ group + strata(strata))
# Every file starts with '#' lines: what each column is and the R call that made it.
# Numbers are written with 17 significant digits; NA is R's NA, Inf R's Inf.
suppressPackageStartupMessages(library(survival))
options(stringsAsFactors = FALSE)

num <- function(x) ifelse(is.na(x) & !is.nan(x), "NA", ifelse(is.nan(x), "NaN", sprintf("%.17g", x)))

write_golden <- function(df, file, header) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- num(df[[n]])
  con <- file(file, "w")
  writeLines(paste("#", header), con)
  write.table(df, con, sep = ",", row.names = FALSE, quote = FALSE, na = "NA")
  close(con)
}

conf_types <- c("log", "log-log", "plain")

# the curves of one analysis: all subjects, per group level, per stratum level
curves <- function(d, conf, timefix) {
  out <- list(list(factor = "all", level = "all",
                   fit = survfit(Surv(time, status) ~ 1, data = d, conf.type = conf, timefix = timefix)))
  for (f in c("group", "strata")) {
    if (!(f %in% names(d))) next
    fit <- survfit(as.formula(paste("Surv(time, status) ~", f)), data = d, conf.type = conf, timefix = timefix)
    lv <- sub(paste0("^", f, "="), "", names(fit$strata))
    for (i in seq_along(lv)) out[[length(out) + 1]] <- list(factor = f, level = lv[i], fit = fit[i])
  }
  out
}

reverse_fit <- function(d, factor, level, conf, timefix) {
  dd <- if (factor == "all") d else d[as.character(d[[factor]]) == level, ]
  # reverse KM: censoring is the event; aeqSurv on the whole data first, as in the forward fit
  y <- Surv(d$time, d$status)
  if (timefix) y <- aeqSurv(y)
  keep <- if (factor == "all") rep(TRUE, nrow(d)) else as.character(d[[factor]]) == level
  survfit(Surv(y[keep, 1], 1 - y[keep, 2]) ~ 1, conf.type = conf, timefix = FALSE)
}

golden <- function(name, d, times, tau, timefix = TRUE) {
  write_golden(d, paste0("input_", name, ".csv"),
    c(paste0("input of golden set '", name, "': time, status (as R's Surv reads it), optional group and strata"),
      "exported by make_goldens.R so the Java tests read exactly the data R used"))
  km <- list(); summ <- list(); lm <- list()
  for (conf in conf_types) {
    for (cv in curves(d, conf, timefix)) {
      fit <- cv$fit
      km[[length(km) + 1]] <- data.frame(factor = cv$factor, level = cv$level, conf_type = conf,
        time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor,
        surv = fit$surv, std_err = fit$std.err * fit$surv, std_err_log = fit$std.err,
        lower = fit$lower, upper = fit$upper, cumhaz = fit$cumhaz, std_chaz = fit$std.chaz)
      tab <- summary(fit, rmean = tau)$table
      q <- quantile(fit, probs = c(0.25, 0.5, 0.75))
      rf <- reverse_fit(d, cv$factor, cv$level, conf, timefix)
      rt <- summary(rf)$table
      summ[[length(summ) + 1]] <- data.frame(factor = cv$factor, level = cv$level, conf_type = conf,
        n = tab[["records"]], events = tab[["events"]], median = tab[["median"]],
        median_lower = tab[["0.95LCL"]], median_upper = tab[["0.95UCL"]],
        q25 = q$quantile[[1]], q25_lower = q$lower[[1]], q25_upper = q$upper[[1]],
        q50 = q$quantile[[2]], q50_lower = q$lower[[2]], q50_upper = q$upper[[2]],
        q75 = q$quantile[[3]], q75_lower = q$lower[[3]], q75_upper = q$upper[[3]],
        rmst_tau = tau, rmst = tab[["rmean"]], rmst_se = tab[["se(rmean)"]],
        followup_median = rt[["median"]], followup_lower = rt[["0.95LCL"]], followup_upper = rt[["0.95UCL"]],
        followup_crude_median = median(rf$time[rep(seq_along(rf$time), rf$n.event + rf$n.censor)]),
        followup_min = min(rf$time), followup_max = max(rf$time))
      # summary() stops when every time lies past the curve: then every row is NA
      s <- tryCatch(summary(fit, times = times), error = function(e) list(time = numeric(0)))
      for (t in times) {
        i <- which(s$time == t)
        lm[[length(lm) + 1]] <- if (length(i) == 1)
          data.frame(factor = cv$factor, level = cv$level, conf_type = conf, time = t, n_risk = s$n.risk[i],
                     surv = s$surv[i], std_err = s$std.err[i], lower = s$lower[i], upper = s$upper[i])
        else
          data.frame(factor = cv$factor, level = cv$level, conf_type = conf, time = t, n_risk = NA,
                     surv = NA, std_err = NA, lower = NA, upper = NA)
      }
    }
  }
  call <- sprintf("survfit(Surv(time, status) ~ 1 | ~ group | ~ strata, data = input_%s, conf.type = <conf_type>, timefix = %s)", name, timefix)
  write_golden(do.call(rbind, km), paste0("km_", name, ".csv"),
    c(call, "factor,level: the curve (all / group level / strata level); time, n_risk, n_event, n_censor, surv = fit$...",
      "std_err = fit$std.err * fit$surv (se of S, as summary.survfit prints); std_err_log = fit$std.err (se of log S)",
      "lower, upper = fit$lower, fit$upper; cumhaz = fit$cumhaz; std_chaz = fit$std.chaz"))
  write_golden(do.call(rbind, summ), paste0("summary_", name, ".csv"),
    c(call, sprintf("n, events, median, median_lower, median_upper, rmst, rmst_se = summary(fit, rmean = %s)$table[, c('records', 'events', 'median', '0.95LCL', '0.95UCL', 'rmean', 'se(rmean)')]", tau),
      "qNN, qNN_lower, qNN_upper = quantile(fit, probs = c(.25, .5, .75)) $quantile, $lower, $upper",
      "followup_median, _lower, _upper: summary(survfit(Surv(time, 1 - status) ~ 1, conf.type = <conf_type>))$table median, 0.95LCL, 0.95UCL (reverse KM, times fixed by aeqSurv on the whole data first)",
      "followup_crude_median, _min, _max: median(), min(), max() of the curve's observation times (one per subject)"))
  write_golden(do.call(rbind, lm), paste0("landmark_", name, ".csv"),
    c(call, sprintf("summary(fit, times = c(%s)): time, n_risk, surv, std_err (se of S), lower, upper; all NA where R drops a time past the end of the curve", paste(times, collapse = ", "))))
  # survdiff(timefix = FALSE) fails inside model.frame in survival 3.5-3, so log-rank goldens use the default
  if ("group" %in% names(d) && timefix) {
    rows <- list()
    tests <- list(logrank = Surv(time, status) ~ group)
    if ("strata" %in% names(d)) tests$logrank_stratified <- Surv(time, status) ~ group + strata(strata)
    for (tn in names(tests)) {
      sd <- survdiff(tests[[tn]], data = d)
      o <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
      e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
      lv <- sub("^group=", "", names(sd$n))
      dfree <- sum(e > 0) - 1
      rows[[length(rows) + 1]] <- data.frame(test = tn, level = lv, observed = o, expected = e,
        variance = diag(as.matrix(sd$var)), statistic = sd$chisq, df = dfree, p_value = sd$pvalue)
    }
    write_golden(do.call(rbind, rows), paste0("logrank_", name, ".csv"),
      c(sprintf("survdiff(Surv(time, status) ~ group [+ strata(strata)], data = input_%s)", name),
        "test: logrank (no strata) or logrank_stratified; level: group level; observed, expected: per group summed over strata",
        "variance: diagonal of survdiff's var; statistic = chisq; df = groups with expected > 0, - 1; p_value = pvalue"))
  }
}

lung2 <- na.omit(data.frame(time = lung$time, status = lung$status, group = lung$sex, strata = lung$ph.ecog))
golden("lung", data.frame(time = lung$time, status = lung$status, group = lung$sex), c(90, 180, 365, 730, 1000, 2000), 730)
golden("lung_ecog", lung2, c(180, 365, 730), 500)
golden("veteran", data.frame(time = veteran$time, status = veteran$status, group = veteran$trt, strata = veteran$celltype),
       c(30, 90, 180, 365, 1000), 365)
golden("ovarian", data.frame(time = ovarian$futime, status = ovarian$fustat, group = ovarian$rx, strata = ovarian$resid.ds),
       c(180, 365, 730, 1300), 730)
golden("aml", data.frame(time = aml$time, status = aml$status, group = as.character(aml$x)), c(5, 10, 20, 50, 200), 40)
col2 <- colon[colon$etype == 2, ]
golden("colon", data.frame(time = col2$time, status = col2$status, group = as.character(col2$rx), strata = col2$sex),
       c(365, 730, 1825, 3500), 1825)

# heavily tied synthetic set: integer times 1..12, three groups, two strata, plus near-ties that timefix merges
set.seed(20261122)
n <- 240
tied <- data.frame(time = sample(1:12, n, replace = TRUE), status = rbinom(n, 1, 0.6),
                   group = sample(c("A", "B", "C"), n, replace = TRUE), strata = sample(c("s1", "s2"), n, replace = TRUE))
tied$time[1:6] <- c(0.1 + 0.2, 0.3, 5 + 1e-12, 5, 7 * (1 + 1e-10), 7)
golden("tied", tied, c(0.3, 2, 5, 9, 12, 20), 8)
golden("tied_notimefix", tied, c(0.3, 2, 5, 9, 12, 20), 8, timefix = FALSE)

# edge cases
golden("all_censored", data.frame(time = c(3, 5, 5, 8, 10), status = c(0, 0, 0, 0, 0), group = c("a", "a", "b", "b", "b")),
       c(1, 5, 10, 11), 6)
golden("one_subject", data.frame(time = 7, status = 1), c(3, 7, 8), 7)
# S drops to exactly 0.5 at t = 4 and stays there to the end: median by the midpoint rule, quantiles by the end rule
golden("ends_at_half", data.frame(time = c(2, 4, 6, 8), status = c(1, 1, 0, 0)), c(1, 4, 8, 9), 8)
golden("half_then_drop", data.frame(time = c(1, 2, 3, 4, 5, 6), status = c(1, 1, 1, 0, 1, 0)), c(3, 5), 6)
golden("group_no_events", data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8), status = c(1, 1, 0, 1, 0, 0, 0, 0),
                                     group = c("x", "x", "x", "x", "y", "y", "y", "y")), c(2, 6), 6)
golden("stratum_one", data.frame(time = c(2, 3, 5, 7, 11, 13, 4), status = c(1, 0, 1, 1, 0, 1, 1),
                                 group = c("g1", "g2", "g1", "g2", "g1", "g2", "g1"),
                                 strata = c("big", "big", "big", "big", "big", "big", "lone")), c(3, 10), 10)
