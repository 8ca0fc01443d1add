#!/usr/bin/env bash
# Workbook benchmark (issue 18, "Workbooks streamed"): a ROWS-row sales workbook imported into a
# workspace (`crm-audit init`, then `crm-audit import WS BOOK --as sales`, timed), beside
# python-calamine reading the same workbook into rows (`to_python()`, every cell a Python value),
# in the same run, for two workbooks written by generate.py:
#   plain  — xlsxwriter's constant_memory mode: inline strings, dates with a date style;
#   styled — shared strings, a bold header, number/money/date styles, frozen panes, autofilter
#            (what Excel-like writers make).
# Each run is repeated ROUNDS times, interleaved; the best wall time and the highest peak memory
# (/usr/bin/time -v) count. Prints the ratios to calamine.
#
# Usage: Benchmarks/workbook/run.sh [WORKDIR]   (env: ROWS=1000000 ROUNDS=3 SKIP_BUILD=1,
#        CRM_AUDIT_BIN=path to measure another build of crm-audit)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
WORK="${1:-/tmp/crm-audit-workbook}"
ROWS="${ROWS:-1000000}"
ROUNDS="${ROUNDS:-3}"
mkdir -p "$WORK"

[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
python3 -c "import python_calamine, xlsxwriter" 2>/dev/null \
  || { echo "needs python-calamine and xlsxwriter (pip install python-calamine xlsxwriter)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product crm-audit >&2
fi
BIN="${CRM_AUDIT_BIN:-$ROOT/.build/release/crm-audit}"

for kind in plain styled; do
  if [ ! -f "$WORK/$kind-$ROWS.xlsx" ]; then
    echo "writing the $kind workbook ($ROWS rows)..." >&2
    python3 "$ROOT/Benchmarks/workbook/generate.py" "$WORK/$kind-$ROWS.xlsx" "$ROWS" "$kind"
  fi
  cat "$WORK/$kind-$ROWS.xlsx" > /dev/null   # in the page cache for every reader
done

cat > "$WORK/calamine.py" <<'PY'
import sys
from python_calamine import CalamineWorkbook
rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()
print(len(rows) - 1)
PY

measure() {  # name, command...
  local name="$1"; shift
  local log="$WORK/$name.time"
  /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$log" || { cat "$log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  echo "$name $wall $rss $cpu" >> "$WORK/results.txt"
}

rm -f "$WORK/results.txt"
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS..." >&2
  for kind in plain styled; do
    rm -f "$WORK/$kind.crmaudit" "$WORK/$kind.crmaudit-wal" "$WORK/$kind.crmaudit-shm"
    "$BIN" init "$WORK/$kind.crmaudit" --client Benchmark --date 2026-11-25 > /dev/null
    measure "crm-audit-$kind" "$BIN" import "$WORK/$kind.crmaudit" "$WORK/$kind-$ROWS.xlsx" --as sales
    measure "calamine-$kind" python3 "$WORK/calamine.py" "$WORK/$kind-$ROWS.xlsx"
  done
done

# Both readers must have seen every row, and the workspace must hold them.
for kind in plain styled; do
  ours=$(sqlite3 "$WORK/$kind.crmaudit" "SELECT COUNT(*) FROM sale" 2>/dev/null || echo "?")
  theirs=$(tail -1 "$WORK/calamine-$kind.out")
  echo "$kind: rows stored by crm-audit $ours, read by calamine $theirs (expected $ROWS)"
  [ "$theirs" = "$ROWS" ] && { [ "$ours" = "$ROWS" ] || [ "$ours" = "?" ]; } || { echo "row counts differ" >&2; exit 1; }
done

python3 - "$WORK/results.txt" "$(nproc)" "$WORK" "$ROWS" <<'PY'
import os, sys
path, cores, work, rows_n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
def seconds(text):
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(text.split(":"))))
rows = {}
for line in open(path):
    name, wall, rss, cpu = line.split()
    s, m, c = seconds(wall), int(rss) / 1024, float(cpu)
    best = rows.get(name)
    rows[name] = (min(s, best[0]), max(m, best[1]), min(c, best[2])) if best else (s, m, c)
print(f"{rows_n} rows, {cores} cores; best wall time of the rounds, highest peak memory")
print(f"{'workbook':8} {'run':32} {'seconds':>8} {'CPU s':>7} {'peak MB':>8} {'time vs calamine':>17} {'memory vs calamine':>19}")
for kind in ["plain", "styled"]:
    size = os.path.getsize(os.path.join(work, f"{kind}-{rows_n}.xlsx")) / 1e6
    base = rows[f"calamine-{kind}"]
    for name, label in [(f"crm-audit-{kind}", "crm-audit import (into a workspace)"), (f"calamine-{kind}", "python-calamine to_python()")]:
        s, m, c = rows[name]
        print(f"{kind:8} {label:32} {s:8.2f} {c:7.2f} {m:8.1f} {s / base[0]:16.2f}x {m / base[1]:18.2f}x")
    print(f"{kind:8} ({size:.1f} MB file)")
PY
