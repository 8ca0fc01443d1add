import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Importers

/// Inputs the fuzz targets (Fuzz/, scripts/fuzz.sh) found crashing the importer, minimised; the
/// files are in Fixtures/fuzz.
@Suite struct FuzzRegressionTests {
    @Test func aCellReferenceOfManyLettersIsNotAColumn() throws {
        // `<c r="AAAAAAAAAAAAAAAAAA2">`: counting the letters in base 26 overflowed and trapped.
        // The count now stops growing past four letters, and such a cell is past Excel's grid.
        #expect(try #require(XLSXRowSource.columnIndex(String(repeating: "A", count: 18) + "2")) > 16_383)
        #expect(XLSXRowSource.columnIndex("ZZZ1") == 18_277)
        #expect(XLSXRowSource.columnIndex("XFD7") == 16_383)
        let error = try #require(throws: ImportError.self) {
            try Importer.dryRun(try fixture("fuzz/column_reference_of_18_letters.xlsx"), options: ImportOptions(kind: .sales))
        }
        #expect(error.message(in: .en).contains("past the last column of an Excel sheet (XFD)"), "\(error.message(in: .en))")
    }

    @Test func aNegativeStyleIndexIsNoStyle() throws {
        // `<c s="-1"><v>46000</v></c>` with date styles in styles.xml indexed the styles at -1.
        let report = try Importer.dryRun(try fixture("fuzz/negative_style_index.xlsx"), options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 1 && report.rowsRejected == 0)
        #expect(report.preview.first?.first { $0.field == "date" }?.value == "2025-12-09")
    }

    @Test func aRejectedCellWithALineBreakStaysOneCellInTheRejectsFile() throws {
        // A quoted cell holding "\r\n" was written unquoted ("\r\n" is one Character, equal to
        // neither "\r" nor "\n"), so the rejects file gained a line (seen as fuzz-answers-csv's
        // round trip failing on the same check in the answers file).
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write("Дата;Клиент;Сумма\r\nвчера;\"ООО\r\nРомашка\";5\r\n", to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        let rejects = try #require(report.rejectsFile)
        let read = try readAll(rejects)
        #expect(read.count == 2)
        #expect(read.last?.fields.dropFirst(2) == ["вчера", "ООО\r\nРомашка", "5"])
    }
}
