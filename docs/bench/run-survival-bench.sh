#!/usr/bin/env bash
# Survival benchmark: R's system.time of survfit, survdiff and coxph (Efron) beside the survival
# command's in-process timings (--timings, measured after loading) on the same data, same run.
#   docs/bench/run-survival-bench.sh [WORK_DIR]     (needs R with survival, and a built jobs/oncorwe)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
Rscript "$here/survival-bench.R" "$work" | tee "$work/r-timings.txt"
for f in "$work"/bench_*.csv; do
  name="$(basename "$f" .csv)"; n="$(echo "$name" | cut -d_ -f2)"; kind="$(echo "$name" | cut -d_ -f3)"
  start=$(date +%s.%N)
  "$repo/jobs/oncorwe" survival --input "$f" --time time --event status --group group --format csv \
      --output "$work/out_$name" --timings > "$work/java_$name.txt"
  end=$(date +%s.%N)
  grep '^timing ' "$work/java_$name.txt" | while read -r _ step secs; do echo "java $n $kind $step $secs"; done
  echo "java $n $kind wall_clock_whole_command $(echo "$end - $start" | bc)"
done | tee "$work/java-timings.txt"
