import ArgumentParser
import Audit
import AuditModel
import Foundation
import Rules

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check answers against data: findings, what could not be assessed, and the scores. / Проверки и оценки.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(help: "Language of the table: ru or en (default: the CLI language).")
    var lang: Language?

    @OptionGroup var assessment: AssessmentOptions

    func run() throws {
        let (store, result) = try assessment.assess(workspace)
        for (rule, layer) in result.setup.rulesets.unknownDisabled {
            Terminal.printError(
                CLIText.checkUnknownDisabled.render(["layer": .text(layer), "rule": .text(rule)], in: lang ?? CLILanguage.current))
        }
        let unconfirmed = try store.unconfirmedAnswerCount(round: result.round)
        if unconfirmed > 0 {
            Terminal.printError(
                CLIText.checkUnconfirmed.render(
                    ["count": .count(unconfirmed), "workspace": .text(workspace)], in: lang ?? CLILanguage.current))
        }
        switch format {
        case .json: Terminal.printDocument(try CheckOutput.json(result, language: lang ?? CLILanguage.current))
        case .table: Terminal.print(CheckOutput.table(result, language: lang ?? CLILanguage.current))
        }
    }
}

/// The two shapes of `crm-audit check`'s output.
enum CheckOutput {
    /// `{"round", "scores": {"overall", "level", "level_title", "blocked_by", "confidence", "areas": {id: …}},
    /// "findings": [{"id", "area", "severity", "status", "observed", "evidence", "recommendation", …}],
    /// "not_evaluable": [{"id", "missing"}]}`, texts in `language`.
    static func json(_ assessment: Assessment, language: Language) throws -> String {
        struct Area: Encodable {
            var title: String
            var score: Double?
            var level: Int?
            var answersScore: Double?
            var rulesScore: Double?
            var confidence: Double
            var gaps: Int
        }
        struct Scores: Encodable {
            var overall: Double?
            var level: Int
            var levelTitle: String
            var blockedBy: [String]
            var confidence: Double
            var areas: [String: Area]
        }
        struct Item: Encodable {
            var id: String
            var ruleset: String
            var area: String
            var title: String
            var severity: String
            var blocking: Bool
            var status: String
            var observed: Double?
            var observedText: String?
            var expected: String?
            var count: Double?
            var denominator: Double?
            var pointsPossible: Double
            var pointsLost: Double
            var impact: String
            var effort: String
            var money: Money?
            var evidence: String?
            var recommendation: String
            var samples: SampleRecords?
            var missing: [String]
            var waiver: Waiver?
            var previousStatus: String?
        }
        /// A finding's money: the exact revenue exposed over its period, and the estimated range.
        struct Money: Encodable {
            var kind: String
            var period: String
            var exposed: Double
            var customers: Double?
            var estimateLow: Double
            var estimateHigh: Double
            var assumption: String
            var rateLow: Double
            var rateHigh: Double
            var text: String
        }
        struct Cause: Encodable {
            var id: String
            var declared: Bool
            var title: String
            var explanation: String
            var recommendation: String
            var severity: String
            var status: String
            var moneyAtStake: Double?
            var symptoms: [String]
        }
        struct Gate: Encodable {
            var id: String
            var title: String
            var status: String
            var reason: String
        }
        struct ReadinessOutput: Encodable {
            var verdict: String
            var title: String
            var gates: [Gate]
        }
        struct View: Encodable {
            var respondent: String
            var role: String?
            var answer: String
            var note: String?
            var counts: Bool
        }
        struct Disagreement: Encodable {
            var question: String
            var text: String
            var answers: [View]
        }
        struct Output: Encodable {
            var round: Int
            var readiness: ReadinessOutput?
            var scores: Scores
            var causes: [Cause]
            var disagreements: [Disagreement]
            var findings: [Item]
        }
        let card = assessment.scores
        let areas = Dictionary(
            card.areas.map { area in
                (
                    area.area,
                    Area(
                        title: area.title[language], score: area.score, level: area.level, answersScore: area.answersScore,
                        rulesScore: area.rulesScore, confidence: area.confidence, gaps: area.gaps)
                )
            }, uniquingKeysWith: { $1 })
        let items = assessment.findings.map { finding in
            Item(
                id: finding.ruleID, ruleset: finding.ruleset, area: finding.area, title: finding.title[language],
                severity: finding.severity.rawValue, blocking: finding.blocking, status: finding.status.rawValue,
                observed: finding.observed, observedText: finding.observedText, expected: finding.expected?[language],
                count: finding.count, denominator: finding.denominator, pointsPossible: finding.pointsPossible,
                pointsLost: finding.pointsLost, impact: finding.impact.rawValue, effort: finding.effort.rawValue,
                money: finding.money.map { money in
                    Money(
                        kind: money.kind.rawValue, period: money.period.rawValue, exposed: money.exposed, customers: money.customers,
                        estimateLow: Formatter.threeSignificant(money.low), estimateHigh: Formatter.threeSignificant(money.high),
                        assumption: money.assumption.id, rateLow: money.assumption.low, rateHigh: money.assumption.high,
                        text: money.text(language))
                }, evidence: finding.evidence?[language],
                recommendation: finding.recommendation[language], samples: finding.samples,
                missing: finding.missing.map { $0.reason[language] }, waiver: finding.waiver,
                previousStatus: finding.previousStatus?.rawValue)
        }
        let output = Output(
            round: assessment.round.number,
            readiness: assessment.readiness.map { readiness in
                ReadinessOutput(
                    verdict: readiness.verdict.rawValue, title: readiness.verdict.title[language],
                    gates: readiness.gates.map {
                        Gate(id: $0.id, title: $0.title[language], status: $0.status.rawValue, reason: $0.reason[language])
                    })
            },
            scores: Scores(
                overall: card.overall, level: card.level, levelTitle: card.levelTitle[language], blockedBy: card.blockedBy,
                confidence: card.confidence, areas: areas),
            causes: assessment.causes.map { group in
                Cause(
                    id: group.cause.id, declared: group.declared, title: group.cause.title[language],
                    explanation: group.cause.explanation[language], recommendation: group.cause.recommendation[language],
                    severity: group.severity.rawValue, status: group.status.rawValue, moneyAtStake: group.money?.high,
                    symptoms: group.ruleIDs)
            },
            disagreements: assessment.disagreementRows().map { row in
                Disagreement(
                    question: row.questionID, text: row.question[language],
                    answers: row.views.map { view in
                        View(
                            respondent: view.respondent?.name ?? "", role: view.respondent?.role, answer: view.answer[language],
                            note: view.note, counts: view.counts)
                    })
            },
            findings: items)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    static let readinessTitle = CLIText.readinessForTheCrmProject.text()

    static func table(_ assessment: Assessment, language: Language) -> String {
        let format = Formatter(language)
        var lines: [String] = []
        let card = assessment.scores
        let overall = card.overall.map { format.number($0, fractionDigits: 0) } ?? "—"
        if let readiness = assessment.readiness {
            lines.append(Self.readinessTitle[language] + ": " + readiness.verdict.title[language])
            for gate in readiness.gates {
                lines.append("  \(pad(gate.title[language], 32)) \(pad(gate.status.title[language], 18)) \(gate.reason[language])")
            }
            lines.append("")
        }
        lines.append(
            CLIText.overallScoreLevelConfidence.text([
                "overall": .value(overall), "level": .value(card.level), "levelTitle": .localized(card.levelTitle),
                "percent": .value(format.percent(card.confidence, fractionDigits: 0)),
            ])[language])
        // Only when the cap lowers the level: a level already at or below it is not "capped".
        if !card.blockedBy.isEmpty, card.uncappedLevel > card.level {
            let blocking = card.blockedBy.joined(separator: ", ")
            lines.append(
                CLIText.levelCappedByBlockingFindings.text(["blocking": .value(blocking)])[language])
        }
        lines.append("")
        for area in card.areas {
            let score = area.score.map { format.number($0, fractionDigits: 0) } ?? "—"
            let confidence = CLIText.confidence.text()[language]
            lines.append(
                "  \(pad(area.title[language], 40)) \(pad(score, 4, left: true))   \(confidence) \(format.percent(area.confidence, fractionDigits: 0))"
            )
        }
        lines += causeLines(assessment.causes, language: language)
        let disagreements = assessment.disagreementRows()
        if !disagreements.isEmpty {
            lines.append("")
            lines.append(CLIText.checkDisagreements.render(["count": .count(disagreements.count)], in: language))
            for row in disagreements {
                lines.append("  \(row.questionID) \(row.question[language])")
                for view in row.views { lines.append("    \(view.counts ? "✓" : "·") \(view.who): \(view.answer[language])") }
            }
        }
        let gaps = assessment.findings.filter(\.isGap).sorted {
            ($0.severity, -$0.priority, $0.ruleID) < ($1.severity, -$1.priority, $1.ruleID)
        }
        lines.append("")
        lines.append(CLIText.findings.text(["count": .value(gaps.count)])[language])
        for finding in gaps {
            lines.append("")
            lines.append(
                "[\(finding.severity.title[language])\(finding.status == .warn ? ", " + finding.status.title[language] : "")] \(finding.ruleID) \(finding.title[language])"
            )
            if let evidence = finding.evidence { lines.append("    \(evidence[language])") }
            lines.append("    → \(finding.recommendation[language])")
        }
        let notEvaluable = assessment.findings.filter { $0.status == .notEvaluable }
        if !notEvaluable.isEmpty {
            lines.append("")
            lines.append(
                CLIText.notEvaluableCollectWhatIsMissing.text(["count": .value(notEvaluable.count)])[language])
            for finding in notEvaluable {
                lines.append(
                    "  \(finding.ruleID) \(finding.title[language]): \(finding.missing.map { $0.reason[language] }.joined(separator: "; "))"
                )
            }
        }
        let waived = assessment.findings.filter { $0.status == .waived }
        for finding in waived {
            if let waiver = finding.waiver {
                lines.append(
                    CLIText.waivedUntil.text([
                        "ruleID": .value(finding.ruleID), "reason": .localized(waiver.reason), "acceptedBy": .value(waiver.acceptedBy),
                        "date": .value(format.date(waiver.until)),
                    ])[
                        language])
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The root causes, ranked, each with its symptoms (rule id, title, evidence).
    static func causeLines(_ causes: [CauseGroup], language: Language) -> [String] {
        let format = Formatter(language)
        let symptomsNoun = CountedNoun(CLIText.symptomsNoun)
        var lines = ["", CLIText.checkCauses.render(["count": .count(causes.count)], in: language)]
        for (index, group) in causes.enumerated() {
            var head = "\(index + 1). [\(group.severity.title[language])] \(group.cause.title[language])"
            head += " — " + format.count(Double(group.symptoms.count), symptomsNoun)
            if let money = group.money {
                head += ", " + money.kind.title[language] + ": " + money.text(language)
            }
            lines.append("")
            lines.append(head)
            if group.declared { lines.append("    \(group.cause.explanation[language])") }
            for symptom in group.symptoms {
                lines.append("    • \(symptom.ruleID) \(symptom.title[language])")
                if let evidence = symptom.evidence { lines.append("      \(evidence[language])") }
            }
            lines.append("    → \(group.cause.recommendation[language])")
        }
        return lines
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
