import AuditModel
import Expressions
import Yams

extension RulesetBuilder {
    /// Reads a rule's `tests:` item: `{given: {answers: {...}, metrics: {...}}, expect: status}`.
    mutating func test(_ node: Node, rule: LocalizedText) -> RuleTest? {
        let what = RuleText.testOf.text(["rule": .localized(rule)])
        guard let fields = reader.mapping(node, what, allowed: ["given", "expect", "name"]),
            let expectText = reader.string(fields, "expect", required: true, what)
        else { return nil }
        guard let expect = FindingStatus(rawValue: expectText), expect != .waived else {
            if let expectNode = fields["expect"] {
                reader.error(
                    expectNode,
                    RuleText.expectExpectedFindingWarnOkNot.text())
            }
            return nil
        }
        var answers: [String: AnswerValue] = [:]
        var metrics: [String: Value] = [:]
        var disputed: Set<String> = []
        var respondents = 0
        if let givenNode = fields["given"],
            let given = reader.mapping(givenNode, what, allowed: ["answers", "metrics", "disputed", "respondents"])
        {
            if let node = given["respondents"] {
                if let count = node.scalar.flatMap({ Int($0.string) }), count >= 0 {
                    respondents = count
                } else {
                    reader.error(
                        node, RuleText.respondentsExpectedANumberOfPeople.text())
                }
            }
            if let node = given["disputed"] {
                // The questions the people interviewed disagree on: a list of question ids.
                if let items = node.sequence {
                    disputed = Set(items.compactMap(\.string))
                } else {
                    reader.error(
                        node, RuleText.disputedExpectedAListOfQuestion.text())
                }
            }
            for (key, value) in pairs(given["answers"]) {
                if let answer = answerValue(value, question: key) { answers[key] = answer }
            }
            for (key, value) in pairs(given["metrics"]) {
                if environment.checksMetrics, environment.types.metrics[key] == nil {
                    let hint = Suggestion.hint(for: key, in: environment.types.metrics.keys)
                    reader.error(
                        value, RuleText.unknownMetric3.text(["key": .value(key), "hint": .localized(hint)]))
                }
                metrics[key] = scalarValue(value)
            }
        }
        return RuleTest(
            answers: answers, metrics: metrics, disputed: disputed, respondents: respondents, expect: expect,
            location: reader.location(node))
    }

    static let notFinite = RuleText.expectedAFiniteNumberInfNan.text()

    /// The pairs of a free-form mapping (question or metric ids as keys).
    private mutating func pairs(_ node: Node?) -> [(String, Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            reader.error(node, RuleText.expectedAMappingKeyValue.text())
            return []
        }
        return mapping.compactMap { key, value in key.scalar.map { ($0.string, value) } }
    }

    private mutating func scalarValue(_ node: Node) -> Value {
        if let items = node.sequence { return .set(Set(items.compactMap(\.string))) }
        if case .mapping(let rows) = node {
            // A per-item metric: {name: number, …}.
            var table: [String: Double] = [:]
            for (key, value) in rows {
                guard let name = key.string, let number = value.scalar.flatMap({ Double($0.string) }) else {
                    reader.error(value, RuleText.aTableExpectedNameNumber.text())
                    continue
                }
                table[name] = number
            }
            return .table(table)
        }
        guard let scalar = node.scalar else {
            reader.error(
                node, RuleText.expectedANumberStringTrueFalse.text()
            )
            return .null
        }
        if scalar.style == .plain {
            switch scalar.string {
            case "null", "~", "": return .null
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                if let number = Double(scalar.string) {
                    guard number.isFinite else {
                        reader.error(node, Self.notFinite)
                        return .null
                    }
                    return .number(number)
                }
            }
        }
        return Day(iso: scalar.string).map(Value.date) ?? .string(scalar.string)
    }

    /// A choice answer in a test names one of the question's options.
    private mutating func checkOption(_ node: Node, of question: String, declared: ReferenceType?) {
        guard let options = declared?.options, !options.isEmpty, let text = node.scalar?.string, !options.contains(text) else { return }
        let hint = Suggestion.hint(for: text, in: options)
        reader.error(
            node,
            RuleText.questionHasNoOptionItsOptions.text([
                "question": .value(question), "text": .value(text), "hint": .localized(hint),
                "options": .value(options.joined(separator: ", ")),
            ]))
    }

    /// A test answer read by the question's type: `dont_know` and `not_applicable` are the
    /// explicit non-answers; a list is a multiple choice.
    private mutating func answerValue(_ node: Node, question: String) -> AnswerValue? {
        let declared = environment.types.answers[question]
        if declared == nil, environment.areas != nil {
            let hint = Suggestion.hint(for: question, in: environment.types.answers.keys)
            reader.error(
                node,
                RuleText.theQuestionnaireHasNoQuestion.text(["question": .value(question), "hint": .localized(hint)]))
        }
        if let items = node.sequence {
            for item in items { checkOption(item, of: question, declared: declared) }
            return .options(items.compactMap(\.string))
        }
        guard let text = node.scalar?.string else { return nil }
        if text == "dont_know" { return .dontKnow }
        if text == "not_applicable" { return .notApplicable }
        if declared?.options?.isEmpty == false { checkOption(node, of: question, declared: declared) }
        switch declared?.type {
        case .bool?:
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
        case .number?:
            if let number = Double(text) {
                guard number.isFinite else {
                    reader.error(node, Self.notFinite)
                    return nil
                }
                return .number(number)
            }
        case .date?:
            if let day = Day(iso: text) { return .date(day) }
        case .set?:
            return .options([text])
        case .string?:
            return (declared?.options?.isEmpty ?? true) ? .text(text) : .option(text)
        default:
            if text == "true" || text == "false" { return .bool(text == "true") }
            if let number = Double(text), number.isFinite { return .number(number) }
            return .option(text)
        }
        reader.error(
            node,
            RuleText.answerDoesNotFitTheType.text(["question": .value(question)])
        )
        return nil
    }
}
