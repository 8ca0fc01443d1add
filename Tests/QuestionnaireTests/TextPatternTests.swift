import Foundation
import TestSupport
import Testing

@testable import Questionnaire

/// Swift's `Regex` as the oracle: the whole-text match the questionnaires had before.
private func oracle(_ pattern: String, _ text: String) throws -> Bool {
    try Regex(pattern).wholeMatch(in: text) != nil
}

@Suite struct TextPatternMatching {
    @Test(arguments: [
        ("[0-9]{10}", ["0123456789", "012345678", "01234567890", "012345678a", ""]),
        ("[A-Za-zА-Яа-яЁё ,.]+", ["Всё хорошо, спасибо.", "All good", "ok!", "", "ёЁ"]),
        ("\\d{3}-\\d{2}", ["123-45", "123-4", "12a-45", "١٢٣-٤٥"]),
        ("\\+7 \\(\\d{3}\\) \\d{3}-\\d{2}-\\d{2}", ["+7 (912) 345-67-89", "+7 912 345-67-89"]),
        ("[^@ ]+@[^@ ]+\\.[a-z]{2,}", ["a@b.ru", "a@b.r", "a b@c.ru", "@b.ru"]),
        ("(?:ООО|АО|ИП) «[^»]+»", ["ООО «Ромашка»", "АО «»", "ЗАО «Ромашка»"]),
        ("a|b|", ["a", "b", "", "ab"]),
        ("(a|ab)(c|bcd)(d*)", ["abcd", "abc", "acd", "abbcd"]),
        ("^a*$", ["", "aaa", "aab"]),
        ("(^a|b)*", ["ab", "ba", "aab", ""]),
        ("a$b", ["ab", "a"]),
        ("x*?y+?z??", ["y", "xxyyz", "z"]),
        ("a{2,}b{,2}c{0}", ["aa", "aabb", "aabbb", "a"]),
        (".\\s\\S\\w\\W", ["a b_!", "\n b_!", "a\tb1.", "a  _!"]),
        ("[\\d\\s-]+", ["12 34-5", "1\t2", "x"]),
        ("[a-]+[-a]", ["a-", "--", "ab"]),
        ("\\x41\\u0042\\x{43}\\u{1F600}", ["ABC😀", "ABC"]),
        ("[\\^\\]\\\\]+", ["^]\\", "["]),
        ("\\.\\*\\?\\(\\)\\{\\}\\|\\$\\/\\ \\_", [".*?(){}|$/ _"]),
        ("[^a]", ["\n", "b", "a", "ab"]),
        ("()*a(|b)", ["a", "ab", "b"]),
        ("\\w+", ["snake_case", "½", "Ж3", "a-b"]),
    ])
    func agreesWithSwiftRegexOnATable(pattern: String, texts: [String]) throws {
        let compiled = try TextPattern(pattern)
        for text in texts {
            #expect(compiled.matches(text) == (try oracle(pattern, text)), "\(pattern) on \(text.debugDescription)")
        }
    }

