import AuditModel

/// The type of something an expression may refer to.
public struct ReferenceType: Sendable, Hashable {
    /// The value's type.
    public var type: ValueType
    /// For a choice question: the option ids its answer may hold. A string literal compared
    /// with such an answer must be one of them, so `answer.tools == 'exel'` is an error.
    public var options: [String]?

    /// A reference of `type`, limited to `options` for a choice question.
    public init(_ type: ValueType, options: [String]? = nil) {
        self.type = type
        self.options = options
    }
}

/// What exists when an expression is checked: the answers, metrics and locals it may use.
public struct TypeEnvironment: Sendable {
    /// Question id → the type of its answer.
    public var answers: [String: ReferenceType]
    /// Metric id → the metric's type.
    public var metrics: [String: ReferenceType]
    /// Named locals (such as `value`, the answer being validated) → type.
    public var locals: [String: ReferenceType]
    /// When true, a metric missing from ``metrics`` is accepted with any type (for a document
    /// checked without the metric catalogue). When false it is an error.
    package var acceptsUnknownMetrics: Bool

    package init(
        answers: [String: ReferenceType] = [:], metrics: [String: ReferenceType] = [:],
        locals: [String: ReferenceType] = [:], acceptsUnknownMetrics: Bool = false
    ) {
        self.answers = answers
        self.metrics = metrics
        self.locals = locals
        self.acceptsUnknownMetrics = acceptsUnknownMetrics
    }
}

extension Expression {
    /// Checks the expression against `environment` and returns its type (nil when it is the
    /// literal `null` or depends only on metrics of unknown type).
    ///
    /// - Parameter expecting: the type the caller needs (`.bool` for a condition); another
    ///   type is an error.
    /// - Throws: a ``DiagnosticList`` with every problem found: unknown answers, metrics or
    ///   locals, option ids that the question does not have, and operands of the wrong type.
    @discardableResult
    public func check(in environment: TypeEnvironment, expecting: ValueType? = nil) throws(DiagnosticList) -> ValueType? {
        var checker = TypeChecker(expression: self, environment: environment)
        let result = checker.type(of: root)
        if let expecting, case .value(let type) = result.type, type != expecting {
            checker.report(
                root.start,
                ExpressionText.theExpressionGivesAButA.text(["name": .localized(type.name), "name2": .localized(expecting.name)]))
        }
        if case .list = result.type, expecting != nil {
            checker.report(
                root.start,
                ExpressionText.aListOfNumbersOrDates.text())
        }
        guard checker.diagnostics.isEmpty else { throw DiagnosticList(checker.diagnostics) }
        if case .value(let type) = result.type { return type }
        return nil
    }
}

/// The static type of a node while checking.
enum CheckedType: Sendable, Hashable {
    case value(ValueType)
    /// `null`, a metric of unknown type, or a node that already had an error.
    case anything
    /// A list literal of non-string elements (only valid right of `in`).
    case list(ValueType)
}

struct Checked {
    var type: CheckedType
    /// The option ids a choice answer may hold, carried through `??`.
    var domain: [String]? = nil
}

struct TypeChecker {
    let expression: Expression
    let environment: TypeEnvironment
    var diagnostics: [Diagnostic] = []

    init(expression: Expression, environment: TypeEnvironment) {
        self.expression = expression
        self.environment = environment
    }

    mutating func report(_ offset: Int, _ text: LocalizedText) {
        diagnostics.append(Diagnostic(at: expression.location(of: offset), text))
    }

    mutating func type(of node: Node) -> Checked {
        switch node.kind {
        case .literal(let value):
            return Checked(type: value.type.map(CheckedType.value) ?? .anything)
        case .list(let items):
            return listType(items, node: node)
        case .reference(let reference):
            return referenceType(reference, node: node)
        case .unary(let op, let operand):
            let inner = type(of: operand)
            let needed: ValueType = op == .not ? .bool : .number
            require(
                inner, needed, at: operand,
                context: (op == .not ? ExpressionText.operandOfNot : .operandOfMinus).text())
            return Checked(type: .value(needed))
        case .binary(let op, let left, let right):
            return binaryType(op, left, right, node: node)
        case .call(let function, let arguments):
            return callType(function, arguments, node: node)
        }
    }

    private mutating func listType(_ items: [Node], node: Node) -> Checked {
        var element: ValueType?
        for item in items {
            let checked = type(of: item)
            switch checked.type {
            case .anything: continue
            case .list, .value(.set):
                report(item.start, ExpressionText.aListCannotContainLists.text())
            case .value(let type):
                if let element, element != type {
                    report(
                        item.start,
                        ExpressionText.allItemsOfAListMust.text(["name": .localized(element.name), "name2": .localized(type.name)]))
                } else {
                    element = type
                }
            }
        }
        if let element, element != .string { return Checked(type: .list(element)) }
        return Checked(type: .value(.set))
    }

