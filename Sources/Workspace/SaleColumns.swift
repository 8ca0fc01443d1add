import AuditModel
import Foundation
import GRDB
import GRDBSQLite

/// The sale lines of a round or a dataset as parallel arrays (one element per line), with integer
/// keys: −1 for no value (customer ids are always present), `Int32.min` for an unreadable date
/// (dates are day ordinals), NaN for no cost.
package struct SaleLines: Sendable {
    package var customer: [Int32] = []
    package var day: [Int32] = []
    package var amount: [Double] = []
    package var cost: [Double] = []
    package var order: [Int32] = []
    package var product: [Int32] = []
    package var manager: [Int32] = []
    package var channel: [Int32] = []
    package var campaign: [Int32] = []
    package var sourceLine: [Int32] = []

    package init() {}

    package var count: Int { amount.count }

    package mutating func reserve(_ capacity: Int) {
        for path in [\SaleLines.customer, \.day, \.order, \.product, \.manager, \.channel, \.campaign, \.sourceLine] {
            self[keyPath: path].reserveCapacity(capacity)
        }
        amount.reserveCapacity(capacity)
        cost.reserveCapacity(capacity)
    }
}

/// The sale lines of one imported dataset as columns: a compact copy of its `sale` rows that the
/// importer writes in the same transaction, and that the analytics reads instead of the rows
/// (a million lines in about 0.05 s, where stepping through the rows takes most of a second).
///
/// The ``lines``' text values are keys into a dictionary per column (a blank customer id is the
/// empty string). The `sale` rows stay the canonical record, readable with `sqlite3`;
/// this copy is derived from them and is used only while it still matches them line for line
/// (see ``load(round:in:)``).
package struct SaleColumns: Sendable {
    package var lines = SaleLines()
    package var customerIDs = Interner(keepsNames: false)
    package var orderIDs = Interner(keepsNames: false)
    package var products = Interner(keepsNames: false)
    package var managers = Interner(keepsNames: false)
    package var channels = Interner(keepsNames: false)
    package var campaigns = Interner(keepsNames: false)
    /// Customer and order ids of the last lines, interned 64 at a time (most lookups of a large
    /// file miss the cache: a batch lets them overlap). ``flush()`` interns the rest.
    private var pendingCustomers = ByteBatch()
    private var pendingOrders = ByteBatch()

    /// The layout written by this version; a copy of another layout is ignored (rows are read).
    package static let format = 1
    /// A copy whose largest column would exceed this many bytes is not written (SQLite refuses
    /// values over 1 GB); the analytics then reads the rows.
    package static let largestColumn = 512 << 20

    package init() {}

    package var count: Int { lines.count }

    /// Appends one line. Text values are taken without surrounding spaces and tabs, and a blank
    /// one counts as missing, exactly as the analytics reads the rows.
    package mutating func append(
        line: Int, customer customerID: UnsafeBufferPointer<UInt8>?, date: UnsafeBufferPointer<UInt8>?,
        amount: Double, cost: Double?, order: UnsafeBufferPointer<UInt8>?,
        product: UnsafeBufferPointer<UInt8>?, manager: UnsafeBufferPointer<UInt8>?,
        channel: UnsafeBufferPointer<UInt8>?, campaign: UnsafeBufferPointer<UInt8>?
    ) {
        pendingCustomers.append(Self.trimmed(customerID) ?? UnsafeBufferPointer(start: nil, count: 0))
        pendingOrders.append(Self.trimmed(order))
        if pendingOrders.isFull { flush() }
        lines.day.append(Self.trimmed(date).flatMap(Self.day) ?? Int32.min)
        lines.amount.append(amount)
        lines.cost.append(cost ?? .nan)
        lines.product.append(Self.trimmed(product).map { products.intern($0) } ?? -1)
        lines.manager.append(Self.trimmed(manager).map { managers.intern($0) } ?? -1)
        lines.channel.append(Self.trimmed(channel).map { channels.intern($0) } ?? -1)
        lines.campaign.append(Self.trimmed(campaign).map { campaigns.intern($0) } ?? -1)
        lines.sourceLine.append(Int32(clamping: line))
    }

    /// Interns the ids of the lines appended since the last flush; call before reading `customer` or `order`.
    package mutating func flush() {
        customerIDs.intern(pendingCustomers, into: &lines.customer)
        orderIDs.intern(pendingOrders, into: &lines.order)
        pendingCustomers.removeAll()
        pendingOrders.removeAll()
    }

    /// `buffer` without leading and trailing spaces and tabs; nil when nil or blank.
    package static func trimmed(_ buffer: UnsafeBufferPointer<UInt8>?) -> UnsafeBufferPointer<UInt8>? {
        guard let buffer, let base = buffer.baseAddress else { return nil }
        var start = 0, end = buffer.count
        while start < end, base[start] == 0x20 || base[start] == 0x09 { start += 1 }
        while end > start, base[end - 1] == 0x20 || base[end - 1] == 0x09 { end -= 1 }
        return end > start ? UnsafeBufferPointer(start: base + start, count: end - start) : nil
    }

    /// Parses `YYYY-MM-DD` bytes into a day ordinal, without making a String.
    package static func day(_ raw: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard raw.count == 10, raw[4] == 45, raw[7] == 45 else { return nil }
        func number(_ from: Int, _ to: Int) -> Int? {
            var value = 0
            for index in from..<to {
                let byte = raw[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 7), let dayOfMonth = number(8, 10),
            let day = Day(year: year, month: month, day: dayOfMonth)
        else { return nil }
        return Int32(day.ordinal)
    }
}

// MARK: - Storage

extension SaleColumns {
    /// The stored integer columns, in table order, and the dictionary each one's keys point into
    /// (nil: not keys; customers always have one).
    private static var keyColumns: [(name: String, path: WritableKeyPath<SaleColumns, [Int32]>, dictionary: Int?)] {
        [
            ("customer", \.lines.customer, 0), ("day", \.lines.day, nil), ("order_key", \.lines.order, 1),
            ("product", \.lines.product, 2), ("manager", \.lines.manager, 3), ("channel", \.lines.channel, 4),
            ("campaign", \.lines.campaign, 5), ("source_line", \.lines.sourceLine, nil),
        ]
    }

    /// The stored dictionaries, in table order (each as its values' bytes and their starts).
    private static var dictionaryColumns: [(name: String, path: WritableKeyPath<SaleColumns, Interner>)] {
        [
            ("customer_ids", \.customerIDs), ("order_ids", \.orderIDs), ("products", \.products), ("managers", \.managers),
            ("channels", \.channels), ("campaigns", \.campaigns),
        ]
    }

    private static var keyColumnNames: [String] { keyColumns.map(\.name) }
    private static var dictionaryNames: [String] { dictionaryColumns.map(\.name) }

    /// The `sale_columns` table's blob columns, in order.
    package static var blobColumns: [String] {
        keyColumnNames + ["amount", "cost"] + dictionaryNames.flatMap { [$0, $0 + "_starts"] }
    }

    /// Stores this copy for `dataset` (replacing an earlier one), inside the caller's transaction.
    /// Returns false, storing nothing, when a column would be too large for one SQLite value or
    /// the dataset's rows are not one run of row ids (then the analytics reads the rows).
    @discardableResult
    package mutating func save(dataset: Int64, round: Int64, in db: Database) throws -> Bool {
        flush()
        // The dataset's rows were inserted in one transaction: one run of row ids.
        let range = try Self.rowRange(dataset: dataset, round: round, db)
        guard let first = range.first, let last = range.last, last - first + 1 == Int64(count) else { return false }
        #if _endian(big)
            return false  // the layout is little-endian
        #endif
        let dictionaries = Self.dictionaryColumns.map { self[keyPath: $0.path] }
        let dictionaryStarts = dictionaries.map { $0.storage.starts.map { Int64($0) } }
        // Each blob is bound in place from its array (no copy of tens of megabytes): one nested
        // `withUnsafeBytes` per column, the statement run at the innermost level.
        let keys = Self.keyColumns.map { self[keyPath: $0.path] }
        var blobs: [BlobSource] = keys.map { column in BlobSource { try column.withUnsafeBytes($0) } }
        let amount = lines.amount, cost = lines.cost
        blobs += [BlobSource { try amount.withUnsafeBytes($0) }, BlobSource { try cost.withUnsafeBytes($0) }]
        for (index, dictionary) in dictionaries.enumerated() {
            let bytes = dictionary.storage.bytes, starts = dictionaryStarts[index]
            blobs += [BlobSource { try bytes.withUnsafeBytes($0) }, BlobSource { try starts.withUnsafeBytes($0) }]
        }
        let sizes =
            keys.map { $0.count * 4 } + [amount.count * 8, cost.count * 8]  // bytes of each blob
            + dictionaries.indices.flatMap { [dictionaries[$0].storage.bytes.count, dictionaryStarts[$0].count * 8] }
        guard sizes.allSatisfy({ $0 <= Self.largestColumn }) else { return false }
        let names = Self.blobColumns
        let statement = try db.makeStatement(
            sql: "INSERT OR REPLACE INTO sale_columns(dataset_id, round_id, format, line_count, first_row, last_row, "
                + "\(names.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?, "
                + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")")
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let fixed = [dataset, round, Int64(Self.format), Int64(count), first, last]
        for (index, value) in fixed.enumerated() {
            sqlite3_bind_int64(handle, Int32(index + 1), value)
        }
        func bind(_ index: Int) throws {
            guard index < blobs.count else {
                let status = sqlite3_step(handle)
                guard status == SQLITE_DONE else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: status), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                return
            }
            try blobs[index].read { buffer in
                let parameter = Int32(fixed.count + index + 1)
                if let base = buffer.baseAddress, !buffer.isEmpty {
                    sqlite3_bind_blob(handle, parameter, base, Int32(buffer.count), nil)  // SQLITE_STATIC: read before the closure ends
                } else {
                    sqlite3_bind_zeroblob(handle, parameter, 0)
                }
                try bind(index + 1)
            }
        }
        try bind(0)
        return true
    }

    /// Lends an array's bytes to a closure.
    private struct BlobSource {
        let read: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
        init(_ read: @escaping ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) { self.read = read }
    }

    /// The copies of every sales dataset of `round`, in import order; nil when one of them has
    /// none (imported by an earlier version), has another layout, is damaged, or no longer
    /// matches its rows' count — then the caller reads the rows.
    package static func load(round: Int64, in db: Database) throws -> [SaleColumns]? {
        #if _endian(big)
            return nil  // the layout is little-endian
        #endif
        let datasets = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, c.format, c.line_count, c.first_row, c.last_row
                FROM dataset d LEFT JOIN sale_columns c ON c.dataset_id = d.id
                WHERE d.round_id = ? AND d.kind = ? ORDER BY d.id
                """, arguments: [round, DatasetKind.sales.rawValue])
        var copies: [SaleColumns] = []
        for dataset in datasets {
            // Rows edited or deleted by hand drop the copy (triggers); rows added by hand move the
            // dataset's first or last row id. Two index lookups, whatever the dataset's size.
            let id: Int64 = dataset["id"]
            guard let format: Int = dataset["format"], format == Self.format, let lines: Int = dataset["line_count"],
                let first: Int64 = dataset["first_row"], let last: Int64 = dataset["last_row"], last - first + 1 == Int64(lines),
                try rowRange(dataset: id, round: round, db) == (first, last)
            else { return nil }
            guard let copy = try read(dataset: id, lines: lines, db) else { return nil }
            copies.append(copy)
        }
        return copies
    }

    /// The first and last row id of the dataset's `sale` rows (nil, nil when it has none).
    private static func rowRange(dataset: Int64, round: Int64, _ db: Database) throws -> (first: Int64?, last: Int64?) {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT min(row_id) FROM sale WHERE round_id = ?1 AND dataset_id = ?2),
                       (SELECT max(row_id) FROM sale WHERE round_id = ?1 AND dataset_id = ?2)
                """, arguments: [round, dataset])
        return (row?[0], row?[1])
    }

    private static func read(dataset: Int64, lines: Int, _ db: Database) throws -> SaleColumns? {
        // Each blob is read straight into its array (SQLite's incremental blob I/O): no
        // intermediate copy of tens of megabytes.
        func array<Element: BitwiseCopyable>(_ column: String, count: Int?) -> [Element]? {
            var blob: OpaquePointer?
            guard sqlite3_blob_open(db.sqliteConnection, "main", "sale_columns", column, dataset, 0, &blob) == SQLITE_OK, let blob else {
                sqlite3_blob_close(blob)
                return nil
            }
            defer { sqlite3_blob_close(blob) }
            let size = Int(sqlite3_blob_bytes(blob))
            let stride = MemoryLayout<Element>.stride
            guard size % stride == 0, count.map({ $0 * stride == size }) ?? true else { return nil }
            let elements = size / stride
            var status = SQLITE_OK
            let values = [Element](unsafeUninitializedCapacity: elements) { buffer, initialised in
                if let base = buffer.baseAddress, size > 0 { status = sqlite3_blob_read(blob, base, Int32(size), 0) }
                initialised = status == SQLITE_OK ? elements : 0
            }
            return status == SQLITE_OK ? values : nil
        }
        var copy = SaleColumns()
        for (name, path, _) in keyColumns {
            guard let values: [Int32] = array(name, count: lines) else { return nil }
            copy[keyPath: path] = values
        }
        guard let amounts: [Double] = array("amount", count: lines), let costs: [Double] = array("cost", count: lines) else { return nil }
        // Amounts as imports store them (NaN: no cost); anything else is a damaged copy, and the
        // rows, the canonical record, are read instead.
        guard NumberLimits.areAmounts(amounts), NumberLimits.areAmounts(costs, nanAllowed: true) else { return nil }
        copy.lines.amount = amounts
        copy.lines.cost = costs
        for (name, path) in dictionaryColumns {
            guard let bytes: [UInt8] = array(name, count: nil), let starts: [Int64] = array(name + "_starts", count: nil),
                let dictionary = Interner(values: bytes, starts: starts.map { Int($0) })
            else { return nil }
            copy[keyPath: path] = dictionary
        }
        // Every key must name a value of its dictionary (customers always have one).
        for (name, path, dictionary) in keyColumns {
            guard let dictionary else { continue }
            let limit = Int32(copy[keyPath: dictionaryColumns[dictionary].path].count)
            let lowest: Int32 = name == "customer" ? 0 : -1
            guard copy[keyPath: path].allSatisfy({ $0 >= lowest && $0 < limit }) else { return nil }
        }
        return copy
    }
}
