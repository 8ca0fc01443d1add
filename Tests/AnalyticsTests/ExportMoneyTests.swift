import Testing

@testable import Analytics

/// Money in exported tables is written to the kopeck.
@Suite struct ExportMoneyTests {
    @Test(arguments: [
        (12820563.059999999, "12820563.06"), (23891105.220000006, "23891105.22"), (100.0, "100"),
        (0.5, "0.5"), (-1234.5, "-1234.5"), (0.07, "0.07"), (-0.07, "-0.07"), (1e20, "1e+20"),
    ])
    func anAmountIsWrittenToTheKopeck(value: Double, written: String) {
        #expect(Analysis.money(value) == written)
    }

    @Test func everyMoneyColumnOfEveryExportIsToTheKopeck() throws {
        let analysis = try Fixture.analysis()
        let moneyColumns: Set<String> = ["revenue_last_12m", "revenue_prev_12m", "revenue_all_history", "monetary", "amount"]
        for table in ExportTable.allCases {
            let sample = analysis.exportTable(table)
            for (index, column) in sample.columns.enumerated() where moneyColumns.contains(column) {
                for row in sample.rows {
                    guard let value = row[index] else { continue }
                    let parts = value.split(separator: ".")
                    #expect(parts.count <= 2 && (parts.count == 1 || parts[1].count <= 2), "\(table.rawValue).\(column): \(value)")
                }
            }
        }
    }
}
