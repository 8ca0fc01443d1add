import ArgumentParser
import Audit
import AuditModel
import Workspace

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace for a client engagement and its first audit round. / Создать рабочий файл аудита.")

    @Argument(help: "The workspace file to create (e.g. acme.crmaudit).")
    var workspace: String

    @Option(help: "The client company's name.")
    var client: String

    @Option(help: "The client's industry: one with a bundled ruleset (wholesale, …; an unknown one lists them).")
    var industry: String?

    @Flag(help: "The industry is your own: its rules come from your ruleset (id industry-NAME) given to check with --rules.")
    var ownIndustry = false

    @Option(help: "The consultant's name.")
    var consultant: String?

    @Option(help: "The first round's date, YYYY-MM-DD (default: today).")
    var date: String?

    func run() throws {
        let day = try parseDay(date, option: "--date") ?? Timestamp.today()
        if let industry, !ownIndustry, !AuditSetup.isBundledIndustry(industry) {
            let known = AuditSetup.bundledIndustries().joined(separator: ", ")
            throw ValidationError(
                LocalizedText(
                    ru:
                        "--industry: для отрасли «\(industry)» нет набора правил; есть: \(known). Своя отрасль — с флагом --own-industry и вашим набором правил (id industry-\(AuditSetup.slug(industry))) в check --rules",
                    en:
                        "--industry: there is no ruleset for the industry '\(industry)'; there are: \(known). An industry of your own takes --own-industry and your ruleset (id industry-\(AuditSetup.slug(industry))) given to check with --rules"
                )[CLILanguage.current])
        }
        let created = try Workspace.create(at: workspace, client: client, industry: industry, consultant: consultant, roundDate: day)
        say(.initCreated, ["path": .text(created.path), "client": .text(client), "date": .text(day.iso)])
    }
}

/// Reads an optional `YYYY-MM-DD` option, or fails as a usage error naming the option.
func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else {
        throw ValidationError(
            LocalizedText(
                ru: "\(option): ожидается дата ГГГГ-ММ-ДД, получено «\(text)»",
                en: "\(option): expected a date YYYY-MM-DD, got '\(text)'")[CLILanguage.current])
    }
    return day
}
