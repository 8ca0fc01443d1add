import AuditModel

/// One worksheet of an XLSX workbook as rows of typed cells, read with libxml2's streaming
/// reader: shared and inline strings, numbers, booleans, errors, and numbers with date styles
/// as dates (1900 or 1904 system). Row numbers are the sheet's own.
package final class XLSXRowSource: RowSource {
    private let path: String
    private let workbook: XLSXWorkbook
    private let sheet: XLSXWorkbook.Sheet
    private let stream: XMLStream
    private var nextRowNumber = 1

    package var format: String { "xlsx" }
    package var serialDates: SerialDateSystem { workbook.serialDates }

    package var notes: [LocalizedText] {
        let system = workbook.serialDates == .excel1904 ? " (1904)" : ""
        return [LocalizedText(ru: "лист «\(sheet.name)» из \(workbook.sheets.count)\(system)",
                              en: "sheet '\(sheet.name)' of \(workbook.sheets.count)\(system)")]
    }

    package init(path: String, sheet: String?) throws {
        self.path = path
        workbook = try XLSXWorkbook(path: path)
        self.sheet = try workbook.sheet(sheet)
        guard let stream = try workbook.stream(self.sheet.part, label: self.sheet.name) else {
            throw ImportError.malformed(SourceLocation(file: path), LocalizedText(
                ru: "в книге нет части листа \(self.sheet.part)", en: "the workbook lacks the sheet part \(self.sheet.part)"))
        }
        self.stream = stream
    }

    package func restrict(to columns: Set<Int>) {}

    package func sha256() throws -> String { try fileSHA256(path) }

    package func nextRow() throws -> SourceRow? {
        var cells: [Cell] = []
        var rowNumber = 0
        var inRow = false
        // The cell being read.
        var column = 0, type = "", style = 0, value = "", inline = ""
        var inValue = false, inInline = false, inPhonetic = false, inCell = false
        func finishCell() {
            let cell = makeCell(type: type, style: style, value: value, inline: inline)
            if column >= cells.count {
                if column > 16_384 { return }
                cells.append(contentsOf: repeatElement(Cell.empty, count: column - cells.count + 1))
            }
            cells[column] = cell
            inCell = false
        }
        while try stream.read() {
            guard let kind = stream.kind else { continue }
            switch kind {
            case .element:
                switch stream.localName {
                case "row":
                    rowNumber = stream.attribute("r").flatMap(Int.init) ?? nextRowNumber
                    nextRowNumber = rowNumber + 1
                    if stream.isEmptyElement { return SourceRow(line: rowNumber, cells: []) }
                    inRow = true
                case "c" where inRow:
                    column = stream.attribute("r").flatMap(XLSXRowSource.columnIndex) ?? cells.count
                    type = stream.attribute("t") ?? "n"
                    style = stream.attribute("s").flatMap(Int.init) ?? 0
                    value = ""
                    inline = ""
                    inCell = true
                    if stream.isEmptyElement { finishCell() }
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
                if inValue { value += stream.value } else if inInline && !inPhonetic { inline += stream.value }
            case .endElement:
                switch stream.localName {
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": inPhonetic = false
                case "c" where inCell: finishCell()
                case "row" where inRow: return SourceRow(line: rowNumber, cells: cells)
                default: break
                }
            default:
                continue
            }
        }
        return nil
    }

    private func makeCell(type: String, style: Int, value: String, inline: String) -> Cell {
        switch type {
        case "s":
            guard let index = Int(value), index >= 0, index < workbook.sharedStrings.count else { return .empty }
            let text = workbook.sharedStrings[index]
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
            guard let number = Double(trimmed(value)) else { return .text(value) }
            if workbook.dateStyles.indices.contains(style), workbook.dateStyles[style], let day = workbook.serialDates.day(number) {
                return .date(day)
            }
            return .number(number)
        }
    }

    /// `B5` → 1 (0-based column); nil without letters or with more than three (past `ZZZ`, where
    /// counting on would overflow).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 || scalar.value >= 97 && scalar.value <= 122 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int((scalar.value & 0xDF) - 64)
        }
        return letters > 0 ? index - 1 : nil
    }
}

import Foundation
