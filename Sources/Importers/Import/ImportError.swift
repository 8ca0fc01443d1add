import AuditModel

/// One row that cannot be stored, and why: where it is, which column, the value as found.
public struct RowProblem: Sendable, Hashable {
    /// File, line (CSV line, sheet row, XML line) and column number of the bad value.
    public var location: SourceLocation
    /// The source column's header, when the row has one.
    public var header: String?
    /// The canonical field the column maps to.
    public var field: String?
    /// The value as it stands in the file.
    public var value: String?
    public var reason: LocalizedText

    public init(location: SourceLocation, header: String?, field: String?, value: String?, reason: LocalizedText) {
        self.location = location
        self.header = header
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// `file:line:column: error: reason (column «H» → field, value "v")`.
    public func formatted(in language: Language) -> String {
        var details: [String] = []
        if let header {
            details.append(LocalizedText(ru: "столбец «\(header)»", en: "column '\(header)'")[language])
        }
        if let field { details.append("→ \(field)") }
        if let value {
            let shown = value.count > 60 ? String(value.prefix(57)) + "…" : value
            details.append(LocalizedText(ru: "значение «\(shown)»", en: "value \"\(shown)\"")[language])
        }
        let label = LocalizedText(ru: "ошибка", en: "error")[language]
        let suffix = details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
        return "\(location): \(label): \(reason[language])\(suffix)"
    }
}

/// What can stop an import. Every case names the file (and the place in it) and says what to do.
public enum ImportError: AuditError, Equatable {
    case fileNotFound(path: String)
    case notAFile(path: String)
    case unreadable(path: String, reason: String)
    /// The file's structure is broken (an unclosed quote, a damaged workbook, ill-formed XML).
    case malformed(SourceLocation, LocalizedText)
    /// XML that declares entities or a DTD, refused before anything is expanded or fetched.
    case unsafeXML(SourceLocation, LocalizedText)
    case unsupportedFormat(path: String)
    case empty(path: String)
    case noHeader(path: String, kind: DatasetKind, examples: [String])
    case missingRequiredColumns(path: String, kind: DatasetKind, fields: [String], headers: [String])
    case sheetNotFound(path: String, requested: String, available: [String])
    /// Rows that cannot be read; nothing was stored. Holds the first problems and the total.
    case badRows(path: String, problems: [RowProblem], total: Int, rowsRead: Int)
    case alreadyImported(path: String, sha256: String, previousFile: String, importedAt: String)
    /// A sales file repeating the sales of a dataset already in the round; nothing was stored.
    case overlapping(path: String, LocalizedText)
    case invalidOption(LocalizedText)
    case cannotWrite(path: String, reason: String)
    case database(path: String, message: String)

    public var location: SourceLocation? {
        switch self {
        case .fileNotFound(let path), .notAFile(let path), .unreadable(let path, _), .unsupportedFormat(let path),
            .empty(let path), .noHeader(let path, _, _), .missingRequiredColumns(let path, _, _, _),
            .sheetNotFound(let path, _, _), .badRows(let path, _, _, _), .alreadyImported(let path, _, _, _),
            .database(let path, _), .cannotWrite(let path, _), .overlapping(let path, _):
            SourceLocation(file: path)
        case .malformed(let location, _), .unsafeXML(let location, _):
            location
        case .invalidOption:
            nil
        }
    }

    public func message(in language: Language) -> String {
        switch self {
        case .fileNotFound(let path):
            return LocalizedText(ru: "файл \(path) не найден", en: "the file \(path) does not exist")[language]
        case .notAFile(let path):
            return LocalizedText(
                ru: "\(path) — не обычный файл (папка или устройство)",
                en: "\(path) is not a regular file (a folder or a device)")[language]
        case .unreadable(let path, let reason):
            return LocalizedText(ru: "не удалось прочитать \(path): \(reason)", en: "cannot read \(path): \(reason)")[language]
        case .malformed(_, let text), .unsafeXML(_, let text), .invalidOption(let text), .overlapping(_, let text):
            return text[language]
        case .unsupportedFormat(let path):
            return LocalizedText(
                ru: "не знаю формат файла \(path): поддерживаются CSV/TXT, XLSX и XML",
                en: "unknown file format of \(path): CSV/TXT, XLSX and XML are supported")[language]
        case .empty(let path):
            return LocalizedText(ru: "файл \(path) не содержит данных", en: "the file \(path) holds no data")[language]
        case .noHeader(_, let kind, let examples):
            let list = examples.joined(separator: ", ")
            return LocalizedText(
                ru:
                    "не найдена строка заголовков для данных «\(kind.title.ru)» среди первых строк; ожидаются столбцы вроде: \(list). Переименуйте столбцы или задайте соответствие файлом --mapping",
                en:
                    "no header row for \(kind.title.en) found among the first rows; expected columns such as: \(list). Rename the columns or give a --mapping file"
            )[language]
        case .missingRequiredColumns(_, let kind, let fields, let headers):
            let found = headers.filter { !$0.isEmpty }.map { "«\($0)»" }.joined(separator: ", ")
            let required = fields.joined(separator: ", ")
            return LocalizedText(
                ru:
                    "для данных «\(kind.title.ru)» не найдены обязательные столбцы: \(required). Столбцы файла: \(found). Задайте соответствие файлом --mapping",
                en: "required columns for \(kind.title.en) not found: \(required). The file's columns: \(found). Give a --mapping file")[
                    language]
        case .sheetNotFound(_, let requested, let available):
            let sheets = available.joined(separator: ", ")
            return LocalizedText(
                ru: "в книге нет листа «\(requested)»; листы: \(sheets)",
                en: "the workbook has no sheet '\(requested)'; its sheets: \(sheets)")[language]
        case .badRows(_, let problems, let total, let rowsRead):
            var lines = [
                LocalizedText(
                    ru:
                        "строк с ошибками: \(total) из \(rowsRead); ничего не сохранено. Исправьте файл или запустите с --skip-bad-rows, чтобы сохранить верные строки, а ошибочные выписать в отдельный файл",
                    en:
                        "\(total) of \(rowsRead) rows cannot be read; nothing was stored. Fix the file, or run with --skip-bad-rows to store the good rows and write the bad ones to a rejects file"
                )[language]
            ]
            lines += problems.map { "  " + $0.formatted(in: language) }
            if total > problems.count {
                lines.append(
                    LocalizedText(ru: "  … и ещё \(total - problems.count)", en: "  … and \(total - problems.count) more")[language])
            }
            return lines.joined(separator: "\n")
        case .alreadyImported(_, let sha, let previous, let importedAt):
            return LocalizedText(
                ru:
                    "этот файл (SHA-256 \(sha.prefix(12))…) уже импортирован в этот раунд как \(previous) (\(importedAt)); чтобы заменить те данные, добавьте --replace",
                en:
                    "this file (SHA-256 \(sha.prefix(12))…) was already imported into this round as \(previous) (\(importedAt)); add --replace to replace that data"
            )[language]
        case .cannotWrite(let path, let reason):
            return LocalizedText(
                ru: "не удалось записать \(path): \(reason); проверьте, что папка существует и доступна для записи",
                en: "cannot write \(path): \(reason); check that the folder exists and is writable")[language]
        case .database(_, let message):
            return LocalizedText(
                ru: "ошибка записи в рабочий файл: \(message); ничего не сохранено",
                en: "cannot write to the workspace: \(message); nothing was stored")[language]
        }
    }
}
