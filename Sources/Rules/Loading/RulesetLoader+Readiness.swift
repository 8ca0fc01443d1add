import AuditModel
import Expressions
import Yams

/// The `readiness:` section: the gates of the verdict for the CRM project.
extension RulesetBuilder {
    /// Reads `readiness: [{id, title, blocked_if?, blocked?, condition_if?, condition?, passed}]`:
    /// the conditions are boolean expressions over answers and metrics, checked like a rule's
    /// `when`; a repeated id is an error.
    mutating func readinessGates(_ top: Fields) -> [ReadinessGate] {
        let what = RuleText.readinessGate.text()
        var gates: [ReadinessGate] = []
        var seen = Set<String>()
        for node in reader.sequence(top, "readiness", Self.what) ?? [] {
            guard
                let fields = reader.mapping(
                    node, what, allowed: ["id", "title", "blocked_if", "condition_if", "passed", "blocked", "condition", "conditions"]),
                let id = reader.string(fields, "id", required: true, what)
            else { continue }
            let named = RuleText.readinessGate2.text(["id": .value(id)])
            guard seen.insert(id).inserted else {
                reader.error(
                    node,
                    RuleText.readinessGateIsAlreadyDefinedIn.text(["id": .value(id)]))
                continue
            }
            let title = reader.text(fields, "title", named)
            let passed = reader.text(fields, "passed", named)
            let blockedIf = fields["blocked_if"] == nil ? nil : expression(fields, "blocked_if", expecting: .bool)
            let conditionIf = fields["condition_if"] == nil ? nil : expression(fields, "condition_if", expecting: .bool)
            // Each condition comes with its words, and a gate has at least one condition.
            let blocked = reader.text(fields, "blocked", required: fields["blocked_if"] != nil, named)
            let condition = reader.text(fields, "condition", required: fields["condition_if"] != nil, named)
            // `conditions: [{if, text}]`: each condition with its own words.
            var conditions: [ReadinessGate.Condition] = []
            for item in reader.sequence(fields, "conditions", named) ?? [] {
                let itemWhat = RuleText.aConditionOf.text(["named": .localized(named)])
                guard let parts = reader.mapping(item, itemWhat, allowed: ["if", "text"]) else { continue }
                let test = expression(parts, "if", expecting: .bool)
                let text = reader.text(parts, "text", required: true, itemWhat)
                if let test, let text { conditions.append(ReadinessGate.Condition(test: test, text: text)) }
            }
            if fields["blocked_if"] == nil && fields["condition_if"] == nil && fields["conditions"] == nil {
                reader.error(
                    node,
                    RuleText.needsBlockedIfOrConditionIf.text(["named": .localized(named)]))
            }
            guard let title, let passed else { continue }
            var gate = ReadinessGate(
                id: id, title: title, blockedIf: blockedIf, conditionIf: conditionIf, passed: passed,
                blocked: blocked, condition: condition, location: reader.location(node))
            gate.conditions = conditions
            gates.append(gate)
        }
        return gates
    }
}
