import Analytics
import ArgumentParser
import AuditModel
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
        let analysis = try Analytics.analyse(opened, round: try opened.round(number: round), asOf: day)
        let rows = analysis.exportTable(table)
        try PrivateFile.write(rows.csv(), to: out, guard: output.guarding(workspace))
        say(
            .exportWrote,
            ["count": .count(rows.rows.count), "file": .text(out), "table": .text(table.rawValue), "date": .text(analysis.asOfDay.iso)])
    }
}

extension ExportTable: ExpressibleByArgument {}
