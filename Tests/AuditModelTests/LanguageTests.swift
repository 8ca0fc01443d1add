import Foundation
import Testing

@testable import AuditModel

@Suite struct LanguageTests {
    @Test func aTextMadeInEachLanguageHoldsWhatEachLanguageMade() {
        let text = LocalizedText.inEach { Formatter($0).number(1234.5, fractionDigits: 1) }
        #expect(text[.ru] == Formatter(.ru).number(1234.5, fractionDigits: 1))
        #expect(text[.en] == "1,234.5")
        #expect((text + LocalizedText(both: "!"))[.en] == "1,234.5!")
        #expect(text.map { "[" + $0 + "]" }[.en] == "[1,234.5]")
    }

    @Test func aCountedNounAgreesWithTheNumberByThePluralRule() {
        let units = CountedNoun.customers
        #expect(units.form(for: 21, in: .ru) == "клиент")
        #expect(units.form(for: 22, in: .ru) == "клиента")
        #expect(units.form(for: 25, in: .ru) == "клиентов")
        #expect(units.form(1.5, in: .ru) == "клиента")
        #expect(units.form(for: 1, in: .en) == "customer")
        #expect(units.form(1.5, in: .en) == "customers")
    }

    @Test func formsWrittenInARuleFollowTheSamePluralCategoriesAsTheCatalogues() {
        #expect(Plural.formCount(in: .ru) == 3)
        #expect(Plural.formCount(in: .en) == 2)
        for count in [0.0, 1, 2, 5, 11, 21, 22, 25, 111, 1.5] {
            let written = Plural.form(count, "день|дня|дней", .ru)
            #expect(written == CountedNoun.days.form(count, in: .ru), "\(count)")
            #expect(Plural.form(count, "day|days", .en) == CountedNoun.days.form(count, in: .en), "\(count)")
        }
    }

    /// Texts live in catalogues (`Sources/<Module>/Texts/`), metric definitions beside their
    /// metric, questionnaire and ruleset texts in YAML: code never picks a text by the language,
    /// so that a language is added by adding texts (docs/translating.md).
    @Test func noCodeOutsideTheCataloguesPicksATextByTheLanguage() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let branches = try [
            #"case \(.*\.ru\)"#, #"== \.ru\b"#, #"\.ru \?"#, #"LocalizedText\(\s*ru:"#, #"\bru: ""#,
            #"\.ru\s*\+|\+\s*[\w.]+\.ru\b"#, #"Formatter\(\.ru\)"#,
        ].map { try Regex($0) }
        // The language's own definition, the YAML reader of `{ru:, en:}` texts, and the metric
        // catalogue (definitions stay beside their computation; its docs list both languages).
        let allowed = [
            "AuditModel/Language.swift", "AuditModel/NodeReader.swift", "Analytics/Catalogue.swift", "Analytics/Catalogue+Windows.swift",
        ]
        var found: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files
        where file.hasSuffix(".swift") && !file.contains("/Texts/") && !file.hasPrefix("Analytics/Metrics/")
            && !file.hasPrefix("TestSupport/") && !allowed.contains(file)
        {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && branches.contains(where: { line.contains($0) }) {
                found.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
