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
    /// No question is hidden by default.
    public func isHidden(questionID: String) -> Bool { false }
    /// No answer is disputed by default.
    public var disputed: Set<String> { [] }
    /// No named respondent by default.
    public var respondents: Int { 0 }
}

/// A context made of plain values: for `crm-audit rules test` and unit tests.
public struct FixedContext: AssessmentContext {
    /// The answers by question id.
    public var answers: [String: AnswerValue]
    /// The metrics by id, as expressions see them.
    public var metrics: [String: Value]
    /// The round's date (for waivers' expiry and plan dates).
    public var roundDate: Day
    /// The questions whose respondents disagree.
    public var disputed: Set<String>
    /// How many named people answered.
    public var respondents: Int

    /// A context of these values.
    public init(answers: [String: AnswerValue], metrics: [String: Value], roundDate: Day, disputed: Set<String> = [], respondents: Int = 0)
    {
        self.answers = answers
        self.metrics = metrics
        self.roundDate = roundDate
        self.disputed = disputed
        self.respondents = respondents
    }

    /// The missing input by its id (no questionnaire or catalogue to name it by).
    public func describe(_ missing: MissingInput) -> LocalizedText {
        .inEach { missing.text(in: $0) }
    }

    /// The answer as it is written in the rule's evidence.
    public func label(questionID: String, value: AnswerValue) -> LocalizedText {
        LocalizedText(both: EvidenceTemplate.plain(value))
    }

    /// No records to show: plain values have no samples.
    public func samples(_ spec: SampleSpec) -> SampleRecords? { nil }

    /// No previous round.
    public func previousStatus(ruleID: String) -> FindingStatus? { nil }
}
