/// The CLDR plural categories a language's nouns agree with a number by: Russian uses `one`
/// (1, 21, 101), `few` (2–4, 22–24), `many` (0, 5–20, 25–30, 11–14) and `other` (fractions:
/// 1,5 дня); English uses `one` (1) and `other`.
package enum PluralCategory: String, Sendable, Hashable, CaseIterable {
    case zero, one, two, few, many, other

    /// The category of `count` in `language` (CLDR rules; a fraction is `other` in both).
    package static func of(_ count: Double, in language: Language) -> PluralCategory {
        let whole = count.isFinite && count == count.rounded() && abs(count) < 1e15
        switch language {
        case .en:
            return whole && abs(count) == 1 ? .one : .other
        case .ru:
            guard whole else { return .other }
            switch Plural.russianIndex(UInt64(abs(count))) {
            case 0: return .one
            case 1: return .few
            default: return .many
            }
        }
    }

    /// The categories a language's texts must give forms for.
    package static func required(in language: Language) -> [PluralCategory] {
        switch language {
        case .ru: [.one, .few, .many, .other]
        case .en: [.one, .other]
        }
    }
}
