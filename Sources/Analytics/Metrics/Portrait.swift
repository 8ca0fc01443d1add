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

    /// For each portrait field, customer share vs revenue share per value (the 20 most common
    /// values, the rest as `(other)`; `(empty)` for no value), over the distinct customers of the
    /// list, revenue being the last 12 months'; and the typical A-class customer (the most common
    /// non-empty value of each field; classes on the headline period).
    mutating func portrait(customerClass: [Int8], side: CustomerSideResult) {
        guard !data.customers.isEmpty else { return }
        var listed: [(key: Int, row: Int)] = []
        listed.reserveCapacity(data.customers.count)
        for (key, row) in data.customerListIndex.enumerated() where row >= 0 { listed.append((key, Int(row))) }
        let n = Double(listed.count)
        let buyersInList = Double(listed.filter { stats.boughtLast12m[$0.key] }.count)
        let total = listed.reduce(0.0) { $0 + stats.revenueLast12m[$1.key] }
        let aCount = listed.filter { $0.key < customerClass.count && customerClass[$0.key] == 0 }.count
        var ageNames = Self.ageBands
        ageNames.append("(empty)")
        let ageKeys = side.birthDays.map { day -> Int32 in
            guard day != Int32.min, let band = Self.ageBand(birth: Day(ordinal: Int(day)), asOf: asOf) else { return 6 }
            return Int32(band)
        }
        var columns = side.portraitColumns
        columns.insert(
            PortraitColumn(field: "age_band", names: ageNames, keys: ageKeys),
            at: min(2, columns.count))
        var fields: [PortraitField] = []
        var typical: [TypicalTrait] = []
        for column in columns {
            var customers = [Int](repeating: 0, count: column.names.count)
            var buyers = [Int](repeating: 0, count: column.names.count)
            var revenue = [Double](repeating: 0, count: column.names.count)
            var aCustomers = [Int](repeating: 0, count: column.names.count)
            for (key, row) in listed {
                let value = Int(column.keys[row])
                customers[value] += 1
                if stats.boughtLast12m[key] { buyers[value] += 1 }
                revenue[value] += stats.revenueLast12m[key]
                if key < customerClass.count, customerClass[key] == 0 { aCustomers[value] += 1 }
            }
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
        tables.portrait = fields
        tables.typicalACustomer = typical
    }
}
