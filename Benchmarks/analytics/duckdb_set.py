#!/usr/bin/env python3
"""DuckDB computing the issue's exact-definition set, run in its own process by bench.py.

    duckdb_set.py SALES_CSV THREADS [generate|sample] [csv-only]

`generate` (default) reads generate.py's comma-separated file with English headers; `sample` reads
the `sales.csv` of `crm-audit sample-data` (semicolons, Russian headers, dd.mm.yyyy dates, amounts
like `12 345,67`), converting the columns in SQL as our importer does.

Prints one JSON object: the values, the per-customer RFM checksums, and timings
(`load_s`: CSV into a table; `compute_s`: the set from that table; `csv_compute_s`: the set
straight from the CSV file; `*_cpu_s`: user + system CPU time of the same steps), and
`maxrss_kb` of this process. `csv-only` stops after the set straight from the CSV file (its peak
memory is then that step's alone).
"""
import json
import resource
import sys
import time

import duckdb

SALES_TYPES = {"order_id": "VARCHAR", "customer_id": "VARCHAR", "date": "DATE", "amount": "DOUBLE", "cost": "DOUBLE",
               "quantity": "DOUBLE", "product": "VARCHAR", "category": "VARCHAR", "manager": "VARCHAR",
               "channel": "VARCHAR", "campaign": "VARCHAR"}


def exact_set(con, source):
    """The issue's exact definitions over `source` (a table name or a read_csv(...) call)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE s AS
        SELECT order_id, customer_id, date, amount, cost FROM {source}
    """)
    as_of = con.execute("SELECT max(date) FROM s").fetchone()[0]
    con.execute("CREATE OR REPLACE TEMP TABLE p AS SELECT max(date) AS as_of FROM s")
    totals = con.execute("""
        SELECT sum(amount),
               count(DISTINCT order_id) + count(*) FILTER (WHERE order_id IS NULL),
               count(DISTINCT customer_id),
               min(date), max(date),
               coalesce(sum(amount) FILTER (WHERE date > as_of - 365), 0),
               coalesce(sum(amount) FILTER (WHERE date > as_of - 730 AND date <= as_of - 365), 0),
               sum(amount) FILTER (WHERE cost IS NOT NULL), sum(cost)
        FROM s, p WHERE date <= as_of
    """).fetchone()
    revenue, orders, customers, first, last, last12, prev12, cost_amount, cost = totals
    con.execute("""
        CREATE OR REPLACE TEMP TABLE per AS
        SELECT customer_id, sum(amount) AS m, count(DISTINCT date) AS f, max(date) AS last, min(date) AS first,
               bool_or(date > as_of - 365) AS active,
               bool_or(date > as_of - 730 AND date <= as_of - 365) AS prev,
               any_value(as_of) - max(date) AS recency
        FROM s, p WHERE date <= as_of GROUP BY customer_id
    """)
    pareto = con.execute("""
        WITH r AS (
            SELECT m, row_number() OVER w AS rn, sum(m) OVER (w ROWS UNBOUNDED PRECEDING) AS cum,
                   count(*) OVER () AS n, sum(m) OVER () AS total
            FROM per WINDOW w AS (ORDER BY m DESC, customer_id))
        SELECT sum(m) FILTER (WHERE rn <= ceil(0.2 * n)) / any_value(total),
               min(rn) FILTER (WHERE cum >= 0.8 * total),
               max(m) / any_value(total),
               sum((m / total) * (m / total)),
               any_value(n)
        FROM r
    """).fetchone()
    shares = con.execute("""
        SELECT count(*) FILTER (WHERE f >= 2) / count(*),
               count(*) FILTER (WHERE active) / count(*),
               count(*) FILTER (WHERE prev AND NOT active),
               count(*) FILTER (WHERE prev AND active) / nullif(count(*) FILTER (WHERE prev), 0),
               sum(recency), sum(f)
        FROM per, p
    """).fetchone()
    top20, k, top1, hhi, n = pareto
    return {
        "as_of": as_of.isoformat(),
        "sales.revenue.all_history": revenue, "sales.orders.all_history": orders, "sales.customers.all_history": customers,
        "sales.avg_order_value.all_history": revenue / orders, "sales.first_date": first.isoformat(),
        "sales.last_date": last.isoformat(),
        "sales.revenue_last_12m": last12, "sales.revenue_prev_12m": prev12,
        # Growth needs data that cover the previous 12 months whole (from as_of - 729 on).
        "sales.growth_12m": last12 / prev12 - 1 if prev12 and (as_of - first).days >= 729 else None,
        "sales.gross_margin.all_history": (cost_amount - cost) / cost_amount if cost_amount else None,
        # Over all history (the headline-period Pareto ranks only the last 12 months' buyers).
        "pareto.top20_share.all_history": top20, "pareto.customers_for_80.all_history": k,
        "pareto.customers_for_80_share.all_history": k / n,
        "pareto.top_customer_share.all_history": top1, "pareto.hhi.all_history": hhi,
        "customers.repeat_rate": shares[0], "customers.active_12m_share": shares[1], "customers.lost_12m": shares[2],
        "retention.rate_12m": shares[3],
        "rfm.sum_recency_days": int(shares[4]), "rfm.sum_frequency": int(shares[5]),
    }


def sample_source(path):
    """The sample-data sales file as the typed columns the set needs."""
    def rubles(column):
        return f"""CAST(replace(replace(replace("{column}", ' ', ''), chr(160), ''), ',', '.') AS DOUBLE)"""
    return f"""(SELECT nullif("Номер заказа", '') AS order_id, "Код клиента" AS customer_id,
                      CAST(strptime("Дата", '%d.%m.%Y') AS DATE) AS date,
                      {rubles("Сумма")} AS amount, {rubles("Себестоимость")} AS cost
               FROM read_csv('{path}', delim = ';', header = true, quote = '"', all_varchar = true))"""


def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    path, threads = sys.argv[1], int(sys.argv[2])
    kind = sys.argv[3] if len(sys.argv) > 3 else "generate"
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    if kind == "sample":
        csv_source = sample_source(path)
    else:
        types = "{" + ", ".join(f"'{k}': '{v}'" for k, v in SALES_TYPES.items()) + "}"
        csv_source = f"read_csv('{path}', header = true, columns = {types})"

    start, start_cpu = time.perf_counter(), cpu()
    values = exact_set(con, csv_source)
    csv_compute, csv_compute_cpu = time.perf_counter() - start, cpu() - start_cpu

    if len(sys.argv) > 4 and sys.argv[4] == "csv-only":
        print(json.dumps({"values": values, "csv_compute_s": csv_compute, "csv_compute_cpu_s": csv_compute_cpu,
                          "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
        return

    start = time.perf_counter()
    con.execute(f"CREATE TABLE sales AS SELECT * FROM {csv_source}")
    load = time.perf_counter() - start

    start, start_cpu = time.perf_counter(), cpu()
    values_from_table = exact_set(con, "sales")
    compute, compute_cpu = time.perf_counter() - start, cpu() - start_cpu
    for key, value in values.items():
        other = values_from_table[key]
        same = value == other if not isinstance(value, float) else abs(value - other) <= 1e-9 * max(1.0, abs(value))
        assert same, f"DuckDB disagrees with itself on {key}: {value} vs {other}"

    print(json.dumps({"values": values, "load_s": load, "compute_s": compute, "csv_compute_s": csv_compute,
                      "compute_cpu_s": compute_cpu, "csv_compute_cpu_s": csv_compute_cpu,
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
