import AuditModel

/// The values an expression is evaluated with.
public struct Bindings: Sendable {
    /// Question id → stored answer value. A question absent here is unanswered.
    public var answers: [String: AnswerValue]
    /// Metric id → value (`.null` for a metric that could not be computed). Absent → null.
    public var metrics: [String: Value]
    /// Named locals such as `value`.
    public var locals: [String: Value]
    /// The questions the people interviewed answered materially differently (`disputed(answer.q)`).
    package var disputed: Set<String>
    /// How many named people answered (`respondents()`).
    public var respondents: Int

    /// Bindings of these answers, metrics and local names.
    public init(
        answers: [String: AnswerValue] = [:], metrics: [String: Value] = [:], locals: [String: Value] = [:],
        disputed: Set<String> = [], respondents: Int = 0
    ) {
        self.answers = answers
        self.metrics = metrics
        self.locals = locals
        self.disputed = disputed
        self.respondents = respondents
    }
}

/// An input whose missing value made a result null.
public struct MissingInput: Sendable, Hashable, Comparable, CustomStringConvertible {
    package enum Reason: String, Sendable, Hashable, Codable {
        /// The question has no answer yet (or was skipped).
        case unanswered
        /// Answered "don't know".
        case dontKnow = "dont_know"
        /// Answered "not applicable".
        case notApplicable = "not_applicable"
        /// The metric or local was not provided at all.
        case absent
        /// The metric or local was provided as null (e.g. the data needed was not imported).
        case null
    }

    package var reference: Reference
    package var reason: Reason

    package init(_ reference: Reference, _ reason: Reason) {
        self.reference = reference
        self.reason = reason
    }

    /// A short text for reports: "answer.goals: don't know".
    public func text(in language: Language) -> String {
        let key: ExpressionText =
            switch reason {
            case .unanswered: .missingUnanswered
            case .dontKnow: .missingDontKnow
            case .notApplicable: .missingNotApplicable
            case .absent: .missingAbsent
            case .null: .missingNull
            }
        return key.render(["reference": .value(reference)], in: language)
    }

    public var description: String { text(in: .en) }

    public static func < (lhs: MissingInput, rhs: MissingInput) -> Bool {
        (lhs.reference, lhs.reason.rawValue) < (rhs.reference, rhs.reason.rawValue)
    }
}

/// The result of evaluating an expression.
public struct Evaluation: Sendable, Hashable {
    /// The value, null when an input was missing.
    public var value: Value
    /// When ``value`` is null: the inputs whose missing values made it so, sorted and unique.
    /// Empty when the value is not null, or when it is null for another reason (the literal
    /// `null`, a division by zero).
    public var missing: [MissingInput]
    /// True when ``value`` is null because arithmetic gave a number no `Double` holds (an
    /// overflow to ±∞, or ∞ − ∞): such a result is refused rather than carried on, so that no
    /// infinity or NaN reaches a stored finding or a report.
    package var overflowed: Bool

    package init(value: Value, missing: [MissingInput] = [], overflowed: Bool = false) {
        self.value = value
        self.missing = missing
        self.overflowed = overflowed
    }
}

extension Expression {
    /// Evaluates the expression.
    ///
    /// Never fails: an expression that was not checked and meets a value of the wrong type
    /// gives null. Bounded: each node is evaluated at most once.
    /// - Complexity: O(n) in the number of nodes (plus set operations).
    public func evaluate(with bindings: Bindings) -> Evaluation {
        let result = Evaluator(bindings: bindings).evaluate(root)
        guard result.value == .null else { return Evaluation(value: result.value) }
        return Evaluation(value: .null, missing: Array(Set(result.missing)).sorted(), overflowed: result.overflowed)
    }

    /// The places of the constant parts of the expression (no answer, metric or local in them)
    /// whose arithmetic overflows, such as `1e308 * 10`: `lint` refuses them.
    package var overflowingConstants: [SourceLocation] {
        var found: [Int] = []
        Expression.findOverflows(root, into: &found)
        return found.map(location(of:))
    }

    private static func findOverflows(_ node: Node, into found: inout [Int]) {
        var references = Set<Reference>()
        collectReferences(node, into: &references)
        if references.isEmpty, Evaluator(bindings: Bindings()).evaluate(node).overflowed {
            // Report the outermost constant part that overflows, unless a part of it already does.
            var inner: [Int] = []
            for child in node.children { findOverflows(child, into: &inner) }
            found += inner.isEmpty ? [node.start] : inner
            return
        }
        for child in node.children { findOverflows(child, into: &found) }
    }

    private static func collectReferences(_ node: Node, into found: inout Set<Reference>) {
        if case .reference(let reference) = node.kind { found.insert(reference) }
        for child in node.children { collectReferences(child, into: &found) }
    }
}

