import ArgumentParser
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

    @Option(help: "The client's industry.")
    var industry: String?

    @Option(help: "The consultant's name.")
    var consultant: String?

    @Option(help: "The first round's date, YYYY-MM-DD (default: today).")
    var date: String?

    func run() throws {
        let day = try parseDay(date, option: "--date") ?? Timestamp.today()
        let created = try Workspace.create(at: workspace, client: client, industry: industry, consultant: consultant, roundDate: day)
        say(LocalizedText(ru: "Создан рабочий файл \(created.path): клиент «\(client)», раунд 1 от \(day.iso).",
                          en: "Created workspace \(created.path) for \(client), round 1 dated \(day.iso)."))
    }
}

/// Reads an optional `YYYY-MM-DD` option, or fails as a usage error naming the option.
func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    guard let day = Day(iso: text) else {
        throw ValidationError(CLILanguage.current == .ru
            ? "\(option): ожидается дата ГГГГ-ММ-ДД, получено «\(text)»"
            : "\(option): expected a date YYYY-MM-DD, got '\(text)'")
    }
    return day
}
