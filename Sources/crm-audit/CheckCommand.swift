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
        let (_, result) = try assessment.assess(workspace)
        switch format {
        case .json: print(try CheckOutput.json(result))
        case .table: print(CheckOutput.table(result, language: lang ?? CLILanguage.current))
        }
    }
}

/// The two shapes of `crm-audit check`'s output.
enum CheckOutput {
    static func json(_ assessment: Assessment) throws -> String {
        struct Scores: Encodable {
            var overall: Double?
            var level: Int
            var levelTitle: LocalizedText
            var blockedBy: [String]
            var confidence: Double
            var areas: [String: AreaScore]
            enum CodingKeys: String, CodingKey { case overall, level, levelTitle = "level_title", blockedBy = "blocked_by", confidence, areas }
        }
        struct Output: Encodable {
            var round: Int
            var scores: Scores
            var findings: [Finding]
        }
        let card = assessment.scores
        let output = Output(
            round: assessment.round.number,
            scores: Scores(overall: card.overall, level: card.level, levelTitle: card.levelTitle, blockedBy: card.blockedBy,
                           confidence: card.confidence, areas: Dictionary(card.areas.map { ($0.area, $0) }, uniquingKeysWith: { $1 })),
            findings: assessment.findings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    static func table(_ assessment: Assessment, language: Language) -> String {
        let format = Formatter(language)
        let ru = language == .ru
        var lines: [String] = []
        let card = assessment.scores
        let overall = card.overall.map { format.number($0, fractionDigits: 0) } ?? "—"
        lines.append(ru ? "Итоговая оценка: \(overall)/100, уровень \(card.level) «\(card.levelTitle.ru)», полнота \(format.percent(card.confidence, fractionDigits: 0))"
                        : "Overall score: \(overall)/100, level \(card.level) \"\(card.levelTitle.en)\", confidence \(format.percent(card.confidence, fractionDigits: 0))")
        if !card.blockedBy.isEmpty {
            lines.append(ru ? "Уровень ограничен блокирующими проблемами: \(card.blockedBy.joined(separator: ", "))"
                            : "Level capped by blocking findings: \(card.blockedBy.joined(separator: ", "))")
        }
        lines.append("")
        for area in card.areas {
            let score = area.score.map { format.number($0, fractionDigits: 0) } ?? "—"
            lines.append("  \(pad(area.title[language], 40)) \(pad(score, 4, left: true))   \(ru ? "полнота" : "confidence") \(format.percent(area.confidence, fractionDigits: 0))")
        }
        let gaps = assessment.findings.filter(\.isGap).sorted { ($0.severity, -$0.priority, $0.ruleID) < ($1.severity, -$1.priority, $1.ruleID) }
        lines.append("")
        lines.append(ru ? "Проблемы (\(gaps.count)):" : "Findings (\(gaps.count)):")
        for finding in gaps {
            lines.append("")
            lines.append("[\(finding.severity.title[language])\(finding.status == .warn ? ", " + finding.status.title[language] : "")] \(finding.ruleID) \(finding.title[language])")
            if let evidence = finding.evidence { lines.append("    \(evidence[language])") }
            lines.append("    → \(finding.recommendation[language])")
        }
        let notEvaluable = assessment.findings.filter { $0.status == .notEvaluable }
        if !notEvaluable.isEmpty {
            lines.append("")
            lines.append(ru ? "Не удалось оценить (\(notEvaluable.count)) — соберите недостающее:" : "Not evaluable (\(notEvaluable.count)) — collect what is missing:")
            for finding in notEvaluable {
                lines.append("  \(finding.ruleID) \(finding.title[language]): \(finding.missing.map { $0.reason[language] }.joined(separator: "; "))")
            }
        }
        let waived = assessment.findings.filter { $0.status == .waived }
        for finding in waived {
            if let waiver = finding.waiver {
                lines.append(ru ? "  Принятый риск \(finding.ruleID): \(waiver.reason.ru) (\(waiver.acceptedBy), до \(format.date(waiver.until)))"
                                : "  Waived \(finding.ruleID): \(waiver.reason.en) (\(waiver.acceptedBy), until \(format.date(waiver.until)))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}
