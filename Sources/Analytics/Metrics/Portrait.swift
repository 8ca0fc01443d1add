import AuditModel

extension Computation {
    /// The portrait fields: categorical customer fields, and the age band from birth_date.
    static let portraitFields: [String] = ["type", "gender", "age_band", "city", "region", "industry", "segment", "source"]

    /// The age bands, in order.
    static let ageBands = ["<25", "25-34", "35-44", "45-54", "55-64", "65+"]

    /// The age band (index into ``ageBands``) at `asOf` of a birth day; nil when not in the past.
    static func ageBand(birth: Day, asOf: Day) -> Int? {
        guard birth < asOf else { return nil }
        let (by, bm, bd) = birth.components
        let (ay, am, ad) = asOf.components
        let age = ay - by - ((am, ad) < (bm, bd) ? 1 : 0)
        switch age {
        case ..<25: return 0
        case 25...34: return 1
        case 35...44: return 2
        case 45...54: return 3
        case 55...64: return 4
        default: return 5
        }
    }

    /// The portrait's columns: the customer list's categorical fields and the age band at as_of.
    static func portraitColumns(side: CustomerSideResult, asOf: Day) -> [PortraitColumn] {
        var ageNames = ageBands
        ageNames.append("(empty)")
        let ageKeys = side.birthDays.map { day -> Int32 in
            guard day != Int32.min, let band = ageBand(birth: Day(ordinal: Int(day)), asOf: asOf) else { return 6 }
            return Int32(band)
        }
        var columns = side.portraitColumns
        columns.insert(PortraitColumn(field: "age_band", names: ageNames, keys: ageKeys), at: min(2, columns.count))
        return columns
    }

    /// For each portrait field, customer share vs revenue share per value (the 20 most common
    /// values, the rest as `(other)`; `(empty)` for no value), over the distinct customers of the
    /// list, revenue being the last 12 months'; and the typical A-class customer (the most common
    /// non-empty value of each field; classes on the headline period).
    mutating func portrait(customerClass: [Int8], side: CustomerSideResult) {
        guard !data.customers.isEmpty else { return }
        var listed: [(key: Int, row: Int)] = []
        listed.reserveCapacity(data.customers.count)
        for (key, row) in data.customerListIndex.enumerated() where row >= 0 { listed.append((key, Int(row))) }
        let columns = Self.portraitColumns(side: side, asOf: asOf)
        let counts = columns.map { column in
            var counts = PortraitCounts(values: column.names.count)
            for (key, row) in listed {
                let value = Int(column.keys[row])
                counts.customers[value] += 1
                if stats.boughtLast12m[key] { counts.buyers[value] += 1 }
                counts.revenue[value] += stats.revenueLast12m[key]
                if key < customerClass.count, customerClass[key] == 0 { counts.aCustomers[value] += 1 }
            }
            return counts
        }
        let totals = PortraitTotals(
            listed: listed.count, buyers: listed.filter { stats.boughtLast12m[$0.key] }.count,
            revenue: listed.reduce(0.0) { $0 + stats.revenueLast12m[$1.key] },
            aCustomers: listed.filter { $0.key < customerClass.count && customerClass[$0.key] == 0 }.count)
        (tables.portrait, tables.typicalACustomer) = Self.portraitTables(columns: columns, counts: counts, totals: totals)
    }

    /// The portrait's tables from each column's counts per value.
    static func portraitTables(columns: [PortraitColumn], counts: [PortraitCounts], totals: PortraitTotals) -> (
        [PortraitField], [TypicalTrait]
    ) {
        let n = Double(totals.listed), buyersInList = Double(totals.buyers), total = totals.revenue, aCount = totals.aCustomers
        var fields: [PortraitField] = []
        var typical: [TypicalTrait] = []
        for (column, counted) in zip(columns, counts) {
            let customers = counted.customers, buyers = counted.buyers, revenue = counted.revenue, aCustomers = counted.aCustomers
            let present = column.names.indices.filter { customers[$0] > 0 }
            if present.allSatisfy({ column.names[$0] == "(empty)" }) { continue }
            let ordered = present.sorted { (customers[$1], column.names[$0]) < (customers[$0], column.names[$1]) }
            var kept: [(name: String, customers: Int, buyers: Int, revenue: Double)] = ordered.prefix(20).map {
                (column.names[$0], customers[$0], buyers[$0], revenue[$0])
            }
            if ordered.count > 20 {
                let rest = ordered.dropFirst(20)
                kept.append(
                    (
                        "(other)", rest.reduce(0) { $0 + customers[$1] }, rest.reduce(0) { $0 + buyers[$1] },
                        rest.reduce(0.0) { $0 + revenue[$1] }
                    ))
            }
            fields.append(
                PortraitField(
                    field: column.field,
                    values: kept.map { entry in
                        let customerShare = Double(entry.customers) / n
                        let buyerShare = buyersInList > 0 ? Double(entry.buyers) / buyersInList : nil
                        let revenueShare = total > 0 ? entry.revenue / total : nil
                        let overIndex = revenueShare.flatMap { share in buyerShare.flatMap { $0 > 0 ? share / $0 : nil } }
                        return PortraitValue(
                            value: entry.name, customers: entry.customers, customerShare: customerShare,
                            buyers: entry.buyers, buyerShare: buyerShare, revenue: entry.revenue,
                            revenueShare: revenueShare, overIndex: overIndex)
                    }))
            let candidates = present.filter { column.names[$0] != "(empty)" && aCustomers[$0] > 0 }
            if aCount > 0, let best = candidates.max(by: { (aCustomers[$0], column.names[$1]) < (aCustomers[$1], column.names[$0]) }) {
                typical.append(
                    TypicalTrait(
                        field: column.field, value: column.names[best],
                        share: Double(aCustomers[best]) / Double(aCount)))
            }
        }
        return (fields, typical)
    }
}

