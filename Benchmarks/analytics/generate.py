#!/usr/bin/env python3
"""Deterministic sample data for the analytics benchmark.

Writes customers.csv, sales.csv, managers.csv and campaigns.csv (UTF-8, comma, ISO dates) in
the canonical field names, and can load them into a workspace created by `crm-audit init`
(the importer is not used: rows go straight into the canonical tables, as it would store them).

    generate.py OUT_DIR [--customers 100000] [--sales 1000000] [--seed 42]
    generate.py --load OUT_DIR WORKSPACE
"""
import argparse
import csv
import datetime as dt
import os
import random
import sqlite3
import sys

CUSTOMER_FIELDS = ["customer_id", "name", "type", "tax_id", "email", "phone", "birth_date", "gender", "city",
                   "region", "industry", "segment", "source", "manager", "created_at", "email_consent"]
SALE_FIELDS = ["order_id", "customer_id", "date", "amount", "cost", "quantity", "product", "category", "manager",
               "channel", "campaign"]
MANAGER_FIELDS = ["manager", "department", "hired_at", "left_at"]
CAMPAIGN_FIELDS = ["campaign", "channel", "cost", "start_date", "end_date"]

CITIES = [("Москва", "Москва"), ("Санкт-Петербург", "Санкт-Петербург"), ("Казань", "Татарстан"),
          ("Новосибирск", "Новосибирская обл."), ("Екатеринбург", "Свердловская обл."), ("Самара", "Самарская обл."),
          ("Нижний Новгород", "Нижегородская обл."), ("Пермь", "Пермский край"), ("Уфа", "Башкортостан"),
          ("Воронеж", "Воронежская обл."), ("Краснодар", "Краснодарский край"), ("Омск", "Омская обл.")]
INDUSTRIES = ["retail", "wholesale", "manufacturing", "construction", "it", "logistics", "horeca", "medicine"]
SEGMENTS = ["B2B", "B2C", "VIP", "SMB"]
SOURCES = ["web", "referral", "exhibition", "cold call", "partner"]
CHANNELS = ["web", "shop", "phone", "partner", "marketplace"]
FORMS = ["ООО", "ИП", "АО", "LLC", ""]
WORDS = ["Ромашка", "Вектор", "Альфа", "Гранит", "Север", "Восток", "Техно", "Строй", "Маркет", "Сервис", "Логистик",
         "Орион", "Сигма", "Полюс", "Меридиан", "Лидер", "Импульс", "Атлант", "Феникс", "Квант"]


