import AuditModel
import Foundation
import Testing

@testable import Importers

@Suite struct ValueReaderTests {
    @Test(
        arguments: [
            ("12 345,60", 12_345.6), ("12\u{00A0}345,60", 12_345.6), ("12\u{202F}345,60", 12_345.6), ("1234.5", 1_234.5),
            ("1,234.56", 1_234.56), ("1.234,56", 1_234.56), ("1 234 567", 1_234_567), ("-1 500", -1_500),
            ("(1 500,00)", -1_500), ("1500-", -1_500), ("−42", -42), ("12 345,60 ₽", 12_345.6), ("₽12345", 12_345),
            ("12 345 руб.", 12_345), ("12345р.", 12_345), ("$1,234.50", 1_234.5), ("€ 99,90", 99.9), ("100 RUB", 100),
            ("0", 0), ("0,5", 0.5), (",5", 0.5), ("1,5E+03", 1_500), ("1'234'567", 1_234_567), ("  7  ", 7),
            ("1,234,567", 1_234_567), ("1.234.567", 1_234_567), ("1,234", 1.234),
        ] as [(String, Double)])
    func numbersAreReadAsWritten(text: String, expected: Double) {
        #expect(NumberReader.parse(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "", "abc", "12 34,5,6", "1.2.3,4", "12,34.5,6", "1 2345", "12 34", "--5", "5 kg", "1e", "NaN", "inf", "1,2,3.4.5", "12,345 678",
    ])
    func textThatIsNotOneNumberIsRefused(text: String) {
        #expect(NumberReader.parse(text) == nil, "\(text)")
    }

    @Test(arguments: [
        ("20.11.2026", "2026-11-20"), ("20.11.26", "2026-11-20"), ("01.02.85", "1985-02-01"), ("2026-11-20", "2026-11-20"),
        ("2026-11-20T14:35:00Z", "2026-11-20"), ("20.11.2026 14:35", "2026-11-20"), ("20.11.2026 14:35:07", "2026-11-20"),
        ("20/11/2026", "2026-11-20"), ("20-11-2026", "2026-11-20"), ("2026.11.20", "2026-11-20"), ("20261120", "2026-11-20"),
        ("45322", "2024-01-31"), ("45322,75", "2024-01-31"), ("20 ноября 2026 г.", "2026-11-20"), ("1 марта 2024", "2024-03-01"),
        ("November 20, 2026", "2026-11-20"), ("29.02.2024", "2024-02-29"), ("20.11.2026 г.", "2026-11-20"),
        ("20.11.2026г", "2026-11-20"), ("20.11.2026 года", "2026-11-20"),
    ])
    func datesAreReadDayFirstByDefault(text: String, iso: String) {
        #expect(DateReader.parse(text, order: .dayFirst).day?.iso == iso, "\(text)")
    }

    @Test(arguments: [
        "31.04.2026", "29.02.2023", "2026-13-01", "00.01.2026", "yesterday", "20.11", "20.11.2026abc", "1.2.3.4", "60", "г.",
        "20.11.2026 гг",
    ])
    func impossibleOrIncompleteDatesAreRefused(text: String) {
        #expect(DateReader.parse(text, order: .dayFirst).day == nil, "\(text)")
    }

    @Test func ambiguousDatesFollowTheColumnOrderAndReportEvidence() {
        #expect(DateReader.parse("03/04/2026", order: .dayFirst).day?.iso == "2026-04-03")
        #expect(DateReader.parse("03/04/2026", order: .monthFirst).day?.iso == "2026-03-04")
        #expect(DateReader.parse("03/04/2026", order: .dayFirst).evidence == .ambiguous)
        #expect(DateReader.parse("25/03/2026", order: .dayFirst).evidence == .dayFirstOnly)
        #expect(DateReader.parse("03/25/2026", order: .monthFirst).evidence == .monthFirstOnly)
        #expect(DateReader.parse("03/25/2026", order: .dayFirst).day == nil)
    }

    @Test(
        arguments: [
            (SerialDateSystem.excel1900, 1.0, "1900-01-01"), (.excel1900, 59, "1900-02-28"), (.excel1900, 61, "1900-03-01"),
            (.excel1900, 45322, "2024-01-31"), (.excel1900, 46346.5, "2026-11-20"), (.excel1904, 0, "1904-01-01"),
            (.excel1904, 44884, "2026-11-20"),
        ] as [(SerialDateSystem, Double, String)])
    func serialDatesCountFromTheirEpoch(system: SerialDateSystem, serial: Double, iso: String) {
        #expect(system.day(serial)?.iso == iso)
    }

    @Test func thePhantom29February1900IsNotADay() {
        #expect(SerialDateSystem.excel1900.day(60) == nil)
        #expect(SerialDateSystem.excel1900.day(0) == nil)
        #expect(SerialDateSystem.excel1900.day(-5) == nil)
    }

    @Test(arguments: [
        ("да", true), ("Да", true), ("YES", true), ("1", true), ("true", true), ("Истина", true), ("+", true),
        ("нет", false), ("No", false), ("0", false), ("FALSE", false), ("ложь", false), ("-", false),
    ])
    func booleansInBothLanguages(text: String, expected: Bool) {
        #expect(BooleanReader.parse(text) == expected)
    }

    @Test func codesAreReadFromTheWordsExportsUse() {
        let types = ["company", "person"]
        #expect(CodeReader.parse("Юр. лицо", field: "type", codes: types) == "company")
        #expect(CodeReader.parse("ИП", field: "type", codes: types) == "company")
        #expect(CodeReader.parse("Физ. лицо", field: "type", codes: types) == "person")
        #expect(CodeReader.parse("Частное лицо", field: "type", codes: types) == "person")
        #expect(CodeReader.parse("PERSON", field: "type", codes: types) == "person")
        #expect(CodeReader.parse("кооператив", field: "type", codes: types) == nil)
        #expect(CodeReader.parse("Ж", field: "gender", codes: ["male", "female"]) == "female")
        #expect(CodeReader.parse("Закрыта успешно", field: "status", codes: ["open", "won", "lost"]) == "won")
        #expect(CodeReader.parse("в работе", field: "status", codes: ["open", "won", "lost"]) == "open")
    }

    @Test func aValueThatCannotBeReadIsAProblemNeverAZero() {
        var amount = FieldReader(spec: FieldSpec("amount", .number, required: true), order: .dayFirst, serials: .excel1900)
        guard case .problem(let reason) = amount.read(.text("12 34,5,6")) else {
            Issue.record("read as a value")
            return
        }
        #expect(reason.en == "cannot be read as a number (expected digits such as 1 234,56 or -12.5)")
        guard case .problem = amount.read(.empty) else {
            Issue.record("empty required amount accepted")
            return
        }
        var cost = FieldReader(spec: FieldSpec("cost", .number), order: .dayFirst, serials: .excel1900)
        guard case .value(.null) = cost.read(.text("  ")) else {
            Issue.record("blank optional is not null")
            return
        }
        var taxID = FieldReader(spec: FieldSpec("tax_id"), order: .dayFirst, serials: .excel1900)
        guard case .value(.text("7701234567")) = taxID.read(.number(7_701_234_567)) else {
            Issue.record("number as text")
            return
        }
    }

    /// 1C and Russian reports print a lone dash for "no value" in number and date columns.
    @Test(arguments: ["-", "–", "—", " — ", "--"])
    func aLoneDashInANumberOrDateColumnIsNoValue(dash: String) {
        var cost = FieldReader(spec: FieldSpec("cost", .number), order: .dayFirst, serials: .excel1900)
        guard case .value(.null) = cost.read(.text(dash)) else {
            Issue.record("dash in an optional number")
            return
        }
        var closed = FieldReader(spec: FieldSpec("closed_at", .date), order: .dayFirst, serials: .excel1900)
        guard case .value(.null) = closed.read(.text(dash)) else {
            Issue.record("dash in an optional date")
            return
        }
        var amount = FieldReader(spec: FieldSpec("amount", .number, required: true), order: .dayFirst, serials: .excel1900)
        guard case .problem(let reason) = amount.read(.text(dash)) else {
            Issue.record("dash in a required number")
            return
        }
        #expect(reason.en == "the required field amount is empty")
        var product = FieldReader(spec: FieldSpec("product"), order: .dayFirst, serials: .excel1900)
        guard case .value(.text(let text)) = product.read(.text(dash)) else {
            Issue.record("dash in a text field")
            return
        }
        #expect(text == dash.trimmingCharacters(in: .whitespaces))
    }
}

@Suite struct TrimmingTests {
    @Test(arguments: [
        ("Александр", "Александр"), ("Профиль ПП 60х27", "Профиль ПП 60х27"), ("Кумар", "Кумар"), ("ЯЩЕР", "ЯЩЕР"),
        (" Иванов\t", "Иванов"), ("\u{A0}Петров\u{A0}", "Петров"), ("Сидор\u{2003}", "Сидор"), ("\u{3000}Ли", "Ли"),
        ("\u{202F}Ω\u{205F}", "Ω"), ("\u{1680}x\u{85}", "x"), ("a\u{0B}", "a"), ("\u{0C}b", "b"), ("в\u{200A}", "в"),
        ("", ""), ("   ", ""), ("中文\u{3000}", "中文"), ("— тире —", "— тире —"),
    ])
    func trimsUnicodeWhiteSpaceAtBothEndsOnly(input: String, expected: String) {
        #expect(trimmed(input) == expected)
    }
}
