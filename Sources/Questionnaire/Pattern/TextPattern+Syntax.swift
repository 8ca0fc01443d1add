/// A parsed pattern, before it is compiled into steps.
indirect enum PatternNode: Sendable, Equatable {
    case scalars(ScalarSet)
    /// `^`: the start of the text.
    case start
    /// `$`: the end of the text.
    case end
    case sequence([PatternNode])
    case choice([PatternNode])
    /// `x*`, `x+`, `x?`, `x{m,n}`; `max` nil for no upper bound.
    case repetition(PatternNode, min: Int, max: Int?)

    /// The number of program steps this node compiles to, saturating at `limit + 1` so that
    /// nested counts such as `((a{1000}){1000}){1000}` are measured without overflow.
    func size(limit: Int) -> Int {
        let cap = limit + 1
        func add(_ a: Int, _ b: Int) -> Int { min(cap, a + b) }  // both ≤ cap: no overflow
        func times(_ a: Int, _ count: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: count)
            return overflow ? cap : min(cap, product)
        }
        switch self {
        case .scalars, .start, .end:
            return 1
        case .sequence(let items):
            return items.reduce(0) { add($0, $1.size(limit: limit)) }
        case .choice(let branches):
            return branches.reduce(times(2, branches.count - 1)) { add($0, $1.size(limit: limit)) }
        case .repetition(let body, let low, let high):
            let one = body.size(limit: limit)
            guard let high else { return add(times(one, low), add(one, 2)) }
            return add(times(one, low), times(add(one, 1), high - low))
        }
    }
}

