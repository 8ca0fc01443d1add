/// A language the product speaks. Every user-facing text exists in each of them.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case ru
    case en

    /// The language's tag in documents (BCP 47: `ru-RU`, `en-GB`), for a Word file's proofing language.
    package var documentTag: String {
        switch self {
        case .ru: "ru-RU"
        case .en: "en-GB"
        }
    }

    /// The language picked from a locale identifier such as `ru_RU.UTF-8` (Russian), else English.
    package static func fromLocale(_ identifier: String?) -> Language {
        guard let identifier, identifier.lowercased().hasPrefix("ru") else { return .en }
        return .ru
    }
}

/// A text given in every ``Language``.
public struct LocalizedText: Sendable, Hashable, Codable {
    package var ru: String
    package var en: String

    package init(ru: String, en: String) {
        self.ru = ru
        self.en = en
    }

    /// The same text in both languages (names, codes, numbers).
    package init(both text: String) {
        self.init(ru: text, en: text)
    }

    package subscript(language: Language) -> String {
        switch language {
        case .ru: ru
        case .en: en
        }
    }

    /// The text made by `make` for each language: `.inEach { Formatter($0).date(day) }`. The one
    /// place that lists the languages a text is made in.
    package static func inEach(_ make: (Language) -> String) -> LocalizedText {
        LocalizedText(ru: make(.ru), en: make(.en))
    }

    /// The two texts one after the other, in each language.
    package static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText { .inEach { lhs[$0] + rhs[$0] } }

    /// Every variant transformed the same way.
    package func map(_ transform: (String) -> String) -> LocalizedText {
        .inEach { transform(self[$0]) }
    }
}
