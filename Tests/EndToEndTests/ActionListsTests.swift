import AuditModel
import Foundation
import Importers
import TestSupport
import Testing

/// The lists a finding's evidence stands for, in full beside the report: the client's people work
/// through them (call the overdue regulars, meet the large customers who cut their purchases,
/// reassign the customers nobody looks after), and the report says where each one is.
@Suite(.serialized) struct ActionListsTests {
    /// Every row of a sheet, cells as shown.
    static func rows(_ path: String, sheet: String) throws -> [[String]] {
        let source = try XLSXRowSource(path: path, sheet: sheet)
        var rows: [[String]] = []
        while let row = try source.nextRow() { rows.append(row.cells.map(\.display)) }
        return rows
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theReportNamesTheSheetThatHoldsEachFindingsFullList() throws {
        let directory = TemporaryDirectory("crm-audit-lists")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit")
        let lists = directory.file("lists.xlsx"), report = directory.file("report.html")
        let run = try CLI.run(["report", workspace, "--out", report, "--lists", lists, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("lists.xlsx"))
        let metrics = try CLI.run(["metrics", workspace, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(metrics.stdout.utf8)) as? [String: Any])
        let values = try #require(document["metrics"] as? [String: Any])
        let html = try String(contentsOfFile: report, encoding: .utf8)
        for (rule, metric) in [("RET-010", "customers.overdue_regulars"), ("REP-009", "managers.unserved_customers")] {
            let counted = try #require(values[metric] as? Double, "\(metric)")
            let sheet = try Self.rows(lists, sheet: rule)
            // Title, count line, a blank row and the header come before the records.
            #expect(sheet.count - 4 == Int(counted), "\(rule): \(sheet.count - 4) rows for \(metric) = \(counted)")
            #expect(sheet[3].first == "Код клиента")
            #expect(html.contains("Полный список — в файле «lists.xlsx», лист «\(rule)»"), "\(rule)")
            // The report's first record is the list's first.
            let finding = try #require(html.range(of: "id=\"finding-\(rule)\""))
            #expect(html[finding.upperBound...].contains("<td>\(sheet[4][0])</td>"), "\(rule): \(sheet[4][0])")
        }
        let contents = try Self.rows(lists, sheet: "Содержание")
        #expect(contents.dropFirst().map { $0[0] }.contains("KEY-010"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func aPseudonymisedCopyGoesWithoutTheListsThatNameTheCustomers() throws {
        let directory = TemporaryDirectory("crm-audit-lists-redacted")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let lists = directory.file("lists.xlsx")
        let run = try CLI.run([
            "report", directory.file("technosnab.crmaudit"), "--out", directory.file("r.html"),
            "--lists", lists, "--redact",
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--redact"))
        #expect(!FileManager.default.fileExists(atPath: lists))
        #expect(!FileManager.default.fileExists(atPath: directory.file("r.html")))
    }
}