def generate(out, customers, sales, seed):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    managers = [f"Менеджер {i:02d}" for i in range(1, 21)]
    start = dt.date(2023, 1, 1)
    span = (dt.date(2025, 12, 31) - start).days

    with open(os.path.join(out, "managers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(MANAGER_FIELDS)
        for i, m in enumerate(managers + ["Менеджер 21", "Менеджер 22"]):
            left = "2025-03-01" if i in (3, 21) else ""
            w.writerow([m, "Продажи", "2020-01-01", left])

    campaigns = [(f"campaign-{i:02d}", rng.choice(CHANNELS), rng.randint(10, 500) * 1000) for i in range(1, 11)]
    with open(os.path.join(out, "campaigns.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CAMPAIGN_FIELDS)
        for name, channel, cost in campaigns:
            w.writerow([name, channel, cost, "2024-01-01", "2024-12-31"])

    ids = [f"C{i:06d}" for i in range(customers)]
    with open(os.path.join(out, "customers.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CUSTOMER_FIELDS)
        for i, cid in enumerate(ids):
            company = rng.random() < 0.7
            name = (f"{rng.choice(FORMS)} «{rng.choice(WORDS)} {rng.choice(WORDS)} {i % 5000}»" if company
                    else f"Клиент {i}")
            tax = f"{rng.randint(10**9, 10**10 - 1)}" if company and rng.random() < 0.8 else ""
            if rng.random() < 0.01 and i > 10:
                tax = "7700000000"  # a shared tax id: duplicates
            r = rng.random()
            email = "" if r < 0.25 else (f"user{i}@example" if r < 0.28 else f"user{i}@mail{i % 7}.ru")
            r = rng.random()
            digits = f"9{rng.randint(10**8, 10**9 - 1)}"
            phone = ("" if r < 0.2 else f"+7 ({digits[:3]}) {digits[3:6]}-{digits[6:8]}-{digits[8:]}" if r < 0.5
                     else f"8-{digits[:3]}-{digits[3:6]}-{digits[6:8]}-{digits[8:]}" if r < 0.8
                     else digits if r < 0.95 else "12-34")
            city, region = rng.choice(CITIES) if rng.random() < 0.85 else ("", "")
            birth = (start - dt.timedelta(days=rng.randint(18 * 365, 70 * 365))).isoformat() if rng.random() < 0.4 else ""
            w.writerow([cid, name, "company" if company else "person", tax, email, phone, birth,
                        "" if company else rng.choice(["male", "female"]), city, region,
                        rng.choice(INDUSTRIES) if rng.random() < 0.7 else "", rng.choice(SEGMENTS) if rng.random() < 0.6 else "",
                        rng.choice(SOURCES) if rng.random() < 0.5 else "", rng.choice(managers) if rng.random() < 0.9 else "",
                        (start + dt.timedelta(days=rng.randint(0, span))).isoformat(), 1 if rng.random() < 0.3 else 0])

    # Customer weights: a heavy tail, so that Pareto and ABC have something to find.
    weights = [rng.paretovariate(1.16) for _ in ids]
    total = sum(weights)
    cumulative, acc = [], 0.0
    for w_ in weights:
        acc += w_ / total
        cumulative.append(acc)
    import bisect

    with open(os.path.join(out, "sales.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(SALE_FIELDS)
        line = 0
        order = 0
        while line < sales:
            order += 1
            if rng.random() < 0.01:
                cid = f"X{rng.randint(0, 9999):05d}"  # orphan: not in the customer list
            else:
                cid = ids[min(bisect.bisect_left(cumulative, rng.random()), len(ids) - 1)]
            day = (start + dt.timedelta(days=rng.randint(0, span))).isoformat()
            manager = rng.choice(managers) if rng.random() < 0.95 else ""
            channel = rng.choice(CHANNELS) if rng.random() < 0.8 else ""
            campaign = rng.choice(campaigns)[0] if rng.random() < 0.15 else ""
            order_id = f"O{order:07d}" if rng.random() < 0.97 else ""
            for _ in range(min(rng.randint(1, 4), sales - line)):
                quantity = rng.randint(1, 10)
                amount = round(quantity * rng.uniform(100, 5000), 2)
                if rng.random() < 0.005:
                    amount = -amount
                cost = round(amount * rng.uniform(0.5, 0.85), 2) if rng.random() < 0.7 else ""
                product = f"P{rng.randint(1, 2000):04d}"
                w.writerow([order_id, cid, day, amount, cost, quantity, product, f"cat-{int(product[1:]) % 30}",
                            manager, channel, campaign])
                line += 1


def load(out, workspace):
    """Loads the CSV files into the workspace's canonical tables of its latest round."""
    db = sqlite3.connect(workspace)
    db.execute("PRAGMA foreign_keys = ON")
    round_id = db.execute("SELECT id FROM round ORDER BY number DESC LIMIT 1").fetchone()[0]
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for kind, table, fields, numbers in [
        ("customers", "customer", CUSTOMER_FIELDS, {"email_consent"}),
        ("sales", "sale", SALE_FIELDS, {"amount", "cost", "quantity"}),
        ("managers", "manager", MANAGER_FIELDS, set()),
        ("campaigns", "campaign", CAMPAIGN_FIELDS, {"cost"}),
    ]:
        path = os.path.join(out, f"{kind}.csv")
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        cur = db.execute(
            "INSERT INTO dataset(round_id, kind, file_name, sha256, format, rows_read, rows_stored, rows_rejected, imported_at)"
            " VALUES (?, ?, ?, ?, 'csv', ?, ?, 0, ?)", (round_id, kind, path, f"bench-{kind}", len(rows), len(rows), now))
        dataset = cur.lastrowid
        positions = [i for i, name in enumerate(fields) if name in numbers]

        def convert(row, line):
            values = [v if v != "" else None for v in row]
            for i in positions:
                if values[i] is not None:
                    values[i] = float(values[i]) if fields[i] != "email_consent" else int(values[i])
            return [round_id, dataset, line] + values

        columns = ", ".join(["round_id", "dataset_id", "source_line"] + fields)
        marks = ", ".join("?" * (len(fields) + 3))
        db.executemany(f"INSERT INTO {table}({columns}) VALUES ({marks})",
                       (convert(row, n + 2) for n, row in enumerate(rows)))
    db.commit()
    db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("workspace", nargs="?")
    parser.add_argument("--load", action="store_true")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if args.load:
        if not args.workspace:
            sys.exit("--load needs OUT_DIR and WORKSPACE")
        load(args.out, args.workspace)
    else:
        generate(args.out, args.customers, args.sales, args.seed)


if __name__ == "__main__":
    main()
