import AuditModel
import Testing

@Suite struct FormatterTests {
    let ru = Formatter(.ru)
    let en = Formatter(.en)

    @Test func moneyFollowsEachLanguage() {
        #expect(ru.money(1_234_567.89, fractionDigits: 2) == "1\u{00A0}234\u{00A0}567,89\u{00A0}₽")
        #expect(en.money(1_234_567.89, fractionDigits: 2) == "RUB\u{00A0}1,234,567.89")
    }

    @Test(arguments: [
        (0.0, "0", "0"), (999.0, "999", "999"), (1000.0, "1\u{00A0}000", "1,000"), (-1234.5, "−1\u{00A0}234,5", "−1,234.5"),
        (0.004, "0", "0"), (12.345, "12,35", "12.35"),
    ])
    func numbersGroupAndRound(value: Double, russian: String, english: String) {
        #expect(ru.number(value) == russian)
        #expect(en.number(value) == english)
    }

    @Test func percentsAndDates() {
        #expect(ru.percent(0.352) == "35,2\u{00A0}%")
        #expect(en.percent(0.352) == "35.2%")
        let day = Day(year: 2026, month: 11, day: 29)!
        #expect(ru.date(day) == "29.11.2026")
        #expect(en.date(day) == "2026-11-29")
    }

    @Test func compactMoney() {
        #expect(ru.compactMoney(12_345_678) == "12,3\u{00A0}млн\u{00A0}₽")
        #expect(en.compactMoney(12_345_678) == "RUB\u{00A0}12.3M")
    }
}
