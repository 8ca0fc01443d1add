import AuditModel
import Expressions

extension Questionnaire {
    /// The questions shown for these answers, in order (skip logic).
    ///
    /// A question is shown unless its section's or its own `relevant` condition is false.
    /// A condition that is null because an earlier answer is unknown ("don't know", not yet
    /// answered) shows the question: better to ask than to hide. A condition that depends on a
    /// hidden question, or on one answered "not applicable", hides its question too, so hiding
    /// cascades; answers to hidden questions
    /// stay stored and count again when an earlier answer changes and un-hides them.
    /// - Complexity: O(n·e) for n questions and conditions of size e.
    public func relevantQuestions(answers: [String: AnswerValue], metrics: [String: Value] = [:]) -> [Question] {
        var visible: [String: AnswerValue] = [:]
        var hidden = Set<String>()
        var result: [Question] = []
        for section in sections {
            let sectionShown = section.relevant.map { condition(holds: $0, visible, hidden, metrics) } ?? true
            for question in section.questions {
                guard sectionShown, question.relevant.map({ condition(holds: $0, visible, hidden, metrics) }) ?? true else {
                    hidden.insert(question.id)
                    continue
                }
                result.append(question)
                if let answer = answers[question.id] { visible[question.id] = answer }
            }
        }
        return result
    }

    /// True when the question `id` is shown for these answers.
    package func isRelevant(_ id: String, answers: [String: AnswerValue], metrics: [String: Value] = [:]) -> Bool {
        relevantQuestions(answers: answers, metrics: metrics).contains { $0.id == id }
    }

    private func condition(
        holds expression: Expression, _ answers: [String: AnswerValue], _ hidden: Set<String>,
        _ metrics: [String: Value]
    ) -> Bool {
        let result = expression.evaluate(with: Bindings(answers: answers, metrics: metrics))
        switch result.value {
        case .bool(let flag): return flag
        case .null:
            return !result.missing.contains {
                $0.reference.kind == .answer && ($0.reason == .notApplicable || hidden.contains($0.reference.id))
            }
        default: return true
        }
    }
}