/// Reads a pattern's text into a ``PatternNode``: a recursive descent over Unicode scalars,
/// with group nesting bounded so that the recursion is too.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// - Throws: ``TextPatternError`` for a pattern that is not valid or not supported.
    /// - Complexity: O(*n*) in the pattern's length.
    mutating func parse() throws(TextPatternError) -> PatternNode {
        let node = try alternation()
        if index < scalars.count { throw TextPatternError(.unmatchedParenthesis, at: index) }  // only ')' stops early
        return node
    }

    private var current: Unicode.Scalar? { scalar(at: index) }

    private func scalar(at position: Int) -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func alternation() throws(TextPatternError) -> PatternNode {
        var branches = [try sequence()]
        while current == "|" {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .choice(branches)
    }

    private mutating func sequence() throws(TextPatternError) -> PatternNode {
        var items: [PatternNode] = []
        while let next = current, next != "|", next != ")" {
            let (node, repeatable) = try atom()
            items.append(try quantified(node, repeatable: repeatable))
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func atom() throws(TextPatternError) -> (PatternNode, repeatable: Bool) {
        guard let next = current else { return (.sequence([]), false) }
        switch next {
        case "(":
            return (try group(), true)
        case "[":
            return (.scalars(try characterClass()), true)
        case ".":
            index += 1
            return (.scalars(.anyButLineBreak), true)
        case "^":
            index += 1
            return (.start, false)
        case "$":
            index += 1
            return (.end, false)
        case "\\":
            return (.scalars(try escape(inClass: false)), true)
        case "*", "+", "?":
            throw TextPatternError(.nothingToRepeat, at: index)
        case "{":
            var probe = self
            throw TextPatternError((try? probe.count()) != nil ? .nothingToRepeat : .braceNotQuantifier, at: index)
        default:
            index += 1
            return (.scalars(.literal(next)), true)
        }
    }

    /// `node` with the quantifier that follows it, if any. A lazy quantifier (`*?`) is read as
    /// the greedy one: for a whole-text match the two accept the same texts.
    private mutating func quantified(_ node: PatternNode, repeatable: Bool) throws(TextPatternError) -> PatternNode {
        guard let next = current else { return node }
        let start = index
        let low: Int, high: Int?
        switch next {
        case "*":
            (low, high) = (0, nil)
            index += 1
        case "+":
            (low, high) = (1, nil)
            index += 1
        case "?":
            (low, high) = (0, 1)
            index += 1
        case "{": (low, high) = try count()
        default: return node
        }
        guard repeatable else { throw TextPatternError(.anchorRepeated, at: start) }
        if current == "?" {
            index += 1
        } else if current == "+" {
            throw TextPatternError(.possessive, at: index)
        }
        return .repetition(node, min: low, max: high)
    }

    /// `{m}`, `{m,}`, `{m,n}` or `{,n}` (Swift's `Regex` reads `{,n}` as `{0,n}`).
    private mutating func count() throws(TextPatternError) -> (Int, Int?) {
        let start = index
        index += 1
        let low = try number()
        var high = low
        if current == "," {
            index += 1
            high = try number()
            if low == nil && high == nil { throw TextPatternError(.braceNotQuantifier, at: start) }
        } else if low == nil {
            throw TextPatternError(.braceNotQuantifier, at: start)
        }
        guard current == "}" else { throw TextPatternError(.braceNotQuantifier, at: start) }
        index += 1
        let minimum = low ?? 0
        if let high, high < minimum { throw TextPatternError(.reversedCount(min: minimum, max: high), at: start) }
        return (minimum, high)
    }

    /// Decimal digits, at most ``TextPattern/maximumCount``; nil when there are none.
    private mutating func number() throws(TextPatternError) -> Int? {
        let start = index
        var value = 0
        while let digit = current, ("0"..."9").contains(digit) {
            value = value * 10 + Int(digit.value - 0x30)
            if value > TextPattern.maximumCount { throw TextPatternError(.countTooLarge, at: start) }
            index += 1
        }
        return index == start ? nil : value
    }

    private mutating func group() throws(TextPatternError) -> PatternNode {
        let open = index
        index += 1
        if current == "?" {
            let kind = scalar(at: index + 1)
            switch kind {
            case ":":
                index += 2
            case "=", "!":
                throw TextPatternError(.lookaround, at: open)
            case "<" where scalar(at: index + 2) == "=" || scalar(at: index + 2) == "!":
                throw TextPatternError(.lookaround, at: open)
            case "<", "P", "'":
                throw TextPatternError(kind == "P" && scalar(at: index + 2) == "=" ? .backreference : .namedGroup, at: open)
            case ">":
                throw TextPatternError(.atomicGroup, at: open)
            default:
                let shown = "(?" + (kind.map { String($0) } ?? "")
                throw TextPatternError(.groupSyntax(shown), at: open)
            }
        }
        depth += 1
        if depth > TextPattern.maximumDepth { throw TextPatternError(.tooDeep, at: open) }
        let inner = try alternation()
        guard current == ")" else { throw TextPatternError(.unclosedGroup, at: open) }
        index += 1
        depth -= 1
        return inner
    }

    private enum ClassItem {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
    }

    /// `[…]` or `[^…]`: characters, ranges `a-z`, `\d`-style classes and escapes. A `-` first or
    /// last is itself. Nested classes and the set operations `&&`, `--`, `~~` of Swift's `Regex`
    /// are refused rather than read as characters, so that no pattern changes its meaning.
    private mutating func characterClass() throws(TextPatternError) -> ScalarSet {
        let open = index
        index += 1
        var set = ScalarSet()
        if current == "^" {
            set.negated = true
            index += 1
        }
        if current == "]" { throw TextPatternError(.emptyClass, at: open) }
        while true {
            guard let next = current else { throw TextPatternError(.unclosedClass, at: open) }
            if next == "]" {
                index += 1
                return set
            }
            try refuseClassOperators()
            let itemStart = index
            let item = try classItem()
            if current == "-", let after = scalar(at: index + 1), after != "]" {
                try refuseClassOperators()
                guard case .scalar(let low) = item else { throw TextPatternError(.classInRange, at: itemStart) }
                index += 1
                let highStart = index
                guard case .scalar(let high) = try classItem() else { throw TextPatternError(.classInRange, at: highStart) }
                guard low.value <= high.value else {
                    throw TextPatternError(.reversedRange(from: String(low), to: String(high)), at: itemStart)
                }
                set.ranges.append(low.value...high.value)
                continue
            }
            switch item {
            case .scalar(let scalar): set.ranges.append(scalar.value...scalar.value)
            case .set(let members): set.members += members.members
            }
        }
    }

    private func refuseClassOperators() throws(TextPatternError) {
        guard let next = current else { return }
        if next == "[" { throw TextPatternError(.nestedClass, at: index) }
        if ["&", "-", "~"].contains(next), scalar(at: index + 1) == next {
            throw TextPatternError(.classOperation(String(next) + String(next)), at: index)
        }
    }

    private mutating func classItem() throws(TextPatternError) -> ClassItem {
        guard let next = current else { throw TextPatternError(.unclosedClass, at: index) }
        if next == "[" { throw TextPatternError(.nestedClass, at: index) }
        guard next == "\\" else {
            index += 1
            return .scalar(next)
        }
        let set = try escape(inClass: true)
        if set.members.isEmpty, set.ranges.count == 1, let range = set.ranges.first, range.lowerBound == range.upperBound,
            let scalar = Unicode.Scalar(range.lowerBound)
        {
            return .scalar(scalar)
        }
        return .set(set)
    }

    /// `\` and what follows: a class (`\d \w \s \D \W \S`), a control (`\t \n \r \f`), a code
    /// (`\xHH`, `\x{H…}`, `\uHHHH`, `\u{H…}`) or escaped punctuation; any other escape is refused
    /// with what it means elsewhere.
    private mutating func escape(inClass: Bool) throws(TextPatternError) -> ScalarSet {
        let start = index
        guard let letter = scalar(at: index + 1) else { throw TextPatternError(.loneBackslash, at: start) }
        index += 2
        switch letter {
        case "d": return .member(.digit)
        case "D": return .member(.digit, negated: true)
        case "w": return .member(.word)
        case "W": return .member(.word, negated: true)
        case "s": return .member(.space)
        case "S": return .member(.space, negated: true)
        case "t": return .literal("\t")
        case "n": return .literal("\n")
        case "r": return .literal("\r")
        case "f": return .literal("\u{0C}")
        case "x", "u": return .literal(try code(fixedDigits: letter == "x" ? 2 : 4, start: start))
        case "1"..."9", "k", "g": throw TextPatternError(.backreference, at: start)
        case "b", "B": throw TextPatternError(.wordBoundary, at: start)
        case "A", "z", "Z", "G": throw TextPatternError(.anchorEscape(String(letter)), at: start)
        case "p", "P": throw TextPatternError(.unicodeProperty, at: start)
        default:
            if letter.isASCII, (0x20...0x7E).contains(letter.value), !letter.properties.isAlphabetic, !("0"..."9").contains(letter) {
                return .literal(letter)
            }
            throw TextPatternError(.escape(String(letter)), at: start)
        }
    }

    /// The scalar after `\x` or `\u`: `fixedDigits` hexadecimal digits, or 1 to 8 in braces.
    private mutating func code(fixedDigits: Int, start: Int) throws(TextPatternError) -> Unicode.Scalar {
        var digits = ""
        if current == "{" {
            index += 1
            while let next = current, next != "}" {
                digits.unicodeScalars.append(next)
                index += 1
            }
            guard current == "}", (1...8).contains(digits.unicodeScalars.count) else { throw TextPatternError(.badHexEscape, at: start) }
            index += 1
        } else {
            for _ in 0..<fixedDigits {
                guard let next = current else { break }
                digits.unicodeScalars.append(next)
                index += 1
            }
            guard digits.unicodeScalars.count == fixedDigits else { throw TextPatternError(.badHexEscape, at: start) }
        }
        guard digits.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit), let value = UInt32(digits, radix: 16) else {
            throw TextPatternError(.badHexEscape, at: start)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw TextPatternError(.invalidScalar(String(value, radix: 16, uppercase: true)), at: start)
        }
        return scalar
    }
}
