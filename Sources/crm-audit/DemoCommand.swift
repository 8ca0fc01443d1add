import ArgumentParser
import Audit
import AuditModel
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the example audit of ООО «ТехноСнаб» end to end and write its report. / Демонстрационный аудит.")

    @Option(help: "The folder to write into (default: ./crm-audit-demo).")
    var out = "crm-audit-demo"

    @OptionGroup var output: OutputOptions

    func run() throws {
        let language = CLILanguage.current
        let result = try Demo.run(into: out, language: language, force: output.force) { Terminal.print($0) }
        let card = result.assessment.scores
        let format = Formatter(language)
        let score = card.overall.map { format.number($0, fractionDigits: 0) } ?? "—"
        if let readiness = result.assessment.readiness {
            say(.demoReadiness, ["verdict": .localized(readiness.verdict.title)])
        }
        say(
            .demoMaturity,
            [
                "score": .text(score), "level": .count(card.level), "levelTitle": .localized(card.levelTitle),
                "findings": .count(result.assessment.findings.filter(\.isGap).count),
            ])
        say(.demoConfiguration, ["file": .text(result.configuration)])
        say(.demoReport)
        Terminal.print(URL(fileURLWithPath: result.reports[0]).standardizedFileURL.path)
    }
}
