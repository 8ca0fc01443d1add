#!/usr/bin/env bash
# Reading a round's customer list (its categorical columns interned by their bytes): the CPU time
# of the `customers.read` phase of `crm-audit metrics`, for two builds alternating.
#
#   Benchmarks/customers/run.sh OLD_BINARY NEW_BINARY [COPIES] [RUNS]
#
# The customer list is `crm-audit sample-data`'s 20,000 customers written COPIES times (default
# 20, ids made distinct), imported once per build; each run is `CRM_AUDIT_TIMING=1 crm-audit
# metrics`. Prints the median CPU seconds of each build and their ratio.
set -euo pipefail
old=${1:?old binary}
new=${2:?new binary}
copies=${3:-20}
runs=${4:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$new" sample-data --out "$work/data" --customers 20000 --orders 2000 --seed 42 --force >/dev/null
python3 - "$work/data/customers.csv" "$work/customers.csv" "$copies" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
header, rows = lines[0], [row for row in lines[1:] if row]
out = [header]
for copy in range(int(sys.argv[3])):
    for row in rows:
        cut = row.index(";")
        out.append(row[:cut] + "-%d" % copy + row[cut:])
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
for side in old new; do
  bin=${!side}
  "$bin" init "$work/$side.crmaudit" --client Bench >/dev/null
  "$bin" import "$work/$side.crmaudit" "$work/customers.csv" --as customers --skip-bad-rows >/dev/null
done
declare -A times
for _ in $(seq "$runs"); do
  for side in old new; do
    bin=${!side}
    t=$(CRM_AUDIT_TIMING=1 "$bin" metrics "$work/$side.crmaudit" --format json 2>&1 >/dev/null \
      | grep -o "customers.read.cpu [0-9.e-]*" | awk '{print $2}')
    times[$side]="${times[$side]:-} $t"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
old_median=$(echo "${times[old]}" | median)
new_median=$(echo "${times[new]}" | median)
echo "customers: $((20000 * copies)), runs: $runs"
echo "old customers.read CPU s:${times[old]}  median $old_median"
echo "new customers.read CPU s:${times[new]}  median $new_median"
python3 -c "print('new/old: %.2fx' % ($new_median / $old_median))"
