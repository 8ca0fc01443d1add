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
            let answered = self.stated.references.filter { $0.kind == .answer }.first { context.answers[$0.id] != nil }
            if let id = answered?.id, let answer = context.answers[id] {
                statedText = context.label(questionID: id, value: answer)
            }
        default:
            if let id = bareAnswer(self.stated), let answer = context.answers[id] {
                statedText = context.label(questionID: id, value: answer)
            } else {
                statedText = stated.text.map { LocalizedText(both: $0) }
            }
        }
        var measuredNumber: Double?, measuredText: LocalizedText?
        switch measured {
        case .number(let number): measuredNumber = number
        case .table(let rows): measuredText = Self.list(rows)
        default: measuredText = measured.text.map { LocalizedText(both: $0) }
        }
        var outcome = BeliefOutcome(
            label: label, stated: statedNumber, statedText: statedText, measured: measuredNumber, measuredText: measuredText,
            unit: unit, noun: noun, period: period, comparison: comparison,
            note: note.map { EvidenceTemplate($0).render(finding: finding, rule: rule, bindings: bindings, context: context) })
        outcome.questions = self.stated.references.filter { $0.kind == .answer }.map(\.id)
        return outcome
    }

    /// A table of shares as "name 35 %, name 12 %, …", largest first (at most 12 items).
    static func list(_ rows: [String: Double]) -> LocalizedText {
        let ordered = rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        func text(_ language: Language) -> String {
            let formatter = Formatter(language)
            let items = ordered.prefix(12).map { "\($0.key) \(formatter.percent($0.value))" }
            return items.joined(separator: ", ") + (ordered.count > 12 ? ", …" : "")
        }
        return .inEach(text)
    }

    /// The question id when the expression is exactly `answer.<id>`.
    private func bareAnswer(_ expression: Expressions.Expression) -> String? {
        let answers = expression.references.filter { $0.kind == .answer }
        guard answers.count == 1, let only = answers.first,
            expression.text.filter({ !$0.isWhitespace }) == only.description
        else { return nil }
        return only.id
    }
}
