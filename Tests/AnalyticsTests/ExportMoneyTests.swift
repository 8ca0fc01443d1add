@testable import Analytics
import Testing

/// Money in exported tables is written to the kopeck.
@Suite struct ExportMoneyTests {
    @Test(arguments: [(12820563.059999999, "12820563.06"), (23891105.220000006, "23891105.22"), (100.0, "100"),
                      (0.5, "0.5"), (-1234.5, "-1234.5"), (0.07, "0.07"), (-0.07, "-0.07"), (1e20, "1e+20")])
    func anAmountIsWrittenToTheKopeck(value: Double, written: String) {
        #expect(Analysis.money(value) == written)
    }
}
