import AuditModel
import Foundation
import GRDB
import GRDBSQLite
import Workspace

/// Strings turned into dense integer keys, so that the computation works on arrays.
///
/// Keys are looked up by their UTF-8 bytes (straight from SQLite's buffers), so that a String is
/// made only for a value not seen before — or never, for an interner made with `keepsNames: false`
/// (then ``name(_:)`` decodes a key's bytes on demand and ``names`` stays empty).
struct Interner: Sendable {
    /// Open addressing; a slot holds the key's hash in its high 32 bits and key + 1 in the low
    /// 32 bits (0 = empty), so that a probe reads one word.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var bytes: [UInt8] = []
    /// The value of each key, when the interner keeps names (see ``name(_:)`` otherwise).
    private(set) var names: [String] = []
    private var keepsNames = true
    private var lastKey: Int32 = -1
    /// The sum of the slots read ahead by ``intern(_:into:)`` (kept so that the reads stay).
    private var touched: UInt64 = 0

    var count: Int { starts.count }

    init(keepsNames: Bool = true) {
        self.keepsNames = keepsNames
    }

    /// An interner sized for about `capacity` distinct values.
    init(capacity: Int, keepsNames: Bool = true) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        self.keepsNames = keepsNames
        if keepsNames { names.reserveCapacity(capacity) }
    }

    /// The value of `key`.
    func name(_ key: Int) -> String {
        if keepsNames { return names[key] }
        let start = starts[key], end = key + 1 < starts.count ? starts[key + 1] : bytes.count
        return bytes[start..<end].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The keys of `other`'s values in this interner, in `other`'s key order (values not yet here
    /// are added in that order). Slots are read ahead 64 values at a time, as in ``intern(_:into:)``.
    mutating func keys(of other: Interner) -> [Int32] {
        var keys = [Int32]()
        keys.reserveCapacity(other.count)
        other.bytes.withUnsafeBufferPointer { all in
            var first = 0
            while first < other.count {
                let last = min(first + ByteBatch.capacity, other.count)
                let mask = slots.count - 1
                var touched: UInt64 = 0
                for key in first..<last { touched &+= slots[Int(truncatingIfNeeded: other.hashes[key]) & mask] }
                self.touched = touched
                for key in first..<last {
                    let end = key + 1 < other.starts.count ? other.starts[key + 1] : other.bytes.count
                    keys.append(intern(UnsafeBufferPointer(rebasing: all[other.starts[key]..<end]), hash: other.hashes[key]))
                }
                first = last
            }
        }
        return keys
    }

    /// Whether `arena[start..<start + buffer.count]` holds the bytes of `buffer`.
    private static func same(_ arena: [UInt8], _ start: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, buffer.count) == 0 }
    }

    /// Eight bytes at a time, then MurmurHash3's finaliser, so that keys differing only in their
    /// last digits spread over the whole table.
    private static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        guard let base = buffer.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= buffer.count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 31) | (hash >> 33)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        hash ^= tail
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    private func find(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, key: Int32) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, -1) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let k = Int(entry & 0xFFFF_FFFF) - 1
                let start = starts[k], end = k + 1 < starts.count ? starts[k + 1] : bytes.count
                if end - start == buffer.count && Self.same(bytes, start, buffer) {
                    return (slot, Int32(k))
                }
            }
            slot = (slot + 1) & mask
        }
    }

    mutating func intern(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int32 {
        // Consecutive lines of one order repeat their values: check the last key first.
        if lastKey >= 0 {
            let k = Int(lastKey)
            let start = starts[k], end = k + 1 < starts.count ? starts[k + 1] : bytes.count
            if end - start == buffer.count
                && Self.same(bytes, start, buffer) {
                return lastKey
            }
        }
        let key = insert(buffer, hash: hash ?? Self.hash(buffer))
        lastKey = key
        return key
    }

    /// Interns a batch of values held in `batch` and appends their keys (−1 for a missing value)
    /// to `keys`, in batch order — the same keys as interning them one by one. The table slots of
    /// the whole batch are read first, so that their cache misses overlap instead of queueing.
    mutating func intern(_ batch: ByteBatch, into keys: inout [Int32]) {
        guard !batch.ends.isEmpty else { return }
        var hashes = [UInt64](repeating: 0, count: batch.ends.count)
        batch.bytes.withUnsafeBufferPointer { all in
            let mask = slots.count - 1
            var touched: UInt64 = 0
            for item in batch.ends.indices where batch.present[item] {
                let buffer = UnsafeBufferPointer(rebasing: all[batch.start(item)..<batch.ends[item]])
                hashes[item] = Self.hash(buffer)
                touched &+= slots[Int(truncatingIfNeeded: hashes[item]) & mask]
            }
            self.touched = touched
            for item in batch.ends.indices {
                guard batch.present[item] else {
                    keys.append(-1)
                    continue
                }
                keys.append(intern(UnsafeBufferPointer(rebasing: all[batch.start(item)..<batch.ends[item]]), hash: hashes[item]))
            }
        }
    }

    private mutating func insert(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let (slot, found) = find(buffer, hash: hash)
        if found >= 0 { return found }
        let key = Int32(starts.count)
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(key + 1)
        hashes.append(hash)
        starts.append(bytes.count)
        bytes.append(contentsOf: buffer)
        if keepsNames { names.append(String(decoding: buffer, as: UTF8.self)) }
        if starts.count * 2 > slots.count { grow() }
        return key
    }

    mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0) }
    }

    func key(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            let found = find(buffer, hash: Self.hash(buffer)).key
            return found >= 0 ? found : nil
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (key, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(key + 1)
        }
    }
}

