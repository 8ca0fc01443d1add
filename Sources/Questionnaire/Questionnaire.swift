import AuditModel
import Expressions

/// A questionnaire: sections of typed questions that score maturity per area.
public struct Questionnaire: Sendable {
    /// The format this engine reads, written as `schema:` at the top of a file.
    public static let schema = "crm-audit/questionnaire/1"

    public var id: String
    /// Semantic version (`1.2.0`); every round records the version its answers were given to.
    public var version: String
    public var title: LocalizedText
    public var description: LocalizedText?
    public var areas: [Area]
    public var sections: [Section]
    public var migrations: [Migration]
    /// The file it was loaded from.
    public var file: String

    /// Every question in order.
    public var questions: [Question] { sections.flatMap(\.questions) }

    /// The question with `id`.
    /// - Complexity: O(n) in the number of questions.
    public func question(_ id: String) -> Question? {
        for section in sections { if let found = section.questions.first(where: { $0.id == id }) { return found } }
        return nil
    }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }

    /// The section that holds question `id`.
    public func section(containing questionID: String) -> Section? {
        sections.first { $0.questions.contains { $0.id == questionID } }
    }

    /// The types of all answers, for checking expressions of rules and skip logic.
    /// Metrics are left to the caller (`environment.metrics`).
    public func typeEnvironment() -> TypeEnvironment {
        var answers: [String: ReferenceType] = [:]
        for question in questions { answers[question.id] = question.referenceType }
        return TypeEnvironment(answers: answers)
    }
}

/// A scoring dimension (goals, customer base, …), shared with the rulesets.
public struct Area: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    /// The area's weight in the overall score.
    public var weight: Double
    /// Where the area is declared (for lint messages about it).
    public var location: SourceLocation?
}

/// A titled group of questions, optionally shown only when `relevant` holds.
public struct Section: Sendable {
    public var id: String
    public var title: LocalizedText
    public var help: LocalizedText?
    public var relevant: Expression?
    public var questions: [Question]
    public var location: SourceLocation
}

/// The kinds of question.
public enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    case single, multi
    case yesNo = "yes_no"
    case scale, number, percent, money, text, date

    /// The expression type of an answer to a question of this kind.
    public var valueType: ValueType {
        switch self {
        case .single, .text: .string
        case .multi: .set
        case .yesNo: .bool
        case .scale, .number, .percent, .money: .number
        case .date: .date
        }
    }

    /// True for the kinds whose answers are option ids.
    public var hasOptions: Bool { self == .single || self == .multi }
}

/// One answer option of a choice question.
public struct AnswerOption: Sendable, Hashable {
    public var id: String
    public var label: LocalizedText
    /// Maturity 0 (none) … 4 (best practice); nil when the option does not score.
    public var score: Int?
}

/// How a multiple-choice answer's option scores combine into the question's score.
public enum MultiScoring: String, Sendable, Hashable, CaseIterable {
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
public struct ScoreBand: Sendable, Hashable {
    public var from: Double
    public var score: Int
}

/// A check on an answer. An error blocks the answer; a warning or note is shown and kept.
public struct Validation: Sendable {
    public enum Rule: Sendable {
        /// A condition over `value` (the answer), earlier answers and metrics; null passes.
        case expression(Expression)
        /// Inclusive bounds for a number.
        case range(min: Double?, max: Double?)
        /// A regular expression that a text answer must match as a whole (see `TextPattern`
        /// for the syntax: matched in linear time, without backreferences or lookaround).
        case pattern(String)
    }

    public var rule: Rule
    public var severity: Diagnostic.Severity
    public var message: LocalizedText
}

/// A question.
public struct Question: Sendable {
    public var id: String
    public var sectionID: String
    public var type: QuestionType
    public var text: LocalizedText
    /// For the consultant: why it matters and what evidence to ask for.
    public var help: LocalizedText
    public var options: [AnswerOption]
    public var required: Bool
    public var allowsDontKnow: Bool
    public var allowsNotApplicable: Bool
    public var relevant: Expression?
    public var validations: [Validation]
    /// The area it scores; nil for a question that only informs (numbers, text).
    public var area: String?
    public var weight: Double
    /// An expression over metrics (and earlier answers) whose value is proposed as the answer.
    public var prefill: Expression?
    public var multiScoring: MultiScoring
    /// yes/no scores, when a yes/no question scores.
    public var yesScore: Int?
    public var noScore: Int?
    /// Score bands of a number or percent question, ascending by `from`.
    public var bands: [ScoreBand]
    /// A unit shown after number answers ("people", "%", "RUB").
    public var unit: LocalizedText?
    public var location: SourceLocation
    /// `purpose: context`: asked for the consultant's picture of the company, on purpose used by
    /// no score, rule or configuration item (so `lint` does not report it as unused).
    public var isContext: Bool = false

    /// The expression type of this question's answer.
    public var valueType: ValueType { type.valueType }

    /// The type (and for choice questions the option ids) that expressions see.
    public var referenceType: ReferenceType {
        ReferenceType(type.valueType, options: type.hasOptions ? options.map(\.id) : nil)
    }

    /// The option with `id`.
    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }

    /// True when an answer to this question contributes to its area's score.
    public var isScored: Bool {
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
public struct Migration: Sendable {
    /// The versions this step applies to: an exact version or `<X`, `<=X`.
    public var from: String
    /// Old question id → new question id.
    public var renamed: [String: String]
    /// Question id (new) → old option id → new option id.
    public var recoded: [String: [String: String]]
    /// Ids of questions removed in this version (their answers are kept and reported).
    public var removed: [String]
    public var location: SourceLocation
}
