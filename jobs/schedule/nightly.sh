#!/usr/bin/env bash
# The scheduled run: picks an extract, skips it when already published, else runs the pipeline on it.
#
#   jobs/schedule/nightly.sh --root DIR --output DIR [--extract-date yyyy-MM-dd] [--force]
#       [--master URL [--submit-opt WORD]...] [--config FILE] [-D key=value]... [-- run options, e.g. --study all]
#
# --root holds one folder per extract, named yyyy-MM-dd; the newest (largest such name; other
# names are ignored) is picked, or --extract-date's (a backfill). `oncorwe schedule` decides:
# when the newest successful run of that extract date under --output read the same inputs (the
# run manifest's input_fingerprint, sha256 over the sorted (file, sha256) pairs) it prints
# "nightly: skip ..." and exits 0; otherwise it runs `jobs/oncorwe run` (embedded Spark) or, with
# --master, `jobs/submit.sh --master URL [submit opts] -- run ...`. Exit status: 0 published or
# skipped; the run's own status when it failed (1 run failed, 2 usage/config, 3 not implemented);
# 4 another nightly holds the output's lock. Any non-zero status should alert.
#
# NIGHTLY_RUNNER (tests only; not ONCORWE_*, which the config reads as keys): a command run instead of
# jobs/oncorwe / jobs/submit.sh.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

root="" output="" extract_date="" force=() master="" submit_opts=() config_args=() run_args=()
while (($#)); do
  case "$1" in
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    --output) output="${2:?--output needs a folder}"; shift 2 ;;
    --extract-date) extract_date="${2:?--extract-date needs yyyy-MM-dd}"; shift 2 ;;
    --force) force=(--force); shift ;;
    --master) master="${2:?--master needs a URL}"; shift 2 ;;
    --submit-opt) submit_opts+=("${2:?--submit-opt needs a word}"); shift 2 ;;
    --config|-D) config_args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    -h|--help) usage ;;
    --) shift; run_args=("$@"); break ;;
    *) echo "nightly: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$root" && -n "$output" ]] || { echo "nightly: --root and --output are required (see --help)" >&2; exit 2; }
root="$(cd "$root" 2>/dev/null && pwd)" || { echo "nightly: FAILED: extract root not found: $root" >&2; exit 1; }
mkdir -p "$output" && output="$(cd "$output" && pwd)"

# one nightly at a time per output root (the publisher allows one run at a time)
if command -v flock >/dev/null; then
  exec 9>"$output/.nightly.lock"
  flock -n 9 || { echo "nightly: FAILED: another nightly is running on $output" >&2; exit 4; }
fi

date_args=()
[[ -n "$extract_date" ]] && date_args=(--extract-date "$extract_date")
status=0
decision="$("$home/jobs/oncorwe" schedule --root "$root" --output "$output" "${date_args[@]}" "${force[@]}" \
  "${config_args[@]}")" || status=$?
if ((status != 0)); then
  echo "nightly: FAILED: cannot decide what to run (exit $status)" >&2
  exit "$status"
fi
echo "nightly: $decision"
[[ "$decision" == skip\ * ]] && exit 0
[[ "$decision" =~ \ extract_date=([0-9]{4}-[0-9]{2}-[0-9]{2})\  ]] || { echo "nightly: FAILED: unexpected decision" >&2; exit 1; }
date="${BASH_REMATCH[1]}"
extract="$root/$date"

run=(run --extract "$extract" --output "$output" "${config_args[@]}" "${run_args[@]}")
if [[ -n "${NIGHTLY_RUNNER:-}" ]]; then
  command=("$NIGHTLY_RUNNER" "${run[@]}")
elif [[ -n "$master" ]]; then
  command=("$home/jobs/submit.sh" --master "$master" "${submit_opts[@]}" -- "${run[@]}")
else
  command=("$home/jobs/oncorwe" "${run[@]}")
fi
status=0
"${command[@]}" || status=$?
if ((status != 0)); then
  echo "nightly: FAILED: the run of $extract exited $status (run manifest and log under $output/_runs)" >&2
  exit "$status"
fi
echo "nightly: published $extract (extract date $date) under $output"
