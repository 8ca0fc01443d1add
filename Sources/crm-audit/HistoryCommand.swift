import ArgumentParser
import Audit
import AuditModel
import Foundation
import Questionnaire
import Rules
import Workspace

/// `crm-audit history WORKSPACE`: every round with its scores and findings.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every audit round: date, overall score, level, area scores, findings by severity. / История раундов аудита.")

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(help: "Language of the table: ru or en (default: the CLI language).")
    var lang: Language?

    func run() throws {
        let store = try openWorkspace(workspace)
        let latest = try store.round()
        // Level titles and area names come from the method in use; ids are shown when it cannot be loaded.
        let setup = try? AuditSetup.load(questionnaire: latest.questionnaireID, industry: try store.engagement().industry)
        let entries = try AuditHistory.entries(store, policy: setup?.rulesets.policy ?? .standard)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            Terminal.printDocument(String(decoding: try encoder.encode(["rounds": entries]), as: UTF8.self))
        case .table:
            Terminal.print(
                HistoryTable.render(
                    entries, areas: setup?.questionnaire.areas.map { ($0.id, $0.title) } ?? [],
                    language: lang ?? CLILanguage.current))
        }
    }
}

/// The history as a terminal table: one row per round, then the area scores by round.
enum HistoryTable {
    static func render(_ entries: [HistoryEntry], areas: [(String, LocalizedText)], language: Language) -> String {
        let format = Formatter(language)
        func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return left ? padding + text : text + padding
        }
        func score(_ value: Double?) -> String { value.map { format.number($0, fractionDigits: 0) } ?? "—" }
        let severities: [Severity] = [.critical, .high, .medium, .low]
        var lines: [String] = []
        var header =
            pad(CLIText.round.text()[language], 7) + pad(CLIText.date.text()[language], 12)
            + pad(CLIText.score.text()[language], 8, left: true)
            + "  " + pad(CLIText.level.text()[language], 22)
        for severity in severities { header += pad(String(severity.title[language].prefix(9)), 10, left: true) }
        header +=
            pad(CLIText.notEval.text()[language], 12, left: true)
            + pad(CLIText.toConfirm.text()[language], 12, left: true)
        lines.append(header)
        for entry in entries {
            var line = pad("\(entry.number)" + (entry.status == .open ? "" : "·"), 7) + pad(format.date(entry.date), 12)
            if entry.assessed {
                let level = entry.level.map { number in "\(number)" + (entry.levelTitle.map { " " + $0[language] } ?? "") } ?? "—"
                line += pad(score(entry.overall), 8, left: true) + "  " + pad(level, 22)
                for severity in severities { line += pad(String(entry.findings[severity.rawValue] ?? 0), 10, left: true) }
                line += pad(String(entry.notEvaluable), 12, left: true)
            } else {
                line +=
                    pad("—", 8, left: true) + "  " + pad(CLIText.notAssessed.text()[language], 22)
                    + String(repeating: " ", count: 10 * severities.count + 12)
            }
            line += pad(entry.unconfirmedAnswers > 0 ? String(entry.unconfirmedAnswers) : "", 12, left: true)
            lines.append(line)
        }
        if entries.contains(where: { $0.status != .open }) {
            lines.append(CLIText.historyLegend.render(in: language))
        }
        let assessed = entries.filter(\.assessed)
        guard !assessed.isEmpty else { return lines.joined(separator: "\n") }
        var ids = areas.map(\.0).filter { id in assessed.contains { $0.areas[id] != nil } }
        ids += Set(assessed.flatMap(\.areas.keys)).subtracting(ids).sorted()
        let titles = Dictionary(areas.map { ($0.0, $0.1[language]) }, uniquingKeysWith: { a, _ in a })
        let width = max(24, ids.map { (titles[$0] ?? $0).count + 2 }.max() ?? 0)
        lines.append("")
        lines.append(
            pad(CLIText.area.text()[language], width)
                + assessed.map { pad("\(CLIText.r.text()[language])\($0.number)", 7, left: true) }.joined())
        for id in ids {
            lines.append(pad(titles[id] ?? id, width) + assessed.map { pad(score($0.areas[id]), 7, left: true) }.joined())
        }
        lines.append(
            pad(CLIText.overall.text()[language], width) + assessed.map { pad(score($0.overall), 7, left: true) }.joined()
        )
        for entry in entries {
            let method = [entry.questionnaire, entry.rulesets.isEmpty ? nil : entry.rulesets.joined(separator: ", ")].compactMap { $0 }
            if !method.isEmpty {
                lines.append(
                    (CLIText.methodOfRound.text(["number": .value(entry.number)])[language]) + method.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }
}
