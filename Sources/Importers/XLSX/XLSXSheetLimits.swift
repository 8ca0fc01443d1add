import AuditModel

/// The grid of an Excel sheet and the checks that keep a workbook's row and cell references on
/// it: a row number near `Int.max` (`<row r="9223372036854775807">`), a column past XFD or a
/// shared-string index past the table are errors that name the sheet and the cell, not traps
/// and not silently empty cells.
enum XLSXSheetLimits {
    /// Rows of a sheet: 1…1 048 576 (2^20), Excel's own limit since 2007.
    static let rows = 1...1_048_576
    /// Columns of a sheet: A…XFD, 16 384 (2^14); 0-based indices 0…16 383.
    static let columns = 0..<16_384

    /// A cell reference read: the 0-based column and, when it has one, the row (`B5` → 1, 5).
    struct Reference: Equatable {
        var column: Int
        var row: Int?
    }

    /// Reads `B5`, `XFD1048576` or a bare `AA`; nil when it does not start with letters. The
    /// column and row are checked against ``columns`` and ``rows`` by the caller; here they only
    /// stop growing once past them, so that no reference can overflow.
    static func reference(_ text: String) -> Reference? {
        reference(text.utf8)
    }

    /// ``reference(_:)-(String)`` over the reference's UTF-8 bytes.
    static func reference<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Reference? {
        var column = 0, letters = 0
        var row = 0, digits = 0
        for byte in bytes {
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            if isLetter && digits == 0 {
                if column <= columns.upperBound { column = column * 26 + Int(byte & 0xDF) - 64 }
                letters += 1
            } else if (0x30...0x39).contains(byte) && letters > 0 {
                if row <= rows.upperBound { row = row * 10 + Int(byte - 0x30) }
                digits += 1
            } else {
                return letters > 0 && digits > 0 ? Reference(column: column - 1, row: row) : nil
            }
        }
        guard letters > 0 else { return nil }
        return Reference(column: column - 1, row: digits > 0 ? row : nil)
    }

    /// A row's `r`: a whole number within ``rows``, else nil.
    static func rowNumber(_ text: String) -> Int? {
        guard let number = Int(text), rows.contains(number) else { return nil }
        return number
    }

    /// The column name of a 0-based index (`0` → `A`, `16383` → `XFD`).
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 && name.count < 8 {
            let remainder = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// The value of a number cell's `<v>`: decimal digits with a sign, a point and an exponent,
    /// as Excel writes them; nil for anything else — `INF`, `-infinity`, `NaN`, hexadecimal
    /// `0x1p3` (all of which `Double(_:)` accepts) — and for a value that overflows (`1e400`).
    /// Such a cell is then read as text, and a number field refuses it with its place.
    static func number(_ text: String) -> Double? {
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case 0x2B, 0x2D, 0x2E, 0x45, 0x65: continue
            default: return nil
            }
        }
        guard sawDigit, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    // MARK: - Errors

    static func badRow(_ text: String, sheet: String, file: String, line: Int) -> ImportError {
        .malformed(
            SourceLocation(file: file + "#" + sheet, line: line),
            ImportText.sheetTheRowNumberRIs.text(["sheet": .value(sheet), "shown": .value(shown(text))]))
    }

    static func badCell(_ reference: String, sheet: String, file: String, line: Int) -> ImportError {
        .malformed(
            SourceLocation(file: file + "#" + sheet, line: line),
            ImportText.sheetCellOutsideAnExcelSheet.text(["sheet": .value(sheet), "shown": .value(shown(reference))]))
    }

    static func badSharedString(_ index: String, cell: String, count: Int, sheet: String, file: String, line: Int) -> ImportError {
        .malformed(
            SourceLocation(file: file + "#" + sheet, line: line),
            ImportText.sheetCellRefersToSharedString.text([
                "sheet": .value(sheet), "cell": .value(cell), "shown": .value(shown(index)), "count": .value(count),
            ]))
    }

    /// At most 24 characters of a value from the file, for a message.
    private static func shown(_ text: String) -> String {
        text.count > 24 ? String(text.prefix(21)) + "…" : text
    }
}
