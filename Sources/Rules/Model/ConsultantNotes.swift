import AuditModel

/// What the consultant writes into the report, in their file for the round (the same ruleset
/// layer that holds overrides and waivers, under `report:`): the executive summary in their own
/// words, the scope, the people interviewed, the limitations, and a comment on a finding or the
/// decision to leave one out of the client's copy. Stored with the round like the layer, so it
/// is in every format and carried to the next round.
package struct ConsultantNotes: Sendable, Hashable, Codable {
    /// One person interviewed.
    package struct Person: Sendable, Hashable, Codable {
        package var name: String
        package var role: LocalizedText?

        package init(name: String, role: LocalizedText?) {
            self.name = name
            self.role = role
        }
    }

    /// The consultant's word on one finding.
    package struct FindingNote: Sendable, Hashable, Codable {
        /// Shown under the finding's evidence.
        package var comment: LocalizedText?
        /// Left out of the report's findings; listed, with the reason, in the appendix.
        package var hidden: Bool
        package var reason: LocalizedText?

        package init(comment: LocalizedText?, hidden: Bool, reason: LocalizedText?) {
            self.comment = comment
            self.hidden = hidden
            self.reason = reason
        }
    }

    package var summary: LocalizedText?
    package var scope: LocalizedText?
    package var limitations: LocalizedText?
    package var interviewees: [Person]
    /// By rule id.
    package var findings: [String: FindingNote]

    package init(
        summary: LocalizedText? = nil, scope: LocalizedText? = nil, limitations: LocalizedText? = nil,
        interviewees: [Person] = [], findings: [String: FindingNote] = [:]
    ) {
        self.summary = summary
        self.scope = scope
        self.limitations = limitations
        self.interviewees = interviewees
        self.findings = findings
    }

    package var isEmpty: Bool {
        summary == nil && scope == nil && limitations == nil && interviewees.isEmpty && findings.isEmpty
    }

    /// These notes with a later layer's on top: what the later layer says replaces, finding
    /// notes are merged by rule id.
    package func overlaid(by later: ConsultantNotes) -> ConsultantNotes {
        ConsultantNotes(
            summary: later.summary ?? summary, scope: later.scope ?? scope, limitations: later.limitations ?? limitations,
            interviewees: later.interviewees.isEmpty ? interviewees : later.interviewees,
            findings: findings.merging(later.findings) { $1 })
    }
}
