import AuditModel
import Foundation

/// Two or more people interviewed answering one question materially differently: "everyone uses
/// the CRM daily" against "we fill it in on Fridays". Disagreement among the people interviewed is
/// itself evidence (a CRM project whose sponsors do not see the same company is at risk), so it is
/// shown with who said what, and rules can test it (`disputed(answer.q)`).
package struct Disagreement: Sendable, Hashable {
    package var questionID: String
    /// Every named respondent's answer to the question, by respondent.
    package var answers: [Answer]

    /// The respondents, in order.
    package var respondents: [Respondent] { answers.compactMap(\.respondent) }
}

extension Questionnaire {
    /// The questions whose named respondents disagree materially, in the questionnaire's order.
    ///
    /// Material means: different options of a single choice, a yes against a no; multiple
    /// choices sharing less than half of what either chose; scales two points or more apart;
    /// percents 20 points or more apart; numbers and money where the larger is at least 1.5
    /// times the smaller (or one is zero and the other not); dates more than 30 days apart.
    /// Free text is never compared, and "don't know" or "not applicable" disagrees with nothing
    /// (not knowing is shown as such elsewhere).
    package func disagreements(among answers: [Answer]) -> [Disagreement] {
        var byQuestion: [String: [Answer]] = [:]
        for answer in answers where answer.respondent != nil { byQuestion[answer.questionID, default: []].append(answer) }
        return questions.compactMap { question in
            guard let given = byQuestion[question.id], given.count > 1 else { return nil }
            let values = given.map(\.value).filter { !$0.isNonAnswer }
            for (index, first) in values.enumerated() {
                for second in values.dropFirst(index + 1) where question.differsMaterially(first, second) {
                    return Disagreement(
                        questionID: question.id, answers: given.sorted { ($0.respondent?.name ?? "") < ($1.respondent?.name ?? "") })
                }
            }
            return nil
        }
    }
}

extension Question {
    /// Whether two answers to this question say materially different things (see
    /// ``Questionnaire/disagreements(among:)``).
    package func differsMaterially(_ a: AnswerValue, _ b: AnswerValue) -> Bool {
        switch (a, b) {
        case (.option(let x), .option(let y)): return x != y
        case (.bool(let x), .bool(let y)): return x != y
        case (.options(let x), .options(let y)):
            let left = Set(x), right = Set(y)
            if left.isEmpty || right.isEmpty { return left != right }
            let shared = Double(left.intersection(right).count)
            return shared / Double(left.count) < 0.5 || shared / Double(right.count) < 0.5
        case (.number(let x), .number(let y)):
            switch type {
            case .scale: return abs(x - y) >= 2
            case .percent: return abs(x - y) >= 20
            default:
                let low = min(abs(x), abs(y)), high = max(abs(x), abs(y))
                if low == 0 { return high != 0 }
                return high / low >= 1.5 || (x < 0) != (y < 0)
            }
        case (.date(let x), .date(let y)): return abs(x.days(to: y)) > 30
        default: return false
        }
    }
}
