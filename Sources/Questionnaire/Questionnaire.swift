import AuditModel
import Expressions

/// A questionnaire: sections of typed questions that score maturity per area.
public struct Questionnaire: Sendable {
    /// The format this engine reads, written as `schema:` at the top of a file.
    package static let schema = "crm-audit/questionnaire/1"

    package var id: String
    /// Semantic version (`1.2.0`); every round records the version its answers were given to.
    package var version: String
    package var title: LocalizedText
    package var description: LocalizedText?
    package var areas: [Area]
    package var sections: [Section]
    package var migrations: [Migration]
    /// The file it was loaded from.
    public var file: String

    /// Every question in order.
    package var questions: [Question] { sections.flatMap(\.questions) }

    /// The question with `id`.
    /// - Complexity: O(n) in the number of questions.
    package func question(_ id: String) -> Question? {
        for section in sections { if let found = section.questions.first(where: { $0.id == id }) { return found } }
        return nil
    }

    package func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    package func area(_ id: String) -> Area? { areas.first { $0.id == id } }

    /// The section that holds question `id`.
    package func section(containing questionID: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == questionID } }
    }

    /// The types of all answers, for checking expressions of rules and skip logic.
    /// Metrics are left to the caller (`environment.metrics`).
    package func typeEnvironment() -> TypeEnvironment {
        var answers: [String: ReferenceType] = [:]
        for question in questions { answers[question.id] = question.referenceType }
        return TypeEnvironment(answers: answers)
    }
}

/// A scoring dimension (goals, customer base, …), shared with the rulesets.
package struct Area: Sendable, Hashable {
    package var id: String
    package var title: LocalizedText
    /// The area's weight in the overall score.
    package var weight: Double
    /// Where the area is declared (for lint messages about it).
    package var location: SourceLocation?
}

/// A titled group of questions, optionally shown only when `relevant` holds.
package struct Section: Sendable {
    package var id: String
    package var title: LocalizedText
    package var help: LocalizedText?
    package var relevant: Expression?
    package var questions: [Question]
    package var location: SourceLocation
}

/// The kinds of question.
package enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    case single, multi
    case yesNo = "yes_no"
    case scale, number, percent, money, text, date

    /// The expression type of an answer to a question of this kind.
    package var valueType: ValueType {
        switch self {
        case .single, .text: .string
        case .multi: .set
        case .yesNo: .bool
        case .scale, .number, .percent, .money: .number
        case .date: .date
        }
    }

    /// True for the kinds whose answers are option ids.
    package var hasOptions: Bool { self == .single || self == .multi }
}

/// One answer option of a choice question.
package struct AnswerOption: Sendable, Hashable {
    package var id: String
    package var label: LocalizedText
    /// Maturity 0 (none) … 4 (best practice); nil when the option does not score.
    package var score: Int?
}

/// How a multiple-choice answer's option scores combine into the question's score.
package enum MultiScoring: String, Sendable, Hashable, CaseIterable {
    /// The best chosen option (a capability present anywhere counts).
    case max
    /// The weakest chosen option (the weakest link counts: "some customers still in notebooks").
    case min
    /// The mean of the chosen options.
    case mean
    /// The sum, capped at 4 (each practice adds maturity).
    case sum
}

/// A band of a number or percent question's score: values from `from` upwards score `score`.
package struct ScoreBand: Sendable, Hashable {
    package var from: Double
    package var score: Int
}

/// A check on an answer. An error blocks the answer; a warning or note is shown and kept.
package struct Validation: Sendable {
    package enum Rule: Sendable {
        /// A condition over `value` (the answer), earlier answers and metrics; null passes.
        case expression(Expression)
        /// Inclusive bounds for a number.
        case range(min: Double?, max: Double?)
        /// A regular expression that a text answer must match as a whole (see `TextPattern`
        /// for the syntax: matched in linear time, without backreferences or lookaround).
        case pattern(String)
    }

    package var rule: Rule
    package var severity: Diagnostic.Severity
    package var message: LocalizedText
}

/// A question.
public struct Question: Sendable {
    package var id: String
    package var sectionID: String
    package var type: QuestionType
    package var text: LocalizedText
    /// For the consultant: why it matters and what evidence to ask for.
    package var help: LocalizedText
    package var options: [AnswerOption]
    package var required: Bool
    package var allowsDontKnow: Bool
    package var allowsNotApplicable: Bool
    package var relevant: Expression?
    package var validations: [Validation]
    /// The area it scores; nil for a question that only informs (numbers, text).
    package var area: String?
    package var weight: Double
    /// An expression over metrics (and earlier answers) whose value is proposed as the answer.
    package var prefill: Expression?
    package var multiScoring: MultiScoring
    /// yes/no scores, when a yes/no question scores.
    package var yesScore: Int?
    package var noScore: Int?
    /// Score bands of a number or percent question, ascending by `from`.
    package var bands: [ScoreBand]
    /// A unit shown after number answers ("people", "%", "RUB").
    package var unit: LocalizedText?
    /// Where the question is written.
    public var location: SourceLocation
    /// `purpose: context`: asked for the consultant's picture of the company, on purpose used by
    /// no score, rule or configuration item (so `lint` does not report it as unused).
    package var isContext: Bool = false

    /// The expression type of this question's answer.
    package var valueType: ValueType { type.valueType }

    /// The type (and for choice questions the option ids) that expressions see.
    package var referenceType: ReferenceType {
        ReferenceType(type.valueType, options: type.hasOptions ? options.map(\.id) : nil)
    }

    /// The option with `id`.
    package func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }

    /// True when an answer to this question contributes to its area's score.
    package var isScored: Bool {
        guard area != nil else { return false }
        switch type {
        case .single, .multi: return options.contains { $0.score != nil }
        case .yesNo: return yesScore != nil || noScore != nil
        case .scale: return true
        case .number, .percent, .money: return !bands.isEmpty
        case .text, .date: return false
        }
    }
}

/// How answers given to an older version map onto this one.
package struct Migration: Sendable {
    /// The versions this step applies to: an exact version or `<X`, `<=X`.
    package var from: String
    /// Old question id → new question id.
    package var renamed: [String: String]
    /// Question id (new) → old option id → new option id.
    package var recoded: [String: [String: String]]
    /// Ids of questions removed in this version (their answers are kept and reported).
    package var removed: [String]
    package var location: SourceLocation
}
