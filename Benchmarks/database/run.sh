#!/usr/bin/env bash
# The metric catalogue computed where the lines are (`crm-audit metrics
# --source`) by PostgreSQL, by ClickHouse on one server and on a Distributed table over two shards,
# against the file path (`crm-audit metrics --sales FILE`: the lines read into memory); same lines,
# same run, alternating; wall time and the bytes each brings into crm-audit.
#
#   Benchmarks/database/run.sh [LINES] [RUNS]     (default 1000000 lines, 3 runs)
#   ENGINES="clickhouse" Benchmarks/database/run.sh 10000000 2    (some engines only)
#
# Uses the release build (swift build -c release) and throw-away servers (scripts/pg-cluster.sh,
# scripts/ch-cluster.sh). Both shards run on this machine: they share its cores, so the two-shard
# figure shows what distribution costs, not what more machines would gain.
set -euo pipefail
cd "$(dirname "$0")/../.."
lines=${1:-1000000}
runs=${2:-3}
engines=${ENGINES:-postgresql clickhouse}
bin=${CRM_AUDIT_BIN:-.build/release/crm-audit}
[ -x "$bin" ] || swift build -c release --product crm-audit >/dev/null
work=$(mktemp -d /tmp/crm-audit-db-bench.XXXX)
chmod 755 "$work"
trap 'scripts/pg-cluster.sh stop "$work/pg" 2>/dev/null; scripts/ch-cluster.sh stop "$work/ch" 2>/dev/null; rm -rf "$work"' EXIT
python3 - "$work/sales.csv" "$lines" <<'PY'
import random, sys, datetime
random.seed(42)
n = int(sys.argv[2])
as_of = datetime.date(2026, 11, 30)
with open(sys.argv[1], "w") as out:
    out.write("customer_id,date,amount,cost,order_id,manager,channel,campaign,product\n")
    channels = ["Site", "Call", "Fair", "Tender", ""]
    for i in range(n):
        day = as_of - datetime.timedelta(days=random.randint(0, 1100))
        amount = round(random.uniform(-50, 5000), 2)
        cost = "" if i % 4 == 0 else "%.2f" % (amount * 0.7)
        order = "" if i % 7 == 0 else "O-%d" % (i // 3)
        manager = "" if i % 11 == 0 else "Manager %d" % random.randint(1, 12)
        campaign = "Campaign %d" % random.randint(1, 30) if i % 5 == 0 else ""
        product = "P-%d" % random.randint(1, 2000)
        out.write("C-%d,%s,%.2f,%s,%s,%s,%s,%s,%s\n" % (random.randint(1, max(1, n // 10)), day.isoformat(), amount, cost, order,
                                                    manager, random.choice(channels), campaign, product))
PY
file_bytes=$(stat -c %s "$work/sales.csv")
# Each peer: a name, the command's arguments.
peers=()
if [[ " $engines " == *" postgresql "* ]]; then
  pg_url=$(scripts/pg-cluster.sh start "$work/pg")
  export PGPASSWORD=$(cat "$work/pg/password")
  psql "$pg_url" -q -c "CREATE TABLE sales (customer_id text, date date, amount numeric(14,2), cost numeric(14,2), order_id text, manager text, channel text, campaign text, product text)" \
    -c "\\copy sales FROM '$work/sales.csv' CSV HEADER" -c "ANALYZE sales"
  peers+=("postgresql|$pg_url|sales")
fi
if [[ " $engines " == *" clickhouse "* ]]; then
  ch_url=$(scripts/ch-cluster.sh start "$work/ch" 2)
  ch_password=$(cat "$work/ch/password")
  ch() { curl -sS --fail-with-body -u "crm_audit:$ch_password" "http://127.0.0.1:$1/?$2" --data-binary "$3"; }
  columns="customer_id String, date Date, amount Decimal(14, 2), cost Nullable(Decimal(14, 2)), order_id Nullable(String), manager Nullable(String), channel Nullable(String), campaign Nullable(String), product Nullable(String)"
  for shard in 1 2; do
    port=$(cut -d' ' -f1 "$work/ch/shard$shard/ports")
    ch "$port" "" "CREATE TABLE sales_local ($columns) ENGINE = MergeTree ORDER BY (customer_id, date)"
    ch "$port" "" "CREATE TABLE sales AS sales_local ENGINE = Distributed(crm_audit, default, sales_local, cityHash64(customer_id))"
  done
  port=$(cut -d' ' -f1 "$work/ch/shard1/ports")
  ch "$port" "" "CREATE TABLE sales_single ($columns) ENGINE = MergeTree ORDER BY (customer_id, date)"
  # ClickHouse 18.16 reads NULL in CSV only as \N.
  tail -n +2 "$work/sales.csv" | sed 's/,,/,\\N,/g; s/,,/,\\N,/g; s/,$/,\\N/' >"$work/sales.ch.csv"
  ch "$port" "query=INSERT%20INTO%20sales_single%20FORMAT%20CSV" "@$work/sales.ch.csv"
  ch "$port" "insert_distributed_sync=1&query=INSERT%20INTO%20sales%20FORMAT%20CSV" "@$work/sales.ch.csv"
  ch "$port" "" "OPTIMIZE TABLE sales_single FINAL"
  for shard in 1 2; do ch "$(cut -d' ' -f1 "$work/ch/shard$shard/ports")" "" "OPTIMIZE TABLE sales_local FINAL"; done
  rm "$work/sales.ch.csv"
  peers+=("clickhouse-1-shard|$ch_url|sales_single" "clickhouse-2-shards|$ch_url|sales")
fi
seconds() { python3 -c "print('%.2f' % ($(date +%s.%N) - $1))"; }
for run in $(seq "$runs"); do
  line="run $run:"
  for peer in "${peers[@]}"; do
    IFS='|' read -r name url table <<<"$peer"
    case "$name" in postgresql) export CRM_AUDIT_DB_PASSWORD=$PGPASSWORD ;; *) export CRM_AUDIT_DB_PASSWORD=$ch_password ;; esac
    start=$(date +%s.%N)
    CRM_AUDIT_TIMING=1 "$bin" metrics --source "$url" --sales-table "$table" --as-of 2026-11-30 --format json >"$work/$name.json" 2>"$work/$name.err" \
      || { cat "$work/$name.err" >&2; exit 1; }
    received=$(grep -o "received [0-9]* bytes" "$work/$name.err" | awk '{print $2}')
    line+=" $name $(seconds "$start") s (${received} bytes back),"
  done
  start=$(date +%s.%N)
  "$bin" metrics --sales "$work/sales.csv" --as-of 2026-11-30 --format json >"$work/file.json" 2>/dev/null
  echo "$line file $(seconds "$start") s (read ${file_bytes} bytes)"
done
for peer in "${peers[@]}"; do
  name=${peer%%|*}
  python3 - "$name" "$work/$name.json" "$work/file.json" <<'PY'
import json, sys
name = sys.argv[1]
db, file = (json.load(open(path)) for path in sys.argv[2:4])
compared = differing = 0
for key, value in db["metrics"].items():
    if db["unavailable"].get(key) == "not_in_database":
        continue
    compared += 1
    other = file["metrics"].get(key)
    same = value == other or (isinstance(value, float) and isinstance(other, float) and abs(value - other) <= 1e-9 * max(1, abs(other)))
    if not same:
        differing += 1
        print(name, "differs:", key, value, other)
series_same = db["series"] == file["series"] or all(abs(a - b) <= 0.005 for a, b in zip(db["series"]["revenue"], file["series"]["revenue"])) and {k: v for k, v in db["series"].items() if k != "revenue"} == {k: v for k, v in file["series"].items() if k != "revenue"}
print("%s: metrics computed by the database: %d, differing from the file path: %d; monthly series the same: %s" % (name, compared, differing, series_same))
PY
done
