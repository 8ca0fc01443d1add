import AuditModel

/// What the user asked of one import.
public struct ImportOptions: Sendable {
    /// What the file holds.
    package var kind: DatasetKind
    /// A mapping file that overrides the automatic mapping.
    public var mapping: MappingFile?
    /// XLSX: the sheet's name or 1-based number (default: the first sheet).
    package var sheet: String?
    /// CSV: forces the encoding instead of detecting it.
    package var encoding: TextEncoding?
    /// CSV: forces the delimiter instead of sniffing it.
    package var delimiter: UInt8?
    /// Parse and report, write nothing.
    public var dryRun = false
    /// Store the good rows and write the bad ones to a rejects file.
    public var skipBadRows = false
    /// Replace a dataset imported earlier from the same file.
    public var replace = false
    /// A sales dataset of the round (by file name) that this file replaces: its rows are removed
    /// in the same transaction (a second export of the same sales, `--replace-dataset`).
    package var replaceDataset: String?
    /// Store a sales file even when it repeats sales already in the round (`--keep-overlap`).
    package var keepOverlapping = false
    /// Where rejected rows go (`--rejects`); nil: ``Importer/rejectsPath(for:)`` beside the
    /// input. The CLI puts them beside the workspace, not in the client's export folder.
    package var rejectsFile: String?
    /// How many parsed rows a dry run shows.
    package var previewRows = 5
    /// How many problems are listed (all are counted).
    package var problemLimit = 20
    /// Where the rejects file may be written (never over the workspace; over a file crm-audit
    /// did not write only with `--force`).
    package var outputGuard = OutputGuard()

    /// Default options for importing `kind`: automatic mapping, detection, all or nothing.
    public init(kind: DatasetKind) {
        self.kind = kind
    }
}

/// What one import did: the mapping, the counts, the problems, and where things went.
public struct ImportReport: Sendable {
    /// The imported file as given.
    public var file: String
    package var kind: DatasetKind
    /// `csv`, `xlsx` or `xml`.
    package var format: String
    /// Detected encoding, delimiter, sheet…
    package var notes: [LocalizedText]
    /// The columns and the fields they were read as.
    package var mapping: ColumnMapping
    /// Day/month order decided per date column, with the evidence.
    package var dateOrders: [DateOrderDecision]
    /// The file's SHA-256 (64 hex digits).
    package var sha256: String
    /// Data rows read (blank rows are not counted).
    package var rowsRead: Int
    /// Rows stored (0 for a dry run).
    package var rowsStored: Int
    /// Rows with at least one value that cannot be read.
    package var rowsRejected: Int
    /// The first problems (up to ``ImportOptions/problemLimit``).
    public var problems: [RowProblem]
    /// All problems, counted.
    package var problemCount: Int
    /// The first rows as parsed (canonical field → value), for dry runs.
    package var preview: [[(field: String, value: String)]]
    /// Whether nothing was written.
    public var dryRun: Bool
    /// The rejects file written with `--skip-bad-rows`.
    package var rejectsFile: String?
    /// The stored dataset, when something was stored.
    package var datasetID: Int64?
    /// Whether an earlier import of the same file was replaced.
    package var replacedDataset: Bool
    /// Sales rows whose customer is not in the round's customer list, and their amount.
    package var unknownCustomers: UnknownCustomers?
    /// Rows recognised as not data (totals, repeated headers, unit rows, separators, blank rows,
    /// group rows whose value was carried down): skipped or used, not counted in ``rowsRead``.
    package var nonDataRows = NonDataRows()

    /// Sales lines referring to customers missing from the customer list: kept, and counted.
    package struct UnknownCustomers: Sendable, Equatable {
        /// Sales rows with such a customer.
        package var rows: Int
        /// Distinct customer codes missing from the list.
        package var distinctCustomers: Int
        /// Their amount.
        package var amount: Double
        /// The amount of the whole dataset.
        package var totalAmount: Double
        /// How many of the missing codes are, letter for letter (case and spaces aside), the name
        /// of a customer in the list: the sales file's customer column then holds names, as 1C's
        /// sales reports print the counterparty.
        package var matchingNames = 0
    }
}

/// The day/month order chosen for one date column.
package struct DateOrderDecision: Sendable, Equatable {
    /// The date field.
    package var field: String
    /// Its column's header.
    package var header: String
    /// The order its values were read in.
    package var order: DateOrder
    /// Values only day-first can read (first number over 12).
    package var dayFirstOnly: Int
    /// Values only month-first can read.
    package var monthFirstOnly: Int
    /// Values either order could read.
    package var ambiguous: Int
    /// Whether the mapping file fixed the order.
    package var forced: Bool
}
