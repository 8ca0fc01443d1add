/// Nouns after numbers: Russian has three forms (1 клиент, 2 клиента, 5 клиентов), English two.
package enum Plural {
    /// The form of `forms` (`one|few|many` in Russian, `one|other` in English) for `count`.
    /// Fractions take the Russian "few" form (1,5 дня) and the English plural.
    package static func form(_ count: Double, _ forms: [String], _ language: Language) -> String {
        guard let first = forms.first else { return "" }
        let whole = count.isFinite && count == count.rounded() && abs(count) < 1e15
        switch language {
        case .en:
            return whole && abs(count) == 1 ? first : (forms.count > 1 ? forms[1] : first)
        case .ru:
            guard forms.count >= 3 else { return forms.last ?? first }
            guard whole else { return forms[1] }
            return forms[russianIndex(UInt64(abs(count)))]
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
/// `844 customers`. A named set of forms for `Plural`.
package struct CountedNoun: Sendable, Hashable {
    /// Russian: the form after 1, 21, 31… (`клиент`).
    package var one: String
    /// Russian: the form after 2–4, 22–24… (`клиента`).
    package var few: String
    /// Russian: the form after 0, 5–20, 25–30… and after fractions' integers (`клиентов`).
    package var many: String
    /// English singular and plural.
    package var singular: String
    package var plural: String

    package init(one: String, few: String, many: String, singular: String, plural: String) {
        self.one = one
        self.few = few
        self.many = many
        self.singular = singular
        self.plural = plural
    }

    /// The form for `count` (fractions included: `1,5 дня`, `1.5 days`) in `language`.
    package func form(_ count: Double, in language: Language) -> String {
        Plural.form(count, LocalizedText(ru: "\(one)|\(few)|\(many)", en: "\(singular)|\(plural)")[language], language)
    }

    /// The form for a whole `count` in `language`.
    package func form(for count: Int, in language: Language) -> String {
        switch language {
        case .en:
            return count.magnitude == 1 ? singular : plural
        case .ru:
            return [one, few, many][Plural.russianIndex(UInt64(count.magnitude))]
        }
    }

    package static let customers = CountedNoun(
        one: "клиент", few: "клиента", many: "клиентов",
        singular: "customer", plural: "customers")
    package static let days = CountedNoun(one: "день", few: "дня", many: "дней", singular: "day", plural: "days")
    package static let saleLines = CountedNoun(
        one: "строка продаж", few: "строки продаж", many: "строк продаж",
        singular: "sale line", plural: "sale lines")
    package static let rows = CountedNoun(one: "строка", few: "строки", many: "строк", singular: "row", plural: "rows")
    package static let months = CountedNoun(one: "месяц", few: "месяца", many: "месяцев", singular: "month", plural: "months")
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
