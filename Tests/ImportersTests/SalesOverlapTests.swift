import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// A second export of the same sales is refused rather than doubling the revenue.
@Suite struct SalesOverlapTests {
    static let report = """
        Дата;Клиент;Сумма
        01.11.2026;ООО Альфа;100
        02.11.2026;ООО Бета;200
        03.11.2026;ООО Гамма;300
        04.11.2026;ООО Альфа;400
        """
    /// The manager's workbook of the same sales, with one more line and one line of another day.
    static let workbook = """
        Дата;Клиент;Сумма
        01.11.2026;ООО Альфа;100,00
        02.11.2026;ООО Бета;200
        03.11.2026;ООО Гамма;300
        05.11.2026;ООО Дельта;500
        """

    @Test func theSameSalesFromAnotherFileAreRefusedNamingBothFilesThePeriodAndTheShare() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let first = try directory.write(Self.report, to: "1c_report.csv")
        let second = try directory.write(Self.workbook, to: "manager.csv")
        _ = try Importer.importFile(first, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(second, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        guard case .overlapping(let path, let text) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(path == second)
        // The common period is 01.11–04.11: 3 lines of the workbook, all 3 in the report.
        #expect(text.en.contains("manager.csv") && text.en.contains("1c_report.csv"))
        #expect(text.en.contains("2026-11-01 — 2026-11-04") && text.en.contains("3 of 3 lines match (100%"))
        #expect(text.ru.contains("--replace-dataset") && text.ru.contains("--keep-overlap"))
        #expect(try rows(workspace, "SELECT count(*) AS n FROM sale") == [["n": "4"]])
    }

    @Test func theUserReplacesTheEarlierFileOrKeepsBoth() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let first = try directory.write(Self.report, to: "1c_report.csv")
        let second = try directory.write(Self.workbook, to: "manager.csv")
        _ = try Importer.importFile(first, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        var replacing = ImportOptions(kind: .sales)
        replacing.replaceDataset = "1c_report.csv"
        let report = try Importer.importFile(second, into: workspace, round: try workspace.round(), options: replacing)
        #expect(report.replacedDataset)
        #expect(try workspace.datasets(round: try workspace.round()).map(\.fileName) == ["manager.csv"])

        var keeping = ImportOptions(kind: .sales)
        keeping.keepOverlapping = true
        _ = try Importer.importFile(first, into: workspace, round: try workspace.round(), options: keeping)
        #expect(try rows(workspace, "SELECT count(*) AS n FROM sale") == [["n": "8"]])

        var wrong = ImportOptions(kind: .sales)
        wrong.replaceDataset = "nothing.csv"
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(
                try directory.write(Self.report + "\n", to: "again.csv"), into: workspace, round: try workspace.round(), options: wrong)
        }
        #expect(error.message(in: .en).contains("manager.csv, 1c_report.csv"))
    }

    @Test func ordersAreComparedByTheirIdsWhenBothFilesHaveThem() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let first = try directory.write("Номер;Дата;Клиент;Сумма\nA1;01.11.2026;X;100\nA2;02.11.2026;Y;200\n", to: "a.csv")
        // Other lines of other orders on the same days: different sales.
        let other = try directory.write("Номер;Дата;Клиент;Сумма\nB1;01.11.2026;X;100\nB2;02.11.2026;Y;200\n", to: "b.csv")
        let same = try directory.write("Номер;Дата;Клиент;Сумма\nA1;01.11.2026;ООО X;100\nA2;02.11.2026;Y;250\n", to: "c.csv")
        for path in [first, other] {
            _ = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        let error = try #require(throws: ImportError.self) {
            try Importer.importFile(same, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        }
        #expect(error.message(in: .en).contains("repeat those of a.csv") && error.message(in: .en).contains("by order id"))
    }
}