    /// Random patterns over a small alphabet, random texts over the same, 4,000 pairs: the
    /// engine and `Regex` accept the same texts. Texts are kept single-scalar characters in
    /// normal form C (no CR, no combining marks), where matching scalars and matching characters
    /// agree.
    @Test func agreesWithSwiftRegexOnRandomPatterns() throws {
        var random = SeededGenerator(state: 17)
        let alphabet: [String] = ["a", "b", "c", "ё", "Ж", "1", "½", "_", " ", "\n", "-", "."]
        var disagreements: [String] = []
        for _ in 0..<400 {
            let pattern = RandomPattern.make(depth: 3, using: &random)
            let compiled = try TextPattern(pattern)
            for _ in 0..<10 {
                let length = Int.random(in: 0...7, using: &random)
                let text = (0..<length).map { _ in alphabet.randomElement(using: &random) ?? "a" }.joined()
                if compiled.matches(text) != (try oracle(pattern, text)) {
                    disagreements.append("\(pattern.debugDescription) on \(text.debugDescription)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// `\d`, `\w`, `\s` and `.` against `Regex` on single scalars: every scalar below U+3000,
    /// then every 61st up to U+10FFFF.
    @Test func classesMeanWhatTheyMeantUnderRegex() throws {
        let patterns = ["\\d", "\\w", "\\s", ".", "\\D", "\\W", "\\S", "[^\\d\\s]"]
        let compiled = try patterns.map { try TextPattern($0) }
        let regexes = try patterns.map { try Regex($0) }
        var disagreements: [String] = []
        var value: UInt32 = 0
        while value <= 0x10FFFF {
            if let scalar = Unicode.Scalar(value) {
                let text = String(scalar)
                // Normal form C may turn a scalar into others (U+2126 OHM SIGN becomes Ω): skip those.
                if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) {
                    for (index, pattern) in compiled.enumerated()
                    where pattern.matches(text) != (try regexes[index].wholeMatch(in: text) != nil) {
                        disagreements.append("\(patterns[index]) U+\(String(value, radix: 16))")
                    }
                }
            }
            value += value < 0x3000 ? 1 : 61
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
    }

    @Test func aDecomposedLetterMatchesTheClassThatListsIt() throws {
        #expect(try TextPattern("[А-Яа-яЁё]+").matches("Е\u{0308}лка"))
        #expect(try TextPattern("^.$").matches("e\u{0301}"))
    }
}

@Suite struct TextPatternCost {
    /// Patterns that send a backtracking engine into exponential time finish here in steps
    /// bounded by (text length + 1) × 2 × program size, the Pike VM's bound.
    @Test(arguments: [("(a+)+b", "a"), ("(a|a)*c", "a"), ("(a*)*$", "a"), ("(a|aa)+$", "a"), ("(\\w+\\s?)+!", "ab ")])
    func catastrophicPatternsTakeLinearSteps(pattern: String, unit: String) throws {
        let compiled = try TextPattern(pattern)
        for count in [30, 1_000, 10_000] {
            let text = String(repeating: unit, count: count / unit.count) + "x"
            let run = compiled.run(text)
            #expect(!run.matched)
            let bound = (text.unicodeScalars.count + 1) * 2 * compiled.size
            #expect(run.steps <= bound, "\(pattern) on \(count): \(run.steps) steps, bound \(bound)")
        }
        // Thirty `a`s, the case of issue 17 that ran for hours: a few hundred steps.
        #expect(compiled.run(String(repeating: unit, count: 30 / unit.count) + "x").steps < 2_000)
    }

    @Test func stepsGrowLinearlyWithTheText() throws {
        let compiled = try TextPattern("(a+)+b")
        let short = compiled.run(String(repeating: "a", count: 1_000)).steps
        let long = compiled.run(String(repeating: "a", count: 10_000)).steps
        #expect(long <= short * 11)
        #expect(compiled.matches(String(repeating: "a", count: 10_000) + "b"))
    }
}

@Suite struct TextPatternRefusals {
    @Test(arguments: [
        // Constructs that need backtracking or mean different things elsewhere.
        ("(a)\\1", TextPatternError.Reason.backreference, 3),
        ("(?<n>a)\\k<n>", .namedGroup, 0),
        ("a(?=b)", .lookaround, 1),
        ("a(?!b)", .lookaround, 1),
        ("(?<=a)b", .lookaround, 0),
        ("(?<!a)b", .lookaround, 0),
        ("(?>a+)b", .atomicGroup, 0),
        ("(?i)abc", .groupSyntax("(?i"), 0),
        ("(?#note)a", .groupSyntax("(?#"), 0),
        ("a*+b", .possessive, 2),
        ("a++", .possessive, 2),
        ("a{2}+", .possessive, 4),
        ("\\p{L}+", .unicodeProperty, 0),
        ("\\bword\\b", .wordBoundary, 0),
        ("\\Aa\\z", .anchorEscape("A"), 0),
        ("[[:alpha:]]", .nestedClass, 1),
        ("[a[b]]", .nestedClass, 2),
        ("[a&&b]", .classOperation("&&"), 2),
        ("[a--b]", .classOperation("--"), 2),
        ("[a~~b]", .classOperation("~~"), 2),
        ("\\e", .escape("e"), 0),
        ("\\0", .escape("0"), 0),
        ("\\я", .escape("я"), 0),
        // Not regular expressions.
        ("[A-Z", .unclosedClass, 0),
        ("(ab", .unclosedGroup, 0),
        ("ab)", .unmatchedParenthesis, 2),
        ("*a", .nothingToRepeat, 0),
        ("a**", .nothingToRepeat, 2),
        ("a{2}{3}", .nothingToRepeat, 4),
        ("^*", .anchorRepeated, 1),
        ("a{", .braceNotQuantifier, 1),
        ("a{ 2}", .braceNotQuantifier, 1),
        ("a{,}", .braceNotQuantifier, 1),
        ("a{3,2}", .reversedCount(min: 3, max: 2), 1),
        ("[z-a]", .reversedRange(from: "z", to: "a"), 1),
        ("[\\d-z]", .classInRange, 1),
        ("[]a]", .emptyClass, 0),
        ("ab\\", .loneBackslash, 2),
        ("\\x4", .badHexEscape, 0),
        ("\\u{D800}", .invalidScalar("D800"), 0),
        // Limits.
        ("a{1001}", .countTooLarge, 2),
        ("(a{1000}){3}", .tooLarge, 0),
        ("((a{1000}){1000}){1000}", .tooLarge, 0),
    ])
    func areRefusedWithTheirPlace(pattern: String, reason: TextPatternError.Reason, offset: Int) {
        #expect(throws: TextPatternError(reason, at: offset)) { try TextPattern(pattern) }
    }

    @Test func groupsNestOnlySoDeep() {
        let deep = String(repeating: "(", count: 60) + "a" + String(repeating: ")", count: 60)
        #expect(throws: TextPatternError(.tooDeep, at: TextPattern.maximumDepth)) { try TextPattern(deep) }
        #expect((try? TextPattern(String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40))) != nil)
    }

    @Test func everyRefusalSaysWhatToDoInBothLanguages() {
        for pattern in ["(a)\\1", "a(?=b)", "[z-a]", "a{1001}", "(a{1000}){3}", "\\e"] {
            do {
                _ = try TextPattern(pattern)
                Issue.record("\(pattern) compiled")
            } catch {
                #expect(!error.message(in: .ru).isEmpty && error.message(in: .ru) != error.message(in: .en))
            }
        }
    }
}

/// Random patterns of the supported syntax, for the oracle test.
enum RandomPattern {
    static func make(depth: Int, using random: inout SeededGenerator) -> String {
        let count = Int.random(in: 1...3, using: &random)
        var branches: [String] = []
        for _ in 0..<(Int.random(in: 0...3, using: &random) == 0 ? 2 : 1) {
            branches.append((0..<count).map { _ in quantified(depth: depth, using: &random) }.joined())
        }
        return branches.joined(separator: "|")
    }

    /// Groups get bounded quantifiers only: `Regex`, the oracle, backtracks exponentially on
    /// nested unbounded loops over empty matches (`((a*)*)*` on six letters did not finish).
    private static func quantified(depth: Int, using random: inout SeededGenerator) -> String {
        let atom = self.atom(depth: depth, using: &random)
        if atom == "^" || atom == "$" { return atom }
        let quantifiers =
            atom.hasPrefix("(")
            ? ["", "", "?", "{2}", "{0,2}", "{,1}", "??"]
            : ["", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "{,1}", "*?", "+?"]
        return atom + (quantifiers.randomElement(using: &random) ?? "")
    }

    private static func atom(depth: Int, using random: inout SeededGenerator) -> String {
        let leaves = [
            "a", "b", "ё", "Ж", "1", " ", ".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "[ab]", "[^a]", "[a-c]",
            "[^\\d]", "[\\w-]", "\\.", "\\n", "_", "^", "$",
        ]
        if depth > 0, Int.random(in: 0...3, using: &random) == 0 {
            let inner = make(depth: depth - 1, using: &random)
            return Bool.random(using: &random) ? "(" + inner + ")" : "(?:" + inner + ")"
        }
        return leaves.randomElement(using: &random) ?? "a"
    }
}

@Suite struct PatternValidation {
    /// The pattern of issue 17: it passes lint (the engine has no backtracking to fear) and an
    /// answer of thirty `a`s is refused at once instead of running for hours.
    @Test func aNestedQuantifierValidatesAtOnce() throws {
        let text = smallQuestionnaire().replacingOccurrences(
            of: "{pattern: \"[A-Za-zА-Яа-яЁё ,.]+\", severity: note",
            with: "{pattern: \"(a+)+b\", severity: error")
        let questionnaire = try Questionnaire.load(text: text, file: "q.yaml")
        let comment = try #require(questionnaire.question("comment"))
        #expect(comment.validate(.text(String(repeating: "a", count: 30))).map(\.message.en) == ["Letters only"])
        #expect(comment.validate(.text(String(repeating: "a", count: 30) + "b")).isEmpty)
    }

    @Test func everyBundledQuestionnairePassesLint() throws {
        let folder = packageRoot + "/questionnaires"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            #expect(QuestionnaireLoader.lint(path: folder + "/" + file).errors.isEmpty, "\(file)")
        }
    }
}
