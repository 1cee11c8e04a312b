# Makes the proportion-test goldens (R 4.2.2, stats): Clopper-Pearson (binom.test), Pearson
# chi-square without continuity correction (chisq.test(correct = FALSE)), Fisher exact on 2 x c
# tables (fisher.test, two-sided), Mantel-Haenszel for 2 x 2 x K (mantelhaen.test(correct = FALSE)).
#   cd src/test/resources/golden/proportions && Rscript make_proportion_goldens.R
# Tables are written row by row: cells of a row separated by ' ', rows by ';', strata by '|'.
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
enc <- function(m) paste(apply(m, 1, paste, collapse = " "), collapse = ";")
out <- function(df, file, header) {
  for (n in names(df)) if (is.numeric(df[[n]])) df[[n]] <- num(df[[n]])
  con <- file(file, "w"); writeLines(paste("#", header), con)
  write.table(df, con, sep = ",", row.names = FALSE, quote = FALSE); close(con)
}

bin <- list(c(0, 10), c(10, 10), c(3, 17), c(45, 60), c(1, 1), c(7, 200), c(30, 31))
out(do.call(rbind, lapply(bin, function(b) {
  t <- binom.test(b[1], b[2])
  data.frame(x = b[1], n = b[2], estimate = t$estimate[[1]], lower = t$conf.int[1], upper = t$conf.int[2])
})), "binom.csv", c("binom.test(x, n): estimate = x/n; lower, upper = conf.int (Clopper-Pearson, 95 %)"))

tabs <- list(matrix(c(12, 5, 7, 15), 2, byrow = TRUE), matrix(c(10, 20, 30, 15, 15, 10), 2, byrow = TRUE),
             matrix(c(5, 9, 14, 3, 8, 2, 11, 4, 6), 3, byrow = TRUE), matrix(c(4, 1, 6, 2, 3, 7, 1, 9), 4, byrow = TRUE),
             matrix(c(2, 5, 7, 6, 3, 1), 2, byrow = TRUE), matrix(c(0, 1, 2, 5, 4, 3, 2, 0), 2, byrow = TRUE))
out(do.call(rbind, lapply(tabs, function(m) {
  t <- suppressWarnings(chisq.test(m, correct = FALSE))
  data.frame(table = enc(m), statistic = t$statistic[[1]], df = t$parameter[[1]], p_value = t$p.value,
             min_expected = min(t$expected))
})), "chisq.csv", c("chisq.test(table, correct = FALSE): statistic, df = parameter, p_value; min_expected = min(expected)"))

fis <- list(matrix(c(3, 1, 1, 3), 2, byrow = TRUE), matrix(c(10, 2, 3, 15), 2, byrow = TRUE),
            matrix(c(2, 2, 2, 2), 2, byrow = TRUE), matrix(c(12, 5, 7, 15), 2, byrow = TRUE),
            matrix(c(2, 5, 7, 6, 3, 1), 2, byrow = TRUE), matrix(c(0, 1, 2, 5, 4, 3, 2, 0), 2, byrow = TRUE),
            matrix(c(1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 0), 2, byrow = TRUE), matrix(c(0, 0, 5, 3), 2, byrow = TRUE))
out(do.call(rbind, lapply(fis, function(m) data.frame(table = enc(m), p_value = fisher.test(m)$p.value))),
    "fisher.csv", c("fisher.test(table)$p.value (two-sided)"))

mh <- list(UCBAdmissions, array(c(2, 5, 3, 6, 4, 2, 7, 3, 9, 1, 2, 8), dim = c(2, 2, 3)),
           array(c(10, 12, 8, 20, 15, 5, 9, 11), dim = c(2, 2, 2)))
out(do.call(rbind, lapply(mh, function(a) {
  t <- mantelhaen.test(a, correct = FALSE)
  data.frame(table = paste(sapply(seq_len(dim(a)[3]), function(k) enc(a[, , k])), collapse = "|"),
             statistic = t$statistic[[1]], p_value = t$p.value, estimate = t$estimate[[1]],
             lower = t$conf.int[1], upper = t$conf.int[2])
})), "mantelhaen.csv", c("mantelhaen.test(array 2 x 2 x K, correct = FALSE): statistic, p_value, estimate (common odds ratio), lower, upper (95 %)",
                         "table: the K strata separated by '|', each 2 x 2 as 'a b;c d' (rows of the stratum)"))
