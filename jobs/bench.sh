#!/usr/bin/env bash
# Scale benchmarks (docs/benchmarks.md, issue #12): one registry size, phase by phase, resumable.
#
#   jobs/bench.sh --size N [--work DIR] [--results FILE] [--seed S] [--memory 8g] [--cluster] [--keep]
#                 [--phases generate,floor,...]
#
# Phases, in order: generate (the synthetic extract of N patients), floor (`oncorwe bench floor`:
# read every file as the ingest reads it, write Parquet, nothing else), floor_per_row (the same with
# the ingest's per-record work: column rules and the keyed hash, decision 274), ingest, cohort, endpoints,
# stats, report (each stage alone, --study all, one after the other on one output), run (the whole
# pipeline on a fresh output), stats_1g (the stats stage again in one JVM of -Xmx1g, local[2]) and,
# with --cluster, run_cluster (the whole run through jobs/submit.sh on the loopback cluster of
# jobs/local-cluster.sh, which must be started with workers of at least BENCH_EXECUTOR_MEMORY, 4g
# by default: LOCAL_CLUSTER_WORKER_MEMORY=5g jobs/local-cluster.sh start). Each phase appends one CSV row to --results
# (default DIR/results.csv): utc, patients, phase, exit, seconds, peak RSS (MB, /usr/bin/time) and
# peak JVM heap (MB, the run manifest's peak_heap_bytes), extract records and bytes, cores, load.
# A phase with a row of exit 0 for that size is skipped, so a size can be resumed after a stop,
# and one size can run in the background while other work goes on. When every phase of the size
# has passed, its files (DIR/N) are deleted unless --keep. --phases runs only the phases named (the
# others are neither run nor required; e.g. --phases generate for the generator alone, or
# generate,floor,run,stats_1g when a size's time is short: after the run, rows run.<stage> give each
# stage's share of it, from its progress lines) and keeps the files.
#
# BENCH_* variables, never ONCORWE_* (the config reads those as keys).
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

size="" work="$home/target/bench" results="" seed=20201031 memory=8g cluster=false keep=false phases=""
while (($#)); do
  case "$1" in
    --size) size="${2:?--size needs a number of patients}"; shift 2 ;;
    --work) work="${2:?--work needs a folder}"; shift 2 ;;
    --results) results="${2:?--results needs a file}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --memory) memory="${2:?--memory needs a JVM size such as 8g}"; shift 2 ;;
    --cluster) cluster=true; shift ;;
    --keep) keep=true; shift ;;
    --phases) phases=",${2:?--phases needs a list such as generate,floor},"; keep=true; shift 2 ;;
    -h|--help) usage ;;
    *) echo "bench: unknown option $1" >&2; usage ;;
  esac
done
[[ "$size" =~ ^[0-9]+$ ]] || usage
results="${results:-$work/results.csv}"
dir="$work/$size"
extract="$dir/extracts/2020-10-31"
mkdir -p "$dir" "$(dirname "$results")"
[[ -s "$results" ]] || echo "utc,patients,phase,exit,seconds,peak_rss_mb,peak_heap_mb,records,bytes,cores,load" > "$results"

oncorwe=("$home/jobs/oncorwe")
# build the jar now if it is missing or stale, so that no timed phase includes a Maven build
source "$home/jobs/lib.sh"
or_ensure_built
common=(--config "$home/conf/sample.conf" -D "runtime.driver_memory=$memory")

done_already() { grep -q "^[^,]*,$size,$1,0," "$results"; }

# newest run manifest's peak heap under an output root, in MB ("" when none)
peak_heap() {
  local manifest
  manifest="$(ls -t "$1"/_runs/*.json 2>/dev/null | head -1)" || true
  [[ -n "$manifest" ]] || return 0
  sed -n 's/.*"peak_heap_bytes" *: *\([0-9]*\).*/\1/p' "$manifest" | awk '{printf "%.0f", $1 / 1048576}'
}

