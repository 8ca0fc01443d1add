import ArgumentParser
import AuditModel
import Warehouse

/// `crm-audit connect WORKSPACE --source URL --sales-table T`: a round whose sale lines stay in
/// the client's database.
struct ConnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Read a round's sale lines from the client's database instead of files. / Брать продажи раунда из базы данных клиента.",
        discussion: """
            The database computes the sales, Pareto and retention metrics where the lines are; only aggregates come \
            back. The workspace keeps the address, table and columns, never the password: give it in \
            CRM_AUDIT_DB_PASSWORD whenever metrics, check or report run. The connection is read-only and every query has a \
            time limit. Customer lists, managers and other files are imported into the round as usual.
            База считает метрики продаж, Парето и удержания там, где лежат строки; возвращаются только итоги. Рабочий файл \
            хранит адрес, таблицу и столбцы, но не пароль: передавайте его в CRM_AUDIT_DB_PASSWORD при metrics, check и report.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @OptionGroup var database: DatabaseSourceOptions

    @Option(help: "The audit round number (default: the latest round).")
    var round: Int?

    func validate() throws {
        try database.validatePairing()
        guard database.source != nil else { throw ValidationError(CLIText.connectNeedsASource.text()[CLILanguage.current]) }
    }

    func run() throws {
        guard let source = try database.databaseSource() else { return }
        let opened = try openWorkspace(workspace)
        let chosen = try opened.round(number: round)
        let columns = try DatabaseRounds.connect(source, password: DatabaseRounds.environmentPassword, workspace: opened, round: chosen)
        let read = SalesColumn.allCases.compactMap { field in columns[field].map { field.rawValue == $0 ? $0 : "\(field.rawValue)=\($0)" } }
        say(
            .roundConnected,
            [
                "round": .value(chosen.number), "url": .text(source.url), "table": .text(source.salesTable),
                "columns": .text(read.joined(separator: ", ")), "variable": .text(DatabaseRounds.passwordVariable),
            ])
    }
}
