import AuditModel
import Foundation

extension Importer {
    /// Runs `read` with `options`; when the file is a workbook read without a sheet named (no
    /// `--sheet`, no `sheet:` in the mapping file) and its first sheet has no header that maps,
    /// runs it again on the first other visible sheet whose first rows hold one. When none has,
    /// the error lists every sheet with what its first rows look like.
    static func choosingSheet<T>(_ path: String, options: ImportOptions, _ read: (ImportOptions) throws -> T) throws -> T {
        do {
            return try read(options)
        } catch let error as ImportError {
            guard options.sheet == nil, options.mapping?.sheet == nil, isHeaderError(error),
                (try? FileFormat.detect(path: path)) == .xlsx
            else { throw error }
            let workbook = try XLSXWorkbook(path: path)
            let first = try workbook.sheet(nil)
            var looks: [(name: String, look: LocalizedText)] = [(first.name, probe(path, sheet: first.name, options: options).look)]
            for sheet in workbook.sheets where sheet.name != first.name && !sheet.hidden {
                let found = probe(path, sheet: sheet.name, options: options)
                if found.maps {
                    var chosen = options
                    chosen.sheet = sheet.name
                    return try read(chosen)
                }
                looks.append((sheet.name, found.look))
            }
            let sheets = MessageArgument.inEach { language in
                looks.map { ImportText.sheetLook.render(["sheet": .text($0.name), "look": .localized($0.look)], in: language) }
                    .joined(separator: "; ")
            }
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.noSheetHasAHeader.text([
                    "count": .value(workbook.sheets.count), "kind": .localized(options.kind.title), "sheets": sheets,
                    "error": .inEach { error.message(in: $0) },
                ]))
        }
    }

    private static func isHeaderError(_ error: ImportError) -> Bool {
        switch error {
        case .noHeader, .missingRequiredColumns, .empty: true
        default: false
        }
    }

    /// Whether the first rows of `sheet` hold a header that maps to the kind, and how the sheet
    /// looks otherwise (its first non-blank row, or that it is empty).
    private static func probe(_ path: String, sheet: String, options: ImportOptions) -> (maps: Bool, look: LocalizedText) {
        guard let source = try? XLSXRowSource(path: path, sheet: sheet) else {
            return (false, ImportText.cannotBeRead.text())
        }
        var rows: [SourceRow] = []
        while rows.count < ColumnMapper.headerSearchRows, let row = try? source.nextRow() {
            if !row.cells.allSatisfy(\.isBlank) { rows.append(row) }
        }
        guard let firstRow = rows.first else { return (false, ImportText.empty.text()) }
        if let index = ColumnMapper.headerRowIndex(rows.map(\.cells), kind: options.kind, mapping: options.mapping),
            (try? ColumnMapper.map(
                headers: rows[index].cells.map(\.display), headerLine: rows[index].line, kind: options.kind,
                mapping: options.mapping, path: path)) != nil
        {
            return (true, ImportText.headerOnRow.text(["rows": .value(rows[index].line)]))
        }
        let text = firstRow.cells.filter { !$0.isBlank }.prefix(4).map(\.display).joined(separator: " | ")
        return (false, ImportText.row.text(["line": .value(firstRow.line), "text": .value(text)]))
    }
}
