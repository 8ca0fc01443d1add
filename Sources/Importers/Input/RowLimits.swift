import AuditModel

/// The longest value and row a source file may hold, and the most values a row may have: what
/// every reader (CSV, XLSX, XML) refuses past, so that no row costs more than these allow.
///
/// Why these: an Excel cell holds at most 32,767 characters (64 KiB of Cyrillic UTF-8), so a
/// value of 1 MiB is already sixteen times anything a spreadsheet or a CRM export writes; and a
/// row has at most as many values as an Excel sheet has columns (16,384). 16 MiB per row bounds
/// what one row costs (its bytes, 17 bytes of bounds a CSV field, its cells, their strings) to
/// well under 100 MB, and the first rows, read to find the header, to 16 MiB in all. Past them
/// the file is not a table — most often a quote left open, or no line breaks (a 200 MB
/// single-line CSV took 4.4 GB and 107 s before these limits, issue 17).
package struct RowLimits: Sendable {
    /// The longest value (a CSV field, a sheet cell, an XML element's text or attribute).
    package var fieldBytes = 1 << 20
    /// The longest row (a CSV record, a sheet row, an XML record), and all the first rows read
    /// to find the header together.
    package var recordBytes = 16 << 20
    /// The most values of a row.
    package var fields = 16_384

    package static let standard = RowLimits()

    package init() {}

    /// `16 MiB`, `1 MiB`, or `100 bytes`, in each language.
    static func size(_ bytes: Int) -> LocalizedText {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0
            ? ImportText.mib.text(["bytes": .value(bytes >> 20)])
            : ImportText.bytes.text(["bytes": .value(bytes)])
    }
}
