#!/usr/bin/env bash
# Hostile inputs of issue 17 ("Small files, huge memory"): generates them (generate.py) and
# imports each into a fresh workspace with the release binary, reporting exit status, wall time
# and peak memory (GNU time's maximum resident set size). A watchdog (measure.py) kills a run
# past CAP_MB of memory or TIMEOUT seconds, so the unfixed tool can be measured safely.
#
# Usage: Benchmarks/hostile/run.sh [WORKDIR]   (env: SKIP_BUILD=1 CAP_MB=4000 TIMEOUT=300 SCALE=1)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
WORK="${1:-/tmp/crm-audit-hostile}"
CAP_MB="${CAP_MB:-4000}"
TIMEOUT="${TIMEOUT:-300}"
SCALE="${SCALE:-1}"
HERE="$ROOT/Benchmarks/hostile"

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product crm-audit >&2
fi
BIN="${CRM_AUDIT_BIN:-$ROOT/.build/release/crm-audit}"

DATA="$WORK/data-$SCALE"
echo "files (bytes):"
python3 "$HERE/generate.py" "$DATA" --scale "$SCALE" | sed 's/^/  /'

run() {  # name, file, extra import options...
  local name="$1" file="$2"; shift 2
  local ws="$WORK/$name.crmaudit"
  rm -f "$ws" "$ws-wal" "$ws-shm" "${DATA}/${file%.*}.rejects.csv"
  "$BIN" init "$ws" --client Hostile --date 2026-11-25 > /dev/null
  python3 "$HERE/measure.py" "$name" "$CAP_MB" "$TIMEOUT" -- \
    "$BIN" import "$ws" "$DATA/$file" --as sales "$@"
}

printf 'case\texit\tseconds\tpeak MB\tfirst line of stderr\n'
run a-empty-strings empty-strings.xlsx
run b-declared-rows declared-rows.xlsx --skip-bad-rows
run b-max-rows max-rows.xlsx --skip-bad-rows
run b-sparse-rows sparse-rows.xlsx --skip-bad-rows
run c-one-line one-line.csv
run c-one-field one-field.csv
run d-bad-rows bad-rows.csv --skip-bad-rows
