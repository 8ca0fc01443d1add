import AuditModel
import Foundation
@testable import Importers
import Testing

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
}
