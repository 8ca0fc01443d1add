import Analytics
import ArgumentParser
import AuditModel
import Foundation
import Workspace

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Compute the metric catalogue for a round, store it in the workspace and print it. / Рассчитать метрики раунда.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Option(help: "The day the metrics describe, YYYY-MM-DD (default: the latest sale date).")
    var asOf: String?

    @Option(help: "The audit round number (default: the latest round).")
    var round: Int?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let day = try parseDay(asOf, option: "--as-of")
        let opened = try Workspace.open(at: workspace)
        let auditRound = try opened.round(number: round)
        let clock = ContinuousClock()
        let start = clock.now
        let analysis = try Analytics.computeAndStore(opened, round: auditRound, asOf: day)
        let stored = clock.now
        switch format {
        case .json: print(try analysis.document.jsonString(pretty: true))
        case .table: print(MetricTable.render(analysis.document, language: CLILanguage.current))
        }
        if ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "1" {
            let phases = analysis.timings + [("analyse+store", stored - start), ("print", clock.now - stored)]
            let text = phases.map { "\($0.phase) \($0.duration)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("timing: \(text)\n".utf8))
        }
    }
}

/// The bilingual text table of a metric document, grouped by family.
enum MetricTable {
    static func render(_ document: MetricDocument, language: Language) -> String {
        var lines: [String] = []
        lines.append(language == .ru ? "Метрики на \(document.asOf.iso)" : "Metrics as of \(document.asOf.iso)")
        for family in MetricFamily.allCases {
            let members = MetricCatalogue.all.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            lines.append("")
            lines.append("== \(family.title[language]) ==")
            let width = members.map { $0.title[language].count }.max() ?? 0
            for metric in members {
                let title = metric.title[language]
                let padding = String(repeating: " ", count: max(0, width - title.count))
                lines.append("  \(title)\(padding)  \(value(document, metric, language))   [\(metric.id)]")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func value(_ document: MetricDocument, _ metric: MetricDefinition, _ language: Language) -> String {
        switch document[metric.id] {
        case .null:
            let reason = document.unavailable[metric.id].map { UnavailableReason(code: $0).text[language] } ?? ""
            return "— (\(reason))"
        case .text(let text):
            return text
        case .number(let number):
            switch metric.unit {
            case .share: return format(number * 100, decimals: 1) + "%"
            case .count: return grouped(number, decimals: 0)
            case .money: return grouped(number, decimals: 2)
            case .days: return format(number, decimals: 1)
            case .ratio, .date: return format(number, decimals: 3)
            }
        }
    }

    static func format(_ number: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", number)
    }

    /// Thousands separated by spaces (readable in both languages).
    static func grouped(_ number: Double, decimals: Int) -> String {
        let text = format(abs(number), decimals: decimals)
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (number < 0 ? "-" : "") + groups.joined(separator: " ") + fraction
    }
}
