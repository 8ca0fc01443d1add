/// Nouns after numbers: Russian has three forms (1 клиент, 2 клиента, 5 клиентов), English two.
public enum Plural {
    /// The form of `forms` (`one|few|many` in Russian, `one|other` in English) for `count`.
    /// Fractions take the Russian "few" form (1,5 дня) and the English plural.
    public static func form(_ count: Double, _ forms: [String], _ language: Language) -> String {
        guard let first = forms.first else { return "" }
        let whole = count.isFinite && count == count.rounded() && abs(count) < 1e15
        switch language {
        case .en:
            return whole && abs(count) == 1 ? first : (forms.count > 1 ? forms[1] : first)
        case .ru:
            guard forms.count >= 3 else { return forms.last ?? first }
            guard whole else { return forms[1] }
            let n = Int64(abs(count))
            let lastTwo = n % 100, last = n % 10
            if (11...14).contains(lastTwo) { return forms[2] }
            if last == 1 { return forms[0] }
            if (2...4).contains(last) { return forms[1] }
            return forms[2]
        }
    }

    /// `forms` written as one text, `a|b|c`.
    public static func form(_ count: Double, _ forms: String, _ language: Language) -> String {
        form(count, forms.split(separator: "|").map(String.init), language)
    }
}
