import Analytics
import AuditModel
import Expressions
import Foundation
import Questionnaire
import Report
import Rules
import Warehouse
import Workspace

/// One round assessed: its metrics, findings, scores and recommended configuration.
package struct Assessment: Sendable {
    package var engagement: Engagement
    package var round: AuditRound
    package var setup: AuditSetup
    package var answers: [Answer]
    /// The round's analysis: reused from the workspace when nothing it depends on changed.
    package var analysis: any RoundAnalysis
    package var findings: [Finding]
    package var scores: ScoreCard
    package var configuration: RecommendedConfiguration
    package var datasets: [DatasetRecord]
    /// The verdict for the CRM project from the rulesets' readiness gates (nil without gates).
    package var readiness: Readiness? = nil
    /// The questions the people interviewed answered materially differently, with who said what.
    package var disagreements: [Disagreement] = []
    /// The people who answered (named in the interview, a workbook or an answers file).
    package var respondents: [Respondent] = []
    /// The client database the round's sale lines are read in (nil when imported from files).
    package var salesDatabase: DatabaseSource? = nil
}

/// Runs the engines over one round: metrics, rules, scores, configuration; stores the results.
package enum AuditPipeline {
    /// Assesses `round` (the latest when nil) and stores its metrics, findings and scores.
    package static func assess(_ workspace: Workspace, round number: Int? = nil, setup: AuditSetup, asOf: Day? = nil) throws -> Assessment {
        let round = try workspace.round(number: number)
        let storedAnswers = try workspace.answers(round: round)
        let questionnaire = setup.questionnaire
        let answers = questionnaire.usableAnswers(storedAnswers)
        // A closed round is history: it is assessed again for reading (a report of round 1 after
        // round 2 began), but what it stored — metrics, findings, scores, method — stays as it was.
        let keepsHistory = round.status == .closed
        // A round whose sale lines are in a client database is computed there; otherwise the
        // analysis is reused when the round's datasets and the as-of day are those it was computed from.
        let analysis: any RoundAnalysis
        let salesDatabase = try DatabaseRounds.source(of: round, in: workspace)
        if let salesDatabase {
            analysis = try DatabaseRounds.analysis(
                workspace, round: round, source: salesDatabase, asOf: asOf, password: DatabaseRounds.environmentPassword)
        } else {
            analysis = try Analytics.reusingStored(workspace, round: round, asOf: asOf, store: !keepsHistory)
        }
        let metrics = expressionValues(analysis.document)
        let previous = try previousStatuses(workspace, before: round)
        let given = try workspace.respondentAnswers(round: round)
        let disagreements = questionnaire.disagreements(among: given)
        let respondents = Array(Set(given.compactMap(\.respondent))).sorted()
        let context = RoundContext(
            answers: answers, metrics: metrics, roundDate: round.date, disputed: Set(disagreements.map(\.questionID)),
            respondents: Set(respondents.map(\.name)).count,
            questionnaire: questionnaire, analysis: analysis, previous: previous)
        let stack = setup.rulesets
        let findings = RuleEvaluator(policy: stack.policy, waivers: stack.waivers, assumptions: stack.assumptions).evaluate(
            stack.rules, in: context)
        let maturity = Dictionary(
            questionnaire.maturity(answers: answers).map { area in
                (
                    area.area,
                    AnswerMaturity(
                        score: area.score, assessed: area.answered + area.dontKnow,
                        relevant: area.answered + area.dontKnow + area.unanswered, dontKnow: area.dontKnow)
                )
            }, uniquingKeysWith: { $1 })
        let areas = questionnaire.areas.map { ScoredArea(id: $0.id, title: $0.title, weight: $0.weight) }
        let scores = Scorer.score(findings: findings, areas: areas, maturity: maturity, policy: stack.policy)
        let configuration = ConfigurationBuilder.build(
            rules: stack.rules, findings: findings, metrics: analysis.document,
            answers: answers, questionnaire: questionnaire, spec: stack.configuration)
        if !keepsHistory {
            // One transaction: the findings, the scores, the consultant's layers given now and
            // the method; a result that cannot be stored leaves the round as it was.
            try store(
                findings: findings, scores: scores, in: workspace, round: round, layers: setup.layersToStore,
                method: AssessmentMethod(
                    questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                    rulesets: stack.references))
        }
        var assessment = Assessment(
            engagement: try workspace.engagement(), round: try workspace.round(number: round.number), setup: setup,
            answers: storedAnswers, analysis: analysis, findings: findings, scores: scores,
            configuration: configuration, datasets: try workspace.datasets(round: round))
        assessment.disagreements = disagreements
        assessment.respondents = respondents
        assessment.salesDatabase = salesDatabase
        assessment.readiness = Readiness.assess(
            stack.readinessGates, bindings: Bindings(answers: context.answers, metrics: context.metrics))
        return assessment
    }

    /// Metric values as the expression language sees them (ISO dates become dates, per-item
    /// metrics tables).
    static func expressionValues(_ document: MetricDocument) -> [String: Value] { document.expressionValues }

    static func previousStatuses(_ workspace: Workspace, before round: AuditRound) throws -> [String: FindingStatus] {
        // The latest earlier round that was assessed (a round may have been started and never assessed).
        var findings: [StoredFinding] = []
        for earlier in try workspace.rounds().filter({ $0.number < round.number }).reversed() {
            findings = try workspace.findings(round: earlier)
            if !findings.isEmpty { break }
        }
        var statuses: [String: FindingStatus] = [:]
        for finding in findings {
            statuses[finding.ruleID] = FindingStatus(rawValue: finding.status)
        }
        return statuses
    }

    /// Encodes the findings (each read back, so that what is stored can be read again) and stores
    /// them with the scores, `layers` and `method` in one transaction.
    static func store(
        findings: [Finding], scores: ScoreCard, in workspace: Workspace, round: AuditRound,
        layers: [StoredRulesetLayer]? = nil, method: AssessmentMethod? = nil
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let decoder = JSONDecoder()
        let stored = try findings.map { finding in
            let document: Data
            do {
                document = try encoder.encode(finding)
                _ = try decoder.decode(Finding.self, from: document)
            } catch {
                throw UnstorableResult(
                    workspace: workspace.path,
                    what: AuditText.theFindingOfRule.text(["ruleID": .value(finding.ruleID), "ruleset": .value(finding.ruleset)]))
            }
            return StoredFinding(
                ruleID: finding.ruleID, status: finding.status.rawValue, severity: finding.severity.rawValue,
                area: finding.area, document: String(decoding: document, as: UTF8.self))
        }
        var storedScores = scores.areas.map { StoredScore(area: $0.area, score: $0.score, level: $0.level, confidence: $0.confidence) }
        storedScores.append(StoredScore(area: "overall", score: scores.overall, level: scores.level, confidence: scores.confidence))
        try workspace.saveAssessment(findings: stored, scores: storedScores, round: round, layers: layers, method: method)
    }
}

