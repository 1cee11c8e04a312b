# The R side of `oncorwe bench survival --r`: R's calls on the same data as the Java steps.
#   Rscript survival-bench.R DATA.csv
# Prints one line per call: r <step> <elapsed seconds, the best of 3 system.time runs>
suppressPackageStartupMessages(library(survival))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1], colClasses = c("numeric", "integer", "character"))
best <- function(f) min(replicate(3, system.time(f())[["elapsed"]]))
cat(sprintf("r km %.3f\n", best(function() survfit(Surv(time, status) ~ group, data = d))))
cat(sprintf("r logrank %.3f\n", best(function() survdiff(Surv(time, status) ~ group, data = d))))
cat(sprintf("r cox %.3f\n", best(function() coxph(Surv(time, status) ~ group, data = d, ties = "efron"))))
