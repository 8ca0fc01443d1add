import AuditModel
import Foundation
import GRDB
import GRDBSQLite
import Workspace

/// Writes one dataset's rows into its canonical table, inside the import's transaction.
final class DatasetStore {
    let db: Database
    let round: AuditRound
    let kind: DatasetKind
    let file: String
    let datasetID: Int64
    /// INSERT of one row, and of ``rowsPerStatement`` rows at once.
    private let single: Statement
    private let multiple: Statement
    /// Rows per multi-row INSERT: fewer statement runs per row, far below SQLite's 32,766 parameters.
    static let rowsPerStatement = 128
    /// The columnar copy of a sales dataset, built batch by batch on the reading thread while
    /// this store writes the rows on the other (SQLite is the slower side), and saved by
    /// ``finish(sha256:format:rowsRead:rowsStored:rowsRejected:mapping:replace:)``.
    let columnsBuilder: SaleColumnsBuilder?
    /// The copy, once finished.
    private(set) var saleColumns: SaleColumns?

    init(db: Database, round: AuditRound, kind: DatasetKind, file: String) throws {
        self.db = db
        self.round = round
        self.kind = kind
        self.file = file
        // The fingerprint is filled in by `finish` once the whole file has been read.
        try db.execute(
            sql: """
                INSERT INTO dataset(round_id, kind, file_name, sha256, format, rows_read, rows_stored, rows_rejected, imported_at)
                VALUES (?, ?, ?, ?, '', 0, 0, 0, ?)
                """,
            arguments: [round.id, kind.rawValue, (file as NSString).lastPathComponent, "pending-\(UUID().uuidString)", Timestamp.now()])
        datasetID = db.lastInsertedRowID
        let columns = ["round_id", "dataset_id", "source_line"] + kind.fields.map(\.name)
        // The round and the dataset are the same for every row: written into the statement (they
        // are integers we made), only the line and the values are bound.
        let tuple = "(\(round.id), \(datasetID), " + Array(repeating: "?", count: columns.count - 2).joined(separator: ", ") + ")"
        let insert = "INSERT INTO \(kind.tableName)(\(columns.joined(separator: ", "))) VALUES "
        single = try db.makeStatement(sql: insert + tuple)
        multiple = try db.makeStatement(sql: insert + Array(repeating: tuple, count: DatasetStore.rowsPerStatement).joined(separator: ", "))
        columnsBuilder = kind == .sales ? SaleColumnsBuilder(file: file) : nil
    }

