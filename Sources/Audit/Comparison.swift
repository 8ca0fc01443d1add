import Analytics
import AuditModel
import Foundation
import Questionnaire
import Report
import Rules
import Workspace

/// Compares two assessed rounds of a workspace from what the assessments stored: scores,
/// findings, metric snapshots, answers and the method (questionnaire, rulesets, rules).
package enum RoundComparer {
    /// The last two assessed rounds, oldest first.
    /// - Throws: ``ComparisonError/notEnoughRounds(assessed:)`` with fewer than two.
    package static func defaultRounds(_ workspace: Workspace) throws -> (AuditRound, AuditRound) {
        let assessed = try workspace.rounds().filter { try !workspace.scores(round: $0).isEmpty }
        guard assessed.count >= 2 else { throw ComparisonError.notEnoughRounds(assessed: assessed.map(\.number)) }
        return (assessed[assessed.count - 2], assessed[assessed.count - 1])
    }

    /// Rounds `a` and `b` of `workspace` (in either order; the earlier becomes `from`).
    /// - Throws: ``ComparisonError/sameRound(_:)``, ``ComparisonError/notAssessed(round:)``,
    ///   workspace errors for an unknown round number.
    package static func compare(_ workspace: Workspace, rounds a: Int, _ b: Int) throws -> RoundComparison {
        guard a != b else { throw ComparisonError.sameRound(a) }
        return try compare(workspace, from: workspace.round(number: min(a, b)), to: workspace.round(number: max(a, b)))
    }

    /// Compares `from` with `to`. The questionnaire that names questions and areas is the one
    /// `to` was assessed with, when it can still be loaded; otherwise ids are shown.
    package static func compare(_ workspace: Workspace, from: AuditRound, to: AuditRound) throws -> RoundComparison {
        let questionnaire = to.questionnaireID.flatMap { try? Questionnaire.resolve($0) }
        return try compare(workspace, from: from, to: to, questionnaire: questionnaire)
    }

    /// Compares `from` with `to`, naming questions and areas from `questionnaire`.
    package static func compare(_ workspace: Workspace, from: AuditRound, to: AuditRound, questionnaire: Questionnaire?) throws
        -> RoundComparison
    {
        let scoresBefore = try workspace.scores(round: from), scoresAfter = try workspace.scores(round: to)
        guard !scoresBefore.isEmpty else { throw ComparisonError.notAssessed(round: from.number) }
        guard !scoresAfter.isEmpty else { throw ComparisonError.notAssessed(round: to.number) }
        let findingsBefore = try decodedFindings(workspace, round: from), findingsAfter = try decodedFindings(workspace, round: to)
        let method = methodChange(from: from, to: to, before: findingsBefore, after: findingsAfter)
        let changedAreas = Set(
            findingsBefore.merging(findingsAfter) { $1 }.values.filter { finding in
                method.rulesAdded.contains(finding.ruleID) || method.rulesRemoved.contains(finding.ruleID)
                    || method.rulesReweighted.contains { $0.hasPrefix(finding.ruleID + ":") }
            }.map(\.area))
        let findings = findingChanges(before: findingsBefore, after: findingsAfter)
        // A new questionnaire version can change any area's answer maturity: every area is marked.
        let allAreas = method.questionnaire != nil
        let documentBefore = try workspace.metricsDocument(round: from).flatMap { try? MetricDocument.decode(json: $0) }
        let documentAfter = try workspace.metricsDocument(round: to).flatMap { try? MetricDocument.decode(json: $0) }
        var sideBefore = side(from, scoresBefore), sideAfter = side(to, scoresAfter)
        sideBefore.periods = documentBefore?.periods
        sideAfter.periods = documentAfter?.periods
        return RoundComparison(
            from: sideBefore, to: sideAfter,
            areas: areaDeltas(before: scoresBefore, after: scoresAfter, questionnaire: questionnaire, changed: changedAreas, all: allAreas),
            resolved: findings.resolved, new: findings.new, persisting: findings.persisting, noLongerChecked: findings.gone,
            metrics: metricDeltas(before: documentBefore, after: documentAfter),
            answers: answerChanges(
                before: try workspace.answers(round: from), from: from, after: try workspace.answers(round: to), to: to,
                questionnaire: questionnaire),
            unconfirmedAnswers: try workspace.unconfirmedAnswerCount(round: to), method: method)
    }

    // MARK: - Parts

    static func side(_ round: AuditRound, _ scores: [StoredScore]) -> RoundComparison.Side {
        let overall = scores.first { $0.area == "overall" }
        return RoundComparison.Side(
            number: round.number, date: round.date, overall: overall?.score, level: overall?.level,
            questionnaire: round.questionnaireID.map { id in round.questionnaireVersion.map { "\(id)@\($0)" } ?? id },
            rulesets: rulesetList(round.rulesets))
    }

    static func rulesetList(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The stored findings of `round` by rule id. A document that no longer decodes (written by
    /// another version) keeps its key columns.
    static func decodedFindings(_ workspace: Workspace, round: AuditRound) throws -> [String: Finding] {
        let decoder = JSONDecoder()
        var result: [String: Finding] = [:]
        for stored in try workspace.findings(round: round) {
            if let finding = try? decoder.decode(Finding.self, from: Data(stored.document.utf8)) {
                result[stored.ruleID] = finding
            } else {
                result[stored.ruleID] = Finding(
                    ruleID: stored.ruleID, ruleset: "", area: stored.area, title: LocalizedText(both: stored.ruleID),
                    severity: Severity(rawValue: stored.severity) ?? .info, blocking: false,
                    status: FindingStatus(rawValue: stored.status) ?? .notEvaluable, observed: nil, observedText: nil, expected: nil,
                    count: nil, denominator: nil, samples: nil, pointsPossible: 0, pointsLost: 0, impact: .medium, effort: .medium,
                    money: nil, evidence: nil, recommendation: LocalizedText(both: ""), missing: [], waiver: nil, previousStatus: nil)
            }
        }
        return result
    }

    static func methodChange(from: AuditRound, to: AuditRound, before: [String: Finding], after: [String: Finding])
        -> RoundComparison.MethodChange
    {
        let fromSide = side(from, []), toSide = side(to, [])
        let questionnaire =
            fromSide.questionnaire != toSide.questionnaire ? [fromSide.questionnaire ?? "?", toSide.questionnaire ?? "?"] : nil
        let layersBefore = Set(fromSide.rulesets), layersAfter = Set(toSide.rulesets)
        var reweighted: [String] = []
        for (id, old) in before.sorted(by: { $0.key < $1.key }) {
            guard let new = after[id] else { continue }
            if old.severity != new.severity {
                reweighted.append("\(id): \(old.severity.rawValue) → \(new.severity.rawValue)")
            } else if old.pointsPossible > 0, new.pointsPossible > 0, abs(old.pointsPossible - new.pointsPossible) > 1e-9 {
                reweighted.append(
                    "\(id): \(EvidenceTemplate.plain(.number(old.pointsPossible))) → \(EvidenceTemplate.plain(.number(new.pointsPossible)))"
                )
            }
        }
        return RoundComparison.MethodChange(
            questionnaire: questionnaire,
            rulesetsRemoved: fromSide.rulesets.filter { !layersAfter.contains($0) },
            rulesetsAdded: toSide.rulesets.filter { !layersBefore.contains($0) },
            rulesAdded: Set(after.keys).subtracting(before.keys).sorted(),
            rulesRemoved: Set(before.keys).subtracting(after.keys).sorted(),
            rulesReweighted: reweighted)
    }

    static func findingChanges(before: [String: Finding], after: [String: Finding])
        -> (
            resolved: [RoundComparison.FindingChange], new: [RoundComparison.FindingChange],
            persisting: [RoundComparison.FindingChange], gone: [RoundComparison.FindingChange]
        )
    {
        var resolved: [RoundComparison.FindingChange] = [], new: [RoundComparison.FindingChange] = []
        var persisting: [RoundComparison.FindingChange] = [], gone: [RoundComparison.FindingChange] = []
        for id in Set(before.keys).union(after.keys) {
            let old = before[id], current = after[id]
            guard let shown = current ?? old else { continue }
            let change = RoundComparison.FindingChange(
                ruleID: id, title: shown.title, area: shown.area, severity: shown.severity,
                before: old?.status, after: current?.status)
            let wasGap = old?.isGap ?? false, isGap = current?.isGap ?? false
            switch (wasGap, isGap) {
            case (true, true): persisting.append(change)
            case (false, true): new.append(change)
            case (true, false):
                // Resolved only when the check ran and passed; a check that no longer applies (the
                // company changed, or only one person was interviewed this time) proves nothing.
                if current?.status == .ok {
                    resolved.append(change)
                } else {
                    gone.append(change)
                }
            case (false, false): break
            }
        }
        let order: (RoundComparison.FindingChange, RoundComparison.FindingChange) -> Bool = {
            ($0.severity, $0.ruleID) < ($1.severity, $1.ruleID)
        }
        return (resolved.sorted(by: order), new.sorted(by: order), persisting.sorted(by: order), gone.sorted(by: order))
    }

    static func areaDeltas(
        before: [StoredScore], after: [StoredScore], questionnaire: Questionnaire?, changed: Set<String>, all: Bool = false
    )
        -> [RoundComparison.AreaDelta]
    {
        let old = Dictionary(before.map { ($0.area, $0.score) }, uniquingKeysWith: { $1 })
        let new = Dictionary(after.map { ($0.area, $0.score) }, uniquingKeysWith: { $1 })
        let known = questionnaire?.areas.map(\.id) ?? []
        let rest = Set(old.keys).union(new.keys).subtracting(known).subtracting(["overall"]).sorted()
        return (known.filter { old[$0] != nil || new[$0] != nil } + rest).map { id in
            RoundComparison.AreaDelta(
                area: id, title: questionnaire?.areas.first { $0.id == id }?.title ?? LocalizedText(both: id),
                before: old[id] ?? nil, after: new[id] ?? nil, methodAffected: all || changed.contains(id))
        }
    }

    /// Like with like: each round's own headline period (and states on each round's as_of).
    /// Whole-history figures grow with the export's length (a 36-month export has more revenue
    /// than a 30-month one of the same company), so they are left out; a snapshot stored before
    /// the audit had a headline period mixes periods, so nothing of it is compared.
    static func metricDeltas(before old: MetricDocument?, after new: MetricDocument?) -> [RoundComparison.MetricDelta] {
        guard let old, let new, old.periods != nil, new.periods != nil else { return [] }
        return MetricCatalogue.all.compactMap { definition in
            guard definition.valueType == .number, !definition.period.dependsOnExportLength,
                let a = old[definition.id].number, let b = new[definition.id].number
            else { return nil }
            let direction = MetricDirection.of(definition.id) ?? .neutral
            let trend: RoundComparison.Trend
            if isBelowShownPrecision(b - a, unit: definition.unit) {
                trend = .unchanged
            } else {
                switch direction {
                case .neutral: trend = .changed
                case .higherIsBetter: trend = b > a ? .improved : .worsened
                case .lowerIsBetter: trend = b < a ? .improved : .worsened
                }
            }
            return RoundComparison.MetricDelta(
                id: definition.id, title: definition.title, unit: definition.unit, period: definition.period,
                before: a, after: b, direction: direction, trend: trend)
        }
    }

    /// A change smaller than the comparison shows (0.05 pp, half a rouble, half a customer) is
    /// no change: "±0 pp, worse" would tell the reader a direction the figures do not show.
    static func isBelowShownPrecision(_ delta: Double, unit: MetricUnit) -> Bool {
        switch unit {
        case .share, .change, .points: abs(delta) < 0.0005
        case .money, .count, .customers, .date: abs(delta) < 0.5
        case .days: abs(delta) < 0.05
        case .ratio: abs(delta) < 0.0005
        }
    }

    static func answerChanges(before: [Answer], from: AuditRound, after: [Answer], to: AuditRound, questionnaire: Questionnaire?)
        -> [RoundComparison.AnswerChange]
    {
        func values(_ answers: [Answer], _ round: AuditRound) -> [String: AnswerValue] {
            var list = answers
            if let questionnaire, round.questionnaireID == nil || round.questionnaireID == questionnaire.id {
                list = questionnaire.migrate(answers, from: round.questionnaireVersion).answers
            }
            return Dictionary(list.map { ($0.questionID, $0.value) }, uniquingKeysWith: { $1 })
        }
        let old = values(before, from), new = values(after, to)
        let ordered = (questionnaire?.questions.map(\.id) ?? [])
        let rest = Set(old.keys).union(new.keys).subtracting(ordered).sorted()
        return (ordered + rest).compactMap { id in
            guard old[id] != new[id] else { return nil }
            let question = questionnaire?.question(id)
            func words(_ value: AnswerValue?) -> LocalizedText? {
                guard let value else { return nil }
                guard let question else { return LocalizedText(both: EvidenceTemplate.plain(value)) }
                return .inEach { question.display(value, in: $0) }
            }
            return RoundComparison.AnswerChange(
                questionID: id, question: question?.text ?? LocalizedText(both: id),
                before: words(old[id]), after: words(new[id]))
        }
    }
}

/// Why two rounds cannot be compared.
package enum ComparisonError: AuditError, Equatable {
    case notEnoughRounds(assessed: [Int])
    case sameRound(Int)
    case notAssessed(round: Int)

    package func message(in language: Language) -> String {
        let text: LocalizedText
        switch self {
        case .notEnoughRounds(let assessed) where assessed.isEmpty: text = AuditText.notEnoughRoundsNone.text()
        case .notEnoughRounds(let assessed):
            text = AuditText.notEnoughRoundsAssessed.text(["rounds": .text(assessed.map(String.init).joined(separator: ", "))])
        case .sameRound(let number): text = AuditText.sameRound.text(["round": .value(number)])
        case .notAssessed(let round): text = AuditText.roundNotAssessed.text(["round": .value(round)])
        }
        return text[language]
    }
}
