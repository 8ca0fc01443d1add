import AuditModel
import Expressions

/// What the rules engine evaluates a round against: the answers, the metrics, and the ways to
/// describe what is missing and to fetch offending records.
public protocol AssessmentContext {
    var answers: [String: AnswerValue] { get }
    var metrics: [String: Value] { get }
    /// The round's date (waivers expire against it).
    var roundDate: Day { get }
    /// What the consultant should collect for a missing input: the question to answer, or the
    /// dataset to import.
    func describe(_ missing: MissingInput) -> LocalizedText
    /// How an answer reads in the report (option labels rather than ids).
    func label(questionID: String, value: AnswerValue) -> LocalizedText
    /// The offending records of a sample set, or nil when the data is not there.
    func samples(_ spec: SampleSpec) -> SampleRecords?
    /// The same rule's status in the previous round, if there is one.
    func previousStatus(ruleID: String) -> FindingStatus?
    /// True when the question is hidden by skip logic for this company (it does not apply, so
    /// a rule that needs its answer does not apply either).
    func isHidden(questionID: String) -> Bool
    /// The questions the people interviewed answered materially differently.
    var disputed: Set<String> { get }
    /// How many named people answered.
    var respondents: Int { get }
}

extension AssessmentContext {
    public func isHidden(questionID: String) -> Bool { false }
    public var disputed: Set<String> { [] }
    public var respondents: Int { 0 }
}

/// A context made of plain values: for `crm-audit rules test` and unit tests.
public struct FixedContext: AssessmentContext {
    public var answers: [String: AnswerValue]
    public var metrics: [String: Value]
    public var roundDate: Day
    public var disputed: Set<String>
    public var respondents: Int

    public init(answers: [String: AnswerValue], metrics: [String: Value], roundDate: Day, disputed: Set<String> = [], respondents: Int = 0)
    {
        self.answers = answers
        self.metrics = metrics
        self.roundDate = roundDate
        self.disputed = disputed
        self.respondents = respondents
    }

    public func describe(_ missing: MissingInput) -> LocalizedText {
        LocalizedText(ru: missing.text(in: .ru), en: missing.text(in: .en))
    }

    public func label(questionID: String, value: AnswerValue) -> LocalizedText {
        LocalizedText(both: EvidenceTemplate.plain(value))
    }

    public func samples(_ spec: SampleSpec) -> SampleRecords? { nil }

    public func previousStatus(ruleID: String) -> FindingStatus? { nil }
}
