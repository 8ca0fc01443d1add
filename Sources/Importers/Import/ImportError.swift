import AuditModel

/// One row that cannot be stored, and why: where it is, which column, the value as found.
public struct RowProblem: Sendable, Hashable {
    /// File, line (CSV line, sheet row, XML line) and column number of the bad value.
    public var location: SourceLocation
    /// The source column's header, when the row has one.
    package var header: String?
    /// The canonical field the column maps to.
    package var field: String?
    /// The value as it stands in the file.
    public var value: String?
    package var reason: LocalizedText

    package init(location: SourceLocation, header: String?, field: String?, value: String?, reason: LocalizedText) {
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
            details.append(ImportText.column.text(["header": .value(header)])[language])
        }
        if let field { details.append("→ \(field)") }
        if let value {
            let shown = value.count > 60 ? String(value.prefix(57)) + "…" : value
            details.append(ImportText.value.text(["shown": .value(shown)])[language])
        }
        let label = ImportText.error.text()[language]
        let suffix = details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
        return "\(location): \(label): \(reason[language])\(suffix)"
    }
}

/// What can stop an import. Every case names the file (and the place in it) and says what to do.
package enum ImportError: AuditError, Equatable {
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

    package var location: SourceLocation? {
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

    package func message(in language: Language) -> String {
        switch self {
        case .fileNotFound(let path):
            return ImportText.theFileDoesNotExist.text(["path": .value(path)])[language]
        case .notAFile(let path):
            return ImportText.isNotARegularFileA.text(["path": .value(path)])[language]
        case .unreadable(let path, let reason):
            return ImportText.cannotRead.text(["path": .value(path), "reason": .value(reason)])[language]
        case .malformed(_, let text), .unsafeXML(_, let text), .invalidOption(let text), .overlapping(_, let text):
            return text[language]
        case .unsupportedFormat(let path):
            return ImportText.unknownFileFormatOfCsvTxt.text(["path": .value(path)])[language]
        case .empty(let path):
            return ImportText.theFileHoldsNoData.text(["path": .value(path)])[language]
        case .noHeader(_, let kind, let examples):
            let list = examples.joined(separator: ", ")
            return ImportText.noHeaderRowForFoundAmong.text(["title": .localized(kind.title), "list": .value(list)])[language]
        case .missingRequiredColumns(_, let kind, let fields, let headers):
            let found = headers.filter { !$0.isEmpty }.map { "«\($0)»" }.joined(separator: ", ")
            let required = fields.joined(separator: ", ")
            return ImportText.requiredColumnsForNotFoundThe.text([
                "title": .localized(kind.title), "required": .value(required), "found": .value(found),
            ])[
                language]
        case .sheetNotFound(_, let requested, let available):
            let sheets = available.joined(separator: ", ")
            return ImportText.theWorkbookHasNoSheetIts.text(["requested": .value(requested), "sheets": .value(sheets)])[language]
        case .badRows(_, let problems, let total, let rowsRead):
            var lines = [
                ImportText.ofRowsCannotBeReadNothing.text(["total": .value(total), "rowsRead": .value(rowsRead)])[language]
            ]
            lines += problems.map { "  " + $0.formatted(in: language) }
            if total > problems.count {
                lines.append(
                    ImportText.andMore.text(["total": .value(total - problems.count)])[language])
            }
            return lines.joined(separator: "\n")
        case .alreadyImported(_, let sha, let previous, let importedAt):
            return ImportText.thisFileShaWasAlreadyImported.text([
                "prefix": .value(sha.prefix(12)), "previous": .value(previous), "importedAt": .value(importedAt),
            ])[language]
        case .cannotWrite(let path, let reason):
            return ImportText.cannotWriteCheckThatTheFolder.text(["path": .value(path), "reason": .value(reason)])[language]
        case .database(_, let message):
            return ImportText.cannotWriteToTheWorkspaceNothing.text(["message": .value(message)])[language]
        }
    }
}
