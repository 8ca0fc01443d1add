import AuditModel
import Yams

extension RulesetBuilder {
    static let notesKeys = ["summary", "scope", "limitations", "interviewees", "findings"]

    /// The `report:` block of a consultant's file (``ConsultantNotes``).
    mutating func notes(_ node: Node) -> ConsultantNotes? {
        let what = RuleText.theReportBlock.text()
        guard let fields = reader.mapping(node, what, allowed: Self.notesKeys) else { return nil }
        var notes = ConsultantNotes(
            summary: reader.text(fields, "summary", required: false, what),
            scope: reader.text(fields, "scope", required: false, what),
            limitations: reader.text(fields, "limitations", required: false, what))
        for item in reader.sequence(fields, "interviewees", what) ?? [] {
            let person = RuleText.interviewee.text()
            guard let entry = reader.mapping(item, person, allowed: ["name", "role"]),
                let name = reader.string(entry, "name", required: true, person)
            else { continue }
            notes.interviewees.append(.init(name: name, role: reader.text(entry, "role", required: false, person)))
        }
        if let findingsNode = fields["findings"] {
            guard case .mapping(let map) = findingsNode else {
                reader.error(
                    findingsNode,
                    RuleText.reportFindingsExpectedAMapRule.text())
                return notes
            }
            for (key, value) in map {
                guard let id = key.scalar?.string else { continue }
                let named = RuleText.theNoteOn.text(["id": .value(id)])
                guard let entry = reader.mapping(value, named, allowed: ["comment", "hide", "reason"]) else { continue }
                let hidden = reader.bool(entry, "hide", named) ?? false
                let note = ConsultantNotes.FindingNote(
                    comment: reader.text(entry, "comment", required: false, named), hidden: hidden,
                    reason: reader.text(entry, "reason", required: hidden, named))
                if let known = environment.knownRuleIDs, !known.contains(id) {
                    reader.report(
                        Diagnostic(
                            .warning, at: reader.location(key),
                            RuleText.reportFindingsNoBundledRulesetHas.text(["id": .value(id)])))
                }
                notes.findings[id] = note
            }
        }
        return notes
    }
}