/// Up to ``capacity`` optional values copied out of SQLite's buffers, for ``Interner/intern(_:into:)``.
struct ByteBatch {
    static let capacity = 64
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var present: [Bool] = []

    init() {
        bytes.reserveCapacity(Self.capacity * 32)
        ends.reserveCapacity(Self.capacity)
        present.reserveCapacity(Self.capacity)
    }

    var isFull: Bool { ends.count >= Self.capacity }

    func start(_ item: Int) -> Int { item == 0 ? 0 : ends[item - 1] }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>?) {
        if let buffer { bytes.append(contentsOf: buffer) }
        ends.append(bytes.count)
        present.append(buffer != nil)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        present.removeAll(keepingCapacity: true)
    }
}

/// The sale lines of a round as parallel arrays (one element per line), with integer keys.
///
/// Missing values are −1 for keys, `nil`-free `Double.nan` for costs, and `Int32.min` for
/// unreadable dates.
struct SalesColumns: Sendable {
    var customer: [Int32] = []
    var day: [Int32] = []
    var amount: [Double] = []
    var cost: [Double] = []
    var order: [Int32] = []
    var product: [Int32] = []
    var manager: [Int32] = []
    var channel: [Int32] = []
    var campaign: [Int32] = []
    var sourceLine: [Int32] = []
    var orderCount = 0

    var count: Int { amount.count }

    mutating func reserve(_ capacity: Int) {
        customer.reserveCapacity(capacity)
        day.reserveCapacity(capacity)
        amount.reserveCapacity(capacity)
        cost.reserveCapacity(capacity)
        order.reserveCapacity(capacity)
        product.reserveCapacity(capacity)
        manager.reserveCapacity(capacity)
        channel.reserveCapacity(capacity)
        campaign.reserveCapacity(capacity)
        sourceLine.reserveCapacity(capacity)
    }
}

/// The customer fields in canonical order (see ``CustomerList`` for how each is stored).
enum CustomerField: Int, CaseIterable, Sendable {
    case customerID, name, type, taxID, email, phone, birthDate, gender, city, region, industry, segment, source, manager,
         createdAt, emailConsent

    var name: String { CanonicalModel.fields(of: .customers)[rawValue].name }
}

struct ManagerRecord: Sendable {
    var manager: String
    var leftAt: Day?
}

struct DealRecord: Sendable {
    var dealID: String
    var customerID: String?
    var createdAt: Day?
    var closedAt: Day?
    var stage: String?
    var status: String?
    var amount: Double?
}

struct ActivityRecord: Sendable {
    var customerID: String?
    var day: Day?
}

struct CampaignRecord: Sendable {
    var campaign: String
    var channel: String?
    var cost: Double?
}

/// Everything the analytics reads from one round, loaded in one read transaction.
struct RoundData: Sendable {
    var roundDate: Day
    /// Keys of customer ids: those of the customer list first (in list order), then ids only in sales.
    var customerKeys = Interner()
    var customers = CustomerList()
    /// Customer-list index of each customer key (−1 when the id is only in sales).
    var customerListIndex: [Int32] = []
    /// Customer ids that appear more than once in the list, with their row indices.
    var repeatedIDs: [Int32: [Int]] = [:]
    var sales = SalesColumns()
    var orders = Interner()
    var products = Interner()
    var managerKeys = Interner()
    var channels = Interner()
    var campaigns = Interner()
    var managers: [ManagerRecord] = []
    var deals: [DealRecord] = []
    var activities: [ActivityRecord] = []
    var campaignList: [CampaignRecord] = []

