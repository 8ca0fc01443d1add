import AuditModel

/// An area the audit scores, with its weight in the overall score.
package struct ScoredArea: Sendable, Hashable, Codable {
    package var id: String
    package var title: LocalizedText
    package var weight: Double

    package init(id: String, title: LocalizedText, weight: Double) {
        self.id = id
        self.title = title
        self.weight = weight
    }
}

/// What the questionnaire says about one area's maturity.
package struct AnswerMaturity: Sendable, Hashable, Codable {
    /// 0–100 over the answered questions, nil when none was answered.
    package var score: Double?
    /// Questions that count in the area and were answered with a value or "don't know".
    package var assessed: Int
    /// Relevant questions of the area (answered or not, "not applicable" excluded).
    package var relevant: Int
    package var dontKnow: Int

    package init(score: Double?, assessed: Int, relevant: Int, dontKnow: Int) {
        self.score = score
        self.assessed = assessed
        self.relevant = relevant
        self.dontKnow = dontKnow
    }
}

/// The score of one area.
package struct AreaScore: Sendable, Hashable, Codable {
    package var area: String
    package var title: LocalizedText
    package var weight: Double
    /// 0–100, nil when nothing in the area could be assessed.
    package var score: Double?
    package var level: Int?
    /// The questionnaire part and the rules part of the score.
    package var answersScore: Double?
    package var rulesScore: Double?
    /// Share of the area's inputs (relevant questions and applicable rules) that could be assessed.
    package var confidence: Double
    package var rulesEvaluated: Int
    package var rulesApplicable: Int
    package var questionsAssessed: Int
    package var questionsRelevant: Int
    package var gaps: Int

    /// True when the area had inputs but too few of them could be assessed to score it
    /// (``Scorer/minimumAreaConfidence``): the report says "not enough evidence" instead of a score.
    package var insufficientEvidence: Bool { score == nil && rulesApplicable + questionsRelevant > 0 }
}

/// The scores of a round: per area, overall, the maturity level and the confidence.
package struct ScoreCard: Sendable, Hashable, Codable {
    package var overall: Double?
    package var level: Int
    package var levelTitle: LocalizedText
    /// The level the score alone would give, before blocking findings cap it.
    package var uncappedLevel: Int
    /// Blocking rules that are findings (they cap the level).
    package var blockedBy: [String]
    package var confidence: Double
    package var areas: [AreaScore]
}

/// Computes the score card from findings and questionnaire maturity (formula in `docs/scoring.md`).
package enum Scorer {
    /// The least share of an area's inputs (relevant questions, applicable rules) that must be
    /// assessed for the area to get a score.
    package static let minimumAreaConfidence = 0.5

    package static func score(
        findings: [Finding], areas: [ScoredArea], maturity: [String: AnswerMaturity], policy: ScoringPolicy
    ) -> ScoreCard {
        var areaScores: [AreaScore] = []
        var knownAreas = areas
        for finding in findings where !knownAreas.contains(where: { $0.id == finding.area }) {
            knownAreas.append(ScoredArea(id: finding.area, title: LocalizedText(both: finding.area), weight: 1))
        }
        for area in knownAreas {
            let rules = findings.filter { $0.area == area.id }
            let scored = rules.filter { [.finding, .warn, .ok].contains($0.status) }
            let applicable = rules.filter { $0.status != .notApplicable && $0.status != .waived }
            let possible = scored.reduce(0) { $0 + $1.pointsPossible }
            let lost = scored.reduce(0) { $0 + $1.pointsLost }
            let rulesScore: Double? = possible > 0 ? 100 * (1 - lost / possible) : nil
            let answers = maturity[area.id]
            let answersScore = answers?.score
            let combined: Double?
            switch (answersScore, rulesScore) {
            case let (a?, r?): combined = policy.answersWeight * a + (1 - policy.answersWeight) * r
            case let (a?, nil): combined = a
            case let (nil, r?): combined = r
            case (nil, nil): combined = nil
            }
            let inputs = applicable.count + (answers?.relevant ?? 0)
            let assessed = scored.count + (answers?.assessed ?? 0) - (answers?.dontKnow ?? 0)
            let confidence = inputs > 0 ? Double(max(0, assessed)) / Double(inputs) : 0
            // An area assessed on less than half of its inputs says so instead of a score (and
            // stays out of the overall one): a figure from a few answers would read as a finding.
            let score = confidence < minimumAreaConfidence ? nil : combined
            areaScores.append(
                AreaScore(
                    area: area.id, title: area.title, weight: area.weight, score: score,
                    level: score.map { policy.level(of: $0).level }, answersScore: answersScore, rulesScore: rulesScore,
                    confidence: confidence, rulesEvaluated: scored.count, rulesApplicable: applicable.count,
                    questionsAssessed: answers?.assessed ?? 0, questionsRelevant: answers?.relevant ?? 0,
                    gaps: rules.filter(\.isGap).count))
        }
        let weighted = areaScores.compactMap { area in area.score.map { ($0, area.weight) } }
        let totalWeight = weighted.reduce(0) { $0 + $1.1 }
        let overall: Double? = totalWeight > 0 ? weighted.reduce(0) { $0 + $1.0 * $1.1 } / totalWeight : nil
        let blockedBy = findings.filter { $0.blocking && $0.status == .finding }.map(\.ruleID).sorted()
        let uncapped =
            overall.map { policy.level(of: $0) } ?? policy.levels.first
            ?? ScoringPolicy.MaturityLevel(level: 1, below: nil, title: LocalizedText(both: "1"))
        var level = uncapped
        if !blockedBy.isEmpty, level.level > policy.blockingCapsLevel,
            let capped = policy.levels.first(where: { $0.level == policy.blockingCapsLevel })
        {
            level = capped
        }
        let allWeight = areaScores.reduce(0) { $0 + $1.weight }
        let confidence = allWeight > 0 ? areaScores.reduce(0) { $0 + $1.confidence * $1.weight } / allWeight : 0
        return ScoreCard(
            overall: overall, level: level.level, levelTitle: level.title, uncappedLevel: uncapped.level,
            blockedBy: blockedBy, confidence: confidence, areas: areaScores)
    }
}
