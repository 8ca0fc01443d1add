import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

/// Rows of a report that are not data: totals, repeated headers, unit rows, separators, blank
/// rows and the group rows of 1C's grouped reports.
@Suite struct NonDataRowsTests {
    @Test func a1CGroupedReportImportsWithoutFlagsWithGroupValuesCarriedDown() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let report = try Importer.importFile(
            try fixture("1c_grouped_sales.csv"), into: workspace, round: try workspace.round(),
            options: ImportOptions(kind: .sales))
        #expect(report.rowsRejected == 0)
        #expect(report.rowsRead == 5 && report.rowsStored == 5)
        let rows = report.nonDataRows
        #expect(rows.count(.group) == 2)
        #expect(rows.count(.total) == 3)  // "Итого по …", an unlabelled subtotal, the grand total
        #expect(rows.count(.units) == 1 && rows.count(.separator) == 1 && rows.count(.repeatedHeader) == 1)
        #expect(rows.count(.blank) == 1)  // line 17; the blank line 3 is above the header
        #expect(rows.examples.first { $0.kind == .group }?.line == 6)
        #expect(rows.examples.map(\.line) == [5, 6, 9, 10, 13, 14, 15, 18])
        let stored = try ImportersTests.rows(workspace, "SELECT customer_id, date, amount, source_line FROM sale ORDER BY row_id")
        #expect(
            stored == [
                ["customer_id": "ООО \"Ромашка\"", "date": "2026-11-01", "amount": "12000.0", "source_line": "7"],
                ["customer_id": "ООО \"Ромашка\"", "date": "2026-11-05", "amount": "6000.0", "source_line": "8"],
                ["customer_id": "ИП Сидоров А.В.", "date": "2026-11-03", "amount": "1500.0", "source_line": "11"],
                ["customer_id": "ИП Сидоров А.В.", "date": "2026-11-07", "amount": "2000.0", "source_line": "12"],
                ["customer_id": "ООО Ландыш", "date": "2026-11-10", "amount": "4000.0", "source_line": "16"],
            ])
    }

    /// A report grouped by manager, then by customer (each level in its own column, with its
    /// subtotal): both values are carried into the lines beneath.
    @Test func nestedGroupsCarryEveryLevelDown() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let report = try Importer.importFile(
            try fixture("1c_nested_groups.csv"), into: workspace, round: try workspace.round(),
            options: ImportOptions(kind: .sales))
        #expect(report.rowsRejected == 0 && report.rowsStored == 4)
        #expect(report.nonDataRows.count(.group) == 5 && report.nonDataRows.count(.total) == 1)
        let stored = try ImportersTests.rows(workspace, "SELECT customer_id, manager, amount FROM sale ORDER BY row_id")
        #expect(
            stored.map { [$0["customer_id"], $0["manager"], $0["amount"]] } == [
                ["ООО Ромашка", "Иванов И.И.", "12000.0"], ["ООО Ромашка", "Иванов И.И.", "6000.0"],
                ["ИП Сидоров", "Иванов И.И.", "12000.0"], ["ООО Бета", "Петров П.П.", "5000.0"],
            ])
    }

    @Test func aDryRunShowsTheRowsThatAreNotDataAsTheImportWould() throws {
        let report = try Importer.dryRun(try fixture("1c_grouped_sales.csv"), options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 5 && report.rowsRejected == 0)
        #expect(report.nonDataRows.count(.group) == 2 && report.nonDataRows.count(.total) == 3)
        #expect(report.preview.first?.first { $0.field == "customer_id" }?.value == "ООО \"Ромашка\"")
    }

    @Test func aTotalsRowOfACustomerListIsNotACustomer() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = try directory.write(
            """
            Код;Наименование;Менеджер
            C1;ООО Альфа;Иванов
            C2;Total Logistics;Петров
            Итого: 2;;
            """, to: "customers.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .customers))
        #expect(report.rowsStored == 2 && report.nonDataRows.count(.total) == 1)
        #expect(
            try ImportersTests.rows(workspace, "SELECT customer_id FROM customer ORDER BY row_id").map { $0["customer_id"] } == [
                "C1", "C2",
            ])
    }

    @Test func aLineWithValuesMissingIsStillABadRowNotAGroup() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            """
            Клиент;Дата;Сумма
            A;;100
            B;02.11.2026;200
            C;;
            """, to: "sales.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 3 && report.rowsRejected == 2)
        #expect(report.problems.map(\.location.line) == [2, 4, 4])  // C lacks its date and its amount
        #expect(report.nonDataRows.total == 0)
    }

    @Test func aCustomerWhoseNameBeginsWithATotalsWordIsDataGoodOrBad() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            "Клиент;Дата;Сумма\nВсего хорошего ООО;32.11.2026;100\nTotal Logistics;01.11.2026;200\n", to: "sales.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 2 && report.rowsRejected == 1 && report.nonDataRows.total == 0)
    }

    @Test func totalsLabelsAreToldFromNamesThatBeginWithTheSameWord() {
        for label in ["Итого", "ИТОГО:", "Итого по ООО «Ромашка»", "Итого за ноябрь", "Всего 12", "Total", "Grand Total", "Subtotal (Q1)"] {
            #expect(NonDataClassifier.isTotalLabel(label, strict: true), "\(label)")
        }
        for name in ["Total Logistics", "Итоговая ООО", "Всеволод", "Totally Fine LLC", "Всего хорошего ООО"] {
            #expect(!NonDataClassifier.isTotalLabel(name, strict: true), "\(name)")
        }
        // The quick look at a value's bytes lets every totals label through and stops most data.
        func peek(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer { NonDataClassifier.mayBeTotalLabel($0) } }
        for label in ["Итого", "ИТОГО:", "всего", "Общий итог", "Total", "SUBTOTAL", "Grand Total"] { #expect(peek(label), "\(label)") }
        for value in ["ООО Ромашка", "01.11.2026", "Сидоров", "ТС-000815", "Siemens", "Globex"] { #expect(!peek(value), "\(value)") }
    }
}

extension NonDataRowsTests {
    /// A grouped report longer than the rows searched for the header: the rows past them are
    /// read straight from the CSV reader's record.
    @Test func groupsAndTotalsAreRecognisedThroughoutALongReport() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var lines = ["Отчет о продажах", "Контрагент;Дата;Номенклатура;Количество;Сумма", ";;;шт.;руб."]
        for customer in 1...20 {
            lines.append("Клиент \(customer);;;;300,00")
            lines.append(";01.11.2026;Товар;1;100,00")
            lines.append(";02.11.2026;Товар;2;200,00")
            lines.append("Итого по Клиент \(customer);;;3;300,00")
            if customer % 5 == 0 { lines.append(";;;;") }
        }
        lines.append("Всего;;;60;6 000,00")
        let path = try directory.write(lines.joined(separator: "\n"), to: "report.csv")
        let report = try Importer.dryRun(path, options: ImportOptions(kind: .sales))
        #expect(report.rowsRead == 40 && report.rowsRejected == 0)
        #expect(report.nonDataRows.count(.group) == 20 && report.nonDataRows.count(.total) == 21)
        #expect(report.nonDataRows.count(.units) == 1 && report.nonDataRows.count(.blank) == 4)

        let (workspace, workspaceDirectory) = try makeTestWorkspace()
        defer { workspaceDirectory.remove() }
        let stored = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(stored.rowsStored == 40)
        let last = try ImportersTests.rows(workspace, "SELECT customer_id, amount FROM sale ORDER BY row_id DESC LIMIT 1")
        #expect(last == [["customer_id": "Клиент 20", "amount": "200.0"]])
    }
}