    private mutating func referenceType(_ reference: Reference, node: Node) -> Checked {
        switch reference.kind {
        case .answer:
            guard let found = environment.answers[reference.id] else {
                report(
                    node.start,
                    ExpressionText.unknownQuestion.text([
                        "id": .value(reference.id), "hint": .localized(Suggestion.hint(for: reference.id, in: environment.answers.keys)),
                    ]))
                return Checked(type: .anything)
            }
            return Checked(type: .value(found.type), domain: found.options)
        case .metric:
            guard let found = environment.metrics[reference.id] else {
                if environment.acceptsUnknownMetrics { return Checked(type: .anything) }
                report(
                    node.start,
                    ExpressionText.unknownMetric.text([
                        "id": .value(reference.id), "hint": .localized(Suggestion.hint(for: reference.id, in: environment.metrics.keys)),
                    ]))
                return Checked(type: .anything)
            }
            return Checked(type: .value(found.type), domain: found.options)
        case .local:
            guard let found = environment.locals[reference.id] else {
                let names = environment.locals.keys.sorted()
                let known = names.isEmpty ? "" : names.joined(separator: ", ")
                report(
                    node.start,
                    known.isEmpty
                        ? ExpressionText.unknownName.text(["name": .text(reference.id)])
                        : ExpressionText.unknownNameAvailable.text(["name": .text(reference.id), "known": .value(known)]))
                return Checked(type: .anything)
            }
            return Checked(type: .value(found.type), domain: found.options)
        }
    }

    private mutating func binaryType(_ op: BinaryOperator, _ left: Node, _ right: Node, node: Node) -> Checked {
        let lhs = type(of: left)
        let rhs = type(of: right)
        let symbol = op.rawValue
        switch op {
        case .and, .or:
            require(lhs, .bool, at: left, context: ExpressionText.theLeftOperandOf.text(["symbol": .value(symbol)]))
            require(rhs, .bool, at: right, context: ExpressionText.theRightOperandOf.text(["symbol": .value(symbol)]))
            return Checked(type: .value(.bool))
        case .equal, .notEqual:
            if case .literal(.null) = left.kind { nullComparison(node) } else if case .literal(.null) = right.kind { nullComparison(node) }
            if case .list = rhs.type {
                listOnlyRightOfIn(right)
            } else if case .list = lhs.type {
                listOnlyRightOfIn(left)
            } else {
                sameType(lhs, rhs, at: node, symbol: symbol)
            }
            checkDomain(lhs.domain, against: right)
            checkDomain(rhs.domain, against: left)
            return Checked(type: .value(.bool))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            for (side, checked) in [(left, lhs), (right, rhs)] {
                if case .value(let type) = checked.type, ![.number, .string, .date].contains(type) {
                    report(
                        side.start,
                        ExpressionText.comparesNumbersDatesOrStringsNot.text(["symbol": .value(symbol), "name": .localized(type.name)]))
                    return Checked(type: .value(.bool))
                }
                if case .list = checked.type {
                    listOnlyRightOfIn(side)
                    return Checked(type: .value(.bool))
                }
            }
            sameType(lhs, rhs, at: node, symbol: symbol)
            return Checked(type: .value(.bool))
        case .in:
            switch rhs.type {
            case .value(.set):
                require(
                    lhs, .string, at: left,
                    context: ExpressionText.theLeftOperandOfInWith.text())
            case .list(let element):
                require(lhs, element, at: left, context: ExpressionText.theLeftOperandOfIn.text())
            case .value(let type):
                report(
                    right.start,
                    ExpressionText.inNeedsAListOrA.text(["name": .localized(type.name)]))
            case .anything:
                break
            }
            checkDomain(lhs.domain, against: right)
            checkDomain(rhs.domain, against: left)
            return Checked(type: .value(.bool))
        case .contains:
            switch lhs.type {
            case .value(.set), .value(.string):
                require(
                    rhs, .string, at: right, context: ExpressionText.theRightOperandOfContains.text())
            case .anything:
                break
            case .value(let type):
                report(
                    left.start,
                    ExpressionText.containsNeedsASetOrA.text(["name": .localized(type.name)]))
            case .list:
                listOnlyRightOfIn(left)
            }
            checkDomain(lhs.domain, against: right)
            return Checked(type: .value(.bool))
        case .coalesce:
            if case .list = lhs.type { listOnlyRightOfIn(left) }
            if case .list = rhs.type { listOnlyRightOfIn(right) }
            sameType(lhs, rhs, at: node, symbol: symbol)
            checkDomain(lhs.domain, against: right)
            if case .anything = lhs.type { return rhs }
            return Checked(type: lhs.type, domain: lhs.domain ?? rhs.domain)
        case .plus, .minus:
            if case .value(.date) = lhs.type {
                require(
                    rhs, .number, at: right,
                    context: ExpressionText.aDateIsShiftedByA.text())
                return Checked(type: .value(.date))
            }
            fallthrough
        case .times, .divide, .remainder:
            let context = ExpressionText.anOperandOf.text(["symbol": .value(symbol)])
            require(lhs, .number, at: left, context: context)
            require(rhs, .number, at: right, context: context)
            return Checked(type: .value(.number))
        }
    }

