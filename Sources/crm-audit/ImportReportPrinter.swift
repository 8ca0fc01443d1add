import Analytics
import AuditModel
import Foundation
import Importers

/// The import report as the CLI prints it.
enum ImportReportPrinter {
    static func lines(_ report: ImportReport, roundNumber: Int?, matching: CustomerMatching? = nil) -> [LocalizedText] {
        var out: [LocalizedText] = []
        let name = (report.file as NSString).lastPathComponent
        let kind = report.kind.title
        if report.dryRun {
            out.append(LocalizedText(ru: "Пробный разбор (ничего не записано): \(name) как «\(kind.ru)»",
                                     en: "Dry run (nothing written): \(name) as \(kind.en)"))
        } else {
            out.append(LocalizedText(ru: "Импорт: \(name) → «\(kind.ru)», раунд \(roundNumber ?? 0)",
                                     en: "Import: \(name) → \(kind.en), round \(roundNumber ?? 0)"))
        }
        for note in report.notes {
            out.append(LocalizedText(ru: "  формат \(report.format): \(note.ru)", en: "  format \(report.format): \(note.en)"))
        }
        if report.format == "xml" {
            // Columns of XML records are their element and attribute names: no header row.
        } else if let line = report.mapping.headerLine {
            out.append(LocalizedText(ru: "  строка заголовка: \(line)", en: "  header row: \(line)"))
        } else {
            out.append(LocalizedText(ru: "  без строки заголовка", en: "  no header row"))
        }
        out.append(LocalizedText(ru: "Соответствие столбцов:", en: "Column mapping:"))
        let width = min(36, report.mapping.assignments.map(\.header.count).max() ?? 0)
        for assignment in report.mapping.assignments {
            let header = assignment.header.padding(toLength: max(width, assignment.header.count), withPad: " ", startingAt: 0)
            var suffix = LocalizedText(both: "")
            switch assignment.origin {
            case .mappingFile: suffix = LocalizedText(ru: "  (из файла соответствия)", en: "  (from the mapping file)")
            case .derived: suffix = LocalizedText(ru: "  (кода нет: ключом служит наименование)", en: "  (no code column: the name is the key)")
            case .automatic: break
            }
            if let decision = report.dateOrders.first(where: { $0.field == assignment.field }) {
                let order = decision.order == .dayFirst ? "дд.мм.гггг" : "мм.дд.гггг"
                let orderEn = decision.order == .dayFirst ? "dd.mm.yyyy" : "mm.dd.yyyy"
                suffix = LocalizedText(
                    ru: suffix.ru + "  [\(order): \(decision.dayFirstOnly) однозначно день-первым, \(decision.monthFirstOnly) месяц-первым, \(decision.ambiguous) неоднозначных\(decision.forced ? ", задано файлом" : "")]",
                    en: suffix.en + "  [\(orderEn): \(decision.dayFirstOnly) only day-first, \(decision.monthFirstOnly) only month-first, \(decision.ambiguous) ambiguous\(decision.forced ? ", set by the mapping file" : "")]")
            }
            out.append(LocalizedText(ru: "  \(header) → \(assignment.field)\(suffix.ru)", en: "  \(header) → \(assignment.field)\(suffix.en)"))
        }
        var ignored = report.mapping.ignored
        if report.kind == .sales, let status = ignored.firstIndex(where: { OrderStatus.isHeader($0) }) {
            let header = ignored.remove(at: status)
            out.append(LocalizedText(ru: "  \(header) → статус заказа: отменённые заказы и возвраты не считаются продажами",
                                     en: "  \(header) → order status: cancelled and returned orders are not sales"))
        }
        if !ignored.isEmpty {
            let list = ignored.joined(separator: ", ")
            out.append(LocalizedText(ru: "Не используются столбцы: \(list)", en: "Columns not used: \(list)"))
        }
        if !report.mapping.missing.isEmpty {
            let list = report.mapping.missing.joined(separator: ", ")
            out.append(LocalizedText(ru: "Поля, которых нет в файле: \(list)", en: "Fields not in the file: \(list)"))
        }
        if report.dryRun && !report.preview.isEmpty {
            out.append(LocalizedText(ru: "Первые строки после разбора:", en: "First rows as parsed:"))
            for row in report.preview {
                out.append(LocalizedText(both: "  " + row.map { "\($0.field)=\($0.value)" }.joined(separator: " | ")))
            }
        }
        out += nonDataLines(report.nonDataRows)
        if !report.problems.isEmpty {
            out.append(LocalizedText(ru: "Ошибки (первые \(report.problems.count) из \(report.problemCount)):",
                                     en: "Problems (first \(report.problems.count) of \(report.problemCount)):"))
            for problem in report.problems {
                out.append(LocalizedText(ru: "  " + problem.formatted(in: .ru), en: "  " + problem.formatted(in: .en)))
            }
        }
        if report.dryRun {
            out.append(LocalizedText(ru: "Строк данных: \(report.rowsRead), верных: \(report.rowsRead - report.rowsRejected), с ошибками: \(report.rowsRejected)",
                                     en: "Data rows: \(report.rowsRead), good: \(report.rowsRead - report.rowsRejected), bad: \(report.rowsRejected)"))
            return out
        }
        out.append(LocalizedText(ru: "Прочитано строк: \(report.rowsRead), сохранено: \(report.rowsStored), отклонено: \(report.rowsRejected)",
                                 en: "Rows read: \(report.rowsRead), stored: \(report.rowsStored), rejected: \(report.rowsRejected)"))
        if report.replacedDataset {
            out.append(LocalizedText(ru: "Данные прежнего импорта этого файла заменены.", en: "The data of the earlier import of this file was replaced."))
        }
        if let rejects = report.rejectsFile {
            out.append(LocalizedText(ru: "Отклонённые строки с причинами записаны в \(rejects)", en: "Rejected rows, with reasons, written to \(rejects)"))
        }
        if let unknown = report.unknownCustomers, unknown.rows > 0 {
            let share = unknown.totalAmount > 0 ? unknown.amount / unknown.totalAmount : 0
            let (ru, en) = (Formatter(.ru), Formatter(.en))
            out.append(LocalizedText(
                ru: "Строк продаж по клиентам, которых нет в списке клиентов: \(ru.count(Double(unknown.rows))) (клиентов: \(ru.count(Double(unknown.distinctCustomers))), \(ru.percent(share)) суммы) — строки сохранены; это учитывается в качестве данных",
                en: "Sales rows whose customer is not in the customer list: \(en.count(Double(unknown.rows))) (\(en.count(Double(unknown.distinctCustomers))) customers, \(en.percent(share)) of the amount) — kept, and counted in data quality"))
            if let matching {
                out.append(LocalizedText(
                    ru: "  (сверка по коду буква в букву; по ИНН и по наименованию без учёта кавычек, регистра и формы собственности — ниже)",
                    en: "  (codes compared letter for letter; by tax id and by name regardless of quotes, case and legal form — below)"))
                out += MetricTable.matchingLines(matching)
            } else {
                out.append(LocalizedText(
                    ru: "  (здесь сверка по коду буква в букву; metrics ещё ищет таких клиентов по ИНН и по наименованию без учёта кавычек, регистра и формы собственности и печатает, сколько строк так сопоставлено)",
                    en: "  (this counts codes letter for letter; metrics also looks such customers up by tax id and by name regardless of quotes, case and legal form, and prints how many lines it matched that way)"))
            }
            if unknown.matchingNames * 2 >= unknown.distinctCustomers {
                out.append(LocalizedText(
                    ru: "Из них \(unknown.matchingNames) совпадают с наименованиями клиентов из списка: похоже, в столбце клиента файла продаж — наименования, а не коды. Если в файле есть столбец с кодом, сопоставьте его (--mapping) и импортируйте этот файл заново с --replace",
                    en: "\(unknown.matchingNames) of them are names of customers in the list: the sales file's customer column seems to hold names, not codes. If the file has a code column, map it (--mapping) and import this file again with --replace"))
            }
        }
        return out
    }

    /// The rows that were not data, by kind, and the first of them with their lines.
    static func nonDataLines(_ rows: NonDataRows) -> [LocalizedText] {
        guard rows.total > 0 else { return [] }
        let kinds = rows.counts.keys.sorted()
        let ru = kinds.map { "\($0.title.ru): \(rows.count($0))" }.joined(separator: ", ")
        let en = kinds.map { "\($0.title.en): \(rows.count($0))" }.joined(separator: ", ")
        var out = [LocalizedText(ru: "Строки, которые не являются данными (не сохраняются как данные) — \(ru)",
                                 en: "Rows that are not data (not stored as data) — \(en)")]
        for example in rows.examples {
            out.append(LocalizedText(ru: "  строка \(example.line): \(example.kind.singular.ru) — \(example.text)",
                                     en: "  line \(example.line): \(example.kind.singular.en) — \(example.text)"))
        }
        return out
    }
}
