import AuditModel
import Expressions
import Yams

/// The `causes:` section and the rules' `cause:` references.
extension RulesetBuilder {
    /// Reads `causes: [{id, title, explanation, recommendation}]`; a repeated id is an error.
    mutating func rootCauses(_ top: Fields) -> [RootCause] {
        let what = RuleText.cause.text()
        var causes: [RootCause] = []
        var seen: [String: Node] = [:]
        for node in reader.sequence(top, "causes", Self.what) ?? [] {
            guard let fields = reader.mapping(node, what, allowed: ["id", "title", "explanation", "recommendation"]),
                let id = reader.string(fields, "id", required: true, what)
            else { continue }
            let named = RuleText.cause2.text(["id": .value(id)])
            let title = reader.text(fields, "title", named)
            let explanation = reader.text(fields, "explanation", named)
            let recommendation = reader.text(fields, "recommendation", named)
            if let first = seen[id] {
                let line = reader.location(first).line.map(String.init) ?? "?"
                reader.error(
                    node,
                    RuleText.causeIsAlreadyDefinedOnLine.text(["id": .value(id), "line": .value(line)]))
                continue
            }
            seen[id] = node
            guard let title, let explanation, let recommendation else { continue }
            causes.append(RootCause(id: id, title: title, explanation: explanation, recommendation: recommendation))
        }
        return causes
    }

    /// A rule's `cause:`: the id of a cause of this file or of a layer below; an unknown id is an error.
    mutating func causeReference(_ fields: Fields, _ what: LocalizedText) -> String? {
        guard let id = reader.string(fields, "cause", what) else { return nil }
        let known = causeIDs.union(environment.knownCauseIDs ?? [])
        guard known.contains(id) else {
            if let node = fields["cause"] {
                let hint = Suggestion.hint(for: id, in: known)
                reader.error(
                    node,
                    RuleText.causeNoCauseIsDefinedDefine.text(["id": .value(id), "hint": .localized(hint)]))
            }
            return nil
        }
        return id
    }
}
