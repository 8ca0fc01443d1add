import AuditModel
import Questionnaire
import Report
import Rules
import Workspace

extension Assessment {
    /// The report's input: everything assessed, the answers in words, and the rounds so far.
    package func reportInput(workspace: Workspace, generatedAt: String = Timestamp.now()) throws -> ReportInput {
        var method = MethodInfo(
            questionnaire: "\(setup.questionnaire.id)@\(setup.questionnaire.version)",
            rulesets: setup.rulesets.layers.map(\.reference), policy: setup.rulesets.policy,
            rulesEvaluated: findings.filter { [.finding, .warn, .ok].contains($0.status) }.count)
        // The industry in words: the title of its ruleset (`wholesale` → "Оптовая торговля и дистрибуция").
        if let industry = engagement.industry.map(AuditSetup.slug), !industry.isEmpty {
            method.industryTitle = setup.rulesets.layers.first { $0.id == "industry-" + industry }?.title
        }
        let history = try RoundHistory.summaries(workspace, upTo: round)
        var input = ReportInput(
            engagement: engagement, round: round, metrics: analysis.document, paretoCurve: analysis.paretoCurve,
            findings: findings, scores: scores, configuration: configuration, answers: answerRows(), datasets: datasets,
            method: method, history: history,
            progress: try RoundHistory.progress(workspace, current: round, questionnaire: setup.questionnaire),
            notes: setup.rulesets.notes.isEmpty ? nil : setup.rulesets.notes, generatedAt: generatedAt)
        input.readiness = readiness
        input.project = projectSection()
        input.salesDatabase = salesDatabase.map {
            SalesDatabase(engine: $0.engine.title, host: $0.host, database: $0.database, table: $0.salesTable)
        }
        input.disagreements = disagreementRows()
        // The people who answered, when the consultant has not listed the people interviewed.
        if !respondents.isEmpty, input.notes?.interviewees.isEmpty ?? true {
            var notes = input.notes ?? ConsultantNotes()
            notes.interviewees = respondents.map { ConsultantNotes.Person(name: $0.name, role: $0.role.map { LocalizedText(both: $0) }) }
            input.notes = notes
        }
        // The symptoms' sample records live with the findings only (one place to pseudonymise).
        input.causes = causes.map { group in
            var group = group
            group.symptoms = group.symptoms.map { symptom in
                var symptom = symptom
                symptom.samples = nil
                return symptom
            }
            return group
        }
        return input
    }

    /// The recommended project for the report: the bundled platform catalogue ranked for the
    /// client (nil when it cannot be found), the plan and its business case.
    func projectSection(catalogues: [String] = [], market: String = "ru") -> ProjectSection? {
        guard let recommendation = try? recommendation(catalogues: catalogues, market: market) else { return nil }
        let (shortlist, plan, business) = (recommendation.shortlist, recommendation.plan, recommendation.businessCase)
        func lines(_ items: [BusinessCase.Line]) -> [ProjectSection.MoneyLine] {
            items.map { ProjectSection.MoneyLine(title: $0.title, amount: $0.amount, basis: $0.basis) }
        }
        var section = ProjectSection(
            users: shortlist.requirements.users, pricesCheckedOn: shortlist.pricesCheckedOn,
            shortlist: shortlist.ranked.prefix(3).map { entry in
                ProjectSection.PlatformRow(
                    name: entry.platform.name, pricePerUserMonth: entry.platform.pricePerUserMonth,
                    licencesPerYear: entry.licencesPerYear, reasons: entry.reasons,
                    strengths: entry.platform.strengths, limits: entry.platform.limits, concerns: entry.concerns)
            },
            excluded: (shortlist.ranked.dropFirst(3) + shortlist.excluded).map { entry in
                ProjectSection.ExcludedRow(
                    name: entry.platform.name,
                    reasons: entry.exclusions.isEmpty
                        ? [AuditText.fitsButRanksBelowTheFirst.text()]
                        : entry.exclusions)
            },
            stages: plan.initiatives.map { item in
                var stage = ProjectSection.Stage(
                    id: item.spec.id, title: item.spec.title, scope: item.spec.scope, owner: item.spec.owner,
                    startWeek: item.startWeek, endWeek: item.endWeek, effortDays: item.spec.effortDays,
                    cost: item.cost, findings: item.findings, kpis: item.spec.kpis)
                stage.decision = item.spec.decision
                return stage
            },
            costs: lines(business.costs), value: lines(business.value), guarded: lines(business.guarded),
            paybackMonths: business.paybackMonths, notCounted: business.notCounted, assumptions: business.assumptions)
        section.statedBudget = answerValues.number("proj_budget_year")
        section.statedGoLive = answerValues.day("proj_golive")
        return section
    }

    /// The disagreements in words: each respondent's answer, and which one counts.
    package func disagreementRows() -> [DisagreementRow] {
        let counting = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        return disagreements.compactMap { disagreement in
            guard let question = setup.questionnaire.question(disagreement.questionID) else { return nil }
            return DisagreementRow(
                questionID: question.id, question: question.text,
                views: disagreement.answers.map { answer in
                    DisagreementRow.View(
                        respondent: answer.respondent,
                        answer: .inEach { question.display(answer.value, in: $0) },
                        note: answer.note,
                        counts: counting[question.id].map { $0.respondent == answer.respondent && $0.value == answer.value } ?? false)
                })
        }
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
                rows.append(
                    AnswerRow(
                        section: section.title, questionID: question.id, question: question.text,
                        answer: .inEach { question.display(answer.value, in: $0) },
                        note: answer.note, source: answer.source, confirmed: answer.confirmed))
            }
        }
        let known = Set(questionnaire.questions.map(\.id))
        for answer in answers where !known.contains(answer.questionID) {
            rows.append(
                AnswerRow(
                    section: AuditText.questionsNotInThisQuestionnaireVersion.text(),
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

    /// The comparison with the latest assessed round before `current` (whose results are stored).
    static func progress(_ workspace: Workspace, current: AuditRound, questionnaire: Questionnaire) throws -> RoundComparison? {
        let earlier = try workspace.rounds().filter { try $0.number < current.number && !workspace.scores(round: $0).isEmpty }
        guard let previous = earlier.last else { return nil }
        return try RoundComparer.compare(workspace, from: previous, to: current, questionnaire: questionnaire)
    }
}

extension Assessment {
    /// The round's gaps grouped by root cause and ranked (severity, then money, then symptoms).
    package var causes: [CauseGroup] { CauseRanking.rank(findings, causes: setup.rulesets.causes) }

    /// The phased project plan the round's gaps call for (nil when no ruleset declares a plan).
    package var plan: ProjectPlan? { setup.rulesets.plan.map { ProjectPlan.build($0, causes: causes) } }
}
