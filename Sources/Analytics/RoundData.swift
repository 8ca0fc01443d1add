import AuditModel
import Foundation
import GRDB
import Workspace

/// Strings turned into dense integer keys, so that the computation works on arrays.
struct Interner: Sendable {
    private(set) var keys: [String: Int32] = [:]
    private(set) var names: [String] = []

    var count: Int { names.count }

    mutating func intern(_ text: String) -> Int32 {
        if let key = keys[text] { return key }
        let key = Int32(names.count)
        keys[text] = key
        names.append(text)
        return key
    }

    func key(_ text: String) -> Int32? { keys[text] }
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

/// One customer of the customer list: its canonical fields by ``CustomerField`` index.
struct CustomerRecord: Sendable {
    var values: [String?]
    var sourceLine: Int
    subscript(field: CustomerField) -> String? { values[field.rawValue] }
}

/// The customer fields in canonical order (indices into ``CustomerRecord/values``).
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
    var customers: [CustomerRecord] = []
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
    /// Reads the canonical rows of `round`.
    static func load(from workspace: Workspace, round: AuditRound) throws -> RoundData {
        do {
            return try workspace.read { db in
                var data = RoundData(roundDate: round.date)
                try data.loadCustomers(db, round: round.id)
                try data.loadSales(db, round: round.id)
                try data.loadOthers(db, round: round.id)
                return data
            }
        } catch let error as AnalyticsError {
            throw error
        } catch {
            throw AnalyticsError.database(path: workspace.path, message: "\(error)")
        }
    }

    private mutating func loadCustomers(_ db: Database, round: Int64) throws {
        let columns = CustomerField.allCases.map(\.name).joined(separator: ", ")
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(columns), source_line FROM customer WHERE round_id = ? ORDER BY row_id", arguments: [round])
        let width = CustomerField.allCases.count
        while let row = try cursor.next() {
            var values = [String?](repeating: nil, count: width)
            for index in 0..<width {
                values[index] = Self.text(row, index)
            }
            guard let id = values[0] else { continue }
            let key = customerKeys.intern(id)
            let position = customers.count
            customers.append(CustomerRecord(values: values, sourceLine: row[width] ?? 0))
            if Int(key) == customerListIndex.count {
                customerListIndex.append(Int32(position))
            } else {
                repeatedIDs[key, default: [Int(customerListIndex[Int(key)])]].append(position)
            }
        }
    }

    private mutating func loadSales(_ db: Database, round: Int64) throws {
        let expected = try Int.fetchOne(db, sql: "SELECT count(*) FROM sale WHERE round_id = ?", arguments: [round]) ?? 0
        sales.reserve(expected)
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT customer_id, date, amount, cost, order_id, product, manager, channel, campaign, source_line
            FROM sale WHERE round_id = ? ORDER BY row_id
            """, arguments: [round])
        while let row = try cursor.next() {
            let customerID: String = Self.text(row, 0) ?? ""
            sales.customer.append(customerKeys.intern(customerID))
            sales.day.append(try row.withUnsafeData(atIndex: 1) { data in Self.day(data) } ?? Int32.min)
            sales.amount.append(row[2] ?? 0)
            sales.cost.append(row[3] ?? Double.nan)
            if let order = Self.text(row, 4) {
                sales.order.append(orders.intern(order))
            } else {
                sales.order.append(-1)
            }
            sales.product.append(Self.text(row, 5).map { products.intern($0) } ?? -1)
            sales.manager.append(Self.text(row, 6).map { managerKeys.intern($0) } ?? -1)
            sales.channel.append(Self.text(row, 7).map { channels.intern($0) } ?? -1)
            sales.campaign.append(Self.text(row, 8).map { campaigns.intern($0) } ?? -1)
            sales.sourceLine.append(Int32(clamping: row[9] as Int? ?? 0))
        }
        // Lines without an order id are orders of their own: give each a key after the real ones.
        var next = Int32(orders.count)
        for index in sales.order.indices where sales.order[index] < 0 {
            sales.order[index] = next
            next += 1
        }
        sales.orderCount = Int(next)
        while customerListIndex.count < customerKeys.count { customerListIndex.append(-1) }
    }

    private mutating func loadOthers(_ db: Database, round: Int64) throws {
        for row in try Row.fetchAll(db, sql: "SELECT manager, left_at FROM manager WHERE round_id = ? ORDER BY row_id",
                                    arguments: [round]) {
            guard let name = Self.text(row, 0) else { continue }
            managers.append(ManagerRecord(manager: name, leftAt: Self.text(row, 1).flatMap { Day(iso: $0) }))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT deal_id, customer_id, created_at, closed_at, stage, status, amount FROM deal
            WHERE round_id = ? ORDER BY row_id
            """, arguments: [round]) {
            deals.append(DealRecord(
                dealID: Self.text(row, 0) ?? "", customerID: Self.text(row, 1),
                createdAt: Self.text(row, 2).flatMap { Day(iso: $0) }, closedAt: Self.text(row, 3).flatMap { Day(iso: $0) },
                stage: Self.text(row, 4), status: Self.text(row, 5)?.lowercased(), amount: row[6]))
        }
        let activityCursor = try Row.fetchCursor(
            db, sql: "SELECT customer_id, date FROM activity WHERE round_id = ? ORDER BY row_id", arguments: [round])
        while let row = try activityCursor.next() {
            activities.append(ActivityRecord(customerID: Self.text(row, 0), day: Self.text(row, 1).flatMap { Day(iso: $0) }))
        }
        for row in try Row.fetchAll(db, sql: "SELECT campaign, channel, cost FROM campaign WHERE round_id = ? ORDER BY row_id",
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
    static func day(_ data: Data?) -> Int32? {
        guard let data, data.count == 10 else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32? in
            func digit(_ i: Int) -> Int? {
                let byte = raw[i]
                return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
            }
            guard raw[4] == 45, raw[7] == 45,
                  let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
                  let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9),
                  let day = Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
            else { return nil }
            return Int32(day.ordinal)
        }
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
