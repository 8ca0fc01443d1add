import AuditModel
import Expressions
import Testing

/// Arithmetic that leaves the doubles gives null marked as an overflow, never ∞ or NaN.
@Suite struct OverflowTests {
    @Test(arguments: [
        "1e308 * 10", "-1e308 - 1e308", "1 / 1e-320", "metric.sales.revenue * metric.sales.revenue",
        "abs(-1e308 * 10)", "max(1e308 * 10, 1)", "-(1e308 + 1e308)",
    ])
    func overflowGivesNullMarkedAsOverflow(text: String) throws {
        let result = try evaluate(text, Bindings(metrics: ["sales.revenue": .number(1e200)]))
        #expect(result.value == .null)
        #expect(result.overflowed)
    }

    @Test func largeButFiniteArithmeticIsKept() throws {
        #expect(try evaluate("1e308 + 1e307").value == .number(1e308 + 1e307))
        #expect(try evaluate("1e308 * 10 > 1").value == .null)
        #expect(try evaluate("1e308 * 10 > 1").overflowed)
        #expect(try !evaluate("metric.sales.revenue * 2").overflowed)
    }

    @Test func dateArithmeticWithAHugeNumberOfDaysIsNullNotATrap() throws {
        for days in ["1e300", "-1e300", "9223372036854775807", "1e7"] {
            let result = try evaluate("date('2026-01-01') + \(days)")
            #expect(result.value == .null, "\(days)")
        }
        #expect(try evaluate("date('2026-01-01') + 31").value == .date(Day(year: 2026, month: 2, day: 1)!))
    }

    @Test func constantPartsThatOverflowAreFoundWithTheirPlace() throws {
        let expression = try Expression.parse("metric.sales.revenue > 2 * (1e308 * 10)", origin: origin)
        #expect(expression.overflowingConstants == [SourceLocation(file: "rules.yaml", line: 10, column: 39)])
        #expect(try Expression.parse("metric.sales.revenue * 1e308 > 1", origin: origin).overflowingConstants.isEmpty)
        #expect(try Expression.parse("1e308 + 1e307", origin: origin).overflowingConstants.isEmpty)
    }

    @Test func aLiteralBeyondTheDoublesIsASyntaxError() {
        #expect(!diagnostics("metric.sales.revenue > 1e400").isEmpty)
    }
}
