import AuditModel
import Expressions
import Testing

let origin = SourceLocation(file: "rules.yaml", line: 10, column: 12)

/// An environment like the bundled questionnaire's and the metric catalogue's.
let environment = TypeEnvironment(
    answers: [
        "tools": ReferenceType(.set, options: ["excel", "crm", "notebooks", "heads"]),
        "goal": ReferenceType(.string, options: ["grow_sales", "retain", "none"]),
        "has_crm": ReferenceType(.bool),
        "managers": ReferenceType(.number),
        "launch": ReferenceType(.date),
        "comment": ReferenceType(.string),
    ],
    metrics: [
        "sales.revenue": ReferenceType(.number),
        "pareto.top20_share": ReferenceType(.number),
        "sales.last_date": ReferenceType(.date),
    ],
    locals: ["value": ReferenceType(.number)])

func evaluate(_ text: String, _ bindings: Bindings = Bindings()) throws -> Evaluation {
    try Expression.parse(text, origin: origin).evaluate(with: bindings)
}

func diagnostics(_ text: String, expecting: ValueType? = .bool) -> [Diagnostic] {
    do throws(DiagnosticList) {
        let expression = try Expression.parse(text, origin: origin)
        try expression.check(in: environment, expecting: expecting)
        return []
    } catch {
        return error.diagnostics
    }
}

@Suite struct ParsingAndPrecedence {
    @Test(arguments: [
        ("1 + 2 * 3", Value.number(7)),
        ("(1 + 2) * 3", .number(9)),
        ("10 - 4 - 3", .number(3)),
        ("7 % 4", .number(3)),
        ("-2 * 3", .number(-6)),
        ("- (2 + 3)", .number(-5)),
        ("1e3 / 4", .number(250)),
        ("1 < 2 and 2 < 1 or true", .bool(true)),
        ("not 1 == 2", .bool(true)),
        ("not true and false", .bool(false)),
        ("true or true and false", .bool(true)),
        ("null ?? 2 + 3", .number(5)),
        ("null ?? null ?? 'x'", .string("x")),
        ("'a' in ['a', 'b']", .bool(true)),
        ("3 in [1, 2]", .bool(false)),
        ("['a', 'b'] contains 'b'", .bool(true)),
        ("'Иванов и партнёры' contains 'партнёры'", .bool(true)),
        ("\"it's\" == 'it\\'s'", .bool(true)),
        ("date('2026-01-31') < date('2026-02-01')", .bool(true)),
        ("date('2026-01-31') + 1 == date('2026-02-01')", .bool(true)),
        ("days_between(date('2026-01-01'), date('2026-03-01'))", .number(59)),
        ("count(['a', 'b', 'a'])", .number(2)),
        ("min(3, 1, 2) + max(3, 1, 2)", .number(4)),
        ("abs(-4.5)", .number(4.5)),
        ("max(date('2025-01-01'), date('2026-01-01')) == date('2026-01-01')", .bool(true)),
        ("'b' > 'a'", .bool(true)),
    ])
    func evaluatesLiteralExpressions(text: String, expected: Value) throws {
        #expect(try evaluate(text).value == expected)
    }

    @Test func metricIdsMayContainDots() throws {
        let expression = try Expression.parse("metric.pareto.top20_share > 0.8 and metric.sales.revenue > 0", origin: origin)
        #expect(expression.references == [.metric("pareto.top20_share"), .metric("sales.revenue")])
        let result = expression.evaluate(with: Bindings(metrics: ["pareto.top20_share": .number(0.85), "sales.revenue": .number(1)]))
        #expect(result.value == .bool(true))
    }

    @Test func referencesListAnswersMetricsAndLocals() throws {
        let expression = try Expression.parse("answer.managers > value ?? metric.x.y", origin: origin)
        #expect(expression.references == [.answer("managers"), .local("value"), .metric("x.y")])
    }

    @Test func aTrailingDotIsNotPartOfAnId() throws {
        #expect(throws: DiagnosticList.self) { try Expression.parse("metric.sales. > 1", origin: origin) }
    }
}

@Suite struct NullHandling {
    @Test(arguments: [
        ("null and false", Value.bool(false)),
        ("false and null", .bool(false)),
        ("null and true", .null),
        ("null or true", .bool(true)),
        ("true or null", .bool(true)),
        ("null or false", .null),
        ("not null", .null),
        ("null == null", .null),
        ("null + 1", .null),
        ("1 / 0", .null),
        ("null < 3", .null),
        ("known(null)", .bool(false)),
        ("known(1)", .bool(true)),
        ("null in ['a']", .null),
        ("count(null)", .null),
        ("min(1, null)", .null),
    ])
    func kleeneLogicAndNullPropagation(text: String, expected: Value) throws {
        #expect(try evaluate(text).value == expected)
    }

