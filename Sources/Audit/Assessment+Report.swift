import AuditModel
import Questionnaire
import Report
import Rules
import Workspace

extension Assessment {
    /// The report's input: everything assessed, the answers in words, and the rounds so far.
    public func reportInput(workspace: Workspace, generatedAt: String = Timestamp.now()) throws -> ReportInput {
        let method = MethodInfo(
            questionnaire: "\(setup.questionnaire.id)@\(setup.questionnaire.version)",
            rulesets: setup.rulesets.layers.map(\.reference), policy: setup.rulesets.policy,
            rulesEvaluated: findings.filter { [.finding, .warn, .ok].contains($0.status) }.count)
        let history = try RoundHistory.summaries(workspace, upTo: round)
        return ReportInput(
            engagement: engagement, round: round, metrics: analysis.document, paretoCurve: analysis.paretoCurve,
            findings: findings, scores: scores, configuration: configuration, answers: answerRows(), datasets: datasets,
            method: method, history: history, progress: try RoundHistory.progress(workspace, current: round, findings: findings, scores: scores),
            generatedAt: generatedAt)
    }

    /// The answers in questionnaire order, in words; answers to questions the questionnaire no
    /// longer has are kept at the end under their ids.
    func answerRows() -> [AnswerRow] {
        let questionnaire = setup.questionnaire
        let byID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        var rows: [AnswerRow] = []
        for section in questionnaire.sections {
            for question in section.questions {
                guard let answer = byID[question.id] else { continue }
                rows.append(AnswerRow(
                    section: section.title, questionID: question.id, question: question.text,
                    answer: LocalizedText(ru: question.display(answer.value, in: .ru), en: question.display(answer.value, in: .en)),
                    note: answer.note, source: answer.source, confirmed: answer.confirmed))
            }
        }
        let known = Set(questionnaire.questions.map(\.id))
        for answer in answers where !known.contains(answer.questionID) {
            rows.append(AnswerRow(
                section: LocalizedText(ru: "Вопросы вне текущей версии анкеты", en: "Questions not in this questionnaire version"),
                questionID: answer.questionID, question: LocalizedText(both: answer.questionID),
                answer: LocalizedText(both: EvidenceTemplate.plain(answer.value)), note: answer.note, source: answer.source,
                confirmed: answer.confirmed))
        }
        return rows
    }
}

/// The rounds of a workspace as the progress section sees them.
enum RoundHistory {
    static func summaries(_ workspace: Workspace, upTo round: AuditRound) throws -> [RoundSummary] {
        try workspace.rounds().filter { $0.number <= round.number }.compactMap { item in
            let scores = try workspace.scores(round: item)
            guard let overall = scores.first(where: { $0.area == "overall" }) else { return nil }
            var areas: [String: Double] = [:]
            for score in scores where score.area != "overall" { if let value = score.score { areas[score.area] = value } }
            return RoundSummary(number: item.number, date: item.date, overall: overall.score, level: overall.level, areas: areas)
        }
    }

    static func progress(_ workspace: Workspace, current: AuditRound, findings: [Finding], scores: ScoreCard) throws -> ProgressSummary? {
        guard current.number > 1, let previous = try? workspace.round(number: current.number - 1) else { return nil }
        let previousFindings = try workspace.findings(round: previous)
        guard !previousFindings.isEmpty else { return nil }
        let gapStatuses: Set<String> = [FindingStatus.finding.rawValue, FindingStatus.warn.rawValue]
        let before = Set(previousFindings.filter { gapStatuses.contains($0.status) }.map(\.ruleID))
        let now = Set(findings.filter(\.isGap).map(\.ruleID))
        let previousScores = try workspace.scores(round: previous)
        let previousOverall = previousScores.first { $0.area == "overall" }?.score
        var deltas: [String: Double] = [:]
        for area in scores.areas {
            if let value = area.score, let old = previousScores.first(where: { $0.area == area.area })?.score { deltas[area.area] = value - old }
        }
        var changes: [LocalizedText] = []
        if previous.questionnaireVersion != current.questionnaireVersion || previous.questionnaireID != current.questionnaireID {
            changes.append(LocalizedText(
                ru: "анкета: \(previous.questionnaireID ?? "?")@\(previous.questionnaireVersion ?? "?") → \(current.questionnaireID ?? "?")@\(current.questionnaireVersion ?? "?")",
                en: "questionnaire: \(previous.questionnaireID ?? "?")@\(previous.questionnaireVersion ?? "?") → \(current.questionnaireID ?? "?")@\(current.questionnaireVersion ?? "?")"))
        }
        if previous.rulesets != current.rulesets {
            changes.append(LocalizedText(ru: "правила: \(previous.rulesets ?? "?") → \(current.rulesets ?? "?")",
                                         en: "rules: \(previous.rulesets ?? "?") → \(current.rulesets ?? "?")"))
        }
        let previousIDs = Set(previousFindings.map(\.ruleID)), currentIDs = Set(findings.map(\.ruleID))
        let added = currentIDs.subtracting(previousIDs).sorted(), removed = previousIDs.subtracting(currentIDs).sorted()
        if !added.isEmpty { changes.append(LocalizedText(ru: "новые правила: \(added.joined(separator: ", "))", en: "new rules: \(added.joined(separator: ", "))")) }
        if !removed.isEmpty { changes.append(LocalizedText(ru: "удалённые правила: \(removed.joined(separator: ", "))", en: "removed rules: \(removed.joined(separator: ", "))")) }
        return ProgressSummary(
            previousRound: previous.number, previousDate: previous.date,
            overallDelta: zip(scores.overall, previousOverall).map { $0 - $1 }, areaDeltas: deltas,
            resolved: before.subtracting(now).sorted(), new: now.subtracting(before).sorted(), persisting: before.intersection(now).sorted(),
            methodChanges: changes)
    }
}

private func zip(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}
