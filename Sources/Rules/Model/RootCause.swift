import AuditModel

/// A root cause defined in a ruleset's `causes:` section: the one problem several rules see the
/// symptoms of (personal phones and mailboxes show as five findings, say). A rule names it with
/// `cause: ID`.
package struct RootCause: Sendable, Hashable, Codable {
    package var id: String
    package var title: LocalizedText
    /// Why the symptoms follow from it, for the executive.
    package var explanation: LocalizedText
    /// The one move that removes it (the symptoms' own recommendations stay with them).
    package var recommendation: LocalizedText

    package init(id: String, title: LocalizedText, explanation: LocalizedText, recommendation: LocalizedText) {
        self.id = id
        self.title = title
        self.explanation = explanation
        self.recommendation = recommendation
    }
}

/// A root cause as it shows in one round: the gaps (findings and warnings) it explains, ranked.
package struct CauseGroup: Sendable, Hashable, Codable {
    package var cause: RootCause
    /// False when the rule names no cause and stands as its own.
    package var declared: Bool
    /// The worst severity among the symptoms.
    package var severity: Severity
    /// `finding` when a symptom is a finding, else `warn`.
    package var status: FindingStatus
    /// The largest money estimate among the symptoms (by its upper end); nil when none states
    /// one. Not their sum: symptoms of one cause often count the same revenue (the same
    /// customers) again.
    package var money: MoneyEstimate?
    /// The symptoms, worst first.
    package var symptoms: [Finding]

    /// The symptoms' rule ids, in order.
    package var ruleIDs: [String] { symptoms.map(\.ruleID) }
}

/// Groups a round's gaps by their root cause and ranks the causes: severity, then money, then
/// the number of symptoms. A rule without a `cause:` (or one naming a cause no layer defines)
/// is its own cause, titled and recommended as the rule.
package enum CauseRanking {
    package static func rank(_ findings: [Finding], causes: [String: RootCause]) -> [CauseGroup] {
        var order: [String] = []
        var grouped: [String: (cause: RootCause, declared: Bool, symptoms: [Finding])] = [:]
        for finding in findings where finding.isGap {
            let key: String
            let cause: RootCause
            let declared: Bool
            if let id = finding.cause, let defined = causes[id] {
                key = "cause:" + id
                cause = defined
                declared = true
            } else {
                key = "rule:" + finding.ruleID
                cause = RootCause(
                    id: finding.ruleID, title: finding.title, explanation: finding.evidence ?? finding.title,
                    recommendation: finding.recommendation)
                declared = false
            }
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = (cause, declared, [])
            }
            grouped[key]?.symptoms.append(finding)
        }
        let groups = order.compactMap { key -> CauseGroup? in
            guard let entry = grouped[key], let worst = entry.symptoms.map(\.severity).min() else { return nil }
            let symptoms = entry.symptoms.sorted { ($0.severity, -$0.priority, $0.ruleID) < ($1.severity, -$1.priority, $1.ruleID) }
            let largest = symptoms.compactMap(\.money).max { $0.high < $1.high }
            return CauseGroup(
                cause: entry.cause, declared: entry.declared, severity: worst,
                status: symptoms.contains { $0.status == .finding } ? .finding : .warn,
                money: largest, symptoms: symptoms)
        }
        return groups.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            let left = lhs.money?.high ?? 0, right = rhs.money?.high ?? 0
            if left != right { return left > right }
            if lhs.symptoms.count != rhs.symptoms.count { return lhs.symptoms.count > rhs.symptoms.count }
            return lhs.cause.id < rhs.cause.id
        }
    }
}