    @Test func aNullResultNamesTheMissingInputs() throws {
        let bindings = Bindings(answers: ["goal": .dontKnow, "managers": .notApplicable], metrics: ["sales.revenue": .null])
        let result = try evaluate(
            "answer.goal == 'none' or answer.managers > 3 or metric.sales.revenue > 0 or metric.pareto.top20_share > 0.8 or answer.has_crm",
            bindings)
        #expect(result.value == .null)
        #expect(
            result.missing == [
                MissingInput(.answer("goal"), .dontKnow),
                MissingInput(.answer("has_crm"), .unanswered),
                MissingInput(.answer("managers"), .notApplicable),
                MissingInput(.metric("pareto.top20_share"), .absent),
                MissingInput(.metric("sales.revenue"), .null),
            ])
        #expect(result.missing[0].text(in: .en) == "answer.goal: answered \"don't know\"")
        #expect(result.missing[0].text(in: .ru) == "answer.goal: ответ «не знаю»")
    }

    @Test func aDecidedResultNamesNoMissingInputs() throws {
        let result = try evaluate("answer.has_crm and false")
        #expect(result == Evaluation(value: .bool(false), missing: []))
    }

    @Test func coalesceTakesTheDefaultAndForgetsTheMissingLeftSide() throws {
        #expect(try evaluate("answer.managers ?? 0 > 3") == Evaluation(value: .bool(false)))
        #expect(try evaluate("(answer.managers > 3) ?? true") == Evaluation(value: .bool(true)))
    }

    @Test func answerFunctionsTellUnansweredDontKnowAndKnownApart() throws {
        let bindings = Bindings(answers: ["goal": .dontKnow, "managers": .number(9), "has_crm": .notApplicable])
        let cases: [(String, Bool)] = [
            ("unknown(answer.goal)", true), ("answered(answer.goal)", true), ("known(answer.goal)", false),
            ("unknown(answer.managers)", false), ("answered(answer.managers)", true), ("known(answer.managers)", true),
            ("answered(answer.has_crm)", true), ("known(answer.has_crm)", false),
            ("answered(answer.tools)", false), ("unknown(answer.tools)", false),
        ]
        for (text, expected) in cases {
            #expect(try evaluate(text, bindings).value == .bool(expected), "\(text)")
        }
    }

    @Test func storedAnswersBecomeValues() {
        #expect(Value(answer: .option("crm")) == .string("crm"))
        #expect(Value(answer: .options(["a", "b"])) == .set(["a", "b"]))
        #expect(Value(answer: .bool(true)) == .bool(true))
        #expect(Value(answer: .number(4)) == .number(4))
        #expect(Value(answer: .text("x")) == .string("x"))
        #expect(Value(answer: .date(Day(ordinal: 0))) == .date(Day(ordinal: 0)))
        #expect(Value(answer: .dontKnow) == .null)
        #expect(Value(answer: .notApplicable) == .null)
    }

    @Test func multipleChoiceAnswersAreSets() throws {
        let bindings = Bindings(answers: ["tools": .options(["excel", "heads"])])
        #expect(try evaluate("answer.tools contains 'excel' and not ('crm' in answer.tools)", bindings).value == .bool(true))
        #expect(try evaluate("count(answer.tools) == 2", bindings).value == .bool(true))
        #expect(try evaluate("answer.tools == ['heads', 'excel']", bindings).value == .bool(true))
    }
}

@Suite struct TypeChecking {
    @Test(arguments: [
        "answer.tools contains 'excel' and answer.managers >= 3",
        "answer.goal in ['grow_sales', 'retain']",
        "answer.goal == 'none' or not known(answer.goal)",
        "(value <= 2 * metric.sales.revenue) ?? true",
        "days_between(answer.launch, metric.sales.last_date) > 30",
        "answer.launch + 30 < date('2027-01-01')",
        "answer.managers in [1, 2, 3]",
        "unknown(answer.goal) or answered(answer.comment)",
        "null",
    ])
    func acceptsWellTypedConditions(text: String) {
        #expect(diagnostics(text) == [])
    }

    @Test func reportsTheTypeOfAnExpression() throws {
        let expression = try Expression.parse("answer.managers * 2", origin: origin)
        #expect(try expression.check(in: environment) == .number)
    }

