import AuditModel

/// A parsed expression, ready to check and evaluate.
///
/// Parsing and checking report every problem as a ``Diagnostic`` at `file:line:column` inside
/// the expression text, counted from ``origin``.
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The expression as written.
    package let text: String
    /// Where the text starts in its file.
    package let origin: SourceLocation
    let root: Node

    /// Parses `text` found at `origin`.
    ///
    /// `origin` is the location of the expression's first character in its file. A position
    /// on the expression's first line is reported at `origin.column + offset`; on a later line
    /// (a multi-line YAML scalar) at that line's column plus `continuationIndent`.
    ///
    /// - Throws: a ``DiagnosticList`` with the syntax error, an unknown function, a wrong number
    ///   of arguments, or an exceeded ``ExpressionLimits`` limit.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(
        _ text: String, origin: SourceLocation, continuationIndent: Int = 0, limits: ExpressionLimits = .standard
    ) throws(DiagnosticList) -> Expression {
        let mapper = PositionMapper(text: text, origin: origin, continuationIndent: continuationIndent)
        guard text.unicodeScalars.count <= limits.maxLength else {
            throw DiagnosticList([
                Diagnostic(
                    at: origin,
                    ExpressionText.theExpressionIsTooLongOver.text(["maxLength": .value(limits.maxLength)]))
            ])
        }
        do throws(SyntaxProblem) {
            let tokens = try Lexer(text).tokens()
            if tokens.count == 1 {
                throw SyntaxProblem(offset: 0, text: ExpressionText.emptyExpression.text())
            }
            var parser = Parser(tokens: tokens, limits: limits)
            let root = try parser.parseExpression()
            return Expression(text: text, origin: origin, root: root, mapper: mapper)
        } catch {
            throw DiagnosticList([Diagnostic(at: mapper.location(of: error.offset), error.text)])
        }
    }

    private let mapper: PositionMapper

    private init(text: String, origin: SourceLocation, root: Node, mapper: PositionMapper) {
        self.text = text
        self.origin = origin
        self.root = root
        self.mapper = mapper
    }

    /// Every answer, metric and local the expression refers to, sorted.
    public var references: [Reference] {
        var found = Set<Reference>()
        Expression.collect(root, into: &found)
        return found.sorted()
    }

    /// Every place a reference occurs, in text order, with its location in the file.
    package var referenceSites: [(reference: Reference, location: SourceLocation)] {
        var sites: [(Reference, Int)] = []
        Expression.collectSites(root, into: &sites)
        return sites.sorted { $0.1 < $1.1 }.map { ($0.0, mapper.location(of: $0.1)) }
    }

    private static func collectSites(_ node: Node, into sites: inout [(Reference, Int)]) {
        switch node.kind {
        case .literal: break
        case .reference(let reference): sites.append((reference, node.start))
        case .list(let items): items.forEach { collectSites($0, into: &sites) }
        case .unary(_, let operand): collectSites(operand, into: &sites)
        case .binary(_, let left, let right):
            collectSites(left, into: &sites)
            collectSites(right, into: &sites)
        case .call(_, let arguments): arguments.forEach { collectSites($0, into: &sites) }
        }
    }

    /// The location of the scalar at `offset` in ``text``.
    func location(of offset: Int) -> SourceLocation { mapper.location(of: offset) }

    public var description: String { text }

    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.text == rhs.text && lhs.origin == rhs.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(origin)
    }

    private static func collect(_ node: Node, into found: inout Set<Reference>) {
        switch node.kind {
        case .literal: break
        case .reference(let reference): found.insert(reference)
        case .list(let items): items.forEach { collect($0, into: &found) }
        case .unary(_, let operand): collect(operand, into: &found)
        case .binary(_, let left, let right):
            collect(left, into: &found)
            collect(right, into: &found)
        case .call(_, let arguments): arguments.forEach { collect($0, into: &found) }
        }
    }
}

/// Turns scalar offsets inside the expression into file positions.
struct PositionMapper: Sendable, Hashable {
    let origin: SourceLocation
    let continuationIndent: Int
    /// Scalar offset where each line of the text starts.
    let lineStarts: [Int]

    init(text: String, origin: SourceLocation, continuationIndent: Int) {
        self.origin = origin
        self.continuationIndent = continuationIndent
        var starts = [0]
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar == "\n" {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    func location(of offset: Int) -> SourceLocation {
        var lineIndex = 0
        while lineIndex + 1 < lineStarts.count, lineStarts[lineIndex + 1] <= offset { lineIndex += 1 }
        let columnInLine = offset - lineStarts[lineIndex]
        guard let line = origin.line else { return origin }
        if lineIndex == 0 {
            return SourceLocation(file: origin.file, line: line, column: (origin.column ?? 1) + columnInLine)
        }
        return SourceLocation(file: origin.file, line: line + lineIndex, column: continuationIndent + columnInLine + 1)
    }
}
