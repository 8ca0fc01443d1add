import AuditModel
import Foundation
import Report

/// Writes a plain XLSX workbook: sheets of text and number cells, a bold frozen header row,
/// column widths from the content. Cells are inline strings (no shared-string table), text is
/// XML-escaped and stripped of characters XML 1.0 forbids, and a text that starts like a formula
/// stays text (a cell is never a formula). Opens without repair in Excel and LibreOffice.
///
/// A sheet may also be a form for a person to fill (the answers workbook): protected, with
/// input cells left unlocked and shaded, drop-down lists and number or date checks on them,
/// and hidden helper sheets holding the lists.
package struct SpreadsheetWriter {
    package enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        /// Bold text (a header or label).
        case bold(String)
        /// A section's heading: bold on a shaded band.
        case band(String)
        /// A large bold title.
        case title(String)
        /// A cell for a person to fill: unlocked on a protected sheet, shaded; its content, if any.
        case input(String)
        /// An input cell holding a date.
        case inputDate(Day?)
        /// An input cell holding a number.
        case inputNumber(Double)
        /// A day, shown in the reader's date format and sorted as a date.
        case date(Day)
        /// A share (0.25) shown as a percent (25,00 %).
        case percent(Double)
        case empty
    }

    /// What may be typed into an input cell; Excel and LibreOffice refuse anything else.
    package struct Validation: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            /// One of the values in a range (`Lists!$A$1:$A$4`).
            case list(range: String)
            case decimal(min: Double?, max: Double?)
            case whole(min: Double?, max: Double?)
            case date
        }

        /// The cell, `D12`.
        package var cell: String
        package var kind: Kind
        /// Shown when the cell is selected.
        package var prompt: String?
        /// Shown when a value is refused.
        package var error: String

        package init(cell: String, kind: Kind, prompt: String?, error: String) {
            self.cell = cell
            self.kind = kind
            self.prompt = prompt
            self.error = error
        }
    }

    package struct Sheet: Sendable {
        package var name: String
        package var rows: [[Cell]]
        /// Rows kept in view when scrolling (the first row: a header).
        package var frozenRows = 1
        /// Column widths in characters; from the content when nil.
        package var widths: [Double]? = nil
        package var validations: [Validation] = []
        /// Protected: only input cells can be changed.
        package var protected = false
        /// Hidden (a helper sheet of lists).
        package var hidden = false
        /// 0-based columns kept out of sight (ids the reader needs and a person does not).
        package var hiddenColumns: Set<Int> = []

        package init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.rows = [header.map(Cell.bold)] + rows
        }

        /// A sheet of `rows` as given (no header row).
        package init(name: String, rows: [[Cell]], frozenRows: Int = 0) {
            self.name = name
            self.rows = rows
            self.frozenRows = frozenRows
        }
    }

    package var sheets: [Sheet] = []
    /// Sheets cannot be added, removed, renamed or shown.
    package var lockedStructure = false

    package init(sheets: [Sheet], lockedStructure: Bool = false) {
        self.sheets = sheets
        self.lockedStructure = lockedStructure
    }

    /// The workbook's bytes.
    package func data() throws -> Data {
        var parts: [(path: String, text: String)] = []
        func add(_ path: String, _ text: String) {
            parts.append((path, text))
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let overrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(overrides)</Types>
            """)
        add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(package)"><Relationship Id="rId1" Type="\(relations)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(Self.escape(Self.sheetName(sheet.name)))\" sheetId=\"\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let protection = lockedStructure ? "<workbookProtection lockStructure=\"1\"/>" : ""
        add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(main)" xmlns:r="\(relations)">\(protection)<sheets>\(sheetList)</sheets></workbook>
            """)
        let sheetRelations = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(package)">\(sheetRelations)\
            <Relationship Id="rId\(sheets.count + 1)" Type="\(relations)/styles" Target="styles.xml"/></Relationships>
            """)
        add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(main)">\
            <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\
            <font><b/><sz val="14"/><name val="Calibri"/></font></fonts>\
            <fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFFFF5CC"/><bgColor indexed="64"/></patternFill></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left style="thin"><color rgb="FFB0B0B0"/></left><right style="thin"><color rgb="FFB0B0B0"/></right>\
            <top style="thin"><color rgb="FFB0B0B0"/></top><bottom style="thin"><color rgb="FFB0B0B0"/></bottom><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="11"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
            <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
            <xf numFmtId="49" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">\
            <alignment wrapText="1" vertical="top"/><protection locked="0"/></xf>\
            <xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="14" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">\
            <alignment vertical="top"/><protection locked="0"/></xf>\
            <xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1">\
            <alignment vertical="top"/><protection locked="0"/></xf>\
            <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
            <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """)
        for (index, sheet) in sheets.enumerated() {
            add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet, main: main))
        }
        return try OfficePackage.zip(parts)
    }

    /// Style indexes of `styles.xml`'s cellXfs.
    private enum Style: Int { case plain, bold, decimal, whole, input, band, title, inputDate, inputNumber, date, percent }

    static func worksheet(_ sheet: Sheet, main: String) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        var widths = [Double](repeating: 8, count: columns)
        if let given = sheet.widths {
            for (index, width) in given.enumerated() where index < columns { widths[index] = width }
        } else {
            for row in sheet.rows {
                for (column, cell) in row.enumerated() {
                    let length =
                        switch cell {
                        case .text(let text), .bold(let text), .input(let text): Double(text.count)
                        case .number, .inputNumber, .inputDate, .date, .percent: 14.0
                        case .band, .title, .empty: 8.0
                        }
                    widths[column] = min(60, max(widths[column], length + 2))
                }
            }
        }
        let cols = widths.enumerated().map {
            "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(Int($1))\" customWidth=\"1\"\(sheet.hiddenColumns.contains($0) ? " hidden=\"1\"" : "")/>"
        }.joined()
        var rows = ""
        for (rowIndex, row) in sheet.rows.enumerated() {
            rows += "<row r=\"\(rowIndex + 1)\">"
            for (column, cell) in row.enumerated() {
                let reference = columnName(column) + String(rowIndex + 1)
                func text(_ value: String, _ style: Style) -> String {
                    "<c r=\"\(reference)\" t=\"inlineStr\" s=\"\(style.rawValue)\"><is><t xml:space=\"preserve\">\(escape(value))</t></is></c>"
                }
                func number(_ value: Double, _ style: Style) -> String {
                    value.isFinite ? "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>" : text("", style)
                }
                switch cell {
                case .text(let value): rows += text(value, .plain)
                case .bold(let value): rows += text(value, .bold)
                case .band(let value): rows += text(value, .band)
                case .title(let value): rows += text(value, .title)
                case .input(let value):
                    rows += value.isEmpty ? "<c r=\"\(reference)\" s=\"\(Style.input.rawValue)\"/>" : text(value, .input)
                case .inputNumber(let value): rows += number(value, .inputNumber)
                case .inputDate(let day):
                    rows +=
                        day.map { number(Double($0.ordinal - Self.excelEpoch.ordinal), .inputDate) }
                        ?? "<c r=\"\(reference)\" s=\"\(Style.inputDate.rawValue)\"/>"
                case .date(let day): rows += number(Double(day.ordinal - Self.excelEpoch.ordinal), .date)
                case .percent(let value): rows += number(value, .percent)
                case .empty: break
                case .number(let value):
                    // Whole numbers without decimals (1, 10), others with two.
                    rows += number(value, value == value.rounded() && abs(value) < 1e15 ? .whole : .decimal)
                }
            }
            rows += "</row>"
        }
        let pane =
            sheet.frozenRows > 0
            ? "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            : ""
        let protection =
            sheet.protected
            ? "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>" : ""
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(main)"><sheetViews><sheetView workbookViewId="0">\(pane)</sheetView></sheetViews>\
            <cols>\(cols)</cols><sheetData>\(rows)</sheetData>\(protection)\(validationsXML(sheet.validations))</worksheet>
            """
    }

    /// Day 0 of Excel's 1900 date system as it counts (serial 1 = 1900-01-01, with its
    /// phantom 1900-02-29, so that days from March 1900 on are right).
    static let excelEpoch = Day(ordinal: -25_569)  // 1899-12-30

    static func validationsXML(_ validations: [Validation]) -> String {
        guard !validations.isEmpty else { return "" }
        func bound(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        let items = validations.map { validation -> String in
            var attributes = "allowBlank=\"1\" showErrorMessage=\"1\" errorStyle=\"stop\" error=\"\(escape(validation.error))\""
            if let prompt = validation.prompt { attributes += " showInputMessage=\"1\" prompt=\"\(escape(String(prompt.prefix(250))))\"" }
            let formulas: String
            switch validation.kind {
            case .list(let range):
                attributes = "type=\"list\" " + attributes
                formulas = "<formula1>\(escape(range))</formula1>"
            case .decimal(let low, let high), .whole(let low, let high):
                let type = if case .whole = validation.kind { "whole" } else { "decimal" }
                let low = low ?? -1e15, high = high ?? 1e15
                attributes = "type=\"\(type)\" operator=\"between\" " + attributes
                formulas = "<formula1>\(bound(low))</formula1><formula2>\(bound(high))</formula2>"
            case .date:
                attributes = "type=\"date\" operator=\"greaterThan\" " + attributes
                formulas = "<formula1>1</formula1>"
            }
            return "<dataValidation \(attributes) sqref=\"\(validation.cell)\">\(formulas)</dataValidation>"
        }
        return "<dataValidations count=\"\(validations.count)\">" + items.joined() + "</dataValidations>"
    }

    /// `A`, `B`, …, `Z`, `AA`…
    static func columnName(_ index: Int) -> String {
        var index = index, name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// A sheet name as Excel allows: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
    }

    /// XML text: escaped, without the characters XML 1.0 forbids (the escaping the report and
    /// the Word copy use).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
