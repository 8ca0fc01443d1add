/// One field of a CSV file the tool writes: text from data or people, which is neutralised
/// against spreadsheet formulas, or a value the tool formatted itself, which is not.
///
/// Every CSV the tool writes (`export` tables, the answers file, an import's rejects, sample
/// data) is written through ``CSVFormat``, so the quoting and the neutralising live here only.
package enum CSVField: Sendable, Hashable {
    /// Text that comes from a client's data, a questionnaire or a person: customer and manager
    /// names, answers, notes, cells of a rejected row. Written ``CSVFormat/neutralised(_:)``.
    case text(String)
    /// A value the tool formatted itself (a number such as `-12.5`, a date, a line number):
    /// written as it is, so that a spreadsheet still reads a negative amount as a number.
    case formatted(String)
}

/// How the tool writes CSV: the delimiter and line end of one file, RFC 4180 quoting, and
/// formula neutralising by the OWASP rule.
package struct CSVFormat: Sendable {
    package var delimiter: Unicode.Scalar
    package var lineEnd: String

    /// `,` and `\n`: the analytics tables `crm-audit export` writes.
    package static let comma = CSVFormat(delimiter: ",", lineEnd: "\n")
    /// `;` and CRLF: what Excel in a Russian locale opens as columns (answers, rejects).
    package static let excel = CSVFormat(delimiter: ";", lineEnd: "\r\n")

    package init(delimiter: Unicode.Scalar, lineEnd: String) {
        self.delimiter = delimiter
        self.lineEnd = lineEnd
    }

    /// The fields joined by the delimiter, with the line end.
    /// - Complexity: O(*n*) in the total length of the fields.
    package func line(_ fields: [CSVField]) -> String {
        fields.map(field).joined(separator: String(delimiter)) + lineEnd
    }

    /// One field as written: quoted (inner quotes doubled) when it holds the delimiter, a quote
    /// or a line break, or when it was neutralised. Scanned by Unicode scalars, not characters:
    /// a quote followed by a combining mark is still a quote to a CSV reader.
    package func field(_ field: CSVField) -> String {
        let text: String
        var quoted = false
        switch field {
        case .formatted(let value):
            text = value
        case .text(let value):
            text = CSVFormat.neutralised(value)
            quoted = text.utf8.count != value.utf8.count
        }
        let scalars = text.unicodeScalars
        guard quoted || scalars.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in scalars {
            if scalar == "\"" { result.append(scalar) }
            result.append(scalar)
        }
        result.append("\"")
        return String(result)
    }

    /// `text` with a `'` in front when a spreadsheet would take it for a formula: when it
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return (the OWASP rule for CSV
    /// injection, so `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` shows as text instead of running).
    /// Text that already starts with quotes before such a character gets one more, so that
    /// ``restoringNeutralised(_:)`` gives back exactly the original.
    package static func neutralised(_ text: String) -> String {
        startsLikeFormula(afterQuotes: text) ? "'" + text : text
    }

    /// The inverse of ``neutralised(_:)``, for a reader of a file the tool wrote (the answers
    /// CSV): drops the one `'` that was added before a formula's first character.
    package static func restoringNeutralised(_ text: String) -> String {
        guard text.unicodeScalars.first == "'", startsLikeFormula(afterQuotes: text) else { return text }
        return String(text.unicodeScalars.dropFirst())
    }

    private static func startsLikeFormula(afterQuotes text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first)
    }
}
