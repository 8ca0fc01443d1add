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
    /// The bytes of the current cell's `<v>`, reused from cell to cell.
    @exclusivity(unchecked) private var value: [UInt8] = []

    package var format: String { "xlsx" }
    package var serialDates: SerialDateSystem { workbook.serialDates }

    package var notes: [LocalizedText] {
        let system = workbook.serialDates == .excel1904 ? " (1904)" : ""
        return [
            ImportText.sheetOf.text(["name": .value(sheet.name), "count": .value(workbook.sheets.count), "system": .value(system)])
        ]
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
            throw ImportError.malformed(
                SourceLocation(file: path),
                ImportText.theWorkbookLacksTheSheetPart.text(["part": .value(self.sheet.part)]))
        }
        self.stream = stream
    }

    package func restrict(to columns: Set<Int>) {}

    package func sha256() throws -> String { try fileSHA256(path) }

    package func limitWidth(to width: Int) {
        self.width = max(0, min(width, limits.columns))
    }

    /// A cell's `t`, read from its bytes.
    enum CellType {
        case number, shared, inline, text, bool, date
    }

    /// The elements of a sheet this reader acts on, told apart by their local name's bytes.
    private enum Name {
        case c, v, row, inlineString, phonetic, dimension, other

        init(_ name: UnsafePointer<UInt8>) {
            switch (name[0], name[0] == 0 ? 0 : name[1]) {
            case (0x63, 0): self = .c  // c
            case (0x76, 0): self = .v  // v
            case (0x69, 0x73): self = name[2] == 0 ? .inlineString : .other  // is
            case (0x72, 0x6F): self = name[2] == 0x77 && name[3] == 0 ? .row : .other  // row
            case (0x72, 0x50): self = name[2] == 0x68 && name[3] == 0 ? .phonetic : .other  // rPh
            case (0x64, 0x69):
                self = strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), "dimension") == 0 ? .dimension : .other
            default: self = .other
            }
        }
    }

    package func nextRow() throws -> SourceRow? {
        var cells: [Cell] = []
        var rowNumber = 0
        var inRow = false
        // The cell being read, and the column of the one before it in the row. Its `<v>` is
        // kept as bytes (reused from cell to cell): a number or a shared-string index is
        // decoded from them, and only text cells make a `String`.
        var column = 0, previousColumn = -1, type = CellType.number, style = 0, inline = ""
        var inValue = false, inInline = false, inPhonetic = false, inCell = false
        // The text the row's cells hold so far (a shared string counts each time it is used).
        var rowBytes = 0
        value.removeAll(keepingCapacity: true)
        func finishCell() throws {
            inCell = false
            // Only the cells that hold something take room: a row of empty cells stays empty.
            guard column < width else { return }
            var shared: String?
            if type == .shared, !value.isEmpty {
                // An index past the shared strings is a damaged workbook, not an empty cell.
                guard let index = XLSXRowSource.wholeNumber(value), let text = sharedString(index) else {
                    throw XLSXSheetLimits.badSharedString(
                        String(decoding: value, as: UTF8.self),
                        cell: XLSXSheetLimits.columnName(column) + String(rowNumber),
                        count: workbook.sharedStrings.count, sheet: sheet.name, file: path, line: stream.line)
                }
                shared = text
            }
            let bytes = shared?.utf8.count ?? value.count + inline.utf8.count
            if bytes > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
            rowBytes += bytes
            if rowBytes > limits.row.recordBytes { throw tooLong(row: rowNumber, column: nil) }
            let cell = makeCell(type: type, style: style, inline: inline, shared: shared)
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
                switch stream.withLocalName(Name.init) {
                case .dimension:
                    try checkDimension(stream.attribute("ref"))
                case .row:
                    rowNumber = try checkedRowNumber(stream.attribute("r"))
                    nextRowNumber = rowNumber + 1
                    previousColumn = -1
                    rowBytes = 0
                    if stream.isEmptyElement { return SourceRow(line: rowNumber, cells: []) }
                    inRow = true
                case .c where inRow:
                    try startCell(row: rowNumber, previousColumn: previousColumn, column: &column, type: &type, style: &style)
                    previousColumn = column
                    value.removeAll(keepingCapacity: true)
                    inline = ""
                    inCell = true
                    if stream.isEmptyElement { try finishCell() }
                case .v where inCell:
                    inValue = !stream.isEmptyElement
                case .inlineString where inCell:
                    inInline = !stream.isEmptyElement
                case .phonetic where inCell:
                    inPhonetic = !stream.isEmptyElement
                default:
                    break
                }
            case .text, .cdata, .significantWhitespace, .whitespace:
                // Runs of text add up: a cell is refused as soon as it passes the limit.
                if inValue {
                    stream.withValueBytes { value.append(contentsOf: $0) }
                    if value.count > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
                } else if inInline && !inPhonetic {
                    inline += stream.withValueBytes { String(decoding: $0, as: UTF8.self) }
                    if inline.utf8.count > limits.row.fieldBytes { throw tooLong(row: rowNumber, column: column) }
                }
            case .endElement:
                switch stream.withLocalName(Name.init) {
                case .v: inValue = false
                case .inlineString: inInline = false
                case .phonetic: inPhonetic = false
                case .c where inCell: try finishCell()
                case .row where inRow: return SourceRow(line: rowNumber, cells: cells)
                default: break
                }
            default:
                continue
            }
        }
        return nil
    }

    /// Reads a `<c>`'s attributes from their bytes: its column (from `r`, else the one after
    /// `previousColumn`), checked against the grid, its type (`t`) and its style (`s`).
    private func startCell(row: Int, previousColumn: Int, column: inout Int, type: inout CellType, style: inout Int) throws {
        var referenced: Int?, referencedRow: Int?
        var referenceText: String?
        type = .number
        style = 0
        let columns = limits.columns, rows = limits.rows
        stream.forEachAttribute { name, text in
            guard name.count == 1 else { return }
            switch name[0] {
            case 0x72:  // r
                referenced = XLSXRowSource.columnIndex(text)
                referencedRow = XLSXSheetLimits.reference(text)?.row
                // Kept as text only for a message.
                if (referenced ?? 0) >= columns || referencedRow.map({ !(1...rows).contains($0) }) == true {
                    referenceText = String(decoding: text, as: UTF8.self)
                }
            case 0x74:  // t
                type = XLSXRowSource.cellType(text)
            case 0x73:  // s
                style = XLSXRowSource.wholeNumber(text) ?? 0
            default:
                break
            }
        }
        column = referenced ?? previousColumn + 1
        guard column < limits.columns else {
            throw pastTheGrid(cell: referenceText ?? XLSXLimits.columnName(column) + String(row), row: row)
        }
        // The reference's own row must be on the sheet too (A99999999999999999999 is not).
        if let referencedRow, !(1...limits.rows).contains(referencedRow) {
            throw XLSXSheetLimits.badCell(referenceText ?? "", sheet: sheet.name, file: path, line: stream.nodeLine)
        }
    }

    /// A cell's `t` from its bytes; an unknown type reads as a number, as Excel's default `n`.
    static func cellType(_ text: UnsafeBufferPointer<UInt8>) -> CellType {
        switch text.count {
        case 1:
            switch text[0] {
            case 0x73: return .shared  // s
            case 0x62: return .bool  // b
            case 0x65: return .text  // e
            case 0x64: return .date  // d
            default: return .number
            }
        case 3 where text[0] == 0x73 && text[1] == 0x74 && text[2] == 0x72: return .text  // str
        case 9 where text[0] == 0x69 && text.elementsEqual("inlineStr".utf8): return .inline
        default: return .number
        }
    }

    /// Decimal digits (at most 18) as a number; nil for anything else.
    static func wholeNumber<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var number = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }

    /// The row number of a `<row>` (its `r`, or the one after the last row): 1…``XLSXLimits/rows``.
    private func checkedRowNumber(_ attribute: String?) throws -> Int {
        let number = attribute.map { Int($0.trimmingCharacters(in: .whitespaces)) } ?? nextRowNumber
        guard let number, number >= 1, number <= limits.rows else {
            let shown = attribute.map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 } ?? String(nextRowNumber)
            throw ImportError.malformed(
                SourceLocation(file: stream.file, line: stream.nodeLine),
                ImportText.sheetTheSheetRowNumber.text(["name": .value(sheet.name), "shown": .value(shown), "rows": .value(limits.rows)]))
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
            throw ImportError.malformed(
                SourceLocation(file: stream.file, line: stream.nodeLine),
                ImportText.theSheetDeclaresItsSizeAs.text([
                    "shown": .value(shown), "rows": .value(limits.rows), "columnName": .value(XLSXLimits.columnName(limits.columns - 1)),
                ]))
        }
    }

    /// The error for a cell (or, with no `column`, a row) holding more text than ``RowLimits`` allow.
    private func tooLong(row: Int, column: Int?) -> ImportError {
        let limit = RowLimits.size(column == nil ? limits.row.recordBytes : limits.row.fieldBytes)
        let what =
            column.map { column in
                ImportText.theCellHoldsMoreThanOf.text([
                    "columnName": .value(XLSXLimits.columnName(column)), "row": .value(row), "limit": .localized(limit),
                ])
            }
            ?? ImportText.rowHoldsMoreThanOfText.text(["row": .value(row), "limit": .localized(limit)])
        return .malformed(
            SourceLocation(file: stream.file, line: stream.nodeLine),
            ImportText.workbookDamaged.text(["problem": .localized(what)]))
    }

    private func pastTheGrid(cell reference: String, row: Int) -> ImportError {
        let shown = reference.count > 20 ? String(reference.prefix(20)) + "…" : reference
        let last = XLSXLimits.columnName(limits.columns - 1)
        return .malformed(
            SourceLocation(file: stream.file, line: stream.nodeLine),
            ImportText.sheetTheCellOfRowIs.text([
                "name": .value(sheet.name), "shown": .value(shown), "row": .value(row), "last": .value(last),
            ]))
    }

    /// Shared string `index` (nil past the table), through a small cache of the short ones: the
    /// same customers, products and managers recur every few rows, and making their `String`
    /// anew from the packed bytes each time cost about a tenth of reading a sheet.
    private func sharedString(_ index: Int) -> String? {
        guard index >= 0 else { return nil }  // -1 is the cache's empty slot
        let slot = index & (XLSXRowSource.cacheSize - 1)
        if cachedIndexes[slot] == index { return cachedStrings[slot] }
        guard let text = workbook.sharedStrings.text(index) else { return nil }
        if text.utf8.count <= 64 {
            cachedIndexes[slot] = index
            cachedStrings[slot] = text
        }
        return text
    }

    /// `shared`: the shared string of a cell of type `s` (nil for other types); ``value`` holds
    /// the bytes of its `<v>`.
    private func makeCell(type: CellType, style: Int, inline: String, shared: String?) -> Cell {
        switch type {
        case .shared:
            guard let text = shared else { return .empty }
            return text.isEmpty ? .empty : .text(text)
        case .inline:
            return inline.isEmpty ? .empty : .text(inline)
        case .text:
            return value.isEmpty ? .empty : .text(String(decoding: value, as: UTF8.self))
        case .bool:
            guard !value.isEmpty else { return .empty }
            let text = String(decoding: value, as: UTF8.self)
            return .bool(text == "1" || text.lowercased() == "true")
        case .date:
            guard !value.isEmpty else { return .empty }
            let text = String(decoding: value, as: UTF8.self)
            if let day = DateReader.parse(text, order: .dayFirst).day { return .date(day) }
            return .text(text)
        case .number:
            guard !value.isEmpty else { return .empty }
            guard let number = XLSXRowSource.number(value) else { return .text(String(decoding: value, as: UTF8.self)) }
            if workbook.dateStyles.indices.contains(style), workbook.dateStyles[style], let day = workbook.serialDates.day(number) {
                return .date(day)
            }
            return .number(number)
        }
    }

    /// A number cell's `<v>` from its bytes, as ``XLSXSheetLimits/number(_:)`` reads it (blanks
    /// around it allowed); the common case, a short value with no blanks, makes no heap `String`.
    static func number(_ bytes: [UInt8]) -> Double? {
        let text = String(decoding: bytes, as: UTF8.self)
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }
        if let first = bytes.first, let last = bytes.last, blank(first) || blank(last) {
            return XLSXSheetLimits.number(trimmed(text))
        }
        return XLSXSheetLimits.number(text)
    }

    /// `B5` → 1 (0-based column); nil without letters. Past four letters the index stops
    /// growing (at most 475,253, far past XFD), so that no reference can overflow it.
    static func columnIndex(_ reference: String) -> Int? {
        columnIndex(reference.utf8)
    }

    /// ``columnIndex(_:)-(String)`` over the reference's UTF-8 bytes.
    static func columnIndex<Bytes: Sequence<UInt8>>(_ reference: Bytes) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference {
            guard byte >= 65 && byte <= 90 || byte >= 97 && byte <= 122 else { break }
            if letters < 4 { index = index * 26 + Int((byte & 0xDF) - 64) }
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
    }
}
