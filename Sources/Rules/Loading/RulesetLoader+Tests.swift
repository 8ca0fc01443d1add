import AuditModel
import Expressions
import Questionnaire
import Yams

extension RulesetBuilder {
    /// Reads a rule's `tests:` item: `{given: {answers: {...}, metrics: {...}}, expect: status}`.
    mutating func test(_ node: Node, rule: LocalizedText) -> RuleTest? {
        let what = LocalizedText(ru: "тест: \(rule.ru)", en: "test of \(rule.en)")
        guard let fields = reader.mapping(node, what, allowed: ["given", "expect", "name"]),
              let expectText = reader.string(fields, "expect", required: true, what) else { return nil }
        guard let expect = FindingStatus(rawValue: expectText), expect != .waived else {
            if let expectNode = fields["expect"] {
                reader.error(expectNode, LocalizedText(ru: "«expect»: ожидается finding, warn, ok, not_applicable или not_evaluable",
                                                       en: "'expect': expected finding, warn, ok, not_applicable or not_evaluable"))
            }
            return nil
        }
        var answers: [String: AnswerValue] = [:]
        var metrics: [String: Value] = [:]
        if let givenNode = fields["given"], let given = reader.mapping(givenNode, what, allowed: ["answers", "metrics"]) {
            for (key, value) in pairs(given["answers"]) {
                if let answer = answerValue(value, question: key) { answers[key] = answer }
            }
            for (key, value) in pairs(given["metrics"]) {
                if environment.checksMetrics, environment.types.metrics[key] == nil {
                    reader.error(value, LocalizedText(ru: "неизвестный показатель «\(key)»", en: "unknown metric '\(key)'"))
                }
                metrics[key] = scalarValue(value)
            }
        }
        return RuleTest(answers: answers, metrics: metrics, expect: expect, location: reader.location(node))
    }

    static let notFinite = LocalizedText(
        ru: "ожидается конечное число (inf, nan и числа больше 1.8e308 не допускаются)",
        en: "expected a finite number (inf, nan and numbers beyond 1.8e308 are refused)")

    /// The pairs of a free-form mapping (question or metric ids as keys).
    private mutating func pairs(_ node: Node?) -> [(String, Node)] {
        guard let node else { return [] }
        guard case .mapping(let mapping) = node else {
            reader.error(node, LocalizedText(ru: "ожидается словарь (ключ: значение)", en: "expected a mapping (key: value)"))
            return []
        }
        return mapping.compactMap { key, value in key.scalar.map { ($0.string, value) } }
    }

    private mutating func scalarValue(_ node: Node) -> Value {
        if let items = node.sequence { return .set(Set(items.compactMap(\.string))) }
        guard let scalar = node.scalar else {
            reader.error(node, LocalizedText(ru: "ожидается число, строка, true/false или null", en: "expected a number, string, true/false or null"))
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

    /// A test answer read by the question's type: `dont_know` and `not_applicable` are the
    /// explicit non-answers; a list is a multiple choice.
    private mutating func answerValue(_ node: Node, question: String) -> AnswerValue? {
        let declared = environment.types.answers[question]
        if declared == nil, environment.areas != nil {
            reader.error(node, LocalizedText(ru: "в анкете нет вопроса «\(question)»", en: "the questionnaire has no question '\(question)'"))
        }
        if let items = node.sequence { return .options(items.compactMap(\.string)) }
        guard let text = node.scalar?.string else { return nil }
        if text == "dont_know" { return .dontKnow }
        if text == "not_applicable" { return .notApplicable }
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
        reader.error(node, LocalizedText(ru: "ответ на «\(question)» не подходит к типу вопроса", en: "the answer to '\(question)' does not fit the question's type"))
        return nil
    }
}
