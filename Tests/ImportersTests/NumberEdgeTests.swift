import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// Numbers are finite and within ±10^15 where they enter: anything else is a bad row with its
/// file, line, column and what was expected, from every format.
@Suite struct NumberEdgeTests {
    static func amountReader() -> FieldReader {
        FieldReader(spec: FieldSpec("amount", .number, required: true), order: .dayFirst, serials: .excel1900)
    }

    @Test(arguments: [
        ("inf", "not a finite number"), ("-infinity", "not a finite number"), ("NaN", "not a finite number"),
        ("∞", "not a finite number"), ("0x1p3", "hexadecimal"), ("-0x10", "hexadecimal"),
        ("1e400", "outside the accepted range"), ("12345678901234567890123456789012", "outside the accepted range"),
        ("1e16", "outside the accepted range"), ("-1 000 000 000 000 001", "outside the accepted range"),
    ])
    func aNonFiniteHexOrHugeAmountIsAProblemThatSaysWhatIsExpected(text: String, reason: String) {
        var reader = Self.amountReader()
        guard case .problem(let problem) = reader.read(.text(text)) else {
            Issue.record("\(text) was read as a value")
            return
        }
        #expect(problem.en.contains(reason), "\(text): \(problem.en)")
        #expect(problem.en.contains("expected") || problem.en.contains("range"))
        #expect(!problem.ru.isEmpty && problem.ru != problem.en)
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan, 1e300, -1e19, 1.000_000_000_000_001e15])
    func aNumberCellOutsideTheRangeIsAProblem(value: Double) {
        var reader = Self.amountReader()
        guard case .problem = reader.read(.number(value)) else {
            Issue.record("\(value) was read as a value")
            return
        }
    }

    @Test(arguments: [("1e15", 1e15), ("-1e15", -1e15), ("999 999 999 999 999", 999_999_999_999_999), ("1 234,56", 1234.56)])
    func amountsUpToTheBoundAreRead(text: String, value: Double) {
        var reader = Self.amountReader()
        guard case .value(.real(let read)) = reader.read(.text(text)) else {
            Issue.record("\(text) refused")
            return
        }
        #expect(read == value)
    }

    @Test func aCSVWithInfinitiesAndHugeAmountsIsRefusedRowByRowWithPlaces() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let file = try directory.write(
            """
            Код клиента;Дата;Сумма;Себестоимость
            C1;01.02.2026;100;50
            C2;02.02.2026;inf;50
            C3;03.02.2026;12345678901234567890123456789012;50
            C4;04.02.2026;200;-infinity
            C5;05.02.2026;0x1p3;50
            """, to: "sales.csv")
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(file, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        guard case .badRows(let path, let problems, let total, let rowsRead) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(path == file && total == 4 && rowsRead == 5)
        #expect(
            problems.map(\.location) == [
                SourceLocation(file: file, line: 3, column: 3), SourceLocation(file: file, line: 4, column: 3),
                SourceLocation(file: file, line: 5, column: 4), SourceLocation(file: file, line: 6, column: 3),
            ])
        #expect(problems[1].formatted(in: .en).contains("outside the accepted range of ±10^15"))
        #expect(problems[1].formatted(in: .en).contains("1.2345678901234567e+31"))
        #expect(try rows(workspace, "SELECT * FROM dataset").isEmpty)
    }

    @Test func xlsxNumberCellsHoldingInfinityNaNOrHexAreBadRowsWithTheirCell() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("sales.xlsx")
        let values = ["inf", "-infinity", "NaN", "0x1p3", "1e300", "100.5"]
        let rows =
            [MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"])]
            + values.enumerated().map { index, value in
                let row = index + 2
                return "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>C\(row)</t></is></c>"
                    + "<c r=\"B\(row)\" t=\"inlineStr\"><is><t>01.02.2026</t></is></c><c r=\"C\(row)\"><v>\(value)</v></c></row>"
            }
        try MinimalWorkbook.write(rows: rows.joined(), to: file)
        let report = try Importer.dryRun(file, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 6 && report.rowsRejected == 5)
        #expect(report.problems.map(\.location) == (2...6).map { SourceLocation(file: file, line: $0, column: 3) })
        let reasons = report.problems.map(\.reason.en)
        #expect(reasons[0...2].allSatisfy { $0.hasPrefix("not a finite number") }, "\(reasons)")
        #expect(reasons[3].hasPrefix("a hexadecimal number"))
        #expect(reasons[4].hasPrefix("the number 1e+300 is outside the accepted range"))
    }

    @Test func xmlAmountsAreCheckedTheSameWay() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <sales>
              <sale customer_id="C1" date="2026-02-01"><amount>100</amount></sale>
              <sale customer_id="C2" date="2026-02-02"><amount>-Infinity</amount></sale>
              <sale customer_id="C3" date="2026-02-03"><amount>1e400</amount></sale>
            </sales>
            """, to: "sales.xml")
        let report = try Importer.dryRun(file, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 3 && report.rowsRejected == 2)
        #expect(report.problems.map(\.location.line) == [4, 5])
        #expect(report.problems.map { String($0.reason.en.prefix(19)) } == ["not a finite number", "the number 1e400 is"])
    }

    @Test(arguments: [
        ("<row r=\"9223372036854775807\"><c r=\"A1\"><v>1</v></c></row>", "row number 9223372036854775807 is outside"),
        ("<row r=\"1048577\"><c><v>1</v></c></row>", "row number 1048577 is outside"),
        ("<row r=\"-3\"><c><v>1</v></c></row>", "row number -3 is outside"),
        ("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>", "cell XFE2"),
        ("<row r=\"2\"><c r=\"ZZZZZZZZZZZZZZZZZZZZ2\"><v>1</v></c></row>", "cell ZZZZZZZZZZZZZZZZZZZZ…"),
        ("<row r=\"2\"><c r=\"A99999999999999999999\"><v>1</v></c></row>", "cell A99999999999999999999"),
        ("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>7</v></c></row>", "cell B2: refers to shared string #7, but the workbook has 1"),
        ("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>-1</v></c></row>", "shared string #-1"),
    ])
    func hostileRowNumbersAndCellReferencesAreErrorsNamingTheSheetAndCell(rows: String, named: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("book.xlsx")
        try MinimalWorkbook.write(
            rows: MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"]) + rows, sheet: "Лист A",
            sharedStrings: ["только одна"], to: file)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(file, options: ImportOptions(kind: .sales)) }
        guard case .malformed(let location, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(location.file == file + "#Лист A")
        #expect(text.en.contains("sheet 'Лист A'") && text.en.contains(named), "\(text.en)")
        #expect(text.ru.contains("лист «Лист A»"))
    }

    @Test func aRowOfMoreThan16384CellsWithoutReferencesIsAnError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("wide.xlsx")
        let wide = "<row r=\"2\">" + String(repeating: "<c><v>1</v></c>", count: 16_385) + "</row>"
        try MinimalWorkbook.write(rows: MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"]) + wide, to: file)
        let error = try #require(throws: ImportError.self) { try Importer.dryRun(file, options: ImportOptions(kind: .sales)) }
        #expect(error.message(in: .en).contains("cell XFE2"))
    }

    @Test func aNegativeOrHugeStyleIndexIsNoTrap() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("styles.xlsx")
        let rows =
            MinimalWorkbook.textRow(1, ["Код клиента", "Дата", "Сумма"])
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>01.02.2026</t></is></c>"
            + "<c r=\"C2\" s=\"-1\"><v>10</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>C2</t></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>01.02.2026</t></is></c>"
            + "<c r=\"C3\" s=\"99999999999999999999\"><v>20</v></c></row>"
        try MinimalWorkbook.write(rows: rows, to: file)
        let report = try Importer.dryRun(file, options: ImportOptions(kind: .sales))
        #expect(report.rowsRejected == 0)
        #expect(report.preview.map { row in row.first { $0.field == "amount" }?.value } == ["10", "20"])
    }

    @Test func cellReferencesAndNumberTextAreReadStrictly() {
        #expect(XLSXSheetLimits.reference("B5") == .init(column: 1, row: 5))
        #expect(XLSXSheetLimits.reference("XFD1048576") == .init(column: 16_383, row: 1_048_576))
        #expect(XLSXSheetLimits.reference("AA") == .init(column: 26, row: nil))
        #expect(XLSXSheetLimits.reference("12") == nil)
        #expect(XLSXSheetLimits.reference("XFE1").map { XLSXSheetLimits.columns.contains($0.column) } == false)
        #expect(XLSXSheetLimits.columnName(16_383) == "XFD")
        #expect(XLSXSheetLimits.rowNumber("9223372036854775807") == nil && XLSXSheetLimits.rowNumber("1048576") == 1_048_576)
        #expect(XLSXSheetLimits.number("1.5E+3") == 1500 && XLSXSheetLimits.number("-0.25") == -0.25)
        for text in ["inf", "INF", "-infinity", "nan", "0x1p3", "1e400", "", "+", "1,5"] {
            #expect(XLSXSheetLimits.number(text) == nil, "\(text)")
        }
    }

    @Test func replaceMatchesTheDatasetByFileNameSoACorrectedFileReplacesTheBadOne() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        let header = "Код клиента;Дата;Сумма\n"
        let file = try directory.write(header + "C1;01.02.2026;100\nC2;02.02.2026;200\n", to: "sales.csv")
        _ = try Importer.importFile(file, into: workspace, round: round, options: ImportOptions(kind: .sales))
        // The corrected export: same name, other content.
        try directory.write(header + "C1;01.02.2026;110\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.replace = true
        let report = try Importer.importFile(file, into: workspace, round: round, options: options)
        #expect(report.replacedDataset)
        #expect(try rows(workspace, "SELECT file_name FROM dataset").map { $0["file_name"] } == ["sales.csv"])
        #expect(try rows(workspace, "SELECT amount FROM sale").map { $0["amount"] } == ["110.0"])
        // A file of the same name but another kind is not touched.
        let customers = try directory.write("Код клиента;Наименование\nC1;ООО Ромашка\n", to: "customers.csv")
        _ = try Importer.importFile(customers, into: workspace, round: round, options: ImportOptions(kind: .customers))
        var replacing = ImportOptions(kind: .sales)
        replacing.replace = true
        try directory.write(header + "C1;01.02.2026;120\n", to: "sales.csv")
        _ = try Importer.importFile(file, into: workspace, round: round, options: replacing)
        #expect(try rows(workspace, "SELECT kind FROM dataset ORDER BY kind").map { $0["kind"] } == ["customers", "sales"])
    }
}
