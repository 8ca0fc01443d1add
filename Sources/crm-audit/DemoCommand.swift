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
            say(LocalizedText(ru: "Готовность к проекту CRM: \(readiness.verdict.title.ru)", en: "Readiness for the CRM project: \(readiness.verdict.title.en)"))
        }
        say(LocalizedText(
            ru: "Зрелость: \(score)/100, уровень \(card.level) «\(card.levelTitle.ru)»; проблем: \(result.assessment.findings.filter(\.isGap).count)",
            en: "Maturity: \(score)/100, level \(card.level) \"\(card.levelTitle.en)\"; findings: \(result.assessment.findings.filter(\.isGap).count)"))
        say(LocalizedText(ru: "Настройка CRM: \(result.configuration)", en: "CRM configuration: \(result.configuration)"))
        say(LocalizedText(ru: "Отчёт:", en: "Report:"))
        Terminal.print(URL(fileURLWithPath: result.reports[0]).standardizedFileURL.path)
    }
}
