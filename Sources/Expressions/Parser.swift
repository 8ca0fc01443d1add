import AuditModel

/// A recursive-descent parser with a depth and size limit.
///
/// Grammar, loosest first:
/// ```
/// or         := and ("or" and)*
/// and        := not ("and" not)*
/// not        := "not" not | comparison
/// comparison := coalesce (("=="|"!="|"<"|"<="|">"|">="|"in"|"contains") coalesce)?
/// coalesce   := additive ("??" coalesce)?
/// additive   := multiplicative (("+"|"-") multiplicative)*
/// multiplicative := unary (("*"|"/"|"%") unary)*
/// unary      := "-" unary | primary
/// primary    := number | string | true | false | null | reference | local
///             | function "(" args ")" | "(" or ")" | "[" (or ("," or)*)? "]"
/// ```
struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    private var nodes = 0
    private let limits: ExpressionLimits

    init(tokens: [Token], limits: ExpressionLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "true", "false", "null"]

    mutating func parseExpression() throws(SyntaxProblem) -> Node {
        let node = try parseOr()
        guard case .end = current.kind else {
            throw SyntaxProblem(
                offset: current.start,
                text: ExpressionText.textAfterTheEnd.text([
                    "found": describe(current)
                ]))
        }
        return node
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = current.kind { return text == symbol }
        return false
    }

    private mutating func make(_ kind: Node.Kind, start: Int, end: Int, anchor: Int? = nil) throws(SyntaxProblem) -> Node {
        nodes += 1
        if nodes > limits.maxNodes {
            throw SyntaxProblem(
                offset: start,
                text: ExpressionText.theExpressionIsTooLargeOver.text(["maxNodes": .value(limits.maxNodes)]))
        }
        return Node(kind, start: start, end: end, anchor: anchor)
    }

    private mutating func enter() throws(SyntaxProblem) {
        depth += 1
        if depth > limits.maxDepth {
            throw SyntaxProblem(
                offset: current.start,
                text: ExpressionText.theExpressionIsNestedTooDeeply.text(["maxDepth": .value(limits.maxDepth)]))
        }
    }

    private mutating func parseOr() throws(SyntaxProblem) -> Node {
        try enter()
        defer { depth -= 1 }
        var left = try parseAnd()
        while isWord("or") {
            let anchor = advance().start
            let right = try parseAnd()
            left = try make(.binary(.or, left, right), start: left.start, end: right.end, anchor: anchor)
        }
        return left
    }

    private mutating func parseAnd() throws(SyntaxProblem) -> Node {
        var left = try parseNot()
        while isWord("and") {
            let anchor = advance().start
            let right = try parseNot()
            left = try make(.binary(.and, left, right), start: left.start, end: right.end, anchor: anchor)
        }
        return left
    }

    private mutating func parseNot() throws(SyntaxProblem) -> Node {
        if isWord("not") {
            try enter()
            defer { depth -= 1 }
            let start = advance().start
            let operand = try parseNot()
            return try make(.unary(.not, operand), start: start, end: operand.end)
        }
        return try parseComparison()
    }

    private func comparisonOperator() -> BinaryOperator? {
        switch current.kind {
        case .symbol("=="): .equal
        case .symbol("!="): .notEqual
        case .symbol("<"): .less
        case .symbol("<="): .lessOrEqual
        case .symbol(">"): .greater
        case .symbol(">="): .greaterOrEqual
        case .identifier("in"): .in
        case .identifier("contains"): .contains
        default: nil
        }
    }

    private mutating func parseComparison() throws(SyntaxProblem) -> Node {
        let left = try parseCoalesce()
        guard let op = comparisonOperator() else { return left }
        let anchor = advance().start
        let right = try parseCoalesce()
        if comparisonOperator() != nil {
            throw SyntaxProblem(
                offset: current.start,
                text: ExpressionText.comparisonsCannotBeChainedJoinThem.text())
        }
        return try make(.binary(op, left, right), start: left.start, end: right.end, anchor: anchor)
    }

    private mutating func parseCoalesce() throws(SyntaxProblem) -> Node {
        let left = try parseAdditive()
        guard isSymbol("??") else { return left }
        try enter()
        defer { depth -= 1 }
        let anchor = advance().start
        let right = try parseCoalesce()
        return try make(.binary(.coalesce, left, right), start: left.start, end: right.end, anchor: anchor)
    }

    private mutating func parseAdditive() throws(SyntaxProblem) -> Node {
        var left = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let token = advance()
            let right = try parseMultiplicative()
            let op: BinaryOperator = token.kind == .symbol("+") ? .plus : .minus
            left = try make(.binary(op, left, right), start: left.start, end: right.end, anchor: token.start)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(SyntaxProblem) -> Node {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let token = advance()
            let right = try parseUnary()
            let op: BinaryOperator =
                switch token.kind {
                case .symbol("*"): .times
                case .symbol("/"): .divide
                default: .remainder
                }
            left = try make(.binary(op, left, right), start: left.start, end: right.end, anchor: token.start)
        }
        return left
    }

    private mutating func parseUnary() throws(SyntaxProblem) -> Node {
        if isSymbol("-") {
            try enter()
            defer { depth -= 1 }
            let start = advance().start
            let operand = try parseUnary()
            if case .literal(.number(let number)) = operand.kind {
                return try make(.literal(.number(-number)), start: start, end: operand.end)
            }
            return try make(.unary(.negate, operand), start: start, end: operand.end)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(SyntaxProblem) -> Node {
        let token = current
        switch token.kind {
        case .number(let number):
            _ = advance()
            return try make(.literal(.number(number)), start: token.start, end: token.end)
        case .string(let text):
            _ = advance()
            return try make(.literal(.string(text)), start: token.start, end: token.end)
        case .reference(let reference):
            _ = advance()
            return try make(.reference(reference), start: token.start, end: token.end)
        case .identifier(let word):
            switch word {
            case "true", "false":
                _ = advance()
                return try make(.literal(.bool(word == "true")), start: token.start, end: token.end)
            case "null":
                _ = advance()
                return try make(.literal(.null), start: token.start, end: token.end)
            case "answer", "metric":
                throw SyntaxProblem(
                    offset: token.end,
                    text: ExpressionText.expectedAndAnIdAfterE.text([
                        "word": .value(word), "word2": .value(word == "answer" ? "goals_defined" : "sales.revenue_last_12m"),
                    ]))
            default:
                break
            }
            if Parser.keywords.contains(word) {
                throw SyntaxProblem(
                    offset: token.start,
                    text: ExpressionText.expectedAValueNot.text(["word": .value(word)]))
            }
            _ = advance()
            if isSymbol("(") {
                return try parseCall(name: word, token: token)
            }
            return try make(.reference(.local(word)), start: token.start, end: token.end)
        case .symbol("("):
            _ = advance()
            let inner = try parseOr()
            guard isSymbol(")") else {
                throw SyntaxProblem(
                    offset: current.start,
                    text: ExpressionText.unclosedParenthesis.text([
                        "found": describe(current),
                        "position": .value(token.start + 1),
                    ]))
            }
            let close = advance()
            var node = inner
            node.start = token.start
            node.end = close.end
            return node
        case .symbol("["):
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var items: [Node] = []
            if !isSymbol("]") {
                while true {
                    items.append(try parseOr())
                    if isSymbol(",") {
                        _ = advance()
                        continue
                    }
                    break
                }
            }
            guard isSymbol("]") else {
                throw SyntaxProblem(
                    offset: current.start,
                    text: ExpressionText.listSeparatorExpected.text([
                        "found": describe(current)
                    ]))
            }
            let close = advance()
            return try make(.list(items), start: token.start, end: close.end)
        default:
            throw SyntaxProblem(
                offset: token.start,
                text: ExpressionText.valueExpected.text(["found": describe(token)]))
        }
    }

    private mutating func parseCall(name: String, token: Token) throws(SyntaxProblem) -> Node {
        guard let function = Function(rawValue: name) else {
            let known = Function.allCases.map(\.rawValue).joined(separator: ", ")
            throw SyntaxProblem(
                offset: token.start,
                text: ExpressionText.unknownFunctionKnown.text(["name": .value(name), "known": .value(known)]))
        }
        try enter()
        defer { depth -= 1 }
        _ = advance()  // (
        var arguments: [Node] = []
        if !isSymbol(")") {
            while true {
                arguments.append(try parseOr())
                if isSymbol(",") {
                    _ = advance()
                    continue
                }
                break
            }
        }
        guard isSymbol(")") else {
            throw SyntaxProblem(
                offset: current.start,
                text: ExpressionText.callSeparatorExpected.text([
                    "found": describe(current), "name": .value(name),
                ]))
        }
        let close = advance()
        guard function.arity.contains(arguments.count) else {
            let expected =
                function.arity.count == 1
                ? "\(function.arity.lowerBound)"
                : "\(function.arity.lowerBound)–\(function.arity.upperBound)"
            throw SyntaxProblem(
                offset: token.start,
                text: (expected == "1" ? ExpressionText.takesOneArgument : .takesArguments).text([
                    "name": .text(name), "expected": .text(expected), "count": .value(arguments.count),
                ]))
        }
        if function == .date {
            guard case .literal(.string(let text)) = arguments[0].kind else {
                throw SyntaxProblem(
                    offset: arguments[0].start,
                    text: ExpressionText.dateTakesAQuotedDateDate.text())
            }
            guard let day = Day(iso: text) else {
                throw SyntaxProblem(
                    offset: arguments[0].start,
                    text: ExpressionText.isNotADateYyyyMm.text(["text": .value(text)]))
            }
            return try make(.literal(.date(day)), start: token.start, end: close.end)
        }
        if [.answered, .unknown, .disputed].contains(function) {
            guard case .reference(let reference) = arguments[0].kind, reference.kind == .answer else {
                throw SyntaxProblem(
                    offset: arguments[0].start,
                    text: ExpressionText.takesAnAnswerReferenceAnswerQuestion.text(["name": .value(name)]))
            }
        }
        return try make(.call(function, arguments), start: token.start, end: close.end, anchor: token.start)
    }

    /// The token as a message names it: `число 5`, `«and»`, `the end of the expression`.
    private func describe(_ token: Token) -> MessageArgument {
        switch token.kind {
        case .end: .localized(ExpressionText.tokenEnd.text())
        case .number(let number): .localized(ExpressionText.tokenNumber.text(["number": .text(Value.format(number))]))
        case .string(let text): .localized(ExpressionText.tokenString.text(["text": .text(text)]))
        case .identifier(let word): .localized(ExpressionText.tokenWord.text(["text": .text(word)]))
        case .reference(let reference): .localized(ExpressionText.tokenWord.text(["text": .value(reference)]))
        case .symbol(let symbol): .localized(ExpressionText.tokenWord.text(["text": .value(symbol)]))
        }
    }
}
