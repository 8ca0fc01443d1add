import ArgumentParser
import AuditModel
import Workspace

/// `crm-audit recover DAMAGED --out NEW`: salvages what SQLite can still read of a damaged
/// workspace into a new one (docs/recovery.md).
struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Salvage every readable row of a damaged workspace into a new workspace. / Спасти данные повреждённого рабочего файла.",
        discussion: """
            The damaged file is only read. Each table is read up to the damage and back from its end, so only the rows \
            on damaged pages are lost; compare the result with the automatic backup WORKSPACE.bak (docs/recovery.md).
            Повреждённый файл только читается; теряются лишь строки с повреждённых страниц.
            """)

    @Argument(help: "The damaged workspace (left as it is).")
    var workspace: String

    @Option(help: "The new workspace to write (e.g. recovered.crmaudit).")
    var out: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Workspace.recover(from: workspace, to: out, guard: output.guarding(workspace))
        say(.recoverDone, ["path": .text(report.path)])
        for table in report.tables {
            if table.name == "sale_columns" {
                say(.recoverSaleColumns)
            } else if table.damaged {
                say(.recoverTableDamaged, ["table": .text(table.name), "rows": .count(table.rows)])
            } else {
                say(.recoverTable, ["table": .text(table.name), "rows": .count(table.rows)])
            }
        }
        say(.recoverCheck, ["out": .text(out), "workspace": .text(workspace)])
    }
}
