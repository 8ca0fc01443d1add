import AuditModel

/// What the user asked of one import.
public struct ImportOptions: Sendable {
    /// What the file holds.
    public var kind: DatasetKind
    /// A mapping file that overrides the automatic mapping.
    public var mapping: MappingFile?
    /// XLSX: the sheet's name or 1-based number (default: the first sheet).
    public var sheet: String?
    /// CSV: forces the encoding instead of detecting it.
    public var encoding: TextEncoding?
    /// CSV: forces the delimiter instead of sniffing it.
    public var delimiter: UInt8?
    /// Parse and report, write nothing.
    public var dryRun = false
    /// Store the good rows and write the bad ones to a rejects file.
    public var skipBadRows = false
    /// Replace a dataset imported earlier from the same file.
    public var replace = false
    /// A sales dataset of the round (by file name) that this file replaces: its rows are removed
    /// in the same transaction (a second export of the same sales, `--replace-dataset`).
    public var replaceDataset: String?
    /// Store a sales file even when it repeats sales already in the round (`--keep-overlap`).
    public var keepOverlapping = false
    /// Where rejected rows go (`--rejects`); nil: ``Importer/rejectsPath(for:)`` beside the
    /// input. The CLI puts them beside the workspace, not in the client's export folder.
    public var rejectsFile: String?
    /// How many parsed rows a dry run shows.
    public var previewRows = 5
    /// How many problems are listed (all are counted).
    public var problemLimit = 20
    /// Where the rejects file may be written (never over the workspace; over a file crm-audit
    /// did not write only with `--force`).
    public var outputGuard = OutputGuard()

    /// Default options for importing `kind`: automatic mapping, detection, all or nothing.
    public init(kind: DatasetKind) {
        self.kind = kind
    }
}

/// What one import did: the mapping, the counts, the problems, and where things went.
public struct ImportReport: Sendable {
    /// The imported file as given.
    public var file: String
    public var kind: DatasetKind
    /// `csv`, `xlsx` or `xml`.
    public var format: String
    /// Detected encoding, delimiter, sheet…
    public var notes: [LocalizedText]
    /// The columns and the fields they were read as.
    public var mapping: ColumnMapping
    /// Day/month order decided per date column, with the evidence.
    public var dateOrders: [DateOrderDecision]
    /// The file's SHA-256 (64 hex digits).
    public var sha256: String
    /// Data rows read (blank rows are not counted).
    public var rowsRead: Int
    /// Rows stored (0 for a dry run).
    public var rowsStored: Int
    /// Rows with at least one value that cannot be read.
    public var rowsRejected: Int
    /// The first problems (up to ``ImportOptions/problemLimit``).
    public var problems: [RowProblem]
    /// All problems, counted.
    public var problemCount: Int
    /// The first rows as parsed (canonical field → value), for dry runs.
    public var preview: [[(field: String, value: String)]]
    /// Whether nothing was written.
    public var dryRun: Bool
    /// The rejects file written with `--skip-bad-rows`.
    public var rejectsFile: String?
    /// The stored dataset, when something was stored.
    public var datasetID: Int64?
    /// Whether an earlier import of the same file was replaced.
    public var replacedDataset: Bool
    /// Sales rows whose customer is not in the round's customer list, and their amount.
    public var unknownCustomers: UnknownCustomers?
    /// Rows recognised as not data (totals, repeated headers, unit rows, separators, blank rows,
    /// group rows whose value was carried down): skipped or used, not counted in ``rowsRead``.
    public var nonDataRows = NonDataRows()

    /// Sales lines referring to customers missing from the customer list: kept, and counted.
    public struct UnknownCustomers: Sendable, Equatable {
        /// Sales rows with such a customer.
        public var rows: Int
        /// Distinct customer codes missing from the list.
        public var distinctCustomers: Int
        /// Their amount.
        public var amount: Double
        /// The amount of the whole dataset.
        public var totalAmount: Double
        /// How many of the missing codes are, letter for letter (case and spaces aside), the name
        /// of a customer in the list: the sales file's customer column then holds names, as 1C's
        /// sales reports print the counterparty.
        public var matchingNames = 0
    }
}

/// The day/month order chosen for one date column.
public struct DateOrderDecision: Sendable, Equatable {
    /// The date field.
    public var field: String
    /// Its column's header.
    public var header: String
    /// The order its values were read in.
    public var order: DateOrder
    /// Values only day-first can read (first number over 12).
    public var dayFirstOnly: Int
    /// Values only month-first can read.
    public var monthFirstOnly: Int
    /// Values either order could read.
    public var ambiguous: Int
    /// Whether the mapping file fixed the order.
    public var forced: Bool
}
