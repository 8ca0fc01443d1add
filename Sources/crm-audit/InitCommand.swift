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
                CLIText.industryThereIsNoRulesetFor.text([
                    "industry": .value(industry), "known": .value(known), "slug": .value(AuditSetup.slug(industry)),
                ])[CLILanguage.current])
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
            CLIText.expectedADateYyyyMmDd.text(["option": .value(option), "text": .value(text)])[CLILanguage.current])
    }
    return day
}
