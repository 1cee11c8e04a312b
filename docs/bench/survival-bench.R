# Survival benchmark, R side: makes the data sets and times R's calls on them.
#   Rscript survival-bench.R OUT_DIR
# Writes OUT_DIR/bench_<n>_<kind>.csv (time, status, group) and prints one line per call:
#   r <n> <kind> <call> <elapsed seconds>   (the best of 3 system.time runs)
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args)) args[1] else "bench-data"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
set.seed(42)
best <- function(f) min(replicate(3, system.time(f())[["elapsed"]]))
for (n in c(200000, 1000000)) {
  group <- sample(c("A", "B", "C"), n, replace = TRUE)
  rate <- c(A = 1 / 900, B = 1 / 1100, C = 1 / 1300)[group]
  event_time <- rexp(n, rate)
  censor_time <- runif(n, 30, 3650)
  for (kind in c("days", "continuous")) {
    t <- pmin(event_time, censor_time)
    time <- if (kind == "days") pmax(1, ceiling(t)) else t
    d <- data.frame(time = time, status = as.integer(event_time <= censor_time), group = group)
    write.csv(d, file.path(dir, sprintf("bench_%d_%s.csv", n, kind)), row.names = FALSE, quote = FALSE)
    cat(sprintf("r %d %s km %.3f\n", n, kind, best(function() survfit(Surv(time, status) ~ group, data = d))))
    cat(sprintf("r %d %s logrank %.3f\n", n, kind, best(function() survdiff(Surv(time, status) ~ group, data = d))))
    cat(sprintf("r %d %s cox %.3f\n", n, kind, best(function() coxph(Surv(time, status) ~ group, data = d, ties = "efron"))))
  }
}
