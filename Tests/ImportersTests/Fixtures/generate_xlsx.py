#!/usr/bin/env python3
"""Writes the XLSX fixtures of ImportersTests once, with two real spreadsheet writers.

    pip install openpyxl xlsxwriter && python3 generate_xlsx.py

The files are committed; run this again only to change them. Each writer stores strings,
dates and booleans its own way (shared strings, inline strings, styles), which is the point.
"""
import datetime as dt
import os
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def openpyxl_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Отчёт о продажах"
    ws["A1"] = "Продажи ООО «Ромашка» за ноябрь 2026"
    ws["A2"] = "Сформирован 21.11.2026"
    # Row 3 empty, header on row 4.
    ws.append([])
    ws.append(["Дата", "Номер документа", "Код клиента", "Номенклатура", "Количество", "Сумма, руб.", "Себестоимость", "Менеджер"])
    rows = [
        (dt.date(2026, 11, 2), "Р-001", "К-001", "Кабель ВВГ 3×2,5", 10, 12345.6, 9000, "Соколов А."),
        (dt.datetime(2026, 11, 3, 14, 35), "Р-002", "К-002", "Fitting & <tag> Müller", 2, 990.5, None, "Морозова Е."),
        (dt.date(2026, 2, 28), "Р-003", "К-003", "   ", 1, -150, -100, "Соколов А."),
    ]
    for row in rows:
        ws.append(list(row))
    for r in range(5, 8):
        ws.cell(row=r, column=1).number_format = "DD.MM.YYYY"
    # A rich-text product name in the last row.
    ws.append([dt.date(2026, 11, 20), "Р-004", "К-001", None, 3, 300, 200, "Соколов А."])
    ws.cell(row=8, column=1).number_format = "dd.mm.yy"
    ws.cell(row=8, column=4).value = CellRichText([TextBlock(InlineFont(b=True), "Труба "), "PP-R 20"])

    customers = wb.create_sheet("Клиенты")
    customers.append(["Код", "Наименование", "ИНН", "Дата рождения", "Согласие на рассылку", "Телефон"])
    customers.append(["К-001", "ООО «Ромашка»", 7701234567, None, True, 79121234567])
    customers.append(["К-002", "Иванов Иван", None, dt.date(1980, 5, 17), False, "+7 (912) 000-00-00"])
    customers.cell(row=3, column=4).number_format = "DD.MM.YYYY"
    wb.save(path("openpyxl_sales.xlsx"))


def xlsxwriter_workbook():
    wb = xlsxwriter.Workbook(path("xlsxwriter_sales.xlsx"), {"constant_memory": True})
    summary = wb.add_worksheet("Сводка")
    summary.write(0, 0, "Итоги")
    summary.write(1, 0, "Всего")
    summary.write(1, 1, 13000)
    data = wb.add_worksheet("Данные")
    date = wb.add_format({"num_format": "dd.mm.yyyy"})
    money = wb.add_format({"num_format": "# ##0,00"})
    header = ["Order date", "Order ID", "Customer ID", "Product", "Qty", "Amount", "Paid"]
    for col, name in enumerate(header):
        data.write(0, col, name)
    rows = [
        (dt.date(2024, 1, 31), "A-1", "C-1", "Widget", 1, 100.25, True),
        (dt.date(1900, 3, 1), "A-2", "C-2", "Gadget", 2, 200, False),
        (dt.date(2026, 11, 20), "A-3", "C-1", "Widget", 5, None, True),
    ]
    for r, row in enumerate(rows, start=1):
        data.write_datetime(r, 0, dt.datetime.combine(row[0], dt.time()), date)
        data.write_string(r, 1, row[1])
        data.write_string(r, 2, row[2])
        data.write_string(r, 3, row[3])
        data.write_number(r, 4, row[4])
        if row[5] is None:
            data.write_formula(r, 5, "=B2*0+350", money, 350)
        else:
            data.write_number(r, 5, row[5], money)
        data.write_boolean(r, 6, row[6])
    wb.close()


def xlsxwriter_1904():
    wb = xlsxwriter.Workbook(path("xlsxwriter_1904.xlsx"), {"date_1904": True})
    ws = wb.add_worksheet("Sales")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    for col, name in enumerate(["Date", "Customer", "Amount"]):
        ws.write(0, col, name)
    ws.write_datetime(1, 0, dt.datetime(2026, 11, 20), date)
    ws.write(1, 1, "C-1")
    ws.write(1, 2, 10)
    wb.close()


def malformed():
    with open(path("not_a_workbook.xlsx"), "wb") as f:
        f.write(b"Date;Customer;Amount\n01.01.2026;C-1;10\n")
    with open(path("xlsxwriter_1904.xlsx"), "rb") as f:
        data = f.read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with zipfile.ZipFile(path("zip_without_workbook.xlsx"), "w") as z:
        z.writestr("hello.txt", "not a workbook")


if __name__ == "__main__":
    openpyxl_workbook()
    xlsxwriter_workbook()
    xlsxwriter_1904()
    malformed()
