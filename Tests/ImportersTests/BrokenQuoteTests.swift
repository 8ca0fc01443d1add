import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// A quote left open spoils its own line, not the rest of the file.
@Suite struct BrokenQuoteTests {
    static let file = #"""
        Дата;Клиент;Сумма
        01.11.2026;ООО Альфа;100
        02.11.2026;"ООО "Бета;200
        03.11.2026;ООО Гамма;300
        04.11.2026;x;не число
        05.11.2026;"ООО ""Дельта""";400
        06.11.2026;"ИП Сидоров;500
        """#

    @Test func everyBadLineIsListedAtOnceWithItsLineAndColumn() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.file, to: "sales.csv")
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        guard case .badRows(_, let problems, let total, let read) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(total == 3 && read == 6)
        #expect(
            problems.map(\.location) == [
                SourceLocation(file: path, line: 3, column: 12), SourceLocation(file: path, line: 5, column: 3),
                SourceLocation(file: path, line: 7, column: 12),
            ])
        #expect(problems[0].reason.en.contains("not closed on this line"))
        #expect(problems[0].reason.ru.contains("кавычка"))
    }

    @Test func skippingBadRowsStoresEveryOtherLine() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(Self.file, to: "sales.csv")
        var options = ImportOptions(kind: .sales)
        options.skipBadRows = true
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: options)
        #expect(report.rowsStored == 3 && report.rowsRejected == 3)
        #expect(report.problems.map(\.location.line) == [3, 5, 7])
        let stored = try rows(workspace, "SELECT customer_id, amount FROM sale ORDER BY row_id")
        #expect(stored.map { $0["customer_id"] ?? "" } == ["ООО Альфа", "ООО Гамма", "ООО \"Дельта\""])
        let rejects = try String(contentsOfFile: try #require(report.rejectsFile), encoding: .utf8)
        #expect(rejects.contains("ООО \"\"Бета") && rejects.contains("ИП Сидоров"))
    }

    @Test func aQuotedFieldOverALineBreakIsStillOneValue() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("Дата;Клиент;Сумма\n01.11.2026;\"ООО\nАльфа\";100\n02.11.2026;Бета;200\n", to: "sales.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 2 && report.rowsRejected == 0)
        #expect(report.preview.first?.first { $0.field == "customer_id" }?.value == "ООО\nАльфа")
    }
}
