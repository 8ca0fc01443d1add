#!/usr/bin/env python3
"""polars computing the same exact-definition set as duckdb_set.py, from the sample-data sales CSV
(semicolons, Russian headers, dd.mm.yyyy dates, amounts like `12 345,67`), in its own process.

    polars_set.py SALES_CSV

Threads: POLARS_MAX_THREADS (the caller sets it). Prints one JSON object: the values, `csv_compute_s`
(the CSV file to the set) and `maxrss_kb` of this process.
"""
import json
import resource
import sys
import time
from datetime import timedelta

import polars as pl


def rubles(column):
    return (pl.col(column).str.replace_all(" ", "").str.replace_all("\u00a0", "").str.replace(",", ".")
            .cast(pl.Float64, strict=False))


def exact_set(path):
    s = (pl.scan_csv(path, separator=";", infer_schema=False)
         .select(pl.col("Номер заказа").replace("", None).alias("order_id"),
                 pl.col("Код клиента").alias("customer_id"),
                 pl.col("Дата").str.strptime(pl.Date, "%d.%m.%Y").alias("date"),
                 rubles("Сумма").alias("amount"), rubles("Себестоимость").alias("cost"))
         .collect())
    as_of = s["date"].max()
    d365, d730 = as_of - timedelta(days=365), as_of - timedelta(days=730)
    s = s.filter(pl.col("date") <= as_of)
    totals = s.select(
        revenue=pl.col("amount").sum(),
        orders=pl.col("order_id").drop_nulls().n_unique() + pl.col("order_id").null_count(),
        customers=pl.col("customer_id").n_unique(),
        first=pl.col("date").min(), last=pl.col("date").max(),
        last12=pl.col("amount").filter(pl.col("date") > d365).sum(),
        prev12=pl.col("amount").filter((pl.col("date") > d730) & (pl.col("date") <= d365)).sum(),
        cost_amount=pl.col("amount").filter(pl.col("cost").is_not_null()).sum(),
        cost=pl.col("cost").sum()).row(0, named=True)
    per = s.group_by("customer_id").agg(
        m=pl.col("amount").sum(), f=pl.col("date").n_unique(), last=pl.col("date").max(),
        active=(pl.col("date") > d365).any(), prev=((pl.col("date") > d730) & (pl.col("date") <= d365)).any())
    per = per.sort(["m", "customer_id"], descending=[True, False]).with_columns(
        rn=pl.int_range(1, pl.len() + 1), cum=pl.col("m").cum_sum())
    n, total = per.height, per["m"].sum()
    top = per.filter(pl.col("rn") <= -(-2 * n // 10))["m"].sum() / total
    k = per.filter(pl.col("cum") >= 0.8 * total)["rn"].min()
    shares = per.select(
        repeat=(pl.col("f") >= 2).mean(), active=pl.col("active").mean(),
        lost=(pl.col("prev") & ~pl.col("active")).sum(),
        retained=(pl.col("prev") & pl.col("active")).sum(), prev=pl.col("prev").sum(),
        recency=(pl.lit(as_of) - pl.col("last")).dt.total_days().sum(), freq=pl.col("f").sum()).row(0, named=True)
    revenue, orders, first, prev12 = totals["revenue"], totals["orders"], totals["first"], totals["prev12"]
    return {
        "as_of": as_of.isoformat(),
        "sales.revenue.all_history": revenue, "sales.orders.all_history": orders,
        "sales.customers.all_history": totals["customers"], "sales.avg_order_value.all_history": revenue / orders,
        "sales.first_date": first.isoformat(), "sales.last_date": totals["last"].isoformat(),
        "sales.revenue_last_12m": totals["last12"], "sales.revenue_prev_12m": prev12,
        "sales.growth_12m": totals["last12"] / prev12 - 1 if prev12 and (as_of - first).days >= 729 else None,
        "sales.gross_margin.all_history": (totals["cost_amount"] - totals["cost"]) / totals["cost_amount"]
        if totals["cost_amount"] else None,
        "pareto.top20_share.all_history": top, "pareto.customers_for_80.all_history": k,
        "pareto.customers_for_80_share.all_history": k / n, "pareto.top_customer_share.all_history": per["m"][0] / total,
        "pareto.hhi.all_history": ((per["m"] / total) ** 2).sum(),
        "customers.repeat_rate": shares["repeat"], "customers.active_12m_share": shares["active"],
        "customers.lost_12m": shares["lost"],
        "retention.rate_12m": shares["retained"] / shares["prev"] if shares["prev"] else None,
        "rfm.sum_recency_days": int(shares["recency"]), "rfm.sum_frequency": int(shares["freq"]),
    }


def main():
    start = time.perf_counter()
    values = exact_set(sys.argv[1])
    print(json.dumps({"values": values, "csv_compute_s": time.perf_counter() - start,
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    main()
