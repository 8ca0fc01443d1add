import Testing

@testable import AuditModel

/// No Double → Int conversion traps: checked conversions say nil, clamped ones saturate, and the
/// formatter writes any finite number exactly.
@Suite struct NumbersTests {
    @Test func checkedConversionIsNilWhereIntWouldTrap() {
        for value in [Double.nan, .infinity, -.infinity, 1e19, -1e19, 9.223_372_036_854_775_807e18, 1e300] {
            #expect(Int(checked: value) == nil, "\(value)")
            #expect(Int64(checked: value) == nil, "\(value)")
        }
        #expect(Int32(checked: 3e9) == nil)
        #expect(Int(checked: 3.7) == 3 && Int(checked: -3.7) == -3)
        #expect(Int(checked: 3.2, rounding: .up) == 4)
        #expect(Int(checked: 2.5, rounding: .toNearestOrAwayFromZero) == 3)
        #expect(Int64(checked: -9.223_372_036_854_775_808e18) == Int64.min)
    }

    @Test func clampedConversionSaturatesAndTakesNaNAsZero() {
        #expect(Int(clamped: .nan) == 0)
        #expect(Int(clamped: .infinity) == Int.max && Int(clamped: -.infinity) == Int.min)
        #expect(Int(clamped: 1e300) == Int.max && Int64(clamped: -1e19) == Int64.min)
        #expect(UInt8(clamped: 300) == 255 && UInt8(clamped: -4) == 0)
        #expect(Int(clamped: 41.9) == 41 && Int(clamped: 41.1, rounding: .up) == 42)
    }

    @Test func theAmountBoundIsTenToTheFifteenth() {
        #expect(NumberLimits.isAmount(1e15) && NumberLimits.isAmount(-1e15) && NumberLimits.isAmount(0))
        #expect(!NumberLimits.isAmount(1e15.nextUp) && !NumberLimits.isAmount(.infinity) && !NumberLimits.isAmount(.nan))
    }

    @Test(arguments: [
        (1e14, "100,000,000,000,000"), (1e19, "10,000,000,000,000,000,000"), (-1e20, "−100,000,000,000,000,000,000"),
        (18_446_744_073_709_551_616, "18,446,744,073,709,551,616"), (1234.5, "1,234.5"), (0.005, "0.01"), (-0.001, "0"),
    ])
    func numbersOfAnySizeAreWrittenExactly(value: Double, text: String) {
        #expect(Formatter(.en).number(value) == text)
    }

    @Test func theLargestNumbersAreWrittenInFullWithoutATrap() {
        let en = Formatter(.en)
        let googol = en.number(1e300).filter(\.isNumber)
        #expect(googol.count == 301 && googol.hasPrefix("100000000000000005250476025520442024870446858110815915491585"))
        #expect(en.number(.greatestFiniteMagnitude).filter(\.isNumber).count == 309)
        #expect(en.number(1e300, fractionDigits: 2, fixed: true).hasSuffix(".00"))
        #expect(en.money(1e19) == "RUB\u{00A0}10,000,000,000,000,000,000")
        #expect(Formatter(.ru).count(1e14) == "100\u{00A0}000\u{00A0}000\u{00A0}000\u{00A0}000")
        #expect(en.number(.nan) == "—" && en.number(-.infinity) == "−∞")
        #expect(en.compactMoney(1e300).hasPrefix("RUB\u{00A0}1,000,000,000") && en.compactMoney(1e300).hasSuffix("B"))
    }

    @Test func daysFromNumbersAreCheckedAgainstTheISORange() {
        #expect(Day.supportedOrdinals.lowerBound == Day(year: 1, month: 1, day: 1)?.ordinal)
        #expect(Day.supportedOrdinals.upperBound == Day(year: 9999, month: 12, day: 31)?.ordinal)
        #expect(Day(checkedOrdinal: 0) == Day(year: 1970, month: 1, day: 1))
        for value in [Double.nan, .infinity, 1e300, 2_932_897, -719_163] {
            #expect(Day(checkedOrdinal: value) == nil, "\(value)")
        }
    }
}