    func has(_ kind: DatasetKind) -> Bool {
        switch kind {
        case .customers: !customers.isEmpty
        case .sales: sales.count > 0
        case .managers: !managers.isEmpty
        case .deals: !deals.isEmpty
        case .activities: !activities.isEmpty
        case .campaigns: !campaignList.isEmpty
        }
    }
}

extension RoundData {
    /// Reads the canonical rows of `round` in one read transaction.
    static func load(from workspace: Workspace, round: AuditRound) throws -> RoundData {
        var data = try loadCustomerSide(from: workspace, round: round)
        data.adopt(sales: try loadSalesSide(from: workspace, round: round))
        return data
    }

    /// Reads everything but the sale lines (customers, managers, deals, activities, campaigns).
    static func loadCustomerSide(from workspace: Workspace, round: AuditRound) throws -> RoundData {
        try reading(workspace) { db in
            var data = RoundData(roundDate: round.date)
            try data.loadCustomers(db, round: round.id)
            try data.loadOthers(db, round: round.id)
            return data
        }
    }

    /// Reads the sale lines (those with `row_id` in `rows` when given), with customer keys of
    /// their own (see ``adopt(sales:)``).
    static func loadSalesSide(from workspace: Workspace, round: AuditRound, rows: Range<Int64>? = nil) throws -> RoundData {
        try reading(workspace) { db in
            var data = RoundData(roundDate: round.date)
            data.customerKeys = Interner(keepsNames: false)
            try data.loadSales(db, round: round.id, rows: rows)
            return data
        }
    }

    private static func reading(_ workspace: Workspace, _ body: (Database) throws -> RoundData) throws -> RoundData {
        do {
            return try workspace.read(body)
        } catch let error as AnalyticsError {
            throw error
        } catch {
            throw AnalyticsError.database(path: workspace.path, message: "\(error)")
        }
    }

    /// Takes the sale lines (and their keys) of `other`, re-keying their customers into this
    /// data's customer keys (the customer list's first, then ids only in sales).
    mutating func adopt(sales other: RoundData) {
        let mapping = customerKeys.keys(of: other.customerKeys)
        sales = other.sales
        orders = other.orders
        finishOrders()
        for index in sales.customer.indices { sales.customer[index] = mapping[Int(sales.customer[index])] }
        products = other.products
        managerKeys = other.managerKeys
        channels = other.channels
        campaigns = other.campaigns
        while customerListIndex.count < customerKeys.count { customerListIndex.append(-1) }
    }

    private mutating func loadCustomers(_ db: Database, round: Int64) throws {
        let expected = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer WHERE round_id = ?", arguments: [round]) ?? 0
        // When the round holds most of the table, one pass over the table in row order beats a
        // lookup per row — and gives the list's order (datasets, then rows) as long as the
        // datasets' rows follow one another; if they do not, the rows are read again through the index.
        let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer") ?? 0
        if expected * 2 >= all, try loadCustomers(db, round: round, expected: expected, scan: true) { return }
        _ = try loadCustomers(db, round: round, expected: expected, scan: false)
    }

    /// Reads the customer list; with `scan`, in row order, and returns false (having read nothing)
    /// when that is not the order of datasets, then rows.
    private mutating func loadCustomers(_ db: Database, round: Int64, expected: Int, scan: Bool) throws -> Bool {
        let fields = CustomerField.allCases
        let columnNames = fields.map(\.name).joined(separator: ", ")
        var columns = CustomerColumns(capacity: expected)
        customerKeys = Interner(capacity: expected)
        customerListIndex = []
        customerListIndex.reserveCapacity(expected)
        repeatedIDs = [:]
        // Ids are interned 64 at a time (most are new: a lookup is a cache miss), then placed in order.
        var idBatch = ByteBatch()
        var batchKeys: [Int32] = []
        func place() {
            batchKeys.removeAll(keepingCapacity: true)
            customerKeys.intern(idBatch, into: &batchKeys)
            idBatch.removeAll()
            for key in batchKeys {
                let position = columns.idKeys.count
                columns.idKeys.append(key)
                if Int(key) == customerListIndex.count {
                    customerListIndex.append(Int32(position))
                } else {
                    repeatedIDs[key, default: [Int(customerListIndex[Int(key)])]].append(position)
                }
            }
        }
        let source = scan ? "customer NOT INDEXED WHERE round_id = ? ORDER BY row_id"
            : "customer WHERE round_id = ? ORDER BY dataset_id, row_id"
        var lastDataset = Int64.min
        var ordered = true
        try Self.forEachRow(db, sql: "SELECT \(columnNames), source_line, dataset_id FROM \(source)", arguments: [round]) { statement in
            guard ordered else { return }
            let dataset = sqlite3_column_int64(statement, Int32(fields.count + 1))
            if dataset < lastDataset {
                ordered = false
                return
            }
            lastDataset = dataset
            guard let idBytes = Self.bytes(statement, 0) else { return }
            idBatch.append(idBytes)
            columns.appendRow { Self.bytes(statement, Int32($0.rawValue)) }
            columns.sourceLines.append(Int(sqlite3_column_int64(statement, Int32(fields.count))))
            if idBatch.isFull { place() }
        }
        guard ordered else { return false }
        place()
        customers = CustomerList(columns, idNames: customerKeys.names)
        return true
    }

