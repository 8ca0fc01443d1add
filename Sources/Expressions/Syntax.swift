import AuditModel

/// A node of a parsed expression, with the offsets (in Unicode scalars) of the text it covers.
struct Node: Sendable, Hashable {
    indirect enum Kind: Sendable, Hashable {
        case literal(Value)
        /// `[a, b, …]`.
        case list([Node])
        case reference(Reference)
        case unary(UnaryOperator, Node)
        case binary(BinaryOperator, Node, Node)
        case call(Function, [Node])
    }

    var kind: Kind
    /// First scalar of the node.
    var start: Int
    /// One past its last scalar.
    var end: Int
    /// Where the operator or function name sits (for messages about it).
    var anchor: Int

    init(_ kind: Kind, start: Int, end: Int, anchor: Int? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.anchor = anchor ?? start
    }
}

enum UnaryOperator: String, Sendable, Hashable {
    case not, negate = "-"
}

enum BinaryOperator: String, Sendable, Hashable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`, contains
    case coalesce = "??"
    case plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"
}

/// The built-in functions; there are no user functions.
enum Function: String, Sendable, Hashable, CaseIterable {
    case known, answered, unknown, disputed, respondents, count, min, max, abs
    case daysBetween = "days_between"
    case date
    case lookup, rank, top, sum

    /// The accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .known, .answered, .unknown, .disputed, .count, .abs, .date, .top, .sum: 1...1
        case .respondents: 0...0
        case .daysBetween, .lookup, .rank: 2...2
        case .min, .max: 1...16
        }
    }
}

enum TokenKind: Sendable, Hashable {
    case number(Double)
    case string(String)
    case identifier(String)
    /// `answer.x` or `metric.x.y`, read as one token.
    case reference(Reference)
    case symbol(String)
    case end
}

struct Token: Sendable, Hashable {
    var kind: TokenKind
    var start: Int
    var end: Int
}

/// Limits that keep parsing and evaluation bounded.
public struct ExpressionLimits: Sendable, Hashable {
    /// The longest accepted expression, in characters.
    package var maxLength: Int
    /// The deepest nesting of operators, calls, parentheses and lists.
    package var maxDepth: Int
    /// The most nodes in one expression.
    package var maxNodes: Int

    package init(maxLength: Int = 4_000, maxDepth: Int = 48, maxNodes: Int = 1_000) {
        self.maxLength = maxLength
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The limits every expression of the product is read with.
    public static let standard = ExpressionLimits()
}

/// A syntax problem at a scalar offset, turned into a ``Diagnostic`` by ``Expression``.
struct SyntaxProblem: Error {
    var offset: Int
    var text: LocalizedText
}

/// Splits expression text into tokens.
struct Lexer {
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    func tokens() throws(SyntaxProblem) -> [Token] {
        var result: [Token] = []
        var index = 0
        while true {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else {
                result.append(Token(kind: .end, start: scalars.count, end: scalars.count))
                return result
            }
            let start = index
            let scalar = scalars[index]
            if isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                result.append(try number(from: &index))
            } else if scalar == "'" || scalar == "\"" {
                result.append(try string(from: &index))
            } else if isIdentifierStart(scalar) {
                while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                if word == "answer" || word == "metric", index < scalars.count, scalars[index] == "." {
                    index += 1
                    let idStart = index
                    while index < scalars.count, isIdentifierPart(scalars[index]) || scalars[index] == "." { index += 1 }
                    while index > idStart, scalars[index - 1] == "." { index -= 1 }
                    guard index > idStart, isIdentifierStart(scalars[idStart]) || isDigit(scalars[idStart]) else {
                        throw SyntaxProblem(
                            offset: idStart,
                            text: (word == "answer" ? ExpressionText.questionIdExpected : .metricIdExpected).text())
                    }
                    let id = String(String.UnicodeScalarView(scalars[idStart..<index]))
                    let kind: Reference.Kind = word == "answer" ? .answer : .metric
                    result.append(Token(kind: .reference(Reference(kind, id)), start: start, end: index))
                } else {
                    result.append(Token(kind: .identifier(word), start: start, end: index))
                }
            } else {
                result.append(try symbol(from: &index))
            }
        }
    }

    private func number(from index: inout Int) throws(SyntaxProblem) -> Token {
        let start = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        if index < scalars.count, scalars[index] == ".", index + 1 < scalars.count, isDigit(scalars[index + 1]) {
            index += 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var probe = index + 1
            if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
            if probe < scalars.count, isDigit(scalars[probe]) {
                index = probe
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            }
        }
        if index < scalars.count, isIdentifierPart(scalars[index]) {
            throw SyntaxProblem(
                offset: index,
                text: ExpressionText.aNumberCannotRunIntoA.text())
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard let value = Double(text), value.isFinite else {
            throw SyntaxProblem(offset: start, text: ExpressionText.invalidNumber.text(["text": .value(text)]))
        }
        return Token(kind: .number(value), start: start, end: index)
    }

    private func string(from index: inout Int) throws(SyntaxProblem) -> Token {
        let start = index
        let quote = scalars[index]
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == quote {
                index += 1
                return Token(kind: .string(String(text)), start: start, end: index)
            }
            if scalar == "\\" {
                guard index + 1 < scalars.count else { break }
                let escaped = scalars[index + 1]
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "\\", "'", "\"": text.append(escaped)
                default:
                    throw SyntaxProblem(
                        offset: index,
                        text: ExpressionText.unknownEscapeUseNOrT.text(["escaped": .value(escaped)]))
                }
                index += 2
                continue
            }
            text.append(scalar)
            index += 1
        }
        throw SyntaxProblem(
            offset: start,
            text: ExpressionText.unterminatedStringTheClosingIsMissing.text(["quote": .value(quote)]))
    }

    private func symbol(from index: inout Int) throws(SyntaxProblem) -> Token {
        let start = index
        let scalar = scalars[index]
        let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
        let two = next.map { String(scalar) + String($0) }
        switch two {
        case "==", "!=", "<=", ">=", "??":
            index += 2
            return Token(kind: .symbol(two ?? ""), start: start, end: index)
        case "&&":
            throw SyntaxProblem(offset: start, text: ExpressionText.writeAndInsteadOf.text())
        case "||":
            throw SyntaxProblem(offset: start, text: ExpressionText.writeOrInsteadOf.text())
        default:
            break
        }
        switch scalar {
        case "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", ",":
            index += 1
            return Token(kind: .symbol(String(scalar)), start: start, end: index)
        case "=":
            throw SyntaxProblem(offset: start, text: ExpressionText.writeToCompare.text())
        case "!":
            throw SyntaxProblem(offset: start, text: ExpressionText.writeNotInsteadOf.text())
        default:
            throw SyntaxProblem(
                offset: start,
                text: ExpressionText.unexpectedCharacter.text(["scalar": .value(scalar)]))
        }
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool { isIdentifierStart(scalar) || isDigit(scalar) }
}