    private mutating func callType(_ function: Function, _ arguments: [Node], node: Node) -> Checked {
        let types = arguments.map { type(of: $0) }
        let name = function.rawValue
        switch function {
        case .known, .answered, .unknown, .disputed:
            return Checked(type: .value(.bool))
        case .respondents:
            return Checked(type: .value(.number))
        case .count:
            require(types[0], .set, at: arguments[0], context: ExpressionText.theArgumentOfCount.text())
            return Checked(type: .value(.number))
        case .abs:
            require(types[0], .number, at: arguments[0], context: ExpressionText.theArgumentOfAbs.text())
            return Checked(type: .value(.number))
        case .daysBetween:
            for (argument, checked) in zip(arguments, types) {
                require(
                    checked, .date, at: argument, context: ExpressionText.anArgumentOfDaysBetween.text()
                )
            }
            return Checked(type: .value(.number))
        case .min, .max:
            var common: ValueType?
            for (argument, checked) in zip(arguments, types) {
                guard case .value(let type) = checked.type else {
                    if case .list = checked.type { listOnlyRightOfIn(argument) }
                    continue
                }
                guard type == .number || type == .date else {
                    report(
                        argument.start,
                        ExpressionText.takesNumbersOrDatesNotA.text(["name": .value(name), "name2": .localized(type.name)]))
                    continue
                }
                if let common, common != type {
                    report(
                        argument.start,
                        ExpressionText.allArgumentsOfMustHaveOne.text(["name": .value(name)]))
                }
                common = common ?? type
            }
            return Checked(type: common.map(CheckedType.value) ?? .anything)
        case .date:
            return Checked(type: .value(.date))
        case .lookup, .rank:
            require(
                types[0], .table, at: arguments[0],
                context: ExpressionText.theFirstArgumentOf.text(["name": .value(name)]))
            require(
                types[1], .string, at: arguments[1],
                context: ExpressionText.theSecondArgumentOfAName.text(["name": .value(name)]))
            return Checked(type: .value(.number))
        case .top:
            require(types[0], .table, at: arguments[0], context: ExpressionText.theArgumentOfTop.text())
            return Checked(type: .value(.string))
        case .sum:
            require(types[0], .table, at: arguments[0], context: ExpressionText.theArgumentOfSum.text())
            return Checked(type: .value(.number))
        }
    }

    private mutating func require(_ checked: Checked, _ needed: ValueType, at node: Node, context: LocalizedText) {
        switch checked.type {
        case .anything: return
        case .value(let type) where type == needed: return
        case .value(let type):
            report(
                node.start,
                ExpressionText.expectedAGotA.text([
                    "context": .localized(context), "name": .localized(needed.name), "name2": .localized(type.name),
                ]))
        case .list:
            listOnlyRightOfIn(node)
        }
    }

    private mutating func sameType(_ lhs: Checked, _ rhs: Checked, at node: Node, symbol: String) {
        guard case .value(let left) = lhs.type, case .value(let right) = rhs.type, left != right else { return }
        report(
            node.anchor,
            ExpressionText.betweenDifferentTypesAnd.text([
                "symbol": .value(symbol), "name": .localized(left.name), "name2": .localized(right.name),
            ]))
    }

    /// `x == null` is always null under three-valued logic: a classic mistake.
    private mutating func nullComparison(_ node: Node) {
        report(
            node.anchor,
            ExpressionText.comparingWithNullAlwaysGivesNull.text())
    }

    private mutating func listOnlyRightOfIn(_ node: Node) {
        report(
            node.start,
            ExpressionText.aListOfNumbersOrDates.text())
    }

    /// Reports string literals in `node` that are not among the option ids of `domain`.
    private mutating func checkDomain(_ domain: [String]?, against node: Node) {
        guard let domain else { return }
        var literals: [(String, Int)] = []
        switch node.kind {
        case .literal(.string(let text)): literals = [(text, node.start)]
        case .list(let items):
            for item in items { if case .literal(.string(let text)) = item.kind { literals.append((text, item.start)) } }
        default: return
        }
        for (text, offset) in literals where !domain.contains(text) {
            report(
                offset,
                ExpressionText.theQuestionHasNoOptionIts.text(["text": .value(text), "domain": .value(domain.joined(separator: ", "))]))
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    var current = Array(repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[y.count]
}
