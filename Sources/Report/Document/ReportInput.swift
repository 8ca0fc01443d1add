import Analytics
import AuditModel
import Rules
import Workspace

/// One answer as the report's appendix shows it (question and answer already in words).
package struct AnswerRow: Sendable, Hashable, Codable {
    package var section: LocalizedText
    package var questionID: String
    package var question: LocalizedText
    package var answer: LocalizedText
    package var note: String?
    package var source: AnswerSource
    package var confirmed: Bool

    package init(
        section: LocalizedText, questionID: String, question: LocalizedText, answer: LocalizedText,
        note: String?, source: AnswerSource, confirmed: Bool
    ) {
        self.section = section
        self.questionID = questionID
        self.question = question
        self.answer = answer
        self.note = note
        self.source = source
        self.confirmed = confirmed
    }
}

/// Where a round's sale lines stayed when they were read in the client's database: the report
/// names it among the data sources (never a password; the user's name only in the consultant's copy).
package struct SalesDatabase: Sendable, Hashable, Codable {
    /// `PostgreSQL` or `ClickHouse`.
    package var engine: String
    package var host: String
    package var database: String
    package var table: String

    package init(engine: String, host: String, database: String, table: String) {
        self.engine = engine
        self.host = host
        self.database = database
        self.table = table
    }
}

/// The method a round was assessed with, for the appendix and for comparing rounds.
package struct MethodInfo: Sendable, Hashable, Codable {
    /// `id@version` of the questionnaire.
    package var questionnaire: String?
    /// `id@version` of each ruleset layer.
    package var rulesets: [String]
    package var policy: ScoringPolicy
    package var rulesEvaluated: Int
    /// The engagement's industry in words (its industry ruleset's title), when it has one.
    package var industryTitle: LocalizedText? = nil

    package init(questionnaire: String?, rulesets: [String], policy: ScoringPolicy, rulesEvaluated: Int) {
        self.questionnaire = questionnaire
        self.rulesets = rulesets
        self.policy = policy
        self.rulesEvaluated = rulesEvaluated
    }
}

/// One earlier round's headline numbers, for the progress section.
package struct RoundSummary: Sendable, Hashable, Codable {
    package var number: Int
    package var date: Day
    package var overall: Double?
    package var level: Int?
    package var areas: [String: Double]

    package init(number: Int, date: Day, overall: Double?, level: Int?, areas: [String: Double]) {
        self.number = number
        self.date = date
        self.overall = overall
        self.level = level
        self.areas = areas
    }
}

/// Everything the report shows; the JSON format is this value, encoded.
package struct ReportInput: Sendable, Codable {
    package var engagement: Engagement
    package var round: AuditRound
    package var metrics: MetricDocument
    /// Cumulative revenue share at 0 %, 1 %, …, 100 % of customers ranked by revenue.
    package var paretoCurve: [Double]
    package var findings: [Finding]
    package var scores: ScoreCard
    package var configuration: RecommendedConfiguration
    package var answers: [AnswerRow]
    package var datasets: [DatasetRecord]
    package var method: MethodInfo
    /// Every round up to this one, oldest first (this round included), for the progress section.
    package var history: [RoundSummary]
    /// The comparison with the previous assessed round, when there is one.
    package var progress: RoundComparison?
    /// The consultant's own words (summary, scope, interviewees, limitations, finding notes).
    package var notes: ConsultantNotes?
    package var generatedAt: String
    /// The gaps grouped by root cause, ranked (severity, then money); shown before the findings.
    package var causes: [CauseGroup] = []
    /// The verdict for the CRM project and its gates, apart from the maturity score.
    package var readiness: Readiness? = nil
    /// The recommended project: platforms, phased plan, business case (nil without a plan).
    package var project: ProjectSection? = nil
    /// The questions the people interviewed answered materially differently, with who said what.
    package var disagreements: [DisagreementRow] = []
    /// The client database the sale lines were read in (nil when they were imported from files).
    package var salesDatabase: SalesDatabase? = nil

    package init(
        engagement: Engagement, round: AuditRound, metrics: MetricDocument, paretoCurve: [Double], findings: [Finding], scores: ScoreCard,
        configuration: RecommendedConfiguration, answers: [AnswerRow], datasets: [DatasetRecord], method: MethodInfo,
        history: [RoundSummary] = [], progress: RoundComparison? = nil, notes: ConsultantNotes? = nil, generatedAt: String
    ) {
        self.engagement = engagement
        self.round = round
        self.metrics = metrics
        self.paretoCurve = paretoCurve
        self.findings = findings
        self.scores = scores
        self.configuration = configuration
        self.answers = answers
        self.datasets = datasets
        self.method = method
        self.history = history
        self.progress = progress
        self.notes = notes
        self.generatedAt = generatedAt
    }
}

