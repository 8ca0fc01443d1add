/// A noun that agrees with a number: `1 клиент`, `2 клиента`, `5 клиентов`; `1 customer`,
/// `844 customers`.
public struct CountedNoun: Sendable, Hashable {
    /// Russian: the form after 1, 21, 31… (`клиент`).
    public var one: String
    /// Russian: the form after 2–4, 22–24… (`клиента`).
    public var few: String
    /// Russian: the form after 0, 5–20, 25–30… and after fractions' integers (`клиентов`).
    public var many: String
    /// English singular and plural.
    public var singular: String
    public var plural: String

    public init(one: String, few: String, many: String, singular: String, plural: String) {
        self.one = one
        self.few = few
        self.many = many
        self.singular = singular
        self.plural = plural
    }

    /// The form for a whole `count` in `language`.
    public func form(for count: Int, in language: Language) -> String {
        let n = count.magnitude
        switch language {
        case .en:
            return n == 1 ? singular : plural
        case .ru:
            let lastTwo = n % 100, last = n % 10
            if (11...14).contains(lastTwo) { return many }
            if last == 1 { return one }
            if (2...4).contains(last) { return few }
            return many
        }
    }

    public static let customers = CountedNoun(one: "клиент", few: "клиента", many: "клиентов",
                                              singular: "customer", plural: "customers")
    public static let days = CountedNoun(one: "день", few: "дня", many: "дней", singular: "day", plural: "days")
    public static let months = CountedNoun(one: "месяц", few: "месяца", many: "месяцев", singular: "month", plural: "months")
}

extension Formatter {
    /// A whole count with its noun: `844 клиента` / `844 customers`.
    public func count(_ value: Double, _ noun: CountedNoun) -> String {
        let whole = value.isFinite && abs(value) < 9e18 ? Int(value.rounded()) : 0
        return count(value) + "\u{00A0}" + noun.form(for: whole, in: language)
    }
}
