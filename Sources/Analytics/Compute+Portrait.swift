import AuditModel

extension Computation {
    /// The portrait fields: categorical customer fields, and the age band from birth_date.
    static let portraitFields: [String] = ["type", "gender", "age_band", "city", "region", "industry", "segment", "source"]

    /// The age band at `asOf` of a `YYYY-MM-DD` birth date: `<25`, `25-34`, `35-44`, `45-54`,
    /// `55-64`, `65+`; nil when unreadable or not in the past.
    static func ageBand(birth text: String?, asOf: Day) -> String? {
        guard let text, let birth = Day(iso: text), birth < asOf else { return nil }
        let (by, bm, bd) = birth.components
        let (ay, am, ad) = asOf.components
        let age = ay - by - ((am, ad) < (bm, bd) ? 1 : 0)
        switch age {
        case ..<25: return "<25"
        case 25...34: return "25-34"
        case 35...44: return "35-44"
        case 45...54: return "45-54"
        case 55...64: return "55-64"
        default: return "65+"
        }
    }

    private func portraitValue(_ customer: CustomerRecord, field: String) -> String? {
        switch field {
        case "age_band": Self.ageBand(birth: customer[.birthDate], asOf: asOf)
        case "type": customer[.type]
        case "gender": customer[.gender]
        case "city": customer[.city]
        case "region": customer[.region]
        case "industry": customer[.industry]
        case "segment": customer[.segment]
        default: customer[.source]
        }
    }

    /// For each portrait field, customer share vs revenue share per value (the 20 most common
    /// values, the rest as `(other)`), over the distinct customers of the list; and the typical
    /// A-class customer.
    mutating func portrait(customerClass: [Int8]) {
        guard !data.customers.isEmpty else { return }
        let listed: [(key: Int, record: CustomerRecord)] = data.customerListIndex.enumerated().compactMap { key, index in
            index >= 0 ? (key, data.customers[Int(index)]) : nil
        }
        let n = Double(listed.count)
        let total = listed.reduce(0.0) { $0 + stats.revenue[$1.key] }
        var fields: [PortraitField] = []
        var typical: [TypicalTrait] = []
        let aCustomers = listed.filter { $0.key < customerClass.count && customerClass[$0.key] == 0 }
        for field in Self.portraitFields {
            var names = Interner()
            var customersByValue: [Int] = [], revenueByValue: [Double] = []
            for (key, record) in listed {
                let value = Int(names.intern(portraitValue(record, field: field) ?? "(empty)"))
                if value == customersByValue.count {
                    customersByValue.append(0)
                    revenueByValue.append(0)
                }
                customersByValue[value] += 1
                revenueByValue[value] += stats.revenue[key]
            }
            var counts: [String: (customers: Int, revenue: Double)] = [:]
            for (value, name) in names.names.enumerated() { counts[name] = (customersByValue[value], revenueByValue[value]) }
            if counts.count == 1, counts["(empty)"] != nil { continue }
            let ordered = counts.sorted { ($1.value.customers, $0.key) < ($0.value.customers, $1.key) }
            var kept = Array(ordered.prefix(20))
            if ordered.count > 20 {
                let rest = ordered.dropFirst(20).reduce((customers: 0, revenue: 0.0)) {
                    ($0.customers + $1.value.customers, $0.revenue + $1.value.revenue)
                }
                kept.append((key: "(other)", value: rest))
            }
            fields.append(PortraitField(field: field, values: kept.map { value, entry in
                let customerShare = Double(entry.customers) / n
                let revenueShare = total > 0 ? entry.revenue / total : nil
                return PortraitValue(value: value, customers: entry.customers, customerShare: customerShare,
                                     revenue: entry.revenue, revenueShare: revenueShare,
                                     overIndex: revenueShare.map { $0 / customerShare })
            }))
            var aCounts: [String: Int] = [:]
            for (_, record) in aCustomers {
                if let value = portraitValue(record, field: field) { aCounts[value, default: 0] += 1 }
            }
            if let best = aCounts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
                typical.append(TypicalTrait(field: field, value: best.key, share: Double(best.value) / Double(aCustomers.count)))
            }
        }
        tables.portrait = fields
        tables.typicalACustomer = typical
    }
}