    /// Stores a batch of rows through SQLite's C API on GRDB's prepared statements (this is the
    /// hot loop of an import), ``rowsPerStatement`` rows per statement run, binding text in place
    /// from the batch's byte buffer: SQLite copies nothing and nothing is allocated per value.
    func insert(_ batch: FlatBatch) throws {
        let width = batch.width
        let kinds = batch.kinds, payloads = batch.payloads, lengths = batch.lengths, lines = batch.lines
        let perStatement = DatasetStore.rowsPerStatement
        let multipleHandle = multiple.sqliteStatement, singleHandle = single.sqliteStatement
        let failedHandle = batch.bytes.withUnsafeBufferPointer { bytes -> SQLiteStatement? in
            let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var row = 0
            while row < lines.count {
                let many = lines.count - row >= perStatement
                let handle = many ? multipleHandle : singleHandle
                let rows = many ? perStatement : 1
                var index: Int32 = 1
                for current in row..<(row + rows) {
                    sqlite3_bind_int64(handle, index, Int64(lines[current]))
                    index += 1
                    var value = current * width
                    for _ in 0..<width {
                        switch kinds[value] {
                        case .null: sqlite3_bind_null(handle, index)
                        case .text:
                            if let base, lengths[value] > 0 {
                                sqlite3_bind_text(handle, index, base + Int(payloads[value]), lengths[value], nil)  // SQLITE_STATIC
                            } else {
                                sqlite3_bind_null(handle, index)
                            }
                        case .real: sqlite3_bind_double(handle, index, Double(bitPattern: UInt64(bitPattern: payloads[value])))
                        case .integer: sqlite3_bind_int64(handle, index, payloads[value])
                        }
                        value += 1
                        index += 1
                    }
                }
                let status = sqlite3_step(handle)
                if status != SQLITE_DONE { return handle }
                sqlite3_reset(handle)  // before the buffer may go: SQLite reads bound text in place
                row += rows
            }
            return nil
        }
        if let failedHandle {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            let code = ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection))
            sqlite3_reset(failedHandle)
            // A full disk, a read-only or damaged file: the workspace says what that means.
            if [.SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CORRUPT, .SQLITE_NOTADB].contains(code.primaryResultCode) {
                throw DatabaseError(resultCode: code, message: message)
            }
            throw ImportError.database(path: file, message: message)
        }
    }

    /// Completes the dataset record. An earlier dataset of the same file in the round is
    /// refused, or replaced (its rows with it) when `replace` is set. Returns whether one was replaced.
    ///
    /// "The same file" is the same content (SHA-256) or, with `replace`, also a dataset of the
    /// same kind imported from a file of the same name: a corrected export replaces the bad one.
    func finish(
        sha256: String, format: String, rowsRead: Int, rowsStored: Int, rowsRejected: Int,
        mapping: String, replace: Bool
    ) throws -> Bool {
        var replaced = false
        let earlier =
            replace
            ? try Row.fetchAll(
                db,
                sql: """
                    SELECT id, file_name, imported_at FROM dataset
                    WHERE round_id = ? AND id <> ? AND (sha256 = ? OR (file_name = ? AND kind = ?))
                    """, arguments: [round.id, datasetID, sha256, (file as NSString).lastPathComponent, kind.rawValue])
            : try Row.fetchAll(
                db, sql: "SELECT id, file_name, imported_at FROM dataset WHERE round_id = ? AND sha256 = ? AND id <> ?",
                arguments: [round.id, sha256, datasetID])
        if let first = earlier.first {
            guard replace else {
                throw ImportError.alreadyImported(
                    path: file, sha256: sha256, previousFile: first["file_name"], importedAt: first["imported_at"])
            }
            for row in earlier { try delete(dataset: row["id"]) }
            replaced = true
        }
        try db.execute(
            sql: "UPDATE dataset SET sha256 = ?, format = ?, rows_read = ?, rows_stored = ?, rows_rejected = ?, mapping = ? WHERE id = ?",
            arguments: [sha256, format, rowsRead, rowsStored, rowsRejected, mapping, datasetID])
        saleColumns = columnsBuilder?.finish()
        try saleColumns?.save(dataset: datasetID, round: round.id, in: db)
        return replaced
    }

    /// Removes a dataset and its rows.
    private func delete(dataset id: Int64) throws {
        for kind in DatasetKind.allCases {
            try db.execute(sql: "DELETE FROM \(kind.tableName) WHERE dataset_id = ?", arguments: [id])
        }
        // Foreign keys are off during an import: the copy's cascade would not run.
        try db.execute(sql: "DELETE FROM sale_columns WHERE dataset_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [id])
    }

    /// Removes the round's datasets of this kind imported from a file named `name`
    /// (`--replace-dataset`); an error listing the round's datasets when there is none.
    func replace(datasetNamed name: String) throws {
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM dataset WHERE round_id = ? AND kind = ? AND file_name = ? AND id <> ?",
            arguments: [round.id, kind.rawValue, name, datasetID])
        guard !ids.isEmpty else {
            let names = try String.fetchAll(
                db, sql: "SELECT file_name FROM dataset WHERE round_id = ? AND kind = ? AND id <> ? ORDER BY id",
                arguments: [round.id, kind.rawValue, datasetID])
            let list = names.isEmpty ? "—" : names.joined(separator: ", ")
            throw ImportError.invalidOption(
                ImportText.replaceDatasetTheRoundHasNo.text(["title": .localized(kind.title), "name": .value(name), "list": .value(list)]))
        }
        for id in ids { try delete(dataset: id) }
    }

    /// Refuses a sales dataset that repeats the sales of another dataset of the round.
    func refuseOverlap() throws {
        guard kind == .sales, let overlap = try SalesOverlap.find(db: db, dataset: datasetID, round: round.id).first else { return }
        throw ImportError.overlapping(path: file, overlap.refusal(file: file))
    }

    /// Sales lines of this dataset whose customer is not in the round's customer list.
    func unknownCustomers() throws -> ImportReport.UnknownCustomers? {
        let hasCustomers =
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customer WHERE round_id = ?)", arguments: [round.id]) ?? false
        guard hasCustomers else { return nil }
        if let saleColumns { return try unknownCustomers(in: saleColumns) }
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS rows, COUNT(DISTINCT customer_id) AS customers, TOTAL(amount) AS amount,
                           (SELECT TOTAL(amount) FROM sale WHERE dataset_id = ?1) AS total
                    FROM sale
                    WHERE dataset_id = ?1 AND customer_id NOT IN (SELECT customer_id FROM customer WHERE round_id = ?2)
                    """, arguments: [datasetID, round.id])
        else { return nil }
        return ImportReport.UnknownCustomers(
            rows: row["rows"], distinctCustomers: row["customers"], amount: row["amount"], totalAmount: row["total"])
    }

    /// The same count from the columnar copy: the customer list's ids are looked up once per
    /// distinct customer of the file, not once per line.
    private func unknownCustomers(in columns: SaleColumns) throws -> ImportReport.UnknownCustomers {
        var listed = Interner(keepsNames: false)
        let statement = try db.makeStatement(sql: "SELECT customer_id FROM customer WHERE round_id = ?")
        try statement.setArguments([round.id])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while sqlite3_step(handle) == SQLITE_ROW {
            guard let text = sqlite3_column_text(handle, 0) else { continue }
            _ = listed.intern(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, 0))))
        }
        // `keys(of:)` adds the ids it does not find, after the list's own keys.
        let listCount = listed.count
        let unknown = listed.keys(of: columns.customerIDs).map { Int($0) >= listCount }
        var rows = 0, amount = 0.0, total = 0.0
        var seen = [Bool](repeating: false, count: unknown.count)
        for (line, key) in columns.lines.customer.enumerated() {
            total += columns.lines.amount[line]
            guard unknown[Int(key)] else { continue }
            rows += 1
            amount += columns.lines.amount[line]
            seen[Int(key)] = true
        }
        var report = ImportReport.UnknownCustomers(rows: rows, distinctCustomers: seen.count { $0 }, amount: amount, totalAmount: total)
        if report.distinctCustomers > 0 {
            let missing = seen.indices.filter { seen[$0] }.map { columns.customerIDs.name($0) }
            report.matchingNames = try namesAmong(missing)
        }
        return report
    }

    /// How many of `values` are the name of a customer in the round's list (case and blanks aside).
    private func namesAmong(_ values: [String]) throws -> Int {
        func key(_ text: String) -> String { text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let names = Set(
            try String.fetchAll(
                db, sql: "SELECT name FROM customer WHERE round_id = ? AND name IS NOT NULL",
                arguments: [round.id]
            ).map(key))
        return values.count { names.contains(key($0)) }
    }
}
