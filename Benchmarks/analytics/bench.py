#!/usr/bin/env python3
"""Times our whole metric catalogue against DuckDB computing the issue's exact-definition set.

    Benchmarks/analytics/bench.py [--customers 100000] [--sales 1000000] [--repeat 3] [--skip-build]

Steps, in one run: build crm-audit (release); write the data with `crm-audit sample-data` (cached
under work/); then REPEAT times, back to back: end to end (`crm-audit init`, `crm-audit import` of
the customers, sales and managers files, `crm-audit metrics WS --format json`: the CSV files to the
metrics JSON), `crm-audit metrics` alone on that workspace, and DuckDB (its own process, 2 threads
and 1 thread) computing its set from its own table and straight from the sales CSV; check that
both agree on every value of the set; print best/median times, CPU, ratios and peak memory
(max RSS).
"""
import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import sqlite3
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
PYTHON = os.path.join(VENV, "bin", "python")
if not os.path.exists(PYTHON) and subprocess.run([sys.executable, "-c", "import duckdb"],
                                                 capture_output=True).returncode == 0:
    PYTHON = sys.executable
BINARY = os.environ.get("CRM_AUDIT_BIN", os.path.join(ROOT, ".build", "release", "crm-audit"))


def run_with_rss(args):
    """Runs a command and returns (seconds, max RSS in KB, stdout bytes), reaping it with wait4."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    chunks = []
    while True:
        chunk = process.stdout.read(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({process.returncode}):\n{err.decode()}")
    run_with_rss.cpu = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss, b"".join(chunks)


def ensure_duckdb():
    if PYTHON != sys.executable and not os.path.exists(PYTHON):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([PYTHON, "-c", "import duckdb"], capture_output=True).returncode != 0:
        subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "duckdb"], check=True)
    return subprocess.run([PYTHON, "-c", "import duckdb; print(duckdb.__version__)"], capture_output=True,
                          text=True, check=True).stdout.strip()


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()

    duckdb_version = ensure_duckdb()
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    if not args.skip_build:
        start = time.perf_counter()
        subprocess.run(["swift", "build", "-c", "release", "--product", "crm-audit"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"release build: {time.perf_counter() - start:.0f} s")

    work = os.path.join(HERE, "work", f"sample-{args.customers}-{args.sales}")
    sales_csv = os.path.join(work, "sales.csv")
    if not os.path.exists(sales_csv):
        start = time.perf_counter()
        subprocess.run([BINARY, "sample-data", "--out", work, "--customers", str(args.customers), "--orders",
                        str(args.sales), "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        print(f"sample-data: {args.sales} sales lines, {args.customers} customers: {time.perf_counter() - start:.1f} s")
    workspace = os.path.join(work, "bench.crmaudit")

    def end_to_end(kinds=("customers", "sales", "managers")):
        """init + import the files + metrics: (seconds, CPU, peak RSS KB, JSON, steps)."""
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(workspace + suffix):
                os.remove(workspace + suffix)
        steps = [("init", [BINARY, "init", workspace, "--client", "Benchmark", "--date", "2026-11-29"])]
        for kind in kinds:
            steps.append((f"import {kind}", [BINARY, "import", workspace, os.path.join(work, f"{kind}.csv"),
                                             "--as", kind, "--skip-bad-rows"]))
        steps.append(("metrics", [BINARY, "metrics", workspace, "--format", "json"]))
        total, cpu, rss, times, out = 0.0, 0.0, 0, {}, b""
        for name, command in steps:
            elapsed, peak, out = run_with_rss(command)
            total += elapsed
            cpu += run_with_rss.cpu
            rss = max(rss, peak)
            times[name] = elapsed
        return total, cpu, rss, json.loads(out), times

    # One round per repetition: ours end to end, ours from the workspace, DuckDB on 2 threads and
    # on 1, back to back, so that a busy spell of the shared machine hits both sides alike.
    e2e, e2e_cpu, e2e_rss, e2e_steps = [], [], [], []
    ours, ours_cpu, ours_rss, document = [], [], [], None
    duck = {2: [], 1: []}
    sales_only = []
    direct = {"sales": [], "all": []}
    direct_cpu = {"sales": [], "all": []}
    direct_rss = 0
    for _ in range(args.repeat):
        # Without a workspace: `metrics --sales FILE` reads the file straight into columns.
        for name, extra in (("sales", []), ("all", ["--customers", os.path.join(work, "customers.csv"),
                                                    "--managers", os.path.join(work, "managers.csv")])):
            elapsed, rss, out = run_with_rss([BINARY, "metrics", "--sales", sales_csv, *extra, "--format", "json",
                                              "--skip-bad-rows"])
            direct[name].append(elapsed)
            direct_cpu[name].append(run_with_rss.cpu)
            direct_rss = max(direct_rss, rss)
            if name == "all":
                direct_document = json.loads(out)
        # The sales file alone, as DuckDB reads it (the catalogue then lacks the customer-list metrics).
        sales_only.append(end_to_end(("sales",))[0])
        elapsed, cpu, rss, document, steps = end_to_end()
        e2e.append(elapsed)
        e2e_cpu.append(cpu)
        e2e_rss.append(rss)
        e2e_steps.append(steps)
        elapsed, rss, out = run_with_rss([BINARY, "metrics", workspace, "--format", "json"])
        ours.append(elapsed)
        ours_cpu.append(run_with_rss.cpu)
        ours_rss.append(rss)
        document = json.loads(out)
        for threads in (2, 1):
            _, rss, out = run_with_rss([PYTHON, os.path.join(HERE, "duckdb_set.py"), sales_csv, str(threads), "sample"])
            result = json.loads(out)
            result["process_rss_kb"] = rss
            duck[threads].append(result)
    # The floor of any import into a SQLite row table: SQLite alone storing the same lines, already
    # parsed, into a table like ours (schema and index copied from the workspace), in one transaction.
    sqlite_store = []
    target = os.path.join(work, "sqlite-store.db")
    source = sqlite3.connect(workspace)
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'sale' AND type IN ('table', 'index') AND sql IS NOT NULL "
        "ORDER BY type DESC")]
    page_size = source.execute("PRAGMA page_size").fetchone()[0]
    source.close()
    for _ in range(args.repeat):
        for suffix in ("", "-journal"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)
        con = sqlite3.connect(target, isolation_level=None)
        con.execute(f"PRAGMA page_size = {page_size}")
        for sql in schema:
            con.execute(sql.replace("REFERENCES round(id) ON DELETE CASCADE", "").replace(
                "REFERENCES dataset(id) ON DELETE CASCADE", ""))
        con.execute("ATTACH ? AS ws", (workspace,))
        start = time.perf_counter()
        con.execute("BEGIN")
        # The WHERE keeps SQLite from copying the records as they are (its transfer shortcut).
        con.execute("INSERT INTO main.sale SELECT * FROM ws.sale WHERE row_id > 0")
        con.execute("COMMIT")
        sqlite_store.append(time.perf_counter() - start)
        con.close()
    os.remove(target)

    same_document = direct_document == document
    rfm_csv = os.path.join(work, "rfm.csv")
    export_s, _, _ = run_with_rss([BINARY, "export", workspace, "rfm", "--out", rfm_csv])
    with open(rfm_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    document["metrics"]["rfm.sum_recency_days"] = sum(int(r["recency_days"]) for r in rows)
    document["metrics"]["rfm.sum_frequency"] = sum(int(r["frequency"]) for r in rows)

    values = duck[2][0]["values"]
    mismatches = []
    if values["as_of"] != document["as_of"]:
        mismatches.append(("as_of", document["as_of"], values["as_of"]))
    for key, expected in values.items():
        if key == "as_of":
            continue
        if not close(document["metrics"].get(key), expected):
            mismatches.append((key, document["metrics"].get(key), expected))

    ours_best, ours_median, ours_cpu_best = min(ours), statistics.median(ours), min(ours_cpu)
    print()
    print(f"data: {args.sales:,} sales lines, {args.customers:,} customers; DuckDB {duckdb_version}; "
          f"{os.cpu_count()} cores (shared); best and median of {args.repeat} runs; load average before: "
          f"{load_before}")
    e2e_best, e2e_median = min(e2e), statistics.median(e2e)
    fastest = e2e_steps[e2e.index(e2e_best)]
    print(f"ours, end to end CSV→JSON (init + import customers, sales, managers + metrics, separate processes): "
          f"best {e2e_best:.3f} s, median {e2e_median:.3f} s, CPU {min(e2e_cpu):.3f} s, peak RSS {max(e2e_rss) / 1024:.0f} MB; "
          f"steps of the best: {', '.join(f'{k} {v:.3f}' for k, v in fastest.items())}")
    print(f"ours, end to end from the sales file alone (init + import sales + metrics): best {min(sales_only):.3f} s, "
          f"median {statistics.median(sales_only):.3f} s")
    print(f"ours, CSV → metrics JSON without a workspace (metrics --sales FILE): the sales file alone best "
          f"{min(direct['sales']):.3f} s (median {statistics.median(direct['sales']):.3f}, CPU {min(direct_cpu['sales']):.3f}); "
          f"with the customers and managers files best {min(direct['all']):.3f} s (median {statistics.median(direct['all']):.3f}); "
          f"peak RSS {direct_rss / 1024:.0f} MB; same document as the workspace's: "
          f"{same_document}")
    print(f"ours, whole catalogue from the workspace (crm-audit metrics --format json, whole process): "
          f"best {ours_best:.3f} s, median {ours_median:.3f} s, CPU {ours_cpu_best:.3f} s, "
          f"peak RSS {max(ours_rss) / 1024:.0f} MB; runs {', '.join(f'{t:.3f}' for t in ours)}")
    print(f"ours, export rfm (per-customer table, whole analysis again): {export_s:.3f} s")
    print(f"SQLite alone storing the same {args.sales:,} lines, already parsed, into a table like ours (one "
          f"transaction): best {min(sqlite_store):.3f} s — the floor of any import into a SQLite row table")
    for threads, results in duck.items():
        best = min(r["compute_s"] for r in results)
        median = statistics.median(r["compute_s"] for r in results)
        cpu_best = min(r["compute_cpu_s"] for r in results)
        from_csv = min(r["csv_compute_s"] for r in results)
        load = min(r["load_s"] for r in results)
        rss = max(r["process_rss_kb"] for r in results) / 1024
        print(f"DuckDB {threads} thread(s): exact set from its table best {best:.3f} s, median {median:.3f} s, "
              f"CPU {cpu_best:.3f} s; CSV→set {from_csv:.3f} s; CSV→table {load:.3f} s; "
              f"process peak RSS {rss:.0f} MB (Python included)")
        print(f"  catalogue ratio ours/DuckDB-{threads} (target ≤ 2): wall best {ours_best / best:.2f}, "
              f"wall median {ours_median / median:.2f}, CPU {ours_cpu_best / cpu_best:.2f}")
        csv_median = statistics.median(r["csv_compute_s"] for r in results)
        csv_cpu = min(r["csv_compute_cpu_s"] for r in results)
        print(f"  end-to-end ratio ours/DuckDB-{threads} CSV→set (target ≤ 2.5): wall best {e2e_best / from_csv:.2f}, "
              f"wall median {e2e_median / csv_median:.2f}, CPU {min(e2e_cpu) / csv_cpu:.2f}; "
              f"the sales file alone: wall best {min(sales_only) / from_csv:.2f}; SQLite storing the parsed lines "
              f"alone: {min(sqlite_store) / from_csv:.2f}")
        print(f"  without a workspace (metrics --sales FILE) / DuckDB-{threads} CSV→set (target ≤ 2.5): the sales file "
              f"alone wall best {min(direct['sales']) / from_csv:.2f}, median {statistics.median(direct['sales']) / csv_median:.2f}; "
              f"with customers and managers best {min(direct['all']) / from_csv:.2f}")
    print(f"values checked: {len(values)}; mismatches: {len(mismatches)}")
    for key, ours_value, duck_value in mismatches:
        print(f"  MISMATCH {key}: ours {ours_value} vs DuckDB {duck_value}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
