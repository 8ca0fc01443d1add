import AuditModel
import Foundation
import GRDB
import GRDBSQLite
import Workspace

/// The customer fields in canonical order (see ``CustomerList`` for how each is stored).
enum CustomerField: Int, CaseIterable, Sendable {
    case customerID, name, type, taxID, email, phone, birthDate, gender, city, region, industry, segment, source, manager,
        createdAt, emailConsent

    var name: String { CanonicalModel.fields(of: .customers)[rawValue].name }
}

struct ManagerRecord: Sendable {
    var manager: String
    var leftAt: Day?
    var department: String? = nil
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
    var sales = SaleLines()
    /// Order keys given out (after ``finishOrders()``, lines without an order id have their own).
    var orderCount = 0
    var orders = Interner()
    var products = Interner()
    var managerKeys = Interner()
    var channels = Interner()
    var campaigns = Interner()
    var managers: [ManagerRecord] = []
    var deals: [DealRecord] = []
    var activities: [ActivityRecord] = []
    var campaignList: [CampaignRecord] = []
    /// How the sale lines' customers were found in the list (nil without a list or sales adopted).
    var customerMatching: CustomerMatching?

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
            try data.loadOthers(db, round: round.id, workspace: workspace.path)
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

    static func reading<T>(_ workspace: Workspace, _ body: (Database) throws -> T) throws -> T {
        do {
            return try workspace.read(body)
        } catch let error as any AuditError {
            throw error
        } catch {
            throw AnalyticsError.database(path: workspace.path, message: "\(error)")
        }
    }

