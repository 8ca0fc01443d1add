import AuditModel
import Rules

/// The recommended CRM project of an assessed round: the platforms ranked for the client, the
/// phased plan, and its business case against the platform ranked first. One place builds it for
/// `crm-audit plan` and the report.
package struct ProjectRecommendation: Sendable {
    package var shortlist: PlatformShortlist
    package var plan: ProjectPlan
    package var businessCase: BusinessCase
}

extension Assessment {
    /// The recommendation with the bundled platform catalogue and `catalogues` layered over it;
    /// nil when no ruleset declares a plan.
    package func recommendation(catalogues: [String] = [], market: String = "ru") throws -> ProjectRecommendation? {
        guard let plan else { return nil }
        let shortlist = PlatformShortlist.rank(
            try PlatformCatalogue.load(overrides: catalogues), for: PlatformRequirements.of(self, market: market))
        let businessCase = BusinessCase.of(self, plan: plan, platform: shortlist.ranked.first, pricesCheckedOn: shortlist.pricesCheckedOn)
        return ProjectRecommendation(shortlist: shortlist, plan: plan, businessCase: businessCase)
    }

    /// The answers by question id.
    var answerValues: AnswerLookup { AnswerLookup(answers) }
}

/// A round's answers by question id, read as the type each question has (nil otherwise).
struct AnswerLookup {
    let values: [String: AnswerValue]

    init(_ answers: [Answer]) {
        var values: [String: AnswerValue] = [:]
        for answer in answers { values[answer.questionID] = answer.value }
        self.values = values
    }

    subscript(id: String) -> AnswerValue? { values[id] }
    func number(_ id: String) -> Double? { if case .number(let value)? = values[id] { value } else { nil } }
    func option(_ id: String) -> String? { if case .option(let value)? = values[id] { value } else { nil } }
    func options(_ id: String) -> [String] { if case .options(let values)? = values[id] { values } else { [] } }
    func text(_ id: String) -> String? { if case .text(let value)? = values[id] { value } else { nil } }
    func flag(_ id: String) -> Bool { if case .bool(let value)? = values[id] { value } else { false } }
    func day(_ id: String) -> Day? { if case .date(let value)? = values[id] { value } else { nil } }
}