/// The parts of the report, for `--sections`.
package enum ReportSection: String, Sendable, CaseIterable, Codable {
    case summary, beliefs, areas, findings, insights, quality, configuration, roadmap, progress, appendix
}

/// Who the copy is for.
package enum ReportAudience: String, Sendable, CaseIterable, Codable {
    /// The client's copy: the client's language only, no commands, no metric ids or formulas.
    case client
    /// The consultant's working copy: adds the commands, metric ids and formulas.
    case consultant
}

/// How to render.
package struct ReportOptions: Sendable {
    package var language: Language
    package var audience: ReportAudience = .client
    /// Replace customer names, emails and phones with stable pseudonyms.
    package var redact: Bool
    package var sections: Set<ReportSection>
    /// The round's personal identifiers (``Workspace/personalValues(round:)``), which a redacted
    /// copy finds and replaces in every text; without them only sample columns and the patterns
    /// of e-mails, phones and tax ids are redacted.
    package var personalValues: [PersonalValue]
    /// The file name of the action lists written with this report (``ActionLists`` in Audit):
    /// a finding that shows records names the file and its sheet. The findings with a list.
    package var actionLists: (file: String, findings: Set<String>)? = nil
    /// The key of the copy's pseudonyms (random unless a test fixes it; never written anywhere).
    package var pseudonymKey: [UInt8] = (0..<32).map { _ in UInt8.random(in: 0...255) }

    package init(
        language: Language, redact: Bool = false, sections: Set<ReportSection> = Set(ReportSection.allCases),
        personalValues: [PersonalValue] = []
    ) {
        self.language = language
        self.redact = redact
        self.sections = sections
        self.personalValues = personalValues
    }
}

extension ReportOptions {
    /// The caption under a finding's records: how many of how many, and where the full list is.
    func recordsCaption(_ finding: Finding, shown: Int, _ format: Formatter) -> String {
        guard let samples = finding.samples else { return "" }
        let total = format.count(Double(samples.total))
        var caption =
            shown < samples.total
            ? ReportText.records[language].replacingOccurrences(of: "{shown}", with: format.count(Double(shown)))
                .replacingOccurrences(of: "{total}", with: total)
            : ReportText.recordsAll[language].replacingOccurrences(of: "{total}", with: total)
        if let lists = actionLists, lists.findings.contains(finding.ruleID) {
            caption +=
                " "
                + ReportText.recordsInList[language].replacingOccurrences(of: "{file}", with: lists.file)
                .replacingOccurrences(of: "{sheet}", with: finding.ruleID)
        }
        return caption
    }
}

extension ReportInput {
    /// The partial-month note with the dates the data cover (first sale to the as-of date).
    func partialMonthNote(_ key: ReportText, _ language: Language) -> String {
        let format = Formatter(language)
        let from = metrics["sales.first_date"].text.flatMap { Day(iso: $0) }.map(format.date) ?? "—"
        return key[language].replacingOccurrences(of: "{from}", with: from).replacingOccurrences(
            of: "{to}", with: format.date(metrics.asOf))
    }
}
