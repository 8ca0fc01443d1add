/// A place in an input file, as a compiler names it: `file:line:column`.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line (a CSV record's first line, a sheet row, an XML or YAML line); nil for the file as a whole.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?
    /// A workbook cell as a spreadsheet names it, `Sheet!D12` (then shown instead of line and column).
    package var cell: String?

    /// A place in `file`, at `line` and `column` (1-based) when known.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A cell of a workbook: `sheet` and the cell's `reference` (`D12`).
    package init(file: String, sheet: String, cell reference: String) {
        self.file = file
        self.cell = "\(sheet)!\(reference)"
    }

    public var description: String {
        var text = file
        if let cell { return text + ":" + cell }
        if let line { text += ":\(line)" }
        if let line = line, line > 0, let column { text += ":\(column)" }
        return text
    }

    /// Where, in words: "в ячейке Анкета!D12", "on line 12".
    package func place(in language: Language) -> String {
        if let cell { return ModelText.inCell.render(["cell": .text(cell)], in: language) }
        return ModelText.onLine.render(["line": .text(String(line ?? 0))], in: language)
    }
}

/// An error that a person fixes: it says what is wrong, where, and what to do, in each language.
///
/// Every engine throws its own types conforming to this protocol; the CLI turns them into text
/// on standard error and an exit code in one place.
public protocol AuditError: Error, Sendable {
    /// Where in the input the problem lies, when it comes from a file.
    var location: SourceLocation? { get }
    /// The explanation, with what to do about it, in `language`.
    func message(in language: Language) -> String
}

extension AuditError {
    /// No place by default.
    public var location: SourceLocation? { nil }

    /// The message in the compiler's shape: `error: …` then ` --> file:line:column`.
    public func rendered(in language: Language) -> String {
        let prefix = ModelText.error.text()[language]
        var text = "\(prefix): \(message(in: language))"
        if let location { text += "\n --> \(location)" }
        return text
    }
}

/// One problem found in an input file, with its location; used where a run collects all
/// problems of a file instead of stopping at the first.
public struct Diagnostic: AuditError, Hashable, CustomStringConvertible {
    /// How grave a diagnostic is: an error stops the load, a warning does not.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is, when it is in a file.
    public var location: SourceLocation?
    package var text: LocalizedText

    package init(_ severity: Severity = .error, at location: SourceLocation?, _ text: LocalizedText) {
        self.severity = severity
        self.location = location
        self.text = text
    }

    /// The diagnostic's text in `language`.
    public func message(in language: Language) -> String { text[language] }

    /// `file:line:column: error: message`, the shape editors and CI logs understand.
    public func formatted(in language: Language) -> String {
        let label: String
        switch severity {
        case .error: label = ModelText.errorLabel.render(in: language)
        case .warning: label = ModelText.warningLabel.render(in: language)
        case .note: label = ModelText.noteLabel.render(in: language)
        }
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(label): \(text[language])"
    }

    public var description: String { formatted(in: .en) }
}

/// Several problems of one run, reported together.
public struct DiagnosticList: AuditError {
    /// Every problem found, in the order found.
    public var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The diagnostics that are errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// Every diagnostic, one per line, in `language`.
    public func message(in language: Language) -> String {
        let lines = diagnostics.map { $0.formatted(in: language) }
        let count = errors.count
        let head = ModelText.errorsFound.render(["count": .count(count)], in: language)
        return ([head] + lines).joined(separator: "\n")
    }
}
