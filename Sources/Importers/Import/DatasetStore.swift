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
    private let statement: Statement
    private var arena: [UInt8] = []
    private var offsets: [Int] = []

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
        statement = try db.makeStatement(sql: """
            INSERT INTO \(kind.tableName)(\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
    }

    /// Stores one row: one value per canonical field, in the model's order.
    ///
    /// Binds straight through SQLite's C API on GRDB's prepared statement: this is the hot loop
    /// of an import (a million rows), and GRDB's argument arrays cost more than the insert.
    /// Stores a batch of rows. The rows' text is laid out in one reused buffer and bound in
    /// place (no copy inside SQLite, no allocation per value); the buffer outlives each step.
    func insert(_ batch: RowPipe.Batch) throws {
        let handle = statement.sqliteStatement
        let roundID = round.id, datasetID = self.datasetID
        var arena = self.arena
        var offsets = self.offsets
        self.arena = []
        self.offsets = []
        defer {
            self.arena = arena
            self.offsets = offsets
        }
        for row in batch {
            arena.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            for value in row.values {
                if case .text(var text) = value {
                    offsets.append(arena.count)
                    text.withUTF8 { arena.append(contentsOf: $0) }
                }
            }
            offsets.append(arena.count)
            let status = arena.withUnsafeBufferPointer { bytes -> Int32 in
                sqlite3_bind_int64(handle, 1, roundID)
                sqlite3_bind_int64(handle, 2, datasetID)
                sqlite3_bind_int64(handle, 3, Int64(row.line))
                var index: Int32 = 4
                var textIndex = 0
                let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
                for value in row.values {
                    switch value {
                    case .null: sqlite3_bind_null(handle, index)
                    case .text:
                        let start = offsets[textIndex], end = offsets[textIndex + 1]
                        textIndex += 1
                        if let base, end > start {
                            sqlite3_bind_text(handle, index, base + start, Int32(end - start), nil)  // SQLITE_STATIC
                        } else {
                            sqlite3_bind_null(handle, index)
                        }
                    case .real(let number): sqlite3_bind_double(handle, index, number)
                    case .integer(let number): sqlite3_bind_int64(handle, index, number)
                    }
                    index += 1
                }
                let status = sqlite3_step(handle)
                // Reset before the buffer may change: SQLite reads bound text in place.
                sqlite3_reset(handle)
                return status
            }
            guard status == SQLITE_DONE else {
                throw ImportError.database(path: file, message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    /// Completes the dataset record. An earlier dataset of the same file in the round is
    /// refused, or replaced (its rows with it) when `replace` is set. Returns whether one was replaced.
    func finish(sha256: String, format: String, rowsRead: Int, rowsStored: Int, rowsRejected: Int,
                mapping: String, replace: Bool) throws -> Bool {
        var replaced = false
        let earlier = try Row.fetchAll(db, sql: "SELECT id, file_name, imported_at FROM dataset WHERE round_id = ? AND sha256 = ? AND id <> ?",
                                       arguments: [round.id, sha256, datasetID])
        if let first = earlier.first {
            guard replace else {
                throw ImportError.alreadyImported(path: file, sha256: sha256, previousFile: first["file_name"], importedAt: first["imported_at"])
            }
            for row in earlier {
                let id: Int64 = row["id"]
                for kind in DatasetKind.allCases {
                    try db.execute(sql: "DELETE FROM \(kind.tableName) WHERE dataset_id = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [id])
            }
            replaced = true
        }
        try db.execute(
            sql: "UPDATE dataset SET sha256 = ?, format = ?, rows_read = ?, rows_stored = ?, rows_rejected = ?, mapping = ? WHERE id = ?",
            arguments: [sha256, format, rowsRead, rowsStored, rowsRejected, mapping, datasetID])
        return replaced
    }

    /// Sales lines of this dataset whose customer is not in the round's customer list.
    func unknownCustomers() throws -> ImportReport.UnknownCustomers? {
        let hasCustomers = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM customer WHERE round_id = ?)", arguments: [round.id]) ?? false
        guard hasCustomers else { return nil }
        guard let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS rows, COUNT(DISTINCT customer_id) AS customers, TOTAL(amount) AS amount,
                   (SELECT TOTAL(amount) FROM sale WHERE dataset_id = ?1) AS total
            FROM sale
            WHERE dataset_id = ?1 AND customer_id NOT IN (SELECT customer_id FROM customer WHERE round_id = ?2)
            """, arguments: [datasetID, round.id]) else { return nil }
        return ImportReport.UnknownCustomers(rows: row["rows"], distinctCustomers: row["customers"], amount: row["amount"], totalAmount: row["total"])
    }
}