    /// Reads the round's sale lines, or those with `row_id` in `rows` (then in one pass over the
    /// table). Lines without an order id keep order key −1 until ``finishOrders()``.
    private mutating func loadSales(_ db: Database, round: Int64, rows: Range<Int64>?) throws {
        let source: String
        var arguments: [Int64] = [round]
        if let rows {
            sales.reserve(Int(rows.count))
            orders = Interner(capacity: Int(rows.count) / 2, keepsNames: false)
            source = "sale NOT INDEXED WHERE round_id = ? AND row_id >= ? AND row_id < ? ORDER BY row_id"
            arguments += [rows.lowerBound, rows.upperBound]
        } else {
            let expected = try Int.fetchOne(db, sql: "SELECT count(*) FROM sale WHERE round_id = ?", arguments: [round]) ?? 0
            sales.reserve(expected)
            orders = Interner(capacity: expected / 2, keepsNames: false)
            // When the round holds most of the lines, one pass over the table beats a lookup per line.
            let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM sale") ?? 0
            source = expected * 2 >= all ? "sale NOT INDEXED WHERE round_id = ? ORDER BY row_id"
                : "sale WHERE round_id = ? ORDER BY dataset_id, row_id"
        }
        var orderBatch = ByteBatch()
        try Self.forEachRow(db, sql: """
            SELECT customer_id, date, amount, cost, order_id, product, manager, channel, campaign, source_line
            FROM \(source)
            """, arguments: arguments) { statement in
            // Order ids are interned in batches (most are new: a lookup is a cache miss).
            orderBatch.append(Self.bytes(statement, 4))
            if orderBatch.isFull {
                orders.intern(orderBatch, into: &sales.order)
                orderBatch.removeAll()
            }
            sales.customer.append(Self.bytes(statement, 0).map { customerKeys.intern($0) } ?? customerKeys.intern(""))
            sales.day.append(Self.bytes(statement, 1).flatMap(Self.day) ?? Int32.min)
            sales.amount.append(sqlite3_column_double(statement, 2))
            sales.cost.append(sqlite3_column_type(statement, 3) == SQLITE_NULL ? Double.nan : sqlite3_column_double(statement, 3))
            sales.product.append(Self.bytes(statement, 5).map { products.intern($0) } ?? -1)
            sales.manager.append(Self.bytes(statement, 6).map { managerKeys.intern($0) } ?? -1)
            sales.channel.append(Self.bytes(statement, 7).map { channels.intern($0) } ?? -1)
            sales.campaign.append(Self.bytes(statement, 8).map { campaigns.intern($0) } ?? -1)
            sales.sourceLine.append(Int32(clamping: sqlite3_column_int64(statement, 9)))
        }
        orders.intern(orderBatch, into: &sales.order)
    }

    /// Gives each line without an order id an order key of its own, after the real ones.
    mutating func finishOrders() {
        var next = Int32(orders.count)
        for index in sales.order.indices where sales.order[index] < 0 {
            sales.order[index] = next
            next += 1
        }
        sales.orderCount = Int(next)
    }