# phase NAME OUTPUT_ROOT COMMAND...: runs, times, appends the row
phase() {
  local name="$1" out="$2" t0 t1 status=0 rss records bytes
  shift 2
  if [[ -n "$phases" && "$phases" != *",$name,"* ]]; then
    return 0
  fi
  if done_already "$name"; then
    echo "bench: $size $name already measured, skipped"
    return 0
  fi
  echo "bench: $size $name: $*"
  t0="$(date +%s.%N)"
  /usr/bin/time -f "%M" -o "$dir/$name.rss" "$@" > "$dir/$name.out" 2> "$dir/$name.err" || status=$?
  t1="$(date +%s.%N)"
  rss="$(tail -1 "$dir/$name.rss" | awk '{printf "%.0f", $1 / 1024}')"
  records="" bytes=""
  if [[ -f "$extract/extract_manifest.json" ]]; then
    records="$(sed -n 's/.*"rows" *: *\([0-9]*\).*/\1/p' "$extract/extract_manifest.json" | awk '{s += $1} END {print s}')"
    bytes="$(du -sb "$extract" | cut -f1)"
  fi
  printf '%s,%s,%s,%s,%.1f,%s,%s,%s,%s,%s,%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$size" "$name" "$status" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')" "$rss" "$(peak_heap "$out")" "$records" "$bytes" "$(nproc)" \
    "$(cut -d' ' -f1 /proc/loadavg)" >> "$results"
  tail -1 "$results"
  if ((status != 0)); then
    tail -5 "$dir/$name.err" >&2
    echo "bench: $size $name failed (exit $status); rerun to resume from it" >&2
    exit "$status"
  fi
}

phase generate "$dir/gen-out" "${oncorwe[@]}" generate --patients "$size" --seed "$seed" --output "$dir/extracts" \
  --config "$home/conf/sample.conf" -D "runtime.output=$dir/gen-out"
phase floor "$dir/floor-out" "${oncorwe[@]}" bench floor --extract "$extract" --output "$dir/floor-out" "${common[@]}"
phase floor_per_row "$dir/floor-out" "${oncorwe[@]}" bench floor --per-row --extract "$extract" --output "$dir/floor-out" \
  "${common[@]}"
phase ingest "$dir/stages" "${oncorwe[@]}" ingest --extract "$extract" --output "$dir/stages" "${common[@]}"
for stage in cohort endpoints stats report; do
  phase "$stage" "$dir/stages" "${oncorwe[@]}" "$stage" --study all --output "$dir/stages" "${common[@]}"
done
if ! done_already run; then
  rm -rf "$dir/run"
fi
phase run "$dir/run" "${oncorwe[@]}" run --study all --extract "$extract" --output "$dir/run" "${common[@]}"
# each stage's share of the whole run: the sum of its progress steps' seconds in the run's log, as
# rows run.<stage> (the run's peak memory; no JVM start of their own)
if [[ -f "$dir/run.err" ]] && ! done_already run.ingest && done_already run; then
  for stage in ingest cohort endpoints stats report; do
    seconds="$(sed -n "s/.*progress: stage=$stage step=.* seconds=\([0-9.]*\).*/\1/p" "$dir/run.err" | awk '{s += $1} END {printf "%.1f", s}')"
    grep "^[^,]*,$size,run,0," "$results" | tail -1 | awk -F, -v OFS=, -v p="run.$stage" -v s="$seconds" -v t="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
      '{$1 = t; $3 = p; $5 = s; print}' >> "$results"
  done
  grep ",$size,run\.[a-z]*,0," "$results" | tail -5
fi
# the stats stage again in one JVM of -Xmx1g, over the whole run's tables
phase stats_1g "$dir/run" "${oncorwe[@]}" stats --study all --output "$dir/run" --config "$home/conf/sample.conf" \
  -D runtime.driver_memory=1g -D "runtime.master=local[2]"
if [[ "$cluster" == true ]]; then
  rm -rf "$dir/run-cluster"
  phase run_cluster "$dir/run-cluster" "$home/jobs/submit.sh" --master spark://127.0.0.1:7077 \
    --executor-memory "${BENCH_EXECUTOR_MEMORY:-4g}" -- run --study all \
    --extract "$extract" --output "$dir/run-cluster" --config "$home/conf/sample.conf"
fi
if [[ "$keep" != true ]]; then
  rm -rf "$dir"
  echo "bench: $size done; its files deleted (--keep keeps them)"
fi
echo "results: $results"
