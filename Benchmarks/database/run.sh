#!/usr/bin/env bash
# The sales and Pareto metrics computed by PostgreSQL where the lines are (`crm-audit metrics
# --source`) against the file path (`crm-audit metrics --sales FILE`: the lines read into memory),
# same lines, same run, alternating; wall time and the bytes each brings into crm-audit.
#
#   Benchmarks/database/run.sh [LINES] [RUNS]     (default 1000000 lines, 3 runs)
#
# Uses the release build (swift build -c release) and a throw-away cluster (scripts/pg-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
runs=${2:-3}
bin=${CRM_AUDIT_BIN:-.build/release/crm-audit}
[ -x "$bin" ] || swift build -c release --product crm-audit >/dev/null
work=$(mktemp -d /tmp/crm-audit-db-bench.XXXX)
chmod 755 "$work"
trap 'scripts/pg-cluster.sh stop "$work/pg"; rm -rf "$work"' EXIT
python3 - "$work/sales.csv" "$lines" <<'PY'
import random, sys, datetime
random.seed(42)
n = int(sys.argv[2])
as_of = datetime.date(2026, 11, 30)
with open(sys.argv[1], "w") as out:
    out.write("customer_id,date,amount,cost,order_id\n")
    for i in range(n):
        day = as_of - datetime.timedelta(days=random.randint(0, 1100))
        amount = round(random.uniform(-50, 5000), 2)
        cost = "" if i % 4 == 0 else "%.2f" % (amount * 0.7)
        order = "" if i % 7 == 0 else "O-%d" % (i // 3)
        out.write("C-%d,%s,%.2f,%s,%s\n" % (random.randint(1, max(1, n // 10)), day.isoformat(), amount, cost, order))
PY
url=$(scripts/pg-cluster.sh start "$work/pg")
export PGPASSWORD=$(cat "$work/pg/password") CRM_AUDIT_DB_PASSWORD=$(cat "$work/pg/password")
psql "$url" -q -c "CREATE TABLE sales (customer_id text, date date, amount numeric(14,2), cost numeric(14,2), order_id text)" \
  -c "\\copy sales FROM '$work/sales.csv' CSV HEADER" -c "ANALYZE sales"
file_bytes=$(stat -c %s "$work/sales.csv")
for run in $(seq "$runs"); do
  start=$(date +%s.%N)
  CRM_AUDIT_TIMING=1 "$bin" metrics --source "$url" --sales-table sales --as-of 2026-11-30 --format json >"$work/db.json" 2>"$work/db.err"
  db=$(python3 -c "import sys; print('%.2f' % ($(date +%s.%N) - $start))")
  start=$(date +%s.%N)
  "$bin" metrics --sales "$work/sales.csv" --as-of 2026-11-30 --format json >"$work/file.json" 2>/dev/null
  file=$(python3 -c "import sys; print('%.2f' % ($(date +%s.%N) - $start))")
  received=$(grep -o "received [0-9]* bytes" "$work/db.err" | awk '{print $2}')
  echo "run $run: PostgreSQL ${db} s (received ${received} bytes), file ${file} s (read ${file_bytes} bytes)"
done
python3 - "$work/db.json" "$work/file.json" <<'PY'
import json, sys
db, file = (json.load(open(path)) for path in sys.argv[1:3])
compared = differing = 0
for key, value in db["metrics"].items():
    if db["unavailable"].get(key) == "not_in_database":
        continue
    compared += 1
    other = file["metrics"].get(key)
    same = value == other or (isinstance(value, float) and isinstance(other, float) and abs(value - other) <= 1e-9 * max(1, abs(other)))
    if not same:
        differing += 1
        print("differs:", key, value, other)
print("metrics computed by the database: %d, differing from the file path: %d" % (compared, differing))
PY