    /// Appends the sale lines of `other` (read from a later row range), re-keying its values.
    mutating func append(sales other: RoundData) {
        func remap(_ keys: [Int32], _ mapping: [Int32]) -> [Int32] {
            keys.map { $0 < 0 ? $0 : mapping[Int($0)] }
        }
        let customerMap = customerKeys.keys(of: other.customerKeys)
        let orderMap = orders.keys(of: other.orders)
        let productMap = products.keys(of: other.products)
        let managerMap = managerKeys.keys(of: other.managerKeys)
        let channelMap = channels.keys(of: other.channels)
        let campaignMap = campaigns.keys(of: other.campaigns)
        sales.customer += remap(other.sales.customer, customerMap)
        sales.day += other.sales.day
        sales.amount += other.sales.amount
        sales.cost += other.sales.cost
        sales.order += remap(other.sales.order, orderMap)
        sales.product += remap(other.sales.product, productMap)
        sales.manager += remap(other.sales.manager, managerMap)
        sales.channel += remap(other.sales.channel, channelMap)
        sales.campaign += remap(other.sales.campaign, campaignMap)
        sales.sourceLine += other.sales.sourceLine
    }

    /// How to split the round's sale lines between two readers: two row ranges when the round
    /// holds most of the table and at least `minimum` lines, else nil (one reader).
    static func salesSplit(from workspace: Workspace, round: AuditRound, minimum: Int = 200_000) throws -> [Range<Int64>]? {
        do {
            return try workspace.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT count(*), min(row_id), max(row_id) FROM sale WHERE round_id = ?",
                                                 arguments: [round.id]),
                      let count: Int = row[0], count >= minimum, let low: Int64 = row[1], let high: Int64 = row[2]
                else { return nil }
                let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM sale") ?? 0
                guard count * 2 >= all else { return nil }
                let middle = low + (high - low + 1) / 2
                return [low..<middle, middle..<(high + 1)]
            }
        } catch {
            throw AnalyticsError.database(path: workspace.path, message: "\(error)")
        }
    }

    /// Steps through `sql` (with the round id as its one argument) on SQLite's own API, so that
    /// text is read from SQLite's buffers without making a String per value.
    private static func forEachRow(_ db: Database, sql: String, arguments: [Int64],
                                   _ body: (SQLiteStatement) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(handle)
        }
    }

    /// A text column's UTF-8 bytes without surrounding blanks; nil when NULL or blank.
    /// The buffer is valid until the next step.
    static func bytes(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        var start = 0, end = Int(sqlite3_column_bytes(statement, column))
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return end > start ? UnsafeBufferPointer(start: text + start, count: end - start) : nil
    }

    private mutating func loadOthers(_ db: Database, round: Int64) throws {
        for row in try Row.fetchAll(db, sql: "SELECT manager, left_at FROM manager WHERE round_id = ? ORDER BY dataset_id, row_id",
                                    arguments: [round]) {
            guard let name = Self.text(row, 0) else { continue }
            managers.append(ManagerRecord(manager: name, leftAt: Self.text(row, 1).flatMap { Day(iso: $0) }))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT deal_id, customer_id, created_at, closed_at, stage, status, amount FROM deal
            WHERE round_id = ? ORDER BY dataset_id, row_id
            """, arguments: [round]) {
            deals.append(DealRecord(
                dealID: Self.text(row, 0) ?? "", customerID: Self.text(row, 1),
                createdAt: Self.text(row, 2).flatMap { Day(iso: $0) }, closedAt: Self.text(row, 3).flatMap { Day(iso: $0) },
                stage: Self.text(row, 4), status: Self.text(row, 5)?.lowercased(), amount: row[6]))
        }
        let activityCursor = try Row.fetchCursor(
            db, sql: "SELECT customer_id, date FROM activity WHERE round_id = ? ORDER BY dataset_id, row_id", arguments: [round])
        while let row = try activityCursor.next() {
            activities.append(ActivityRecord(customerID: Self.text(row, 0), day: Self.text(row, 1).flatMap { Day(iso: $0) }))
        }
        for row in try Row.fetchAll(db, sql: "SELECT campaign, channel, cost FROM campaign WHERE round_id = ? ORDER BY dataset_id, row_id",
                                    arguments: [round]) {
            guard let name = Self.text(row, 0) else { continue }
            campaignList.append(CampaignRecord(campaign: name, channel: Self.text(row, 1), cost: row[2]))
        }
    }

    /// A column as trimmed text, nil when NULL or blank. Numbers stored in a TEXT column read as text.
    static func text(_ row: Row, _ index: Int) -> String? {
        guard let value: String = row[index] else { return nil }
        if value.isEmpty { return nil }
        guard let first = value.utf8.first, let last = value.utf8.last,
              first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09 else { return value }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Parses `YYYY-MM-DD` bytes into a day ordinal, without making a String.
    static func day(_ raw: UnsafeBufferPointer<UInt8>) -> Int32? {
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
              let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        return Int32(day.ordinal)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
