import Foundation

/// A `pattern:` of a questionnaire validation, matched against a whole text answer in time
/// linear in the answer's length, whatever the pattern.
///
/// Swift's `Regex` backtracks: `(a+)+b` against thirty `a`s tries about 2³⁰ ways and ran for
/// hours in the interview (issue 17). This engine compiles the pattern into a Thompson automaton
/// and simulates all its states at once over the text's Unicode scalars (a Pike VM without
/// captures), so no pattern can make it try one way after another.
///
/// The syntax is the part of the usual one that validation needs: literals, `.`, classes
/// `[a-z]` and `[^…]`, `\d \w \s \D \W \S`, `\t \n \r \f`, `\xHH`, `\uHHHH`, `\x{…}`, escaped
/// punctuation, `^` and `$`, groups `( )` and `(?: )`, `|`, and `* + ? {m} {m,} {m,n}` (lazy
/// forms are accepted and mean the same for a whole match). Backreferences, lookaround,
/// possessive quantifiers, named groups, inline options, `\b`, `\p{…}` and class set
/// operations are refused with a ``TextPatternError``, which `lint` reports at the file's
/// line and column.
///
/// Matching is of the whole text, as `Regex.wholeMatch` was. The text is first put in Unicode
/// normal form C, so that a letter typed as a base and a combining mark (`е` + U+0308) matches
/// the class that lists `ё`, as it did when `Regex` compared characters.
struct TextPattern: Sendable {
    /// The largest count in `{m,n}`.
    static let maximumCount = 1000
    /// The most steps a pattern may compile to, counts expanded: `[0-9]{10}` takes 11,
    /// `\d{1000}` 1,001. Matching costs at most about twice this per scalar of the answer.
    static let maximumSize = 2000
    /// The deepest nesting of groups.
    static let maximumDepth = 50

    /// The pattern as written.
    let source: String
    private let program: [Instruction]
    /// The sets of the `consume` steps, by index.
    private let tests: [ScalarTest]

    /// Compiles `source`.
    /// - Throws: ``TextPatternError`` when `source` is not a regular expression, uses a
    ///   construct this engine does not support, or is larger than the limits above.
    /// - Complexity: O(*p*) in the pattern's length, plus the compiled size (bounded by
    ///   ``maximumSize``).
    init(_ source: String) throws(TextPatternError) {
        self.source = source
        var parser = PatternParser(source)
        let tree = try parser.parse()
        guard tree.size(limit: TextPattern.maximumSize) + 1 <= TextPattern.maximumSize else {
            throw TextPatternError(.tooLarge, at: 0)
        }
        var compiler = Compiler()
        compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
        tests = compiler.sets.map(ScalarTest.init)
    }

    /// True when the whole of `text` matches.
    /// - Complexity: O(*n* × *m*) for *n* scalars of `text` and *m* compiled steps; memory O(*n* + *m*).
    func matches(_ text: String) -> Bool {
        run(text).matched
    }

    /// Whether the whole of `text` matches, and how many automaton steps it took (each state
    /// visited at each position counts one): the measure tests use instead of time.
    func run(_ text: String) -> (matched: Bool, steps: Int) {
        var machine = Machine(program: program, tests: tests, text: Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        return machine.run()
    }

    /// The number of compiled steps.
    var size: Int { program.count }
}

/// One step of a compiled pattern.
enum Instruction: Sendable {
    /// Takes one scalar that is in the set of this index.
    case consume(Int)
    /// Continues at both places.
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case match
}

/// Thompson's construction: each node becomes steps whose only loops go through a `split`.
private struct Compiler {
    var program: [Instruction] = []
    var sets: [ScalarSet] = []

    private mutating func append(_ instruction: Instruction) -> Int {
        program.append(instruction)
        return program.count - 1
    }

    /// Points the second branch of the split at `place` to the end of the program so far.
    private mutating func exit(_ place: Int) {
        switch program[place] {
        case .split(let first, _): program[place] = .split(first, program.count)
        case .jump: program[place] = .jump(program.count)
        default: break
        }
    }

