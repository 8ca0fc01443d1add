import AuditModel
import Foundation

/// One worksheet of an XLSX workbook as rows of typed cells, read with libxml2's streaming
/// reader: shared and inline strings, numbers, booleans, errors, and numbers with date styles
/// as dates (1900 or 1904 system). Row numbers are the sheet's own.
///
/// Memory follows the cells read, never the numbers a sheet declares: a row, a cell or a
/// `<dimension>` past Excel's grid is refused, empty cells take no room, and once the header is
/// known a row holds no cell past the columns read (``limitWidth(to:)``).
package final class XLSXRowSource: RowSource {
    private let path: String
    private let workbook: XLSXWorkbook
    private let sheet: XLSXWorkbook.Sheet
    private let stream: XMLStream
    private let limits: XLSXLimits
    private var nextRowNumber = 1
    /// Cells at this column or past it are left out of rows.
    private var width: Int
    /// The short shared strings made last, by index modulo ``cacheSize`` (at most 256 KiB).
    private static let cacheSize = 4096
    @exclusivity(unchecked) private var cachedIndexes = [Int](repeating: -1, count: XLSXRowSource.cacheSize)
    @exclusivity(unchecked) private var cachedStrings = [String](repeating: "", count: XLSXRowSource.cacheSize)

    package var format: String { "xlsx" }
    package var serialDates: SerialDateSystem { workbook.serialDates }

    package var notes: [LocalizedText] {
        let system = workbook.serialDates == .excel1904 ? " (1904)" : ""
        return [LocalizedText(ru: "лист «\(sheet.name)» из \(workbook.sheets.count)\(system)",
                              en: "sheet '\(sheet.name)' of \(workbook.sheets.count)\(system)")]
    }

    package convenience init(path: String, sheet: String?) throws {
        try self.init(path: path, sheet: sheet, limits: .standard)
    }

    init(path: String, sheet: String?, limits: XLSXLimits) throws {
        self.path = path
        self.limits = limits
        width = limits.columns
        workbook = try XLSXWorkbook(path: path, limits: limits)
        self.sheet = try workbook.sheet(sheet)
        guard let stream = try workbook.stream(self.sheet.part, label: self.sheet.name) else {
            throw ImportError.malformed(SourceLocation(file: path), LocalizedText(
                ru: "в книге нет части листа \(self.sheet.part)", en: "the workbook lacks the sheet part \(self.sheet.part)"))
        }
        self.stream = stream
    }

    package func restrict(to columns: Set<Int>) {}

    package func sha256() throws -> String { try fileSHA256(path) }

    package func limitWidth(to width: Int) {
        self.width = max(0, min(width, limits.columns))
    }

    package func nextRow() throws -> SourceRow? {
        var cells: [Cell] = []
        var rowNumber = 0
        var inRow = false
        // The cell being read, and the column of the one before it in the row.
        var column = 0, previousColumn = -1, type = "", style = 0, value = "", inline = ""
        var inValue = false, inInline = false, inPhonetic = false, inCell = false
        // The text the row's cells hold so far (a shared string counts each time it is used).
        var rowBytes = 0
        func finishCell() throws {
            inCell = false
            // Only the cells that hold something take room: a row of empty cells stays empty.
            guard column < width else { return }
            let shared = type == "s" ? Int(value).flatMap(sharedString) : nil
            // An index past the shared strings is a damaged workbook, not an empty cell.
            if type == "s", shared == nil, !value.isEmpty {
                throw XLSXSheetLimits.badSharedString(value, cell: XLSXSheetLimits.columnName(column) + String(rowNumber),
                                                      count: workbook.sharedStrings.count, sheet: sheet.name, file: path, line: stream.line)
            }
            let bytes = shared?.utf8.count ?? value.utf8.count + inline.utf8.count
            if bytes > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
            rowBytes += bytes
            if rowBytes > limits.row.recordBytes { throw tooLong(row: rowNumber, column: nil) }
            let cell = makeCell(type: type, style: style, value: value, inline: inline, shared: shared)
            if column >= cells.count {
                if cell == .empty { return }
                cells.append(contentsOf: repeatElement(Cell.empty, count: column - cells.count + 1))
            }
            cells[column] = cell
        }
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            switch kind {
            case .element:
                switch stream.localName {
                case "dimension":
                    try checkDimension(stream.attribute("ref"))
                case "row":
                    rowNumber = try checkedRowNumber(stream.attribute("r"))
                    nextRowNumber = rowNumber + 1
                    previousColumn = -1
                    rowBytes = 0
                    if stream.isEmptyElement { return SourceRow(line: rowNumber, cells: []) }
                    inRow = true
                case "c" where inRow:
                    let reference = stream.attribute("r")
                    column = reference.flatMap(XLSXRowSource.columnIndex) ?? previousColumn + 1
                    guard column < limits.columns else {
                        throw pastTheGrid(cell: reference ?? XLSXLimits.columnName(column) + String(rowNumber), row: rowNumber)
                    }
                    // The reference's own row must be on the sheet too (A99999999999999999999 is not).
                    if let reference, let parsed = XLSXSheetLimits.reference(reference), let row = parsed.row, !(1...limits.rows).contains(row) {
                        throw XLSXSheetLimits.badCell(reference, sheet: sheet.name, file: path, line: stream.nodeLine)
                    }
                    previousColumn = column
                    type = stream.attribute("t") ?? "n"
                    style = stream.attribute("s").flatMap(Int.init) ?? 0
                    value = ""
                    inline = ""
                    inCell = true
                    if stream.isEmptyElement { try finishCell() }
                case "v" where inCell:
                    inValue = !stream.isEmptyElement
                case "is" where inCell:
                    inInline = !stream.isEmptyElement
                case "rPh" where inCell:
                    inPhonetic = !stream.isEmptyElement
                default:
                    break
                }
            case .text, .cdata, .significantWhitespace, .whitespace:
                // Runs of text add up: a cell is refused as soon as it passes the limit.
                if inValue {
                    value += stream.value
                    if value.utf8.count > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
                } else if inInline && !inPhonetic {
                    inline += stream.value
                    if inline.utf8.count > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
                }
            case .endElement:
                switch stream.localName {
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "c" where inCell: try finishCell()
                case "row" where inRow: return SourceRow(line: rowNumber, cells: cells)
                default: break
                }
            default:
                continue
            }
        }
        return nil
    }

    /// The row number of a `<row>` (its `r`, or the one after the last row): 1…``XLSXLimits/rows``.
    private func checkedRowNumber(_ attribute: String?) throws -> Int {
        let number = attribute.map { Int($0.trimmingCharacters(in: .whitespaces)) } ?? nextRowNumber
        guard let number, number >= 1, number <= limits.rows else {
            let shown = attribute.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 } ?? String(nextRowNumber)
            throw ImportError.malformed(SourceLocation(file: stream.file, line: stream.nodeLine), LocalizedText(
                ru: "лист «\(sheet.name)»: номер строки листа «\(shown)» вне листа Excel (строки 1…\(limits.rows)); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
                en: "sheet '\(sheet.name)': the sheet's row number \(shown) is outside an Excel sheet (rows 1…\(limits.rows)); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV"))
        }
        return number
    }

    /// Refuses a `<dimension ref="A1:C21000000">` that declares cells past Excel's grid. Nothing
    /// is sized from it; a sheet that claims such a size is not one Excel made.
    private func checkDimension(_ reference: String?) throws {
        guard let reference, let last = reference.split(separator: ":").last else { return }
        let digits = last.drop { !$0.isNumber }
        let column = XLSXRowSource.columnIndex(String(last)) ?? 0
        let row = digits.isEmpty ? 1 : Int(digits)
        guard let row, row <= limits.rows, column < limits.columns else {
            let shown = reference.count > 40 ? String(reference.prefix(40)) + "…" : reference
            throw ImportError.malformed(SourceLocation(file: stream.file, line: stream.nodeLine), LocalizedText(
                ru: "лист объявляет размер \(shown), больше листа Excel (\(limits.rows) строк, столбцы до \(XLSXLimits.columnName(limits.columns - 1))); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
                en: "the sheet declares its size as \(shown), larger than an Excel sheet (\(limits.rows) rows, columns up to \(XLSXLimits.columnName(limits.columns - 1))); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV"))
        }
    }

    /// The error for a cell (or, with no `column`, a row) holding more text than ``RowLimits`` allow.
    private func tooLong(row: Int, column: Int?) -> ImportError {
        let limit = RowLimits.size(column == nil ? limits.row.recordBytes : limits.row.fieldBytes)
        let what = column.map { column in
            LocalizedText(ru: "ячейка \(XLSXLimits.columnName(column))\(row) содержит больше \(limit.ru) текста (предел на ячейку; ячейка Excel вмещает 32 767 знаков)",
                          en: "the cell \(XLSXLimits.columnName(column))\(row) holds more than \(limit.en) of text (the limit for a cell; an Excel cell holds 32,767 characters)")
        } ?? LocalizedText(ru: "строка \(row) содержит больше \(limit.ru) текста (предел на строку)",
                           en: "row \(row) holds more than \(limit.en) of text (the limit for a row)")
        return .malformed(SourceLocation(file: stream.file, line: stream.nodeLine), LocalizedText(
            ru: what.ru + "; книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
            en: what.en + "; the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV"))
    }

    private func pastTheGrid(cell reference: String, row: Int) -> ImportError {
        let shown = reference.count > 20 ? String(reference.prefix(20)) + "…" : reference
        let last = XLSXLimits.columnName(limits.columns - 1)
        return .malformed(SourceLocation(file: stream.file, line: stream.nodeLine), LocalizedText(
            ru: "лист «\(sheet.name)»: ячейка \(shown) строки \(row) правее последнего столбца листа Excel (\(last)); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
            en: "sheet '\(sheet.name)': the cell \(shown) of row \(row) is past the last column of an Excel sheet (\(last)); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV"))
    }

    /// Shared string `index` (nil past the table), through a small cache of the short ones: the
    /// same customers, products and managers recur every few rows, and making their `String`
    /// anew from the packed bytes each time cost about a tenth of reading a sheet.
    private func sharedString(_ index: Int) -> String? {
        guard index >= 0 else { return nil }   // -1 is the cache's empty slot
        let slot = index & (XLSXRowSource.cacheSize - 1)
        if cachedIndexes[slot] == index { return cachedStrings[slot] }
        guard let text = workbook.sharedStrings.text(index) else { return nil }
        if text.utf8.count <= 64 {
            cachedIndexes[slot] = index
            cachedStrings[slot] = text
        }
        return text
    }

    /// `shared`: the shared string of a cell of type `s` (nil for other types, or an index past
    /// the table).
    private func makeCell(type: String, style: Int, value: String, inline: String, shared: String?) -> Cell {
        switch type {
        case "s":
            guard let text = shared else { return .empty }
            return text.isEmpty ? .empty : .text(text)
        case "inlineStr":
            return inline.isEmpty ? .empty : .text(inline)
        case "str", "e":
            return value.isEmpty ? .empty : .text(value)
        case "b":
            return value.isEmpty ? .empty : .bool(value == "1" || value.lowercased() == "true")
        case "d":
            if let day = DateReader.parse(value, order: .dayFirst).day { return .date(day) }
            return value.isEmpty ? .empty : .text(value)
        default:
            guard !value.isEmpty else { return .empty }
            guard let number = XLSXSheetLimits.number(trimmed(value)) else { return .text(value) }
            if workbook.dateStyles.indices.contains(style), workbook.dateStyles[style], let day = workbook.serialDates.day(number) {
                return .date(day)
            }
            return .number(number)
        }
    }

    /// `B5` → 1 (0-based column); nil without letters. Past four letters the index stops
    /// growing (at most 475,253, far past XFD), so that no reference can overflow it.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 97 && scalar.value <= 122 else { break }
            if letters < 4 { index = index * 26 + Int((scalar.value & 0xDF) - 64) }
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
    }
}