/// The assessment context of a workspace round.
struct RoundContext: AssessmentContext {
    var answers: [String: AnswerValue]
    var metrics: [String: Value]
    var roundDate: Day
    var disputed: Set<String> = []
    var respondents = 0
    let questionnaire: Questionnaire
    let analysis: any RoundAnalysis
    let previous: [String: FindingStatus]

    func describe(_ missing: MissingInput) -> LocalizedText {
        switch missing.reference.kind {
        case .answer:
            let question = questionnaire.question(missing.reference.id)
            let text = question?.text ?? LocalizedText(both: missing.reference.id)
            let why: LocalizedText =
                missing.reason == .dontKnow
                ? AuditText.answeredDonTKnow.text()
                : AuditText.notAnswered.text()
            return AuditText.question.text(["text": .localized(text), "why": .localized(why)])
        case .metric:
            let definition = MetricCatalogue.definition(of: missing.reference.id)
            let datasets = definition?.datasets ?? []
            let reason = analysis.document.unavailable[missing.reference.id].map { UnavailableReason(code: $0).text }
            let names = LocalizedText.inEach { language in datasets.map { $0.title[language] }.joined(separator: ", ") }
            let title = definition?.title ?? LocalizedText(both: missing.reference.id)
            let fallback = datasets.isEmpty ? AuditText.noDataFor.text() : AuditText.noDataImport.text(["datasets": .localized(names)])
            let why = reason ?? fallback
            return AuditText.metric.text(["title": .localized(title), "why": .localized(why)])
        case .local:
            return LocalizedText(both: missing.reference.id)
        }
    }

    func label(questionID: String, value: AnswerValue) -> LocalizedText {
        guard let question = questionnaire.question(questionID) else { return LocalizedText(both: EvidenceTemplate.plain(value)) }
        return .inEach { question.display(value, in: $0) }
    }

    func samples(_ spec: SampleSpec) -> SampleRecords? {
        guard let set = SampleSet(rawValue: spec.set) else { return nil }
        let table = analysis.sample(set, limit: spec.limit)
        guard table.total > 0 else { return nil }
        let fields = spec.fields.isEmpty ? table.columns : spec.fields.filter(table.columns.contains)
        let indices = fields.compactMap { table.columns.firstIndex(of: $0) }
        return SampleRecords(
            set: spec.set, fields: fields, rows: table.rows.map { row in indices.map { row[$0] ?? "" } }, total: table.total)
    }

    func previousStatus(ruleID: String) -> FindingStatus? { previous[ruleID] }

    func isHidden(questionID: String) -> Bool {
        questionnaire.question(questionID) != nil && !questionnaire.isRelevant(questionID, answers: answers, metrics: metrics)
    }
}
