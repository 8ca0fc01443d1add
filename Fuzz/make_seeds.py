#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the repository's own files (stdlib only).

    Fuzz/make_seeds.py OUT_DIR

writes OUT_DIR/<target>/<seed> for every target of Fuzz/Package.swift: the test fixtures as they
are, the examples cut to their first lines, the bundled questionnaire and rulesets whole and cut
into one section or one rule per file (small seeds fuzz faster), the YAML documents embedded in
the Swift tests, the expressions found in the YAML files, and for XLSX the fixture workbooks both
whole and as XML parts (the target's `--part--` format, see fuzz-xlsx).
"""
import hashlib
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/ImportersTests/Fixtures")
OUT = sys.argv[1]


def read(relative):
    with open(os.path.join(ROOT, relative), "rb") as file:
        return file.read()


def save(target, data, name=None):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as file:
        file.write(data)


def head(data, lines):
    return b"\n".join(data.split(b"\n")[:lines]) + b"\n"


def fixtures(*extensions):
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith(extensions):
            yield name, read(os.path.join(FIXTURES, name))


def swift_documents(marker):
    """The triple-quoted strings of the Swift tests that contain `marker`, dedented."""
    for folder, _, names in os.walk(os.path.join(ROOT, "Tests")):
        for name in names:
            if not name.endswith(".swift"):
                continue
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            for block in re.findall(r'"""\n(.*?)\n([ \t]*)"""', text, re.S):
                body, indent = block
                if marker not in body:
                    continue
                lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body.split("\n")]
                document = "\n".join(lines)
                document = re.sub(r"\\\((?:[^()]|\([^()]*\))*\)", "", document)  # interpolations
                yield document.replace('\\"', '"').encode()


def split_items(data, key, item_prefix):
    """The document's lines before `key:` plus each item of that list on its own."""
    lines = data.decode().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(key + ":"))
    header = lines[: start + 1]
    items, current = [], None
    for line in lines[start + 1:]:
        if line.startswith(item_prefix):
            if current:
                items.append(current)
            current = [line]
        elif current is not None:
            if line and not line.startswith(" ") and not line.startswith("#"):
                break
            current.append(line)
    if current:
        items.append(current)
    for item in items:
        yield "\n".join(header + item).encode() + b"\n"


# CSV: the fixtures and the first lines of the example exports.
for name, data in fixtures(".csv", ".txt"):
    save("csv", data, name)
for name in ["sales.csv", "customers.csv", "managers.csv"]:
    save("csv", head(read("examples/technosnab/" + name), 30), name)

# XML.
for name, data in fixtures(".xml"):
    save("xml", data, name)

# XLSX: whole workbooks, and their XML parts in the target's format.
PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
for name, data in fixtures(".xlsx"):
    save("xlsx", data, name)
    try:
        archive = zipfile.ZipFile(os.path.join(FIXTURES, name))
        names = archive.namelist()
    except zipfile.BadZipFile:
        continue
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/sheet") and n.endswith(".xml"))
    if not sheets:
        continue
    parts = [archive.read(sheets[0])] + [archive.read(p) if p in names else b"" for p in PARTS[1:]]
    save("xlsx", b"\n--part--\n".join(parts), name + ".parts")
    save("xlsx", parts[0], name + ".sheet-only")

# Questionnaires: the bundled one, one section per file, the tests' small ones.
questionnaire = read("questionnaires/crm-readiness.yaml")
save("questionnaire", questionnaire, "crm-readiness.yaml")
for index, seed in enumerate(split_items(questionnaire, "sections", "  - id:")):
    save("questionnaire", seed, "section-%02d.yaml" % index)
for seed in swift_documents("schema: crm-audit/questionnaire/1"):
    save("questionnaire", seed)

# Rulesets: the bundled ones, one rule per file, the consultant's layer, the tests' small ones.
for name in ["crm-core.yaml", "industry-wholesale.yaml"]:
    data = read("rulesets/" + name)
    save("ruleset", data, name)
    for index, seed in enumerate(split_items(data, "rules", "  - id:")):
        save("ruleset", seed, "%s-rule-%02d.yaml" % (name[:-5], index))
save("ruleset", read("examples/technosnab/consultant.yaml"), "consultant.yaml")
for seed in swift_documents("schema: crm-audit/ruleset/1"):
    save("ruleset", seed)

# Expressions: every condition and value of the YAML files.
KEYS = r"(?:when|applies_if|value|warn|fail|observed|count|denominator|money_at_stake|relevant|check)"
for relative in ["questionnaires/crm-readiness.yaml", "rulesets/crm-core.yaml", "rulesets/industry-wholesale.yaml"]:
    for match in re.finditer(r"^\s*(?:- )?" + KEYS + r":\s*(.+)$", read(relative).decode(), re.M):
        text = match.group(1).strip()
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
            text = text[1:-1]
        if text and text not in "|>":
            save("expression", text.encode())

# Answers: the example's YAML, the tests' ones, and the same answers as the CSV a client fills in.
answers = read("examples/technosnab/answers.yaml")
save("answers-yaml", answers, "technosnab.yaml")
for seed in swift_documents("schema: crm-audit/answers/1"):
    save("answers-yaml", seed)
rows = ["question_id;question;answer;note"]
for match in re.finditer(r"^  ([a-z0-9_]+): (.+)$", answers.decode(), re.M):
    value = match.group(2).strip()
    if value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
    rows.append('%s;;"%s";' % (match.group(1), value.replace('"', '""')))
save("answers-csv", ("\r\n".join(rows) + "\r\n").encode(), "technosnab.csv")
save("answers-csv", ("\r\n".join(rows[:8]) + "\r\n").encode(), "technosnab-head.csv")
save("answers-csv", "\ufeffid,ответ,комментарий\ncompany_managers_count,9,\"две строки\nв заметке\"\n".encode(), "russian-header.csv")

# Mapping files: the fixture, and the example of MappingFile's documentation.
save("mapping", read("Tests/ImportersTests/Fixtures/1c_sales.mapping.yaml"), "1c_sales.mapping.yaml")
source = read("Sources/Importers/Mapping/MappingFile.swift").decode()
documented = re.search(r"/// ```yaml\n(.*?)/// ```", source, re.S)
if documented:
    example = "\n".join(line[4:] for line in documented.group(1).split("\n"))
    save("mapping", example.encode(), "documented.yaml")
    save("mapping", "\n".join(l for l in example.split("\n") if not l.startswith(("xml:", "  records", "  fields", "    "))).encode(),
         "documented-columns.yaml")