    /// Takes the sale lines (and their keys) of `other`, re-keying their customers into this
    /// data's customer keys (the customer list's first, then ids only in sales).
    ///
    /// A sales customer not in the list letter for letter is looked for by tax id and normalised
    /// name (see ``CustomerMatching``): found once, its lines take that customer's key.
    mutating func adopt(sales other: RoundData) {
        let listCount = customerListIndex.count
        var mapping = customerKeys.keys(of: other.customerKeys)
        sales = other.sales
        orders = other.orders
        finishOrders()
        products = other.products
        managerKeys = other.managerKeys
        channels = other.channels
        campaigns = other.campaigns
        while customerListIndex.count < customerKeys.count { customerListIndex.append(-1) }
        let aliases = customerAliases(listCount: listCount)
        var how = [UInt8](repeating: 0, count: mapping.count)
        for index in mapping.indices {
            let key = Int(mapping[index])
            how[index] = aliases.how[key]
            mapping[index] = aliases.target[key]
        }
        var matching = CustomerMatching()
        matching.ambiguous = aliases.ambiguous
        for index in sales.customer.indices {
            let original = Int(sales.customer[index])
            switch how[original] {
            case 0: matching.byCode += 1
            case 1: matching.byTaxID += 1
            case 2: matching.byName += 1
            default: matching.unmatched += 1
            }
            sales.customer[index] = mapping[original]
        }
        customerMatching = listCount > 0 ? matching : nil
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
        let source =
            scan
            ? "customer NOT INDEXED WHERE round_id = ? ORDER BY row_id"
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
            source =
                expected * 2 >= all
                ? "sale NOT INDEXED WHERE round_id = ? ORDER BY row_id"
                : "sale WHERE round_id = ? ORDER BY dataset_id, row_id"
        }
        var orderBatch = ByteBatch()
        try Self.forEachRow(
            db,
            sql: """
                SELECT customer_id, date, amount, cost, order_id, product, manager, channel, campaign, source_line
                FROM \(source)
                """, arguments: arguments
        ) { statement in
            // Order ids are interned in batches (most are new: a lookup is a cache miss).
            orderBatch.append(Self.bytes(statement, 4))
            if orderBatch.isFull {
                orders.intern(orderBatch, into: &sales.order)
                orderBatch.removeAll()
            }
            sales.customer.append(Self.bytes(statement, 0).map { customerKeys.intern($0) } ?? customerKeys.intern(""))
            sales.day.append(Self.bytes(statement, 1).flatMap(Self.day) ?? Int32.min)
            // Text or a blob where a number belongs (written by hand) reads as NaN (amount) or ∞
            // (cost, whose NaN means none), which `StoredAmounts.check` refuses, not as 0.
            switch sqlite3_column_type(statement, 2) {
            case SQLITE_TEXT, SQLITE_BLOB: sales.amount.append(.nan)
            default: sales.amount.append(sqlite3_column_double(statement, 2))
            }
            switch sqlite3_column_type(statement, 3) {
            case SQLITE_NULL: sales.cost.append(.nan)
            case SQLITE_TEXT, SQLITE_BLOB: sales.cost.append(.infinity)
            default: sales.cost.append(sqlite3_column_double(statement, 3))
            }
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
        orderCount = Int(next)
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
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT count(*), min(row_id), max(row_id) FROM sale WHERE round_id = ?",
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
    private static func forEachRow(
        _ db: Database, sql: String, arguments: [Int64],
        _ body: (SQLiteStatement) throws -> Void
    ) throws {
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
        return SaleColumns.trimmed(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
    }

    private mutating func loadOthers(_ db: Database, round: Int64, workspace: String) throws {
        for row in try Row.fetchAll(
            db, sql: "SELECT manager, left_at, department FROM manager WHERE round_id = ? ORDER BY dataset_id, row_id",
            arguments: [round])
        {
            guard let name = Self.text(row, 0) else { continue }
            managers.append(ManagerRecord(manager: name, leftAt: Self.text(row, 1).flatMap { Day(iso: $0) }, department: Self.text(row, 2)))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT deal_id, customer_id, created_at, closed_at, stage, status, amount FROM deal
                WHERE round_id = ? ORDER BY dataset_id, row_id
                """, arguments: [round])
        {
            deals.append(
                DealRecord(
                    dealID: Self.text(row, 0) ?? "", customerID: Self.text(row, 1),
                    createdAt: Self.text(row, 2).flatMap { Day(iso: $0) }, closedAt: Self.text(row, 3).flatMap { Day(iso: $0) },
                    stage: Self.text(row, 4), status: Self.text(row, 5)?.lowercased(), amount: StoredAmounts.number(row, 6)))
        }
        if deals.contains(where: { $0.amount.map { !StoredAmounts.isUsable(amount: $0) } ?? false }) {
            throw try StoredAmounts.locate(table: "deal", field: "amount", round: round, in: db, workspace: workspace)
        }
        let activityCursor = try Row.fetchCursor(
            db, sql: "SELECT customer_id, date FROM activity WHERE round_id = ? ORDER BY dataset_id, row_id", arguments: [round])
        while let row = try activityCursor.next() {
            activities.append(ActivityRecord(customerID: Self.text(row, 0), day: Self.text(row, 1).flatMap { Day(iso: $0) }))
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT campaign, channel, cost FROM campaign WHERE round_id = ? ORDER BY dataset_id, row_id",
            arguments: [round])
        {
            guard let name = Self.text(row, 0) else { continue }
            campaignList.append(CampaignRecord(campaign: name, channel: Self.text(row, 1), cost: StoredAmounts.number(row, 2)))
        }
        if campaignList.contains(where: { $0.cost.map { !StoredAmounts.isUsable(amount: $0) } ?? false }) {
            throw try StoredAmounts.locate(table: "campaign", field: "cost", round: round, in: db, workspace: workspace)
        }
    }

    /// A column as trimmed text, nil when NULL or blank. Numbers stored in a TEXT column read as text.
    static func text(_ row: Row, _ index: Int) -> String? {
        guard let value: String = row[index] else { return nil }
        if value.isEmpty { return nil }
        guard let first = value.utf8.first, let last = value.utf8.last,
            first == 0x20 || last == 0x20 || first == 0x09 || last == 0x09
        else { return value }
        let trimmed = value.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Parses `YYYY-MM-DD` bytes into a day ordinal, without making a String.
    static func day(_ raw: UnsafeBufferPointer<UInt8>) -> Int32? { SaleColumns.day(raw) }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
