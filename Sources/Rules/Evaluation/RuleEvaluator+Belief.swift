import AuditModel
import Expressions

extension Belief {
    /// Both values of the belief in this round, with the note rendered.
    func outcome(finding: Finding, rule: Rule, bindings: Bindings, context: some AssessmentContext) -> BeliefOutcome {
        let stated = stated.evaluate(with: bindings).value
        let measured = measured.evaluate(with: bindings).value
        var statedNumber: Double?, statedText: LocalizedText?
        switch stated {
        case .number(let number):
            statedNumber = number
        case .null:
            // "Don't know" and the like read as the answer's own words.
            if let id = bareAnswer(self.stated), let answer = context.answers[id] {
                statedText = context.label(questionID: id, value: answer)
            }
        default:
            if let id = bareAnswer(self.stated), let answer = context.answers[id] {
                statedText = context.label(questionID: id, value: answer)
            } else {
                statedText = stated.text.map { LocalizedText(both: $0) }
            }
        }
        var measuredNumber: Double?, measuredText: String?
        if case .number(let number) = measured { measuredNumber = number } else { measuredText = measured.text }
        return BeliefOutcome(
            label: label, stated: statedNumber, statedText: statedText, measured: measuredNumber, measuredText: measuredText,
            unit: unit, noun: noun, period: period, comparison: comparison,
            note: note.map { EvidenceTemplate($0).render(finding: finding, rule: rule, bindings: bindings, context: context) })
    }

    /// The question id when the expression is exactly `answer.<id>`.
    private func bareAnswer(_ expression: Expressions.Expression) -> String? {
        let answers = expression.references.filter { $0.kind == .answer }
        guard answers.count == 1, let only = answers.first,
              expression.text.filter { !$0.isWhitespace } == only.description else { return nil }
        return only.id
    }
}
