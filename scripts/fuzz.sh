#!/usr/bin/env bash
# Fuzzes every parser with libFuzzer for a bounded time, one target after another.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     # default 60 s; targets: csv xlsx xml
#                                                       # questionnaire ruleset expression
#                                                       # answers-yaml answers-csv mapping
#
# Builds the Fuzz/ package (one executable per parser, release, with AddressSanitizer and
# libFuzzer coverage in every Swift module; the C targets also with UndefinedBehaviorSanitizer),
# seeds each target from the repository's fixtures and examples (Fuzz/make_seeds.py), and runs it
# with -max_total_time, -rss_limit_mb=2048 and -timeout=10 in libFuzzer's fork mode, which keeps
# going after a crash, a timeout or an out-of-memory and saves each as a file. Prints per target
# the executions run and every finding with the first line that explains it.
#
# Everything it writes is under Fuzz/runs/ (ignored by git): corpus/TARGET (the growing corpus,
# kept between runs), findings/TARGET (crash-*, timeout-*, oom-*, leak-*), logs/TARGET.log.
# Reproduce a finding: Fuzz/.build/release/fuzz-TARGET Fuzz/runs/findings/TARGET/crash-…
# (with SWIFT_BACKTRACE=enable=no, as below, so that libFuzzer and ASan report the crash).
# Exit status: 0 when no target found anything, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[ $# -gt 0 ] && shift
all=(csv xlsx xml questionnaire ruleset expression answers-yaml answers-csv mapping)
targets=("${@:-${all[@]}}")

# `--sanitize fuzzer` alone instruments only the executable target; -Xswiftc -sanitize=fuzzer
# gives every Swift module coverage. Swift refuses `--sanitize undefined` on Linux, so UBSan
# reaches only C code (Yams' libyaml, the SHA-256), through -Xcc, with its runtime at link time.
flags=(-c release --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer
       -Xcc -fsanitize=undefined -Xswiftc -Xclang-linker -Xswiftc -fsanitize=undefined)
swift build --package-path Fuzz "${flags[@]}" >&2
bin=$(swift build --package-path Fuzz "${flags[@]}" --show-bin-path)

runs=Fuzz/runs
seeds=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$seeds" "$scratch"' EXIT
python3 Fuzz/make_seeds.py "$seeds"

# The Swift runtime's own crash handler would catch the signals first (and ASan flags its
# memory reads); with it off, libFuzzer saves the input and ASan prints the stack.
export SWIFT_BACKTRACE=enable=no
# Stacks up to 200 frames deep: the questionnaire's nested expressions put the harness's frame
# (which lsan.supp names for the one-time load) past the default 30, and the suppression missed.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:malloc_context_size=200}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0}
export FUZZ_SCRATCH=$scratch

dictionary() {
  case $1 in
    csv) echo Fuzz/dictionaries/csv.dict ;;
    xml|xlsx) echo Fuzz/dictionaries/xml.dict ;;
    expression) echo Fuzz/dictionaries/expression.dict ;;
    *) echo Fuzz/dictionaries/yaml.dict ;;
  esac
}

# What a finding is: the harness's own message or the runtime's, else the first frame in our
# sources (a trap in a release build prints no message), else the sanitizer's headline.
explain() {
  local output
  output=$("$bin/fuzz-$1" -rss_limit_mb=2048 -timeout=10 "$2" 2>&1 || true)
  grep -m1 -E 'FUZZ FINDING|Fatal error|runtime error:' <<<"$output" \
    || grep -m1 -oE '/[^ ]*/Sources/[^ ]*:[0-9]+(:[0-9]+)?' <<<"$output" \
    || grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' <<<"$output" \
    || echo "(nothing printed; run it by hand)"
}

status=0
summary=()
for target in "${targets[@]}"; do
  corpus=$runs/corpus/$target findings=$runs/findings/$target log=$runs/logs/$target.log
  mkdir -p "$corpus" "$findings" "$runs/logs"
  echo "== fuzz-$target: $seconds s" >&2
  touch "$runs/.started"
  start=$SECONDS
  "$bin/fuzz-$target" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -dict="$(dictionary "$target")" -artifact_prefix="$findings/" \
    "$corpus" "$seeds/$target" >"$log" 2>&1 || true
  executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  found=$(find "$findings" -type f -newer "$runs/.started" | sort)
  count=$(printf '%s' "$found" | grep -c . || true)
  summary+=("fuzz-$target: ${executions:-0} executions in $((SECONDS - start)) s, $count new finding(s)")
  if [ "$count" -gt 0 ]; then
    status=1
    while IFS= read -r file; do
      summary+=("  $file: $(explain "$target" "$file")")
    done <<<"$found"
  fi
done

printf '%s\n' "${summary[@]}"
exit $status