extension Node {
    /// The nodes directly under this one.
    var children: [Node] {
        switch kind {
        case .literal, .reference: []
        case .list(let items): items
        case .unary(_, let operand): [operand]
        case .binary(_, let left, let right): [left, right]
        case .call(_, let arguments): arguments
        }
    }
}

/// A value with the inputs that made it null.
struct Partial {
    var value: Value
    var missing: [MissingInput] = []
    /// Null because arithmetic overflowed here or in an operand.
    var overflowed = false

    static let null = Partial(value: .null)
    static let overflow = Partial(value: .null, overflowed: true)

    static func nullOf(_ parts: Partial...) -> Partial {
        let nulls = parts.filter { $0.value == .null }
        return Partial(value: .null, missing: nulls.flatMap(\.missing), overflowed: nulls.contains { $0.overflowed })
    }

    /// A number, or ``overflow`` when it is not finite.
    static func number(_ number: Double) -> Partial {
        number.isFinite ? Partial(value: .number(number)) : .overflow
    }
}

struct Evaluator {
    let bindings: Bindings

    func evaluate(_ node: Node) -> Partial {
        switch node.kind {
        case .literal(let value):
            return Partial(value: value)
        case .list(let items):
            var strings = Set<String>()
            for item in items {
                let part = evaluate(item)
                guard case .string(let text) = part.value else { return .nullOf(part) }
                strings.insert(text)
            }
            return Partial(value: .set(strings))
        case .reference(let reference):
            return resolve(reference)
        case .unary(.not, let operand):
            let part = evaluate(operand)
            guard case .bool(let flag) = part.value else { return .nullOf(part) }
            return Partial(value: .bool(!flag))
        case .unary(.negate, let operand):
            let part = evaluate(operand)
            guard case .number(let number) = part.value else { return .nullOf(part) }
            return .number(-number)
        case .binary(let op, let left, let right):
            return binary(op, left, right)
        case .call(let function, let arguments):
            return call(function, arguments)
        }
    }

    private func resolve(_ reference: Reference) -> Partial {
        switch reference.kind {
        case .answer:
            guard let answer = bindings.answers[reference.id] else {
                return Partial(value: .null, missing: [MissingInput(reference, .unanswered)])
            }
            switch answer {
            case .dontKnow: return Partial(value: .null, missing: [MissingInput(reference, .dontKnow)])
            case .notApplicable: return Partial(value: .null, missing: [MissingInput(reference, .notApplicable)])
            default: return Partial(value: Value(answer: answer))
            }
        case .metric, .local:
            let source = reference.kind == .metric ? bindings.metrics : bindings.locals
            guard let value = source[reference.id] else {
                return Partial(value: .null, missing: [MissingInput(reference, .absent)])
            }
            return value == .null ? Partial(value: .null, missing: [MissingInput(reference, .null)]) : Partial(value: value)
        }
    }

    private func binary(_ op: BinaryOperator, _ leftNode: Node, _ rightNode: Node) -> Partial {
        switch op {
        case .and, .or:
            let left = evaluate(leftNode)
            let decisive = op == .or
            if left.value == .bool(decisive) { return left }
            let right = evaluate(rightNode)
            if right.value == .bool(decisive) { return right }
            if case .bool = left.value, case .bool = right.value { return Partial(value: .bool(!decisive)) }
            return .nullOf(left, right)
        case .coalesce:
            let left = evaluate(leftNode)
            if left.value != .null { return left }
            let right = evaluate(rightNode)
            if right.value != .null { return right }
            return .nullOf(left, right)
        case .in:
            if case .list(let items) = rightNode.kind { return membership(leftNode, items) }
            fallthrough
        default:
            let left = evaluate(leftNode)
            let right = evaluate(rightNode)
            guard left.value != .null, right.value != .null else { return .nullOf(left, right) }
            let value = Evaluator.apply(op, left.value, right.value)
            if case .number(let number) = value, !number.isFinite { return .overflow }
            return Partial(value: value)
        }
    }