/// One portrait column's counts per value: listed customers, those who bought in the headline
/// period, their revenue there, the A-class customers (computed in memory or, for a round whose
/// lines are in a database, there).
struct PortraitCounts: Sendable {
    var customers: [Int]
    var buyers: [Int]
    var revenue: [Double]
    var aCustomers: [Int]

    init(values: Int) {
        customers = Array(repeating: 0, count: values)
        buyers = customers
        revenue = Array(repeating: 0, count: values)
        aCustomers = customers
    }
}

/// The listed customers, those who bought in the headline period, their revenue there, the A-class ones.
struct PortraitTotals: Sendable {
    var listed: Int
    var buyers: Int
    var revenue: Double
    var aCustomers: Int
}

/// What a database needs to draw the buyers' portrait of a round whose lines it holds: each
/// listed customer's value in each portrait column (keys into the column's names); the values'
/// names and the customers per value stay here.
package struct PortraitKeys: Sendable {
    /// Each listed customer's id and value key per column.
    package var rows: [(code: String, keys: [Int32])]
    let columns: [PortraitColumn]
    let customers: [[Int]]
}

extension Analysis {
    /// The round's portrait keys; nil without a customer list.
    package var portraitKeys: PortraitKeys? {
        guard !data.customers.isEmpty else { return nil }
        let columns = Computation.portraitColumns(side: CustomerSideResult.compute(data), asOf: asOf)
        var rows: [(code: String, keys: [Int32])] = []
        var customers = columns.map { [Int](repeating: 0, count: $0.names.count) }
        for (key, row) in data.customerListIndex.enumerated() where row >= 0 {
            let keys = columns.map { $0.keys[Int(row)] }
            rows.append((data.customerKeys.name(key), keys))
            for (index, value) in keys.enumerated() { customers[index][Int(value)] += 1 }
        }
        return PortraitKeys(rows: rows, columns: columns, customers: customers)
    }
}

extension PushedDownMetrics {
    /// One portrait column's value as a database counted it: the column's index, the value's key,
    /// the listed customers with that value who bought in the headline period, their revenue there,
    /// and the A-class ones among them.
    package struct PortraitRow: Sendable {
        package var column: Int
        package var key: Int
        package var buyers: Int
        package var revenue: Double
        package var aCustomers: Int

        package init(column: Int, key: Int, buyers: Int, revenue: Double, aCustomers: Int) {
            (self.column, self.key, self.buyers, self.revenue, self.aCustomers) = (column, key, buyers, revenue, aCustomers)
        }
    }

    /// The portrait's tables from what the database counted per value.
    package static func portrait(_ keys: PortraitKeys, rows: [PortraitRow]) -> (fields: [PortraitField], typical: [TypicalTrait]) {
        var counts = keys.columns.enumerated().map { index, column in
            var counts = PortraitCounts(values: column.names.count)
            counts.customers = keys.customers[index]
            return counts
        }
        for row in rows where counts.indices.contains(row.column) && counts[row.column].buyers.indices.contains(row.key) {
            counts[row.column].buyers[row.key] += row.buyers
            counts[row.column].revenue[row.key] += row.revenue
            counts[row.column].aCustomers[row.key] += row.aCustomers
        }
        let first = counts.first
        let totals = PortraitTotals(
            listed: keys.rows.count, buyers: first?.buyers.reduce(0, +) ?? 0, revenue: first?.revenue.reduce(0, +) ?? 0,
            aCustomers: first?.aCustomers.reduce(0, +) ?? 0)
        let tables = Computation.portraitTables(columns: keys.columns, counts: counts, totals: totals)
        return (tables.0, tables.1)
    }
}
