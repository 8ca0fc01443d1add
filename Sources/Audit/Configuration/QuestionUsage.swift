import AuditModel
import Expressions
import Questionnaire
import Rules

/// Where the answer to a question goes. A question no use reaches is asked for nothing: `lint`
/// reports it, unless it is marked `purpose: context`.
package enum QuestionUse: Sendable, Hashable, Comparable {
    /// Its options or bands score an area.
    case score(area: String)
    /// Another question's (or section's) skip logic, validation or prefill reads it.
    case skipLogic(question: String)
    /// A rule's condition, values, belief or evidence reads it.
    case rule(id: String)
    /// The ruleset's `configuration:` block reads it (pipeline, stalled deals, goal KPIs).
    case configuration
    /// A gate of the readiness verdict reads it.
    case readiness(gate: String)
    /// Marked `purpose: context`.
    case context
}

/// The uses of every question of a questionnaire by itself and by the rulesets written for it.
package enum QuestionUsage {
    /// Question id → its uses, sorted; a question without uses is absent.
    package static func uses(of questionnaire: Questionnaire, rulesets: [Ruleset]) -> [String: [QuestionUse]] {
        var uses: [String: Set<QuestionUse>] = [:]
        func add(_ id: String, _ use: QuestionUse) { uses[id, default: []].insert(use) }
        func answers(in expression: Expressions.Expression?) -> [String] {
            expression?.references.filter { $0.kind == .answer }.map(\.id) ?? []
        }
        func answers(inTemplate text: LocalizedText?) -> [String] {
            guard let text else { return [] }
            return Language.allCases.flatMap { EvidenceTemplate.slots(in: text[$0]) }.compactMap { slot in
                slot.name.hasPrefix("answer.") ? String(slot.name.dropFirst("answer.".count)) : nil
            }
        }
        for question in questionnaire.questions {
            if question.isScored, let area = question.area { add(question.id, .score(area: area)) }
            if question.isContext { add(question.id, .context) }
            var expressions = [question.relevant, question.prefill]
            for validation in question.validations {
                if case .expression(let expression) = validation.rule { expressions.append(expression) }
            }
            for expression in expressions {
                for id in answers(in: expression) where id != question.id { add(id, .skipLogic(question: question.id)) }
            }
        }
        for section in questionnaire.sections {
            for id in answers(in: section.relevant) { add(id, .skipLogic(question: section.id)) }
        }
        for ruleset in rulesets {
            for rule in ruleset.rules {
                var ids = rule.expressions.flatMap { answers(in: $0) }
                ids += answers(inTemplate: rule.evidence) + answers(inTemplate: rule.belief?.note)
                for id in ids { add(id, .rule(id: rule.id)) }
            }
            for gate in ruleset.readiness {
                for id in ([gate.blockedIf, gate.conditionIf] + gate.conditions.map(\.test)).flatMap({ answers(in: $0) }) {
                    add(id, .readiness(gate: gate.id))
                }
            }
            if let spec = ruleset.configuration {
                for id in spec.expressions.flatMap({ answers(in: $0) }) { add(id, .configuration) }
                if let goal = spec.goalQuestion { add(goal, .configuration) }
            }
        }
        return uses.mapValues { $0.sorted() }
    }

    /// The questions nothing uses, in questionnaire order.
    package static func unused(in questionnaire: Questionnaire, rulesets: [Ruleset]) -> [Question] {
        let used = uses(of: questionnaire, rulesets: rulesets)
        return questionnaire.questions.filter { used[$0.id] == nil }
    }

    /// A lint warning for each unused question, at the question.
    package static func diagnostics(for questionnaire: Questionnaire, rulesets: [Ruleset]) -> [Diagnostic] {
        let names = rulesets.map(\.id).joined(separator: ", ")
        return unused(in: questionnaire, rulesets: rulesets).map { question in
            Diagnostic(
                .warning, at: question.location,
                AuditText.questionFeedsNothing.text([
                    "id": .text(question.id), "rulesets": names.isEmpty ? .localized(AuditText.noRulesets.text()) : .text(names),
                ]))
        }
    }
}