    /// `x in [a, b, …]`: true when any item equals x; null when none does but some item is null.
    private func membership(_ leftNode: Node, _ items: [Node]) -> Partial {
        let left = evaluate(leftNode)
        guard left.value != .null else { return left }
        var nulls: [Partial] = []
        for item in items {
            let part = evaluate(item)
            if part.value == .null {
                nulls.append(part)
                continue
            }
            if part.value == left.value { return Partial(value: .bool(true)) }
        }
        if nulls.isEmpty { return Partial(value: .bool(false)) }
        return Partial(value: .null, missing: nulls.flatMap(\.missing), overflowed: nulls.contains { $0.overflowed })
    }

    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        switch (op, left, right) {
        case (.equal, _, _): return left.type == right.type ? .bool(left == right) : .null
        case (.notEqual, _, _): return left.type == right.type ? .bool(left != right) : .null
        case (.less, _, _), (.lessOrEqual, _, _), (.greater, _, _), (.greaterOrEqual, _, _):
            guard let order = compare(left, right) else { return .null }
            switch op {
            case .less: return .bool(order < 0)
            case .lessOrEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case (.in, .string(let item), .set(let items)): return .bool(items.contains(item))
        case (.contains, .set(let items), .string(let item)): return .bool(items.contains(item))
        case (.contains, .string(let text), .string(let part)): return .bool(text.contains(part))
        case (.plus, .number(let a), .number(let b)): return .number(a + b)
        case (.minus, .number(let a), .number(let b)): return .number(a - b)
        case (.times, .number(let a), .number(let b)): return .number(a * b)
        case (.divide, .number(let a), .number(let b)): return b == 0 ? .null : .number(a / b)
        case (.remainder, .number(let a), .number(let b)): return b == 0 ? .null : .number(a.truncatingRemainder(dividingBy: b))
        case (.plus, .date(let day), .number(let days)):
            return shifted(day, by: days)
        case (.minus, .date(let day), .number(let days)):
            return shifted(day, by: -days)
        default: return .null
        }
    }

    /// `day` moved by a whole number of `days` (at most ten million), else null.
    private static func shifted(_ day: Day, by days: Double) -> Value {
        guard days == days.rounded(), Swift.abs(days) < 1e7, let whole = Int(checked: days) else { return .null }
        return .date(day.adding(days: whole))
    }

    /// -1, 0 or 1 for two values of one ordered type; nil otherwise.
    static func compare(_ left: Value, _ right: Value) -> Int? {
        switch (left, right) {
        case (.number(let a), .number(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.date(let a), .date(let b)): a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): a < b ? -1 : (a == b ? 0 : 1)
        default: nil
        }
    }

    private func call(_ function: Function, _ arguments: [Node]) -> Partial {
        switch function {
        case .known:
            return Partial(value: .bool(evaluate(arguments[0]).value != .null))
        case .answered, .unknown:
            guard case .reference(let reference) = arguments[0].kind, reference.kind == .answer else { return .null }
            let answer = bindings.answers[reference.id]
            return Partial(value: .bool(function == .answered ? answer != nil : answer == .dontKnow))
        case .disputed:
            guard case .reference(let reference) = arguments[0].kind, reference.kind == .answer else { return .null }
            return Partial(value: .bool(bindings.disputed.contains(reference.id)))
        case .respondents:
            return Partial(value: .number(Double(bindings.respondents)))
        case .count:
            let part = evaluate(arguments[0])
            guard case .set(let items) = part.value else { return .nullOf(part) }
            return Partial(value: .number(Double(items.count)))
        case .abs:
            let part = evaluate(arguments[0])
            guard case .number(let number) = part.value else { return .nullOf(part) }
            return .number(Swift.abs(number))
        case .daysBetween:
            let first = evaluate(arguments[0]), second = evaluate(arguments[1])
            guard case .date(let a) = first.value, case .date(let b) = second.value else { return .nullOf(first, second) }
            return Partial(value: .number(Double(a.days(to: b))))
        case .min, .max:
            let parts = arguments.map(evaluate)
            let nulls = parts.filter { $0.value == .null }
            guard nulls.isEmpty else {
                return Partial(value: .null, missing: nulls.flatMap(\.missing), overflowed: nulls.contains { $0.overflowed })
            }
            var best = parts[0].value
            for part in parts.dropFirst() {
                guard let order = Evaluator.compare(part.value, best) else { return .null }
                if function == .min ? order < 0 : order > 0 { best = part.value }
            }
            if case .string = best { return .null }
            return Partial(value: best)
        case .date:
            return .null  // folded into a literal by the parser
        case .lookup, .rank:
            let table = evaluate(arguments[0]), name = evaluate(arguments[1])
            guard case .table(let rows) = table.value, case .string(let text) = name.value else { return .nullOf(table, name) }
            // No item, or several, answer to the name: null with no missing input (the name was given).
            guard let key = NameMatch.key(in: rows.keys, matching: text), let value = rows[key] else { return .null }
            if function == .lookup { return Partial(value: .number(value)) }
            let ahead = rows.filter { $0.value > value || ($0.value == value && $0.key < key) }.count
            return Partial(value: .number(Double(ahead + 1)))
        case .top:
            let table = evaluate(arguments[0])
            guard case .table(let rows) = table.value else { return .nullOf(table) }
            let best = rows.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            return best.map { Partial(value: .string($0.key)) } ?? .null
        case .sum:
            let table = evaluate(arguments[0])
            guard case .table(let rows) = table.value else { return .nullOf(table) }
            return Partial(value: .number(rows.values.reduce(0, +)))
        }
    }
}
