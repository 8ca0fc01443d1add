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
        say(LocalizedText(ru: "Восстановлено в \(report.path):", en: "Recovered into \(report.path):"))
        for table in report.tables {
            if table.name == "sale_columns" {
                say(LocalizedText(ru: "  sale_columns: не переносится (сжатая копия продаж; метрики читают строки, результат тот же)",
                                  en: "  sale_columns: not carried over (the compact copy of the sales; metrics read the rows, same results)"))
            } else if table.damaged {
                say(LocalizedText(ru: "  \(table.name): \(table.rows) строк — таблица повреждена, часть строк потеряна",
                                  en: "  \(table.name): \(table.rows) rows — the table is damaged, some rows are lost"))
            } else {
                say(LocalizedText(ru: "  \(table.name): \(table.rows) строк", en: "  \(table.name): \(table.rows) rows"))
            }
        }
        say(LocalizedText(
            ru: "Проверьте результат (crm-audit history \(out)) и сравните с резервной копией \(workspace).bak, если она есть.",
            en: "Check the result (crm-audit history \(out)) and compare it with the backup \(workspace).bak, if there is one."))
    }
}
