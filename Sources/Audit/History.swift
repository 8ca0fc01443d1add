import AuditModel
import Report
import Rules
import Workspace

/// One round as `crm-audit history` lists it.
package struct HistoryEntry: Sendable, Hashable, Codable {
    package var number: Int
    package var date: Day
    package var status: AuditRound.Status
    /// False until the round has been assessed (`check`, `report`).
    package var assessed: Bool
    package var overall: Double?
    package var level: Int?
    package var levelTitle: LocalizedText?
    package var confidence: Double?
    /// Area scores by area id.
    package var areas: [String: Double]
    /// Gaps (finding or warn) by severity (`critical`, `high`, …); every severity is present.
    package var findings: [String: Int]
    package var notEvaluable: Int
    package var questionnaire: String?
    package var rulesets: [String]
    package var datasets: Int
    /// Answers carried over from the previous round and not yet confirmed.
    package var unconfirmedAnswers: Int
}

/// The rounds of a workspace with their stored results.
package enum AuditHistory {
    /// Every round, oldest first. Level titles come from `policy` (the scoring policy of the
    /// rulesets in use).
    package static func entries(_ workspace: Workspace, policy: ScoringPolicy = .standard) throws -> [HistoryEntry] {
        try workspace.rounds().map { round in
            let scores = try workspace.scores(round: round)
            let overall = scores.first { $0.area == "overall" }
            var areas: [String: Double] = [:]
            for score in scores where score.area != "overall" { if let value = score.score { areas[score.area] = value } }
            var counts = Dictionary(Severity.allCases.map { ($0.rawValue, 0) }, uniquingKeysWith: { $1 })
            var notEvaluable = 0
            for finding in try workspace.findings(round: round) {
                if finding.status == FindingStatus.finding.rawValue || finding.status == FindingStatus.warn.rawValue {
                    counts[finding.severity, default: 0] += 1
                } else if finding.status == FindingStatus.notEvaluable.rawValue {
                    notEvaluable += 1
                }
            }
            let level = overall?.level
            return HistoryEntry(
                number: round.number, date: round.date, status: round.status, assessed: overall != nil, overall: overall?.score,
                level: level, levelTitle: level.flatMap { number in policy.levels.first { $0.level == number }?.title },
                confidence: overall?.confidence, areas: areas, findings: counts, notEvaluable: notEvaluable,
                questionnaire: RoundComparer.side(round, []).questionnaire, rulesets: RoundComparer.rulesetList(round.rulesets),
                datasets: try workspace.datasets(round: round).count, unconfirmedAnswers: try workspace.unconfirmedAnswerCount(round: round)
            )
        }
    }
}

extension AuditHistory {
    /// The assessed rounds up to round `number`, oldest first, as the trend chart needs them.
    package static func summaries(_ workspace: Workspace, upTo number: Int) throws -> [RoundSummary] {
        try RoundHistory.summaries(workspace, upTo: workspace.round(number: number))
    }
}
