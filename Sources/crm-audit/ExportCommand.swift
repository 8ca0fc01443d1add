import Analytics
import ArgumentParser
import AuditModel
import Warehouse
import Workspace

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a per-item analytics table (rfm, abc, duplicates, managers) as CSV. / Выгрузить таблицу аналитики в CSV.")

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "The table: rfm, abc, duplicates or managers.")
    var table: ExportTable

    @Option(help: "The CSV file to write (created readable by its owner only).")
    var out: String

    @Option(help: "The day the metrics describe, YYYY-MM-DD (default: the latest sale date).")
    var asOf: String?

    @Option(help: "The audit round number (default: the latest round).")
    var round: Int?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let day = try parseDay(asOf, option: "--as-of")
        try output.guarding(workspace).check(out)
        let opened = try openWorkspace(workspace)
        let chosen = try opened.round(number: round)
        let rows: SampleTable, asOfDay: Day
        if let source = try DatabaseRounds.source(of: chosen, in: opened) {
            // The round's lines are in the client's database: its per-customer rows are read there, in pages.
            (rows, asOfDay) = try DatabaseRounds.exportTable(
                table, workspace: opened, round: chosen, source: source, asOf: day, password: DatabaseRounds.environmentPassword)
        } else {
            let analysis = try Analytics.analyse(opened, round: chosen, asOf: day)
            (rows, asOfDay) = (analysis.exportTable(table), analysis.asOfDay)
        }
        try PrivateFile.write(rows.csv(), to: out, guard: output.guarding(workspace))
        say(
            .exportWrote,
            ["count": .count(rows.rows.count), "file": .text(out), "table": .text(table.rawValue), "date": .text(asOfDay.iso)])
    }
}

extension ExportTable: ExpressibleByArgument {}
