import AuditModel
import Expressions

/// The questionnaire maturity of one area, with how complete the picture is.
public struct AreaMaturity: Sendable, Hashable, Codable {
    package var area: String
    package var title: LocalizedText
    /// 0–100; nil when no scored question of the area has an answer or a "don't know".
    package var score: Double?
    /// Scored, shown questions answered with a value.
    package var answered: Int
    /// Scored, shown questions answered "don't know" (they score 0).
    package var dontKnow: Int
    /// Scored, shown questions answered "not applicable" (excluded).
    package var notApplicable: Int
    /// Scored, shown questions without an answer yet (excluded).
    package var unanswered: Int
    /// Scored questions hidden by skip logic (excluded).
    package var hidden: Int

    /// Share (0–1) of the area's shown scored questions that have an answer of any kind.
    package var completeness: Double? {
        let shown = answered + dontKnow + notApplicable + unanswered
        return shown == 0 ? nil : Double(answered + dontKnow + notApplicable) / Double(shown)
    }
}

extension Question {
    /// The maturity (0–4) an answer earns; nil when the question does not score or the answer
    /// does not count ("not applicable"). "Don't know" earns 0.
    package func score(for value: AnswerValue) -> Double? {
        guard isScored else { return nil }
        switch value {
        case .dontKnow: return 0
        case .notApplicable: return nil
        case .option(let id): return option(id)?.score.map(Double.init)
        case .options(let ids):
            let scores = ids.compactMap { option($0)?.score }.map(Double.init)
            guard !scores.isEmpty else { return ids.isEmpty ? 0 : nil }
            switch multiScoring {
            case .max: return scores.max()
            case .min: return scores.min()
            case .mean: return scores.reduce(0, +) / Double(scores.count)
            case .sum: return Swift.min(4, scores.reduce(0, +))
            }
        case .bool(let flag): return (flag ? yesScore : noScore).map(Double.init)
        case .number(let number):
            if type == .scale { return Swift.max(0, Swift.min(4, number - 1)) }
            return bands.last { number >= $0.from }.map { Double($0.score) } ?? 0
        case .text, .date: return nil
        }
    }
}

extension Questionnaire {
    /// Maturity per area (in the order of `areas`), from the answers of one round.
    ///
    /// An area's score is `100 × Σ(weight × score/4) / Σ(weight)` over its scored questions that
    /// are shown (skip logic) and answered with a value or "don't know" (which scores 0);
    /// "not applicable", unanswered and hidden questions are left out and counted.
    /// See docs/scoring.md, "Questionnaire maturity".
    public func maturity(answers: [String: AnswerValue]) -> [AreaMaturity] {
        let shown = Set(relevantQuestions(answers: answers).map(\.id))
        return areas.map { area in
            var result = AreaMaturity(
                area: area.id, title: area.title, score: nil, answered: 0, dontKnow: 0,
                notApplicable: 0, unanswered: 0, hidden: 0)
            var earned = 0.0, possible = 0.0
            for question in questions where question.area == area.id && question.isScored {
                guard shown.contains(question.id) else {
                    result.hidden += 1
                    continue
                }
                guard let value = answers[question.id] else {
                    result.unanswered += 1
                    continue
                }
                switch value {
                case .dontKnow: result.dontKnow += 1
                case .notApplicable:
                    result.notApplicable += 1
                    continue
                default: result.answered += 1
                }
                guard let score = question.score(for: value) else { continue }
                earned += question.weight * score / 4
                possible += question.weight
            }
            result.score = possible > 0 ? 100 * earned / possible : nil
            return result
        }
    }

    /// The areas' scores averaged with the areas' weights (areas without a score left out).
    public func overallMaturity(_ areas: [AreaMaturity]) -> Double? {
        var total = 0.0, weights = 0.0
        for item in areas {
            guard let score = item.score, let weight = area(item.area)?.weight else { continue }
            total += score * weight
            weights += weight
        }
        return weights > 0 ? total / weights : nil
    }
}
