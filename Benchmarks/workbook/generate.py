#!/usr/bin/env python3
"""Writes the workbook benchmark's sales workbooks with xlsxwriter (deterministic, seed 42).

    generate.py OUT.xlsx ROWS plain    # constant_memory: inline strings, one date style (a script's export)
    generate.py OUT.xlsx ROWS styled   # shared strings, bold header, number/date/money styles,
                                       # frozen header, autofilter, column widths (as Excel-like writers make)

Columns as a Russian company's sales export: dates are Excel dates (serial numbers with a date
style), quantities, prices and amounts are numbers, the rest text.
"""
import datetime as dt
import random
import sys

import xlsxwriter

HEADER = ["Дата", "Номер документа", "Код клиента", "Клиент", "Номенклатура", "Группа номенклатуры",
          "Количество", "Цена", "Сумма, руб.", "Себестоимость", "Менеджер", "Канал продаж", "Рекламная кампания"]
MANAGERS = [f"Менеджер {i:02d}" for i in range(1, 21)]
CHANNELS = ["Сайт", "Магазин", "Телефон", "Партнёр", "Маркетплейс"]
WORDS = ["Ромашка", "Вектор", "Альфа", "Гранит", "Север", "Восток", "Техно", "Строй", "Маркет", "Сервис"]


def main(path, rows, kind):
    rng = random.Random(42)
    styled = kind == "styled"
    book = xlsxwriter.Workbook(path, {"constant_memory": not styled})
    sheet = book.add_worksheet("Продажи")
    date = book.add_format({"num_format": "dd.mm.yyyy"})
    money = book.add_format({"num_format": "#,##0.00"}) if styled else None
    count = book.add_format({"num_format": "0"}) if styled else None
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}) if styled else None
    sheet.write_row(0, 0, HEADER, head)
    if styled:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, rows, len(HEADER) - 1)
        sheet.set_column(0, 0, 11)
        sheet.set_column(1, 5, 22)
        sheet.set_column(6, 9, 13)
        sheet.set_column(10, 12, 18)
    customers = [(f"К-{i:06d}", f"ООО «{WORDS[i % 10]} {WORDS[(i // 10) % 10]} {i}»") for i in range(100_000)]
    start = dt.datetime(2023, 1, 1)
    row, order = 1, 0
    while row <= rows:
        order += 1
        code, name = customers[min(int(rng.paretovariate(1.16)) - 1, len(customers) - 1) if rng.random() < 0.3
                               else rng.randrange(len(customers))]
        day = start + dt.timedelta(days=rng.randrange(1095))
        manager = rng.choice(MANAGERS)
        channel = rng.choice(CHANNELS) if rng.random() < 0.8 else None
        campaign = f"Кампания {rng.randint(1, 10):02d}" if rng.random() < 0.15 else None
        for _ in range(min(rng.randint(1, 4), rows - row + 1)):
            quantity = rng.randint(1, 10)
            price = round(rng.uniform(100, 5000), 2)
            amount = round(quantity * price, 2)
            product = rng.randint(1, 2000)
            sheet.write_datetime(row, 0, day, date)
            sheet.write_string(row, 1, f"ТД-{order:07d}")
            sheet.write_string(row, 2, code)
            sheet.write_string(row, 3, name)
            sheet.write_string(row, 4, f"Товар {product:04d}")
            sheet.write_string(row, 5, f"Группа {product % 30:02d}")
            sheet.write_number(row, 6, quantity, count)
            sheet.write_number(row, 7, price, money)
            sheet.write_number(row, 8, amount, money)
            if rng.random() < 0.7:
                sheet.write_number(row, 9, round(amount * rng.uniform(0.5, 0.85), 2), money)
            sheet.write_string(row, 10, manager)
            if channel:
                sheet.write_string(row, 11, channel)
            if campaign:
                sheet.write_string(row, 12, campaign)
            row += 1
    book.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
