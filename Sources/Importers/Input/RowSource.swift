import AuditModel

/// One row of a source file.
package struct SourceRow: Sendable {
    /// The 1-based line (CSV line, sheet row, XML line) where the row starts.
    package var line: Int
    package var cells: [Cell]
    /// CSV: the character position of a quote never closed on this line (the row's cells are
    /// the line split at the delimiter); nil for other rows.
    package var brokenQuote: Int? = nil
}

/// A file read row by row: CSV, a workbook sheet, or XML records.
package protocol RowSource: AnyObject {
    /// `csv`, `xlsx` or `xml`.
    var format: String { get }
    /// What was detected about the file (encoding, delimiter, sheet), for the import report.
    var notes: [LocalizedText] { get }
    /// The system serial dates in this file count from.
    var serialDates: SerialDateSystem { get }
    /// Restricts the cells produced to these 0-based columns (others come back `.empty`).
    func restrict(to columns: Set<Int>)
    /// From now on rows need no cell at or past column `width` (the header's width, or past the
    /// last column read, whichever is more): a source may leave them out, so that a row's size
    /// follows the columns read rather than its farthest cell (one XLSX cell at XFD would make
    /// 16,384 cells a row).
    func limitWidth(to width: Int)
    /// The next row, or nil at the end.
    func nextRow() throws -> SourceRow?
    /// The SHA-256 of the whole file; valid once ``nextRow()`` has returned nil.
    func sha256() throws -> String
}

extension RowSource {
    /// Rows of CSV and XML sources are no wider than their bytes: nothing to limit.
    package func limitWidth(to width: Int) {}
}

/// A CSV (or other delimited text) file as rows of text cells.
package final class CSVRowSource: RowSource {
    private let reader: CSVReader
    @exclusivity(unchecked) private var wanted: [Bool]?

    package init(path: String, encoding: TextEncoding?, delimiter: UInt8?, limits: RowLimits = .standard) throws {
        reader = try CSVReader(path: path, encoding: encoding, delimiter: delimiter, limits: limits)
        // A quote left open spoils its own line only: the line is a bad row, the rest is read.
        reader.recoversBrokenQuotes = true
    }

    package var format: String { "csv" }
    package var serialDates: SerialDateSystem { .excel1900 }

    package var notes: [LocalizedText] {
        let delimiterName: String
        switch reader.delimiter {
        case 0x09: delimiterName = "TAB"
        default: delimiterName = "«" + String(UnicodeScalar(reader.delimiter)) + "»"
        }
        let how = (reader.encodingDetected ? ImportText.encodingDetected : .encodingGiven).text()
        let howDelimiter = (reader.delimiterDetected ? ImportText.delimiterDetected : .delimiterGiven).text()
        return [
            ImportText.encodingDelimiter.text([
                "encoding": .value(reader.encoding.rawValue), "how": .localized(how), "delimiterName": .value(delimiterName),
                "howDelimiter": .localized(howDelimiter),
            ])
        ]
    }

    package func restrict(to columns: Set<Int>) {
        let size = (columns.max() ?? -1) + 1
        var flags = [Bool](repeating: false, count: size)
        for column in columns { flags[column] = true }
        wanted = flags
    }

    /// The next record; with no column wanted (every field is read from the record's bytes),
    /// a row without cells.
    package func nextRow() throws -> SourceRow? {
        guard try reader.nextRecord() else { return nil }
        if let wanted, wanted.isEmpty { return SourceRow(line: reader.line, cells: []) }
        return SourceRow(line: reader.line, cells: reader.cells(wanted: wanted), brokenQuote: reader.brokenQuoteColumn)
    }

    package func sha256() throws -> String { reader.sha256() }

    /// The reader, for taking text fields of the current record as bytes.
    var csvReader: CSVReader { reader }

    /// Why the file is read in its encoding and which encodings were tried.
    var encodingExplanation: LocalizedText {
        TextEncoding.explanation(reader.encodingDetection, encoding: reader.encoding, forced: !reader.encodingDetected)
    }

    /// The encoding and delimiter in use.
    package var dialect: (encoding: TextEncoding, delimiter: UInt8) { (reader.encoding, reader.delimiter) }
}
