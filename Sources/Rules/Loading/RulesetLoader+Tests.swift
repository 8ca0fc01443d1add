import AuditModel
import Expressions
import Yams

extension RulesetLoader {
    /// Reads a rule's `tests:` item: `{given: {answers: {...}, metrics: {...}}, expect: status}`.
    func readTest(_ node: Yams.Node, _ reader: YAMLReader, what: String) -> RuleTest? {
        guard let pairs = reader.mapping(node, "tests") else { return nil }
        reader.checkKeys(pairs, allowed: ["given", "expect", "name"], in: "test of \(what)")
        guard let expectText = reader.string(pairs, "expect", in: "test", required: true, at: node) else { return nil }
        guard let expect = FindingStatus(rawValue: expectText), expect != .waived else {
            reader.report(at: reader.value(pairs, "expect"),
                          ru: "«expect»: ожидается finding, warn, ok, not_applicable или not_evaluable",
                          en: "'expect': expected finding, warn, ok, not_applicable or not_evaluable")
            return nil
        }
        var answers: [String: AnswerValue] = [:]
        var metrics: [String: Value] = [:]
        if let given = reader.mapping(reader.value(pairs, "given"), "given") {
            reader.checkKeys(given, allowed: ["answers", "metrics"], in: "given")
            for pair in reader.mapping(reader.value(given, "answers"), "answers") ?? [] {
                if let answer = answerValue(pair.value, question: pair.key, reader) { answers[pair.key] = answer }
            }
            for pair in reader.mapping(reader.value(given, "metrics"), "metrics") ?? [] {
                if environment.checksMetrics, environment.types.metrics[pair.key] == nil {
                    reader.report(at: pair.keyNode, ru: "неизвестный показатель «\(pair.key)»", en: "unknown metric '\(pair.key)'")
                }
                metrics[pair.key] = scalarValue(pair.value, reader)
            }
        }
        return RuleTest(answers: answers, metrics: metrics, expect: expect, location: reader.source.location(of: node))
    }

    private func scalarValue(_ node: Yams.Node, _ reader: YAMLReader) -> Value {
        if case .scalar(let scalar) = node, scalar.tag.description.hasSuffix("null") || scalar.string == "null" || scalar.string == "~" {
            return .null
        }
        if let flag = node.bool { return .bool(flag) }
        if let number = node.float ?? node.int.map(Double.init) { return .number(number) }
        if let text = node.string { return Day(iso: text).map(Value.date) ?? .string(text) }
        if let items = node.sequence { return .set(Set(items.compactMap(\.string))) }
        reader.report(at: node, ru: "ожидается число, строка, true/false или null", en: "expected a number, string, true/false or null")
        return .null
    }

    /// A test answer read by the question's type: `dont_know` and `not_applicable` are the
    /// explicit non-answers; a list is a multiple choice.
    private func answerValue(_ node: Yams.Node, question: String, _ reader: YAMLReader) -> AnswerValue? {
        let declared = environment.types.answers[question]
        if declared == nil, environment.areas != nil {
            reader.report(at: node, ru: "в анкете нет вопроса «\(question)»", en: "the questionnaire has no question '\(question)'")
        }
        if let text = node.string, text == "dont_know" { return .dontKnow }
        if let text = node.string, text == "not_applicable" { return .notApplicable }
        if let items = node.sequence { return .options(items.compactMap(\.string)) }
        switch declared?.type {
        case .bool?:
            if let flag = node.bool { return .bool(flag) }
        case .number?:
            if let number = node.float ?? node.int.map(Double.init) { return .number(number) }
        case .date?:
            if let day = node.string.flatMap({ Day(iso: $0) }) { return .date(day) }
        case .set?:
            if let text = node.string { return .options([text]) }
        case .string?:
            if let text = node.string { return (declared?.options?.isEmpty ?? true) ? .text(text) : .option(text) }
        default:
            if let flag = node.bool { return .bool(flag) }
            if let number = node.float ?? node.int.map(Double.init) { return .number(number) }
            if let text = node.string { return .option(text) }
        }
        reader.report(at: node, ru: "ответ на «\(question)» не подходит к типу вопроса", en: "the answer to '\(question)' does not fit the question's type")
        return nil
    }
}
