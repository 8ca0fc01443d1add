import AuditModel
import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import Importers

/// A minimal workbook: one sheet "Sales" whose `<worksheet>` holds `sheet` (a `<dimension>`,
/// `<sheetData>`…), and a shared-strings part holding `sharedStrings` when given.
func makeWorkbook(
    sheet: String, sharedStrings: String? = nil, in directory: TemporaryDirectory,
    name: String = "book.xlsx"
) throws -> String {
    let path = directory.file(name)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var parts = [
        (
            "xl/workbook.xml",
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"Sales\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        ),
        (
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
        ),
        ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\">\(sheet)</worksheet>"),
    ]
    if let sharedStrings { parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(sharedStrings)</sst>")) }
    for (name, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return path
}

/// Every row of the workbook's sheet, read with `limits`.
func readRows(_ path: String, limits: XLSXLimits = .standard, width: Int? = nil) throws -> [SourceRow] {
    let source = try XLSXRowSource(path: path, sheet: nil, limits: limits)
    if let width { source.limitWidth(to: width) }
    var rows: [SourceRow] = []
    while let row = try source.nextRow() { rows.append(row) }
    return rows
}

/// The message of a malformed-file error, in English, and where it points.
func malformed(_ body: () throws -> Void) throws -> (location: AuditModel.SourceLocation, text: LocalizedText) {
    let error = try #require(throws: ImportError.self) { try body() }
    guard case .malformed(let location, let text) = error else {
        Issue.record("expected a malformed-file error, got \(error)")
        return (AuditModel.SourceLocation(file: ""), LocalizedText(both: ""))
    }
    return (location, text)
}

@Suite struct WorkbookLimitsTests {
    static let header =
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>customer_id</t></is></c>"
        + "<c r=\"C1\" t=\"inlineStr\"><is><t>amount</t></is></c></row>"

    @Test func sharedStringsAreReadPackedAsTheyWere() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Rich text runs join, phonetic runs are left out, empty items keep their place.
        let path = try makeWorkbook(
            sheet: "<sheetData><row r=\"1\">" + (0..<5).map { "<c t=\"s\"><v>\($0)</v></c>" }.joined() + "</row></sheetData>",
            sharedStrings:
                "<si><t>Дата</t></si><si/><si><r><t>Ром</t></r><r><t>ашка</t></r><rPh><t>ロ</t></rPh></si><si><t></t></si><si><t>x</t></si>",
            in: directory)
        let rows = try readRows(path)
        #expect(rows.map(\.cells) == [[.text("Дата"), .empty, .text("Ромашка"), .empty, .text("x")]])
        var strings = SharedStrings()
        #expect(strings.text(0) == nil)
        strings.finishString()
        #expect(strings.text(0) == "" && strings.text(1) == nil && strings.text(-1) == nil)
    }

    @Test func moreSharedStringsThanTheLimitAreRefusedBeforeTheSheetIsRead() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(sheet: "<sheetData/>", sharedStrings: String(repeating: "<si/>", count: 11), in: directory)
        var limits = XLSXLimits()
        limits.sharedStrings = 10
        #expect(try readRows(path, limits: XLSXLimits()).isEmpty)
        let (location, text) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(location.file == path + "#xl/sharedStrings.xml")
        #expect(text.en.contains("more than 10 strings") && text.en.contains("save the sheet as CSV"))
        #expect(text.ru.contains("более 10 строк"))
    }

    @Test func sharedStringTextPastTheLimitIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(
            sheet: "<sheetData/>", sharedStrings: "<si><t>0123456789</t></si><si><t>abcdefghij</t></si>", in: directory)
        var limits = XLSXLimits()
        limits.sharedStringBytes = 20
        #expect(try readRows(path, limits: limits).isEmpty)
        limits.sharedStringBytes = 19
        let (_, text) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(text.en.contains("MiB of text"))
        limits.sharedStringBytes = 20
        limits.row.fieldBytes = 9
        let (_, long) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(long.en.contains("shared string #1 is longer than 9 bytes"))
    }

    @Test(arguments: ["A1:C21000000", "A1:XFE2", "A1:C9223372036854775807", "A1:C99999999999999999999999"])
    func aDimensionPastExcelsGridIsRefusedBeforeAnyRow(reference: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(sheet: "<dimension ref=\"\(reference)\"/><sheetData>\(Self.header)</sheetData>", in: directory)
        let (location, text) = try malformed { _ = try readRows(path) }
        #expect(location.file == path + "#Sales" && location.line == 1)
        #expect(text.en.contains("declares its size as \(reference)") && text.en.contains("1048576 rows, columns up to XFD"))
        #expect(text.ru.contains("объявляет размер"))
    }

    @Test func aDimensionWithinTheGridIsAccepted() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(sheet: "<dimension ref=\"A1:XFD1048576\"/><sheetData>\(Self.header)</sheetData>", in: directory)
        #expect(try readRows(path).count == 1)
    }

    @Test(arguments: ["1048577", "21000000", "9223372036854775807", "99999999999999999999", "0", "-5", "x"])
    func aRowNumberOutsideTheGridIsRefusedNotTrappedOn(number: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(
            sheet: "<sheetData>\(Self.header)<row r=\"\(number)\"><c t=\"b\"><v>1</v></c></row></sheetData>", in: directory)
        let (location, text) = try malformed { _ = try readRows(path) }
        #expect(location.file == path + "#Sales")
        #expect(text.en.contains("row number \(number) is outside an Excel sheet (rows 1…1048576)"))
    }

    @Test func rowsWithoutNumbersPastTheLastRowAreRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let row = "<row><c t=\"b\"><v>1</v></c></row>"
        let path = try makeWorkbook(sheet: "<sheetData>\(String(repeating: row, count: 6))</sheetData>", in: directory)
        var limits = XLSXLimits()
        limits.rows = 6
        #expect(try readRows(path, limits: limits).map(\.line) == [1, 2, 3, 4, 5, 6])
        limits.rows = 5
        let (_, text) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(text.en.contains("row number 6 is outside"))
    }

    @Test func sparseRowNumbersKeepTheirNumbersAndAllocateNoGap() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(
            sheet: "<sheetData>\(Self.header)<row r=\"7\"><c r=\"A7\"><v>1</v></c></row>"
                + "<row r=\"1048576\"><c r=\"B1048576\"><v>2</v></c></row></sheetData>", in: directory)
        let rows = try readRows(path)
        #expect(rows.map(\.line) == [1, 7, 1_048_576])
        #expect(rows.map(\.cells.count) == [3, 1, 2])
    }

    @Test(arguments: [("XFE1", XLSXLimits().columns), ("AAAAAAAAAAAAAAAAAAAAAAAA1", XLSXLimits().columns), ("E1", 4)])
    func aCellPastTheLastColumnIsRefused(reference: String, columns: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(sheet: "<sheetData><row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row></sheetData>", in: directory)
        var limits = XLSXLimits()
        limits.columns = columns
        let (_, text) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(text.en.contains("is past the last column of an Excel sheet (\(XLSXLimits.columnName(columns - 1)))"))
        #expect(XLSXLimits.columnName(16_383) == "XFD" && XLSXLimits.columnName(0) == "A" && XLSXLimits.columnName(26) == "AA")
    }

    @Test func emptyCellsTakeNoRoomAndRowsAreCutAtTheirWidth() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try makeWorkbook(
            sheet: "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"/></row>"
                + "<row r=\"2\"><c r=\"B2\"><v>2</v></c><c r=\"XFD2\"><v>3</v></c></row></sheetData>", in: directory)
        #expect(try readRows(path).map(\.cells.count) == [1, 16_384])
        // Once the header is known, a cell past the columns read is left out of its row.
        #expect(try readRows(path, width: 3).map(\.cells) == [[.number(1)], [.empty, .number(2)]])
    }

    @Test func aCellOrRowWithMoreTextThanTheLimitIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // Runs of an inline string add up; a shared string counts each time a cell uses it.
        let inline = try makeWorkbook(
            sheet:
                "<sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><r><t>12345</t></r><r><t>678901</t></r></is></c></row></sheetData>",
            in: directory, name: "inline.xlsx")
        let shared = try makeWorkbook(
            sheet: "<sheetData><row r=\"1\">" + String(repeating: "<c t=\"s\"><v>0</v></c>", count: 3) + "</row></sheetData>",
            sharedStrings: "<si><t>0123456789</t></si>", in: directory, name: "shared.xlsx")
        var limits = XLSXLimits()
        limits.row.fieldBytes = 11
        limits.row.recordBytes = 30
        #expect(try readRows(inline, limits: limits).count == 1 && readRows(shared, limits: limits).count == 1)
        limits.row.fieldBytes = 10
        let (cellLocation, cell) = try malformed { _ = try readRows(inline, limits: limits) }
        #expect(cellLocation.file == inline + "#Sales")
        #expect(cell.en.contains("the cell B2 holds more than 10 bytes of text"))
        limits.row.recordBytes = 29
        let (_, row) = try malformed { _ = try readRows(shared, limits: limits) }
        #expect(row.en.contains("row 1 holds more than 29 bytes of text"))
        #expect(row.ru.contains("строка 1 содержит больше 29 байт"))
    }

    @Test func aPartDeclaredLargerThanTheLimitIsRefusedUnread() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let rows = (2...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        let path = try makeWorkbook(sheet: "<sheetData>\(rows)</sheetData>", in: directory)
        var limits = XLSXLimits()
        limits.partBytes = 1000
        let (location, text) = try malformed { _ = try readRows(path, limits: limits) }
        #expect(location.file == path)
        #expect(text.en.contains("xl/worksheets/sheet1.xml unpacks to more than"))
    }

    @Test func aSheetLargerThanThePipesBufferStreamsWhole() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        // About 3 MB of XML: more than the 1 MiB the pipe holds, in many chunks.
        let rows = (2...30_001).map {
            "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>2026-01-01</t></is></c>"
                + "<c r=\"B\($0)\" t=\"inlineStr\"><is><t>К-\($0)</t></is></c><c r=\"C\($0)\"><v>\($0)</v></c></row>"
        }.joined()
        let path = try makeWorkbook(sheet: "<sheetData>\(Self.header)\(rows)</sheetData>", in: directory)
        let read = try readRows(path)
        #expect(read.count == 30_001)
        #expect(read.last?.cells == [.text("2026-01-01"), .text("К-30001"), .number(30_001)])
        // A reader dropped half-way stops its unpacking thread instead of blocking on it.
        for _ in 0..<20 {
            let source = try XLSXRowSource(path: path, sheet: nil, limits: .standard)
            _ = try source.nextRow()
        }
    }

    @Test func aWorkbookOfRejectedRowsImportsWithTheRejectsInTheirFile() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let good =
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2026-01-15</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>C1</t></is></c><c r=\"C2\"><v>100</v></c></row>"
        let bad = String(repeating: "<row><c t=\"b\"><v>1</v></c><c r=\"XFD9\"><v>5</v></c></row>", count: 500)
        let path = try makeWorkbook(sheet: "<sheetData>\(Self.header)\(good)\(bad)</sheetData>", in: directory)
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsStored == 1 && report.rowsRejected == 500 && report.problems.count == options.problemLimit)
        let rejects = try String(contentsOfFile: try #require(report.rejectsFile), encoding: .utf8)
        let lines = rejects.split(separator: "\r\n")
        #expect(lines.count == 501)
        // Cut at the header's width: the far cell at XFD is not carried into the rejects.
        #expect(lines.last?.hasPrefix("502;") == true && lines.last?.hasSuffix("\";TRUE") == true)
    }
}
