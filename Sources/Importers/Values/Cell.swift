import AuditModel

/// One value as a source file holds it, before it is read as a canonical field.
package enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    /// A spreadsheet number shown with a date format.
    case date(Day)
    /// Text whose bytes are not valid in the file's encoding.
    case undecodable

    /// The value as the user sees it in the file (for messages and rejects).
    package var display: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let value): Cell.format(value)
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .date(let day): day.iso
        case .undecodable: "\u{FFFD}"
        }
    }

    package var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): trimmed(text).isEmpty
        default: false
        }
    }

    /// A number as text without a spurious `.0` (7701234567, not 7701234567.0).
    package static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15, let whole = Int64(checked: value) { return String(whole) }
        return String(value)
    }
}

/// A canonical value ready to be stored.
package enum StoredValue: Sendable, Equatable {
    case null
    case text(String)
    case real(Double)
    case integer(Int64)

    package var display: String {
        switch self {
        case .null: ""
        case .text(let text): text
        case .real(let value): Cell.format(value)
        case .integer(let value): String(value)
        }
    }
}

/// Reads yes/no answers: да/нет, yes/no, 1/0, true/false, истина/ложь, +/−.
package enum BooleanReader {
    package static func parse(_ text: String) -> Bool? {
        switch normalizeWord(text) {
        case "да", "д", "yes", "y", "true", "истина", "1", "+", "вкл", "on", "x", "есть", "согласен", "согласна", "подписан":
            true
        case "нет", "н", "no", "n", "false", "ложь", "0", "-", "выкл", "off", "не согласен", "отписан":
            false
        default:
            nil
        }
    }
}

/// Reads the closed sets of codes of the canonical model from the words exports use.
package enum CodeReader {
    private static let synonyms: [String: [String: [String]]] = [
        "type": [
            "company": [
                "company", "юл", "юр лицо", "юрлицо", "юридическое лицо", "организация", "компания", "b2b",
                "ип", "индивидуальный предприниматель", "legal", "legal entity", "organization", "organisation",
                "corporate", "business", "ооо", "юр",
            ],
            "person": [
                "person", "фл", "физ лицо", "физлицо", "физическое лицо", "частное лицо", "частник", "b2c",
                "individual", "private", "consumer", "физ", "физ лицо частное",
            ],
        ],
        "gender": [
            "male": ["male", "m", "м", "муж", "мужской", "мужчина", "man"],
            "female": ["female", "f", "ж", "жен", "женский", "женщина", "woman", "w"],
        ],
        "status": [
            "open": [
                "open", "открыта", "открыто", "открыт", "в работе", "активна", "активная", "active", "in progress",
                "новая", "new", "отложена", "приостановлена", "на паузе", "ожидание", "on hold",
            ],
            "won": [
                "won", "win", "выиграна", "выигрыш", "успешно", "успешна", "успех", "закрыта успешно",
                "успешно реализовано", "заключена", "сделка заключена", "оплачена", "closed won", "closedwon",
                "сделка успешна", "успешно завершена", "выиграно", "успешная", "выиграна сделка", "завершена успешно",
                // A lead that became a deal: the lead's "won".
                "качественный лид", "сконвертирован", "converted", "closed - converted", "closed converted",
            ],
            "lost": [
                "lost", "lose", "проиграна", "проигрыш", "неуспешно", "закрыта неуспешно", "отказ", "отменена",
                "cancelled", "canceled", "closed lost", "провал", "closedlost", "закрыто и не реализовано",
                "не реализовано", "сделка провалена", "проиграно", "проигранная", "неуспешная", "завершена неуспешно",
                "closed lost to competition", "closed-lost to competition",
                "некачественный лид", "junk", "unqualified", "disqualified", "closed - not converted", "closed not converted",
            ],
        ],
    ]

    /// The code of `text` among `codes` (field `field`), or nil.
    package static func parse(_ text: String, field: String, codes: [String]) -> String? {
        let key = normalizeWord(text)
        if codes.contains(key) { return key }
        guard let table = synonyms[field] else { return nil }
        for code in codes {
            if table[code]?.contains(key) == true { return code }
        }
        return nil
    }
}

/// Lowercase, `ё` as `е`, punctuation as spaces, runs of spaces as one, trimmed.
package func normalizeWord(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for scalar in text.lowercased().unicodeScalars {
        let character = scalar == "ё" ? "е" : scalar
        if CharacterSetLite.isWordScalar(character) || character == "+" || character == "-" {
            if pendingSpace && !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.unicodeScalars.append(character)
        } else {
            pendingSpace = true
        }
    }
    return out
}

/// Lowercase letters and digits only, `ё` as `е`: how header names are compared.
package func normalizeKey(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
        let character = scalar == "ё" ? "е" : scalar
        if CharacterSetLite.isWordScalar(character) { out.unicodeScalars.append(character) }
    }
    return out
}

enum CharacterSetLite {
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "№" || scalar == "#"
    }
}

/// Whether the UTF-8 text in `bytes` may start or end with white space (Unicode White_Space:
/// ASCII blanks, U+0085 and U+00A0 after a C2 lead, U+1680, U+2000–U+205F and U+3000 after an
/// E1–E3 lead). Cyrillic letters (D0/D1 leads) never may, so a trimmed name is not rescanned.
@inline(__always)
func mayHaveBlankEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    let first = bytes[0], last = bytes[count - 1]
    if first <= 0x20 || first == 0xC2 || (first >= 0xE1 && first <= 0xE3) { return true }
    if last < 0x80 { return last <= 0x20 }
    if count >= 2 && bytes[count - 2] == 0xC2 { return true }
    if count >= 3 && bytes[count - 3] >= 0xE1 && bytes[count - 3] <= 0xE3 { return true }
    return false
}

/// `text` without leading and trailing white space (including no-break spaces); fast when
/// there is none, which is almost always.
package func trimmed(_ text: String) -> String {
    let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in !mayHaveBlankEnds(bytes) }
    if clean == true { return text }
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start {
        let before = scalars.index(before: end)
        guard scalars[before].properties.isWhitespace else { break }
        end = before
    }
    return String(scalars[start..<end])
}
