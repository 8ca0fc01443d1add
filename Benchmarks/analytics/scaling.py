#!/usr/bin/env python3
"""From the sales CSV to the metrics, at several sizes, against DuckDB (2 threads) and polars in
the same run (issue 18, "Faster than DuckDB at every size").

    Benchmarks/analytics/scaling.py [--sizes 1000000,5000000] [--customers 100000] [--repeat 3]

For each size (data from `crm-audit sample-data … --seed 42`, cached under work/ as bench.py
caches it), REPEAT times, back to back, each its own process:
  * `crm-audit metrics --sales sales.csv --format json` (no workspace);
  * the workflow through a workspace: `crm-audit init`, `crm-audit import … --as sales`,
    `crm-audit metrics WS --format json` (times added, peak = the highest of the three);
  * DuckDB, 2 threads: `duckdb_set.py sales.csv 2 sample csv-only` (the CSV file to its set);
  * polars (POLARS_MAX_THREADS=2): `polars_set.py sales.csv` (the same set).
Prints best wall times, the peers' own in-process times, peak memory (max RSS), the ratios to
DuckDB and the growth from the first size to the last; checks that DuckDB and polars agree with
our JSON on the set's values (a mismatch is printed).
"""
import argparse
import json
import os
import subprocess
import sys

from bench import BINARY, HERE, close, run_with_rss


def python():
    return sys.executable


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000000,5000000")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    results = {}
    for size in sizes:
        work = os.path.join(HERE, "work", f"sample-{args.customers}-{size}")
        sales = os.path.join(work, "sales.csv")
        if not os.path.exists(sales):
            subprocess.run([BINARY, "sample-data", "--out", work, "--customers", str(args.customers), "--orders",
                            str(size), "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cat", sales], stdout=subprocess.DEVNULL, check=True)
        workspace = os.path.join(work, "scaling.crmaudit")
        rows = {"direct": [], "workspace": [], "duckdb": [], "polars": []}
        for _ in range(args.repeat):
            elapsed, rss, out = run_with_rss([BINARY, "metrics", "--sales", sales, "--format", "json", "--skip-bad-rows"])
            rows["direct"].append((elapsed, rss, run_with_rss.cpu, None))
            direct = json.loads(out)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(workspace + suffix):
                    os.remove(workspace + suffix)
            total, peak, cpu = 0.0, 0, 0.0
            for command in ([BINARY, "init", workspace, "--client", "Benchmark", "--date", "2026-11-29"],
                            [BINARY, "import", workspace, sales, "--as", "sales", "--skip-bad-rows"],
                            [BINARY, "metrics", workspace, "--format", "json"]):
                elapsed, rss, out = run_with_rss(command)
                total, peak, cpu = total + elapsed, max(peak, rss), cpu + run_with_rss.cpu
            rows["workspace"].append((total, peak, cpu, None))
            through = json.loads(out)
            elapsed, rss, out = run_with_rss([python(), os.path.join(HERE, "duckdb_set.py"), sales, "2", "sample", "csv-only"])
            duck = json.loads(out)
            rows["duckdb"].append((elapsed, rss, run_with_rss.cpu, duck["csv_compute_s"]))
            elapsed, rss, out = run_with_rss(["env", "POLARS_MAX_THREADS=2", python(), os.path.join(HERE, "polars_set.py"), sales])
            polars = json.loads(out)
            rows["polars"].append((elapsed, rss, run_with_rss.cpu, polars["csv_compute_s"]))
        for name, peer in (("duckdb", duck), ("polars", polars)):
            for key, expected in peer["values"].items():
                if key == "as_of" or key.startswith("rfm."):
                    continue
                for label, document in (("metrics --sales", direct), ("workspace", through)):
                    if not close(document["metrics"].get(key), expected):
                        print(f"MISMATCH {size} {name} {label} {key}: ours {document['metrics'].get(key)} theirs {expected}")
        results[size] = {name: (min(r[0] for r in runs), max(r[1] for r in runs) / 1024, min(r[2] for r in runs),
                                min(r[3] for r in runs) if runs[0][3] is not None else None)
                         for name, runs in rows.items()}

    print(f"\n{os.cpu_count()} cores; best wall of {args.repeat}, highest peak RSS; "
          "peers: wall of the process (their own in-process time of the CSV→set in brackets)")
    print(f"{'lines':>9} {'run':44} {'wall s':>14} {'CPU s':>7} {'peak MB':>8} {'vs DuckDB time':>15} {'vs DuckDB memory':>17}")
    labels = {"direct": "crm-audit metrics --sales", "workspace": "crm-audit init+import+metrics (workspace)",
              "duckdb": "DuckDB 2 threads, CSV → set", "polars": "polars 2 threads, CSV → set"}
    for size, r in results.items():
        base_wall, base_rss = r["duckdb"][0], r["duckdb"][1]
        for name in ("direct", "workspace", "duckdb", "polars"):
            wall, rss, cpu, inner = r[name]
            shown = f"{wall:.2f}" + (f" ({inner:.2f})" if inner is not None else "")
            print(f"{size:>9} {labels[name]:44} {shown:>14} {cpu:7.2f} {rss:8.0f} {wall / base_wall:14.2f}x {rss / base_rss:16.2f}x")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        print(f"\ngrowth from {first} to {last} lines ({last / first:.0f}× the lines): "
              + ", ".join(f"{labels[n]} time {results[last][n][0] / results[first][n][0]:.2f}× "
                          f"memory {results[last][n][1] / results[first][n][1]:.2f}×" for n in results[first]))


if __name__ == "__main__":
    main()
