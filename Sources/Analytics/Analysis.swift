import AuditModel
import Workspace

/// The analytics of one workspace round as of one day: the metric document, and the per-item
/// data behind it for samples and exports.
///
/// Made by ``Analytics/analyse(_:round:asOf:)``; computing it reads the round once.
package struct Analysis: Sendable {
    /// The metrics, series and tables: what `crm-audit metrics` prints and the workspace stores.
    package internal(set) var document: MetricDocument

    let data: RoundData
    let asOf: Day
    let stats: CustomerStats
    /// Customer keys with sales, ranked by revenue descending, ties by id ascending (all history).
    let ranking: [Int32]
    /// Customer keys with a sale line in the headline period (the last 12 months), ranked by
    /// their revenue there descending, ties by id ascending: the key accounts.
    let headlineRanking: [Int32]
    /// ABC class per customer key on the headline period (0 = A, 1 = B, 2 = C, −1 = no purchase
    /// in the last 12 months).
    let customerClass: [Int8]
    let productRanking: [(key: Int32, revenue: Double, abcClass: Int8)]
    let managerRows: [ManagerRow]
    /// RFM per customer key with sales.
    let rfm: [Int32: RFMScore]
    let customerLists: CustomerLists
    let duplicateGroups: [DuplicateGroup]
    let emailStatus: [FieldStatus]
    let phoneStatus: [FieldStatus]
    let normalisedPhones: [String?]
    /// How the sale lines' customers were found in the customer list (nil without one of them).
    package var customerMatching: CustomerMatching? { data.has(.sales) ? data.customerMatching : nil }
    /// How long reading and computing took (for `CRM_AUDIT_TIMING=1`).
    package var timings: [(phase: String, duration: Duration)] = []
}

/// Whether a customer's email or phone is missing, valid or not.
enum FieldStatus: UInt8, Sendable {
    case missing, valid, invalid
}

/// The RFM of one customer.
struct RFMScore: Sendable, Hashable {
    var recencyDays: Int
    var frequency: Int
    var monetary: Double
    var r: Int
    var f: Int
    var m: Int
    var segment: RFMSegment
}

/// The named RFM segments, from the R and F scores (M separates Can't lose from At risk).
enum RFMSegment: Int, CaseIterable, Sendable {
    case champions, loyal, potentialLoyalists, new, atRisk, cantLose, hibernating, longInactive

    var name: String { MetricCatalogue.rfmSegmentIDs[rawValue].name }
    var id: String { MetricCatalogue.rfmSegmentIDs[rawValue].id }

    /// Customers with a single purchase day: New (R ≥ 4), Potential loyalists (R = 3), Hibernating
    /// (R = 2), Long inactive (R = 1). Others: Champions R ≥ 4, F ≥ 4; Loyal R ≥ 3, F ≥ 3; Potential
    /// loyalists R ≥ 3; Can't lose R ≤ 2, F ≥ 4, M ≥ 4; At risk R ≤ 2, F ≥ 3; Hibernating R = 2;
    /// Long inactive R = 1 (the first match wins). "Long inactive" is the fifth of the buyers who
    /// have gone longest without buying, not the lost customers of `customers.lost_12m`.
    init(r: Int, f: Int, m: Int, singlePurchase: Bool) {
        if singlePurchase {
            self = r >= 4 ? .new : r == 3 ? .potentialLoyalists : r == 2 ? .hibernating : .longInactive
            return
        }
        switch (r, f) {
        case (4..., 4...): self = .champions
        case (3..., 3...): self = .loyal
        case (3..., _): self = .potentialLoyalists
        case (_, 4...) where m >= 4: self = .cantLose
        case (_, 3...): self = .atRisk
        case (2, _): self = .hibernating
        default: self = .longInactive
        }
    }
}

/// Per-customer aggregates over the sale lines up to as_of, indexed by customer key.
struct CustomerStats: Sendable {
    var revenue: [Double]
    var lines: [Int32]
    var firstDay: [Int32]
    var lastDay: [Int32]
    /// Distinct purchase days.
    var frequency: [Int32]
    var revenueLast12m: [Double]
    var revenuePrev12m: [Double]
    var boughtLast12m: [Bool]
    var boughtPrev12m: [Bool]
    /// The manager of the customer's latest sale line (−1 when none).
    var lastManager: [Int32]

    init(count: Int) {
        revenue = Array(repeating: 0, count: count)
        lines = Array(repeating: 0, count: count)
        firstDay = Array(repeating: Int32.max, count: count)
        lastDay = Array(repeating: Int32.min, count: count)
        frequency = Array(repeating: 0, count: count)
        revenueLast12m = Array(repeating: 0, count: count)
        revenuePrev12m = Array(repeating: 0, count: count)
        boughtLast12m = Array(repeating: false, count: count)
        boughtPrev12m = Array(repeating: false, count: count)
        lastManager = Array(repeating: -1, count: count)
    }

    func hasSales(_ key: Int) -> Bool { lines[key] > 0 }
}

/// Counts distinct (group, item) pairs exactly: with a bit per pair when groups × items is at
/// most 2²⁶, else each item remembers its first group and only further groups go into a set.
struct DistinctPairCounter {
    private var bits: [UInt64] = []
    private let items: Int
    private var firstGroup: [Int32] = []
    private var extra: Set<UInt64> = []
    private(set) var counts: [Int]

    init(items: Int, groups: Int, bitLimit: Int = 1 << 26) {
        self.items = items
        counts = Array(repeating: 0, count: groups)
        if items * groups <= bitLimit {
            bits = Array(repeating: 0, count: (items * groups + 63) / 64)
        } else {
            firstGroup = Array(repeating: -1, count: items)
        }
    }

    /// Sets group `group`'s count as a database counted it (no items are then added).
    mutating func setCount(_ count: Int, group: Int) { counts[group] = count }

    mutating func add(group: Int32, item: Int32) {
        if !bits.isEmpty {
            let position = Int(group) * items + Int(item)
            let mask: UInt64 = 1 << UInt64(position & 63)
            if bits[position >> 6] & mask == 0 {
                bits[position >> 6] |= mask
                counts[Int(group)] += 1
            }
            return
        }
        let first = firstGroup[Int(item)]
        if first == group { return }
        if first < 0 {
            firstGroup[Int(item)] = group
            counts[Int(group)] += 1
        } else if extra.insert(UInt64(UInt32(bitPattern: group)) << 32 | UInt64(UInt32(bitPattern: item))).inserted {
            counts[Int(group)] += 1
        }
    }
}
