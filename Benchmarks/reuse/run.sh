#!/usr/bin/env bash
# The round computed once (issue 18): `check` and `report` on a 1,000,000-line workspace, reusing
# the stored analysis against recomputing it (the stored analysis's fingerprint cleared before
# each recomputing run), same binary, same run. Usage: Benchmarks/reuse/run.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/../.."
lines="${1:-1000000}"
swift build -c release --product crm-audit >&2
bin=.build/release/crm-audit
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" sample-data --out "$work" --customers $((lines / 20)) --orders "$lines" --seed 5 >/dev/null
"$bin" init "$work/w.crmaudit" --client Bench >/dev/null
"$bin" answers "$work/w.crmaudit" import examples/technosnab/answers.yaml >/dev/null
for kind in customers managers sales; do "$bin" import "$work/w.crmaudit" "$work/$kind.csv" --as "$kind" >/dev/null 2>&1; done
clear() { python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE metric_snapshot SET fingerprint=NULL'); c.commit()" "$work/w.crmaudit"; }
"$bin" check "$work/w.crmaudit" --format json >/dev/null
for round in 1 2 3; do
  clear
  /usr/bin/time -f "check, recomputed: %e s, %M KB" "$bin" check "$work/w.crmaudit" --format json >/dev/null
  /usr/bin/time -f "check, reused:     %e s, %M KB" "$bin" check "$work/w.crmaudit" --format json >/dev/null
  clear
  /usr/bin/time -f "report, recomputed: %e s, %M KB" "$bin" report "$work/w.crmaudit" --out "$work/r.html" --force >/dev/null
  /usr/bin/time -f "report, reused:     %e s, %M KB" "$bin" report "$work/w.crmaudit" --out "$work/r.html" --force >/dev/null
done
