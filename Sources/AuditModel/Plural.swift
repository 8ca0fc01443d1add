/// Nouns after numbers: Russian has three forms (1 клиент, 2 клиента, 5 клиентов), English two.
package enum Plural {
    /// The form of `forms` (`one|few|many` in Russian, `one|other` in English) for `count`.
    /// Fractions take the Russian "few" form (1,5 дня) and the English plural.
    package static func form(_ count: Double, _ forms: [String], _ language: Language) -> String {
        guard let first = forms.first else { return "" }
        let index = index(PluralCategory.of(count, in: language))
        return forms.indices.contains(index) ? forms[index] : forms.last ?? first
    }

    /// How many forms a `a|b|c` list gives in `language`: Russian 3 (one, few, many), English 2.
    package static func formCount(in language: Language) -> Int {
        Set(PluralCategory.required(in: language).map(index)).count
    }

    /// The position of a category's form in a `one|few|many` (`one|other`) list; `other`
    /// (English plurals, Russian fractions) takes the second.
    private static func index(_ category: PluralCategory) -> Int {
        switch category {
        case .zero, .one: 0
        case .two, .few, .other: 1
        case .many: 2
        }
    }

    /// `forms` written as one text, `a|b|c`.
    package static func form(_ count: Double, _ forms: String, _ language: Language) -> String {
        form(count, forms.split(separator: "|").map(String.init), language)
    }

    /// The Russian form for a whole `n`: 0 after 1, 21, 31…; 1 after 2–4, 22–24…; 2 otherwise.
    static func russianIndex(_ n: UInt64) -> Int {
        let lastTwo = n % 100, last = n % 10
        if (11...14).contains(lastTwo) { return 2 }
        if last == 1 { return 0 }
        if (2...4).contains(last) { return 1 }
        return 2
    }
}

/// A noun that agrees with a number: `1 клиент`, `2 клиента`, `5 клиентов`; `1 customer`,
/// `844 customers`. Its forms are a catalogue text, a plural of `{count}`.
package struct CountedNoun: Sendable {
    private let render: @Sendable (Double, Language) -> String

    /// The noun whose forms are the catalogue text `key`: `{count, plural, one {клиент} …}`.
    package init<Catalogue: TextCatalogue>(_ key: Catalogue) {
        render = { key.render(["count": .number($0)], in: $1) }
    }

    /// The form for `count` (fractions included: `1,5 дня`, `1.5 days`) in `language`.
    package func form(_ count: Double, in language: Language) -> String { render(count, language) }

    /// The form for a whole `count` in `language`.
    package func form(for count: Int, in language: Language) -> String { render(Double(count), language) }

    package static let customers = CountedNoun(ModelText.customersNoun)
    package static let days = CountedNoun(ModelText.daysNoun)
    package static let saleLines = CountedNoun(ModelText.saleLinesNoun)
    package static let rows = CountedNoun(ModelText.rowsNoun)
}

extension Formatter {
    /// Days with at most one decimal, the noun agreeing with the number as shown:
    /// `181 день`, `90,3 дня`, `5 дней` / `1 day`, `90.3 days`.
    package func days(_ value: Double) -> String {
        let shown = (value * 10).rounded() / 10
        let noun = CountedNoun.days
        return number(value, fractionDigits: 1) + "\u{00A0}"
            + noun.form(shown, in: language)
    }

    /// A whole count with its noun: `844 клиента` / `844 customers`.
    package func count(_ value: Double, _ noun: CountedNoun) -> String {
        let whole = Int(clamped: value, rounding: .toNearestOrAwayFromZero)
        return count(value) + "\u{00A0}" + noun.form(for: whole, in: language)
    }
}
