#!/usr/bin/env bash
# Import benchmark (issue 4, "Speed and memory"): one generated 1,000,000-line sales CSV,
# imported side by side in one run by
#   1. crm-audit import (release build): parse, convert, validate, store in the workspace
#   2. the sqlite3 shell's .import into a plain table (the floor: it converts no types)
#   3. DuckDB (Python package) reading the file into a table
# plus CSV parsing alone (crm-audit scan-csv) and parse+convert without storing (--dry-run).
# Reports wall time, MB/s and peak memory (/usr/bin/time -v) and the ratios to sqlite3.
#
# Each run is repeated ROUNDS times, interleaved, and the best time counts (the machine is shared).
#
# Usage: Benchmarks/import/run.sh [WORKDIR]   (env: LINES=1000000 CUSTOMERS=100000 ROUNDS=3 SKIP_BUILD=1,
#        CRM_AUDIT_BIN=path to measure another build of crm-audit)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
WORK="${1:-/tmp/crm-audit-bench}"
LINES="${LINES:-1000000}"
CUSTOMERS="${CUSTOMERS:-100000}"
ROUNDS="${ROUNDS:-3}"
mkdir -p "$WORK"

command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
python3 -c "import duckdb" 2>/dev/null || { echo "needs DuckDB for Python (pip install duckdb)" >&2; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product crm-audit >&2
fi
BIN="${CRM_AUDIT_BIN:-$ROOT/.build/release/crm-audit}"

DATA="$WORK/data-$LINES"
if [ ! -f "$DATA/sales.csv" ]; then
  echo "generating $LINES sales lines for $CUSTOMERS customers..." >&2
  "$BIN" sample-data --out "$DATA" --customers "$CUSTOMERS" --orders "$LINES" --seed 42 >&2
fi
CSV="$DATA/sales.csv"
BYTES=$(stat -c %s "$CSV")
# Warm the page cache so that every tool reads the file from memory.
cat "$CSV" > /dev/null

measure() {  # name, command...
  local name="$1"; shift
  local log="$WORK/$name.time"
  /usr/bin/time -v "$@" > "$WORK/$name.out" 2> "$log"
  local wall rss user system
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  user=$(awk -F': ' '/User time \(seconds\)/ {print $2}' "$log")
  system=$(awk -F': ' '/System time \(seconds\)/ {print $2}' "$log")
  echo "$name $wall $rss $user $system" >> "$WORK/results.txt"
}

rm -f "$WORK/results.txt"
printf '.mode csv\n.separator ";"\n.import %s sales\n' "$CSV" > "$WORK/import.sql"
for round in $(seq "$ROUNDS"); do
  echo "round $round of $ROUNDS..." >&2
  measure scan "$BIN" scan-csv "$CSV"
  measure dryrun "$BIN" import unused.crmaudit "$CSV" --as sales --dry-run

  rm -f "$WORK/bench.crmaudit" "$WORK/bench.crmaudit-wal" "$WORK/bench.crmaudit-shm"
  "$BIN" init "$WORK/bench.crmaudit" --client Benchmark --date 2026-11-25 > /dev/null
  measure crm-audit "$BIN" import "$WORK/bench.crmaudit" "$CSV" --as sales

  rm -f "$WORK/plain.db"
  measure sqlite3 sh -c "sqlite3 '$WORK/plain.db' < '$WORK/import.sql'"

  rm -f "$WORK/bench.duckdb"
  measure duckdb python3 -c "
import duckdb
con = duckdb.connect('$WORK/bench.duckdb')
con.execute(\"CREATE TABLE sales AS SELECT * FROM read_csv('$CSV', delim=';', header=true)\")
print(con.execute('SELECT COUNT(*) FROM sales').fetchone()[0])
"
done

# Every tool must have stored every line.
ours=$(sqlite3 "$WORK/bench.crmaudit" "SELECT COUNT(*) FROM sale")
plain=$(sqlite3 "$WORK/plain.db" "SELECT COUNT(*) FROM sales")
duck=$(tail -1 "$WORK/duckdb.out")
echo "rows stored: crm-audit $ours, sqlite3 $plain, duckdb $duck (expected $LINES)"
[ "$ours" = "$LINES" ] && [ "$plain" = "$LINES" ] && [ "$duck" = "$LINES" ] || { echo "row counts differ" >&2; exit 1; }
echo "scan-csv: $(cat "$WORK/scan.out")"

python3 - "$WORK/results.txt" "$BYTES" "$(nproc)" <<'PY'
import sys
path, size, cores = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def seconds(text):
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
rows = {}
for line in open(path):
    name, wall, rss, user, system = line.split()
    best = rows.get(name)
    s, m, cpu = seconds(wall), int(rss) / 1024, float(user) + float(system)
    rows[name] = (min(s, best[0]), max(m, best[1]), min(cpu, best[2])) if best else (s, m, cpu)
base = rows["sqlite3"][0]
base_cpu = rows["sqlite3"][2]
mb = size / 1e6
labels = {
    "scan": "CSV parsing alone (scan-csv)",
    "dryrun": "crm-audit import --dry-run (parse+convert)",
    "crm-audit": "crm-audit import (parse+convert+store)",
    "sqlite3": "sqlite3 shell .import (plain table)",
    "duckdb": "DuckDB read_csv into a table",
}
print(f"file: {mb:.1f} MB, {cores} cores; best wall time of the rounds, highest peak memory")
print(f"{'run':45} {'seconds':>8} {'MB/s':>8} {'peak MB':>8} {'time vs sqlite3':>16} {'CPU s':>7} {'CPU vs sqlite3':>15}")
for name in ["scan", "dryrun", "crm-audit", "sqlite3", "duckdb"]:
    s, rss, cpu = rows[name]
    print(f"{labels[name]:45} {s:8.2f} {mb / s:8.1f} {rss:8.1f} {s / base:15.2f}x {cpu:7.2f} {cpu / base_cpu:14.2f}x")
PY
