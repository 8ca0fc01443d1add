import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Analytics

/// `crm-audit export` tables with names and ids a hostile export may hold.
@Suite struct ExportCSVFormulas {
    static let analysis = Result { () throws -> Analysis in
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(
            [
                [
                    "customer_id": "+1", "name": "=HYPERLINK(\"http://evil.example\",\"click\")", "tax_id": "7701234567",
                    "manager": "@SUM(1)",
                ],
                ["customer_id": "-1", "name": "=cmd|' /C calc'!A0", "tax_id": "7701234567", "manager": "@SUM(1)"],
            ], kind: .customers, into: workspace)
        try insertCanonicalRows(
            [
                Fixture.sale("O1", "+1", "2025-06-10", "100", product: "=1+1", manager: "@SUM(1)"),
                Fixture.sale("O2", "-1", "2025-06-11", "-12.5", product: "=1+1", manager: "@SUM(1)"),
            ], kind: .sales, into: workspace)
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: Fixture.asOf)
    }

    @Test func namesAndIdsAreWrittenAsTextAndAmountsAsNumbers() throws {
        let analysis = try Self.analysis.get()
        let abc = analysis.exportTable(.abc).csv()
        #expect(abc.contains("customer,2,\"'-1\",-12.5,"), "\(abc)")
        #expect(abc.contains("product,1,\"'=1+1\","))
        #expect(abc.contains("manager,1,\"'@SUM(1)\","))
        let rfm = analysis.exportTable(.rfm).csv()
        #expect(rfm.contains("\"'+1\","))
        let duplicates = analysis.exportTable(.duplicates).csv()
        #expect(duplicates.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""))
        #expect(duplicates.contains("\"'=cmd|' /C calc'!A0\""))
        #expect(analysis.exportTable(.managers).csv().contains("\"'@SUM(1)\","))
    }

    /// No field of any table starts with a formula character unless it is a number the
    /// analytics formatted.
    @Test func noFieldStartsLikeAFormula() throws {
        let analysis = try Self.analysis.get()
        for table in ExportTable.allCases {
            for line in analysis.exportTable(table).csv().split(separator: "\n") {
                for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let first = field.first, "=+-@".contains(first) else { continue }
                    #expect(Double(field) != nil, "\(table): \(line)")
                }
            }
        }
    }

    /// The numeric columns hold numbers only, in every table of the hand-computed fixture.
    @Test func theNumericColumnsHoldNumbers() throws {
        let analysis = try Fixture.analysis()
        let tables = ExportTable.allCases.map(analysis.exportTable) + SampleSet.allCases.map { analysis.sample($0, limit: 100) }
        for table in tables {
            for (index, column) in table.columns.enumerated() where SampleTable.numericColumns.contains(column) {
                for row in table.rows {
                    if let value = row[index] { #expect(Double(value) != nil, "\(table.id).\(column): \(value)") }
                }
            }
        }
    }
}
