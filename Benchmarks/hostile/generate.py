#!/usr/bin/env python3
"""Generates the hostile inputs of issue 17 ("Small files, huge memory") into a folder.

Each file is small on disk (or plain and large, for the CSV cases) and built to make a careless
reader allocate far more than the data it holds:

  empty-strings.xlsx   ~1 MB: a sharedStrings part of 200 million empty strings (<si/>, 1 GB
                       unpacked, just under the 1 GiB part limit), and a sheet of three rows
  declared-rows.xlsx   ~1 MB: a sheet declaring A1:C21000000 in <dimension> and holding 21 million
                       bad rows (a boolean in the date column; rows numbered by their order)
  max-rows.xlsx        ~80 KB: the same rows without <dimension>, as many as an Excel sheet holds
                       (1,048,576): a correct import of one good row and 1,048,574 rejects
  sparse-rows.xlsx     a few KB, no <dimension>: a header, one good row, and rows numbered
                       1,048,576, 21,000,000 and 9223372036854775807 (no gap may be allocated)
  one-line.csv         200 MB on a single line: `x;` a hundred million times, no line break
  one-field.csv        a header, then one 200 MB field
  bad-rows.csv         a header and 2,000,000 rows whose amount is not a number

Usage: generate.py DIR [--scale S]  (S < 1 makes every file S times smaller, for a quick check)
"""
import os
import sys
import zipfile

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sales" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>customer_id</t></is></c>'
              '<c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>')
GOOD_ROW = ('<row r="2"><c r="A2" t="inlineStr"><is><t>2026-01-15</t></is></c>'
            '<c r="B2" t="inlineStr"><is><t>C1</t></is></c><c r="C2"><v>100</v></c></row>')
SHARED_EMPTY = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</t></si></sst>')


def write_parts(path, sheet_chunks, shared_chunks=None):
    """A minimal workbook whose sheet (and shared strings) are written from iterators of str."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, chunks in (("xl/sharedStrings.xml", shared_chunks or [SHARED_EMPTY]),
                             ("xl/worksheets/sheet1.xml", sheet_chunks)):
            with archive.open(name, "w") as part:
                pending = []
                size = 0
                for chunk in chunks:
                    pending.append(chunk)
                    size += len(chunk)
                    if size >= 1 << 22:
                        part.write("".join(pending).encode())
                        pending, size = [], 0
                part.write("".join(pending).encode())


def empty_strings(path, scale):
    count = int(200_000_000 * scale)
    def shared():
        yield ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" uniqueCount="{count}">')
        block = "<si/>" * 100_000
        for _ in range(count // 100_000):
            yield block
        yield "<si/>" * (count % 100_000)
        yield "</sst>"
    def sheet():
        yield SHEET_HEAD + "<sheetData>" + HEADER_ROW + GOOD_ROW
        yield '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3"><v>5</v></c></row>'
        yield "</sheetData></worksheet>"
    write_parts(path, sheet(), shared())


def declared_rows(path, scale, declare=True, rows=21_000_000):
    rows = int(rows * scale)
    def sheet():
        dimension = f'<dimension ref="A1:C{rows}"/>' if declare else ""
        yield SHEET_HEAD + dimension + '<sheetData>' + HEADER_ROW + GOOD_ROW
        block = '<row><c t="b"><v>1</v></c></row>' * 10_000
        for _ in range((rows - 2) // 10_000):
            yield block
        yield '<row><c t="b"><v>1</v></c></row>' * ((rows - 2) % 10_000)
        yield "</sheetData></worksheet>"
    write_parts(path, sheet())


def max_rows(path, scale):
    declared_rows(path, scale, declare=False, rows=1_048_576)


def sparse_rows(path, scale):
    def sheet():
        yield SHEET_HEAD + '<sheetData>' + HEADER_ROW + GOOD_ROW
        for number in (1_048_576, 21_000_000, 9_223_372_036_854_775_807):
            yield (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>2026-02-01</t></is></c>'
                   f'<c r="B{number}" t="inlineStr"><is><t>C2</t></is></c><c r="C{number}"><v>7</v></c></row>')
        yield "</sheetData></worksheet>"
    write_parts(path, sheet())


def one_line(path, scale):
    block = b"x;" * (1 << 19)  # 1 MiB
    with open(path, "wb") as out:
        for _ in range(max(1, int(200 * scale))):
            out.write(block)


def one_field(path, scale):
    block = b"x" * (1 << 20)
    with open(path, "wb") as out:
        out.write(b"date;customer_id;amount\n2026-01-15;C1;")
        for _ in range(max(1, int(200 * scale))):
            out.write(block)
        out.write(b"\n")


def bad_rows(path, scale):
    with open(path, "wb") as out:
        out.write(b"date;customer_id;amount\n2026-01-15;C1;100\n")
        line = b"2026-01-15;C1;not a number\n"
        rows = int(2_000_000 * scale)
        for _ in range(rows // 10_000):
            out.write(line * 10_000)
        out.write(line * (rows % 10_000))


CASES = {
    "empty-strings.xlsx": empty_strings,
    "declared-rows.xlsx": declared_rows,
    "max-rows.xlsx": max_rows,
    "sparse-rows.xlsx": sparse_rows,
    "one-line.csv": one_line,
    "one-field.csv": one_field,
    "bad-rows.csv": bad_rows,
}

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    scale = float(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--scale" else 1.0
    os.makedirs(folder, exist_ok=True)
    for name, make in CASES.items():
        target = os.path.join(folder, name)
        if not os.path.exists(target):
            print(f"generating {name}...", file=sys.stderr)
            make(target + ".part", scale)
            os.replace(target + ".part", target)
        print(f"{name} {os.path.getsize(target)}")