    mutating func emit(_ node: PatternNode) {
        switch node {
        case .scalars(let set):
            sets.append(set)
            _ = append(.consume(sets.count - 1))
        case .start:
            _ = append(.assertStart)
        case .end:
            _ = append(.assertEnd)
        case .sequence(let items):
            for item in items { emit(item) }
        case .choice(let branches):
            var jumps: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position == branches.count - 1 {
                    emit(branch)
                } else {
                    let split = append(.split(program.count + 1, -1))
                    emit(branch)
                    jumps.append(append(.jump(-1)))
                    exit(split)
                }
            }
            for jump in jumps { exit(jump) }
        case .repetition(let body, let low, let high):
            for _ in 0..<low { emit(body) }
            if let high {
                // x{0,3} is x(x(x)?)?)?: every optional copy may leave for the end.
                var exits: [Int] = []
                for _ in low..<high {
                    exits.append(append(.split(program.count + 1, -1)))
                    emit(body)
                }
                for place in exits { exit(place) }
            } else {
                let loop = append(.split(program.count + 1, -1))
                emit(body)
                _ = append(.jump(loop))
                exit(loop)
            }
        }
    }
}

/// The simulation: the set of states live at the current position, advanced one scalar at a
/// time. A state enters a set at most once per position, which is what bounds the work.
private struct Machine {
    let program: [Instruction]
    let tests: [ScalarTest]
    let text: [Unicode.Scalar]
    private var pending: [Int] = []
    private var steps = 0

    init(program: [Instruction], tests: [ScalarTest], text: [Unicode.Scalar]) {
        self.program = program
        self.tests = tests
        self.text = text
    }

    mutating func run() -> (matched: Bool, steps: Int) {
        var current = StateSet(capacity: program.count)
        var next = StateSet(capacity: program.count)
        add(0, at: 0, to: &current)
        for (position, scalar) in text.enumerated() {
            if current.isEmpty { return (false, steps) }
            next.removeAll()
            for state in current.members {
                steps += 1
                if case .consume(let test) = program[state], tests[test].contains(scalar) {
                    add(state + 1, at: position + 1, to: &next)
                }
            }
            swap(&current, &next)
        }
        let matched = current.members.contains { if case .match = program[$0] { true } else { false } }
        return (matched, steps)
    }

    /// Adds `state` and every state reachable from it without taking a scalar.
    private mutating func add(_ state: Int, at position: Int, to set: inout StateSet) {
        pending.append(state)
        while let state = pending.popLast() {
            guard set.insert(state) else { continue }
            steps += 1
            switch program[state] {
            case .split(let first, let second):
                pending.append(second)
                pending.append(first)
            case .jump(let target):
                pending.append(target)
            case .assertStart:
                if position == 0 { pending.append(state + 1) }
            case .assertEnd:
                if position == text.count { pending.append(state + 1) }
            case .consume, .match:
                break
            }
        }
    }
}

/// A ``ScalarSet`` with its ASCII members as a bitmap: answers are mostly ASCII and Cyrillic,
/// and the bitmap spares the Unicode property look-ups for the former. Measured with `-O` on
/// the shared 2-core machine (load about 12): 1,000,000 `a`s against `(a+)+b`, 20 million
/// steps, took 4.6 s with the sets tested directly and 1.6 s with the bitmap.
private struct ScalarTest {
    let set: ScalarSet
    let ascii: (UInt64, UInt64)

    init(_ set: ScalarSet) {
        self.set = set
        var low: UInt64 = 0, high: UInt64 = 0
        for value in UInt32(0)..<128 where set.contains(Unicode.Scalar(UInt8(value))) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        ascii = (low, high)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return ascii.0 & (1 << UInt64(value)) != 0 }
        if value < 128 { return ascii.1 & (1 << UInt64(value - 64)) != 0 }
        return set.contains(scalar)
    }
}

/// A set of small integers with O(1) insert, membership and clearing (Briggs and Torczon's
/// sparse set), in the order of insertion.
private struct StateSet {
    private(set) var members: [Int] = []
    private var position: [Int]

    init(capacity: Int) {
        position = Array(repeating: 0, count: capacity)
        members.reserveCapacity(capacity)
    }

    var isEmpty: Bool { members.isEmpty }

    func contains(_ value: Int) -> Bool {
        let place = position[value]
        return place < members.count && members[place] == value
    }

    /// Inserts `value`; false when it was already there.
    mutating func insert(_ value: Int) -> Bool {
        if contains(value) { return false }
        position[value] = members.count
        members.append(value)
        return true
    }

    mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
    }
}
