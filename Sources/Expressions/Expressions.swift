import AuditModel

/// A value an expression works with.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// Unknown: not answered, "don't know", "not applicable", a metric that could not be computed.
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(Day)
    /// A set of strings: the options chosen in a multiple-choice question, a list literal.
    case set(Set<String>)
    /// Numbers by name: a metric's value per item (each manager's share of revenue), read with
    /// `lookup(table, name)`, `rank(table, name)` and `top(table)`.
    case table([String: Double])

    /// The expression value of a stored answer: single choice → the option id, multiple
    /// choice → the set of option ids, yes/no → bool, number/percent/money/scale → number,
    /// text → string, date → date; "don't know" and "not applicable" → null.
    package init(answer: AnswerValue) {
        switch answer {
        case .option(let id): self = .string(id)
        case .options(let ids): self = .set(Set(ids))
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .text(let text): self = .string(text)
        case .date(let day): self = .date(day)
        case .dontKnow, .notApplicable: self = .null
        }
    }

    package var isNull: Bool { self == .null }

    /// The type of this value; nil for null.
    package var type: ValueType? {
        switch self {
        case .null: nil
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .date: .date
        case .set: .set
        case .table: .table
        }
    }

    /// The value as it would be written in an expression.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Value.format(number)
        case .string(let text): return "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'"
        case .date(let day): return "date('\(day.iso)')"
        case .set(let items): return "[" + items.sorted().map { Value.string($0).description }.joined(separator: ", ") + "]"
        case .table(let rows):
            return "{"
                + rows.sorted { $0.key < $1.key }.map { Value.string($0.key).description + ": " + Value.format($0.value) }
                .joined(separator: ", ") + "}"
        }
    }

    /// A number without a trailing `.0` when it is whole.
    static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15, let whole = Int64(checked: number) { return String(whole) }
        return String(number)
    }
}

/// The static type of an expression or a reference. Every type also admits null.
public enum ValueType: String, Sendable, Hashable, Codable, CustomStringConvertible {
    case bool, number, string, date, set, table

    public var description: String { rawValue }

    /// The type's name for messages.
    var name: LocalizedText {
        switch self {
        case .bool: ExpressionText.boolYesNo.text()
        case .number: ExpressionText.number.text()
        case .string: ExpressionText.string.text()
        case .date: ExpressionText.date.text()
        case .set: ExpressionText.setOfStrings.text()
        case .table: ExpressionText.tableOfNumbersByName.text()
        }
    }
}

/// What an expression refers to.
public struct Reference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What is referred to: an answer, a metric or a local name.
    public enum Kind: String, Sendable, Hashable, Comparable {
        case answer, metric, local

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The kind of the reference.
    public var kind: Kind
    /// The question id, metric id or local name.
    public var id: String

    package init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    package static func answer(_ id: String) -> Reference { Reference(.answer, id) }
    package static func metric(_ id: String) -> Reference { Reference(.metric, id) }
    package static func local(_ name: String) -> Reference { Reference(.local, name) }

    /// `answer.<id>`, `metric.<id>`, or the local's name, as written in an expression.
    public var description: String {
        switch kind {
        case .answer: "answer." + id
        case .metric: "metric." + id
        case .local: id
        }
    }

    public static func < (lhs: Reference, rhs: Reference) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