    @Test(arguments: [
        // (expression, column offset of the problem from the expression start, part of the English message)
        ("answer.managerz > 3", 0, "unknown question 'managerz'; did you mean 'managers'?"),
        ("metric.sales.revenu > 0", 0, "unknown metric 'sales.revenu'; did you mean 'sales.revenue'?"),
        ("answer.goal == 'grow'", 15, "the question has no option 'grow'"),
        ("answer.goal in ['retain', 'typo']", 26, "the question has no option 'typo'"),
        ("answer.tools contains 'exel'", 22, "the question has no option 'exel'"),
        ("'excell' in answer.tools", 0, "the question has no option 'excell'"),
        ("answer.managers and true", 0, "the left operand of 'and': expected a bool (yes/no), got a number"),
        ("answer.managers == 'many'", 16, "'==' between different types: number and string"),
        ("answer.managers + 1", 0, "the expression gives a number, but a bool (yes/no) is needed"),
        ("answer.tools > 2", 0, "'>' compares numbers, dates or strings, not a set of strings"),
        ("count(answer.managers) > 1", 6, "the argument of count(): expected a set of strings"),
        ("answer.managers in answer.goal", 19, "'in' needs a list or a set on its right, not a string"),
        ("value <= 2 * metric.sales.revenue ?? true", 34, "'??' between different types: number and bool (yes/no)"),
        ("answer.goal != null", 12, "comparing with null always gives null; use known(x)"),
        ("speed > 1", 0, "unknown name 'speed'"),
        ("[1, 'a'] == ['a']", 4, "all items of a list must have one type"),
    ])
    func reportsTypeErrorsWhereTheyAre(text: String, offset: Int, message: String) {
        let found = diagnostics(text)
        #expect(found.count >= 1, "\(text)")
        guard let first = found.first else { return }
        #expect(first.location == SourceLocation(file: "rules.yaml", line: 10, column: 12 + offset), "\(text)")
        #expect(first.text.en.contains(message), "\(first.text.en)")
        #expect(!first.text.ru.isEmpty && first.text.ru != first.text.en)
    }

    @Test func reportsEveryProblemOfAnExpression() {
        let found = diagnostics("answer.nope == 1 and metric.nope > 2 and answer.goal == 'bad'")
        #expect(found.map(\.location?.column) == [12, 33, 68])
    }

    @Test func metricsMayBeLeftUncheckedWhenNoCatalogueIsGiven() throws {
        var open = environment
        open.acceptsUnknownMetrics = true
        let expression = try Expression.parse("metric.customers.count > 3", origin: origin)
        #expect(try expression.check(in: open, expecting: .bool) == .bool)
    }
}

@Suite struct SyntaxErrors {
    @Test(arguments: [
        ("answer.x > ", 11, "expected a value; found the end of the expression"),
        ("(1 + 2", 6, "expected ')'"),
        ("1 + 2)", 5, "unexpected ')' after the end of the expression"),
        ("'open", 0, "unterminated string"),
        ("a && b", 2, "write 'and' instead of '&&'"),
        ("a = b", 2, "write '==' to compare"),
        ("!a", 0, "write 'not' instead of '!'"),
        ("1 < 2 < 3", 6, "comparisons cannot be chained"),
        ("sqrt(4)", 0, "unknown function 'sqrt'"),
        ("abs(1, 2)", 0, "abs() takes 1 argument, got 2"),
        ("date('2026-02-30')", 5, "'2026-02-30' is not a date YYYY-MM-DD"),
        ("answered(metric.x)", 9, "answered() takes an answer reference"),
        ("answer > 1", 6, "expected '.' and an id after 'answer'"),
        ("3abc", 1, "a number cannot run into a letter"),
        ("x # y", 2, "unexpected character '#'"),
        ("", 0, "empty expression"),
        ("[1, 2", 5, "expected ',' or ']' in the list"),
    ])
    func pointAtTheColumnInsideTheExpression(text: String, offset: Int, message: String) {
        let found = diagnostics(text)
        #expect(found.count == 1)
        guard let first = found.first else { return }
        #expect(first.location == SourceLocation(file: "rules.yaml", line: 10, column: 12 + offset), "\(text)")
        #expect(first.text.en.contains(message), "\(first.text.en)")
    }

    @Test func positionsOnLaterLinesOfAMultiLineExpressionUseTheContinuationIndent() {
        do throws(DiagnosticList) {
            _ = try Expression.parse("answer.a == 1 and\n  answer.b ==", origin: origin, continuationIndent: 4)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "rules.yaml", line: 11, column: 18))
        }
    }

    @Test func formatsLikeACompiler() {
        let found = diagnostics("answer.goal == 'grow'")
        #expect(found.first?.formatted(in: .en).hasPrefix("rules.yaml:10:27: error: the question has no option 'grow'") == true)
    }
}

@Suite struct Limits {
    @Test func deepNestingIsRefused() {
        let text = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(diagnostics(text, expecting: nil).first?.text.en.contains("nested too deeply") == true)
    }

    @Test func longChainsOfNotAreRefused() {
        let text = String(repeating: "not ", count: 100) + "true"
        #expect(diagnostics(text).first?.text.en.contains("nested too deeply") == true)
    }

    @Test func tooManyNodesAreRefused() {
        let text = (0..<600).map { "\($0)" }.joined(separator: " + ")
        let found = diagnostics(text, expecting: nil)
        #expect(found.first?.text.en.contains("too large") == true)
    }

    @Test func tooLongTextIsRefused() {
        let text = "'" + String(repeating: "x", count: 5_000) + "' == 'x'"
        #expect(diagnostics(text).first?.text.en.contains("too long") == true)
    }

    @Test func aLongFlatChainWithinLimitsEvaluates() throws {
        let text = (1...300).map { "\($0)" }.joined(separator: " + ")
        #expect(try evaluate(text).value == .number(45_150))
    }
}
