import AuditModel

/// The sets of offending (or notable) records the rules engine quotes as evidence.
package enum SampleSet: String, CaseIterable, Sendable, Codable {
    /// Customers with an empty email.
    case customersNoEmail = "customers.no_email"
    /// Customers whose email is filled but invalid.
    case customersInvalidEmail = "customers.invalid_email"
    /// Customers whose phone is filled but does not normalise to a phone number.
    case customersInvalidPhone = "customers.invalid_phone"
    case customersNoBirthDate = "customers.no_birth_date"
    case customersNoSegment = "customers.no_segment"
    case customersNoIndustry = "customers.no_industry"
    case customersNoRegion = "customers.no_region"
    case customersNoManager = "customers.no_manager"
    /// Customers in duplicate groups, one row per customer with its group.
    case customersDuplicates = "customers.duplicates"
    /// The duplicate groups that share a tax id (`quality.tax_id_duplicate_groups`).
    case customersTaxIDDuplicates = "customers.tax_id_duplicates"
    /// Customers of the list without any sale line.
    case customersWithoutSales = "customers.without_sales"
    /// Sale lines whose customer is not in the customer list.
    case salesOrphans = "sales.orphans"
    /// Sale lines dated after the audit round's date.
    case salesFutureDates = "sales.future_dates"
    /// Sale lines with a zero or negative amount.
    case salesNonPositive = "sales.non_positive"
    /// Managers with no sale in the last 90 days while the company sold.
    case managersIdle = "managers.idle"
    /// Customers in the RFM segments At risk and Can't lose, by revenue.
    case customersAtRisk = "customers.at_risk"
    /// Lost customers (`customers.lost_12m`): active in the previous 12 months, not in the last
    /// 12; by their revenue in the previous 12 months.
    case customersLost = "customers.lost"
    /// Key accounts: the customers with the highest revenue in the last 12 months (only those
    /// who bought in them).
    case customersTop = "customers.top"
    /// The key accounts of the manager whose customers bring the most of the last 12 months'
    /// revenue (`managers.dependency`): the evidence of the dependency finding, that manager's
    /// customers only.
    case customersOfTopManager = "customers.top_manager"
    /// Regular customers overdue against their own rhythm and season
    /// (`customers.overdue_regulars`), by their revenue in the last 12 months.
    case customersOverdueRegulars = "customers.overdue_regulars"
    /// Last year's top 20 % whose purchases fell by more than 30 % (`key.top20_prev_down30_share`),
    /// by the revenue they took away.
    case customersKeyDecliners = "customers.key_decliners"
    /// Customers whose manager left, is silent for 90 days or is missing
    /// (`managers.unserved_customers`), by their revenue in the last 12 months.
    case customersUnserved = "customers.unserved"

    package var title: LocalizedText {
        switch self {
        case .customersNoEmail: AnalyticsText.customersWithoutAnEmail.text()
        case .customersInvalidEmail: AnalyticsText.customersWithAnInvalidEmail.text()
        case .customersInvalidPhone: AnalyticsText.customersWithAnInvalidPhone.text()
        case .customersNoBirthDate: AnalyticsText.customersWithoutABirthDate.text()
        case .customersNoSegment: AnalyticsText.customersWithoutASegment.text()
        case .customersNoIndustry: AnalyticsText.customersWithoutAnIndustry.text()
        case .customersNoRegion: AnalyticsText.customersWithoutARegion.text()
        case .customersNoManager: AnalyticsText.customersWithoutAManager.text()
        case .customersDuplicates: AnalyticsText.duplicateCustomers.text()
        case .customersTaxIDDuplicates:
            AnalyticsText.customersEnteredMoreThanOnceUnder.text()
        case .customersWithoutSales: AnalyticsText.customersWithoutSales.text()
        case .salesOrphans: AnalyticsText.salesOfCustomersNotInThe.text()
        case .salesFutureDates: AnalyticsText.salesDatedInTheFuture.text()
        case .salesNonPositive: AnalyticsText.salesWithAZeroOrNegative.text()
        case .managersIdle: AnalyticsText.idleManagers.text()
        case .customersAtRisk: AnalyticsText.customersAtRisk.text()
        case .customersLost: AnalyticsText.lostCustomers.text()
        case .customersTop: AnalyticsText.keyAccounts.text()
        case .customersOfTopManager:
            AnalyticsText.customersOfTheManagerWithThe.text()
        case .customersOverdueRegulars:
            AnalyticsText.regularCustomersPastTheirUsualReorder.text()
        case .customersKeyDecliners:
            AnalyticsText.lastYearLargestCustomersWho.text()
        case .customersUnserved: AnalyticsText.customersNobodyLooksAfter.text()
        }
    }
}

/// Records with named columns: a sample (the first N of `total`) or a whole per-item table.
package struct SampleTable: Sendable, Hashable, Codable {
    package var id: String
    package var columns: [String]
    package var rows: [[String?]]
    /// How many records the set holds in all (rows may be fewer when limited).
    package var total: Int

    /// Each row as a dictionary of column name to value.
    package var records: [[String: String?]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row)) }
    }

    /// RFC 4180 CSV with a header line; fields with commas, quotes or line breaks are quoted.
    /// Text (names, ids, e-mails, phones) is neutralised against spreadsheet formulas; the
    /// ``numericColumns`` the analytics formats itself are written as they are.
    package func csv() -> String {
        var text = CSVFormat.comma.line(columns.map(CSVField.text))
        let numeric = columns.map(Self.numericColumns.contains)
        for row in rows {
            text += CSVFormat.comma.line(
                zip(row, numeric).map { value, isNumber in
                    isNumber ? .formatted(value ?? "") : .text(value ?? "")
                })
        }
        return text
    }

    /// The columns whose values are numbers the analytics formats (`String(Int)`, its decimal
    /// form): a negative revenue or margin stays a number in a spreadsheet. One list for every
    /// table, since the tables share their column names.
    static let numericColumns: Set<String> = [
        "amount", "cumulative_share", "customers", "f", "frequency", "group", "m", "margin", "monetary", "orders", "r",
        "rank", "recency_days", "revenue", "revenue_last_12m", "share", "source_line", "revenue_prev_12m", "revenue_all_history",
        "purchase_interval_days", "revenue_change_12m",
    ]
}

/// The per-item tables `crm-audit export` writes.
package enum ExportTable: String, CaseIterable, Sendable {
    /// `customer_id,recency_days,frequency,monetary,r,f,m,segment`, by revenue.
    case rfm
    /// `kind,rank,id,revenue_last_12m,share,cumulative_share,class` for customers, products and
    /// managers, on the headline period (only those with a line in the last 12 months).
    case abc
    /// `group,customer_id,name,tax_id,email,phone,keys`.
    case duplicates
    /// `manager,revenue_last_12m,orders_last_12m,customers_last_12m,margin_last_12m,share_last_12m,
    /// last_sale_date,idle,revenue_all_history`.
    case managers
}

extension Analysis {
    private static let customerColumns = ["customer_id", "name", "email", "phone", "manager", "source_line"]

    private func customerRow(_ index: Int) -> [String?] {
        let customer = data.customers[index]
        return [
            customer[.customerID], customer[.name], customer[.email], customer[.phone], customer[.manager],
            String(customer.sourceLine),
        ]
    }

    /// The customer list's records at `positions` (0-based), as sample set `id` of `total` records.
    func customerRecords(_ id: SampleSet, _ positions: [Int], total: Int) -> SampleTable {
        let rows = positions.filter { data.customers.indices.contains($0) }.map(customerRow)
        return SampleTable(id: id.rawValue, columns: Self.customerColumns, rows: rows, total: total)
    }

    private func customerSample(_ id: SampleSet, limit: Int, where predicate: (Int, CustomerRecord) -> Bool) -> SampleTable {
        var rows: [[String?]] = []
        var total = 0
        for (index, customer) in data.customers.enumerated() where predicate(index, customer) {
            total += 1
            if rows.count < limit { rows.append(customerRow(index)) }
        }
        return SampleTable(id: id.rawValue, columns: Self.customerColumns, rows: rows, total: total)
    }

    static let rankedColumns = [
        "customer_id", "name", "revenue_all_history", "revenue_last_12m", "revenue_prev_12m", "revenue_change_12m",
        "last_purchase", "recency_days", "purchase_interval_days", "segment", "manager",
    ]

    /// One customer of a ranked sample: their revenue over all history and the two windows, last
    /// purchase, mean interval between purchase days, RFM segment and manager.
    static func rankedRow(
        id: String, name: String?, revenue: Double, last12m: Double, previous: Double, firstDay: Int32, lastDay: Int32,
        purchaseDays: Int, recencyDays: Int?, segment: String?, manager: String?
    ) -> [String?] {
        let interval = purchaseDays >= 2 ? Double(lastDay - firstDay) / Double(purchaseDays - 1) : nil
        return [
            id, name, money(revenue), money(last12m), money(previous), previous > 0 ? number(last12m / previous - 1) : nil,
            Day(ordinal: Int(lastDay)).iso, recencyDays.map { String($0) }, interval.map { String(Int($0.rounded())) }, segment,
            manager,
        ]
    }

    static let salesColumns = ["source_line", "order_id", "customer_id", "date", "amount", "manager"]

    private func rankedSample(_ id: SampleSet, limit: Int, order: [Int32]? = nil, where predicate: (Int) -> Bool) -> SampleTable {
        let columns = Self.rankedColumns
        // The unserved customers' manager is the one they were counted under: the customer
        // list's, else their last sale's.
        let assigned =
            id == .customersUnserved
            ? Dictionary(customerLists.unserved.map { ($0.key, $0.manager) }, uniquingKeysWith: { first, _ in first }) : [:]
        var rows: [[String?]] = []
        var total = 0
        for key in (order ?? ranking).map(Int.init) where predicate(key) {
            total += 1
            guard rows.count < limit else { continue }
            let listIndex = Int(data.customerListIndex[key])
            let record = listIndex >= 0 ? data.customers[listIndex] : nil
            let score = rfm[Int32(key)]
            rows.append(
                Self.rankedRow(
                    id: data.customerKeys.names[key], name: record?[.name], revenue: stats.revenue[key],
                    last12m: stats.revenueLast12m[key], previous: stats.revenuePrev12m[key], firstDay: stats.firstDay[key],
                    lastDay: stats.lastDay[key], purchaseDays: Int(stats.frequency[key]), recencyDays: score?.recencyDays,
                    segment: score?.segment.name, manager: assigned[Int32(key)] ?? record?[.manager]))
        }
        return SampleTable(id: id.rawValue, columns: columns, rows: rows, total: total)
    }

    private func salesSample(_ id: SampleSet, limit: Int, where predicate: (Int) -> Bool) -> SampleTable {
        let columns = Self.salesColumns
        let sales = data.sales
        var rows: [[String?]] = []
        var total = 0
        for index in 0..<sales.count where predicate(index) {
            total += 1
            guard rows.count < limit else { continue }
            let order = Int(sales.order[index])
            let day = sales.day[index]
            rows.append([
                String(sales.sourceLine[index]), order < data.orders.count ? data.orders.name(order) : nil,
                data.customerKeys.names[Int(sales.customer[index])],
                day == Int32.min ? nil : Day(ordinal: Int(day)).iso, Self.money(sales.amount[index]),
                sales.manager[index] >= 0 ? data.managerKeys.names[Int(sales.manager[index])] : nil,
            ])
        }
        return SampleTable(id: id.rawValue, columns: columns, rows: rows, total: total)
    }

    /// The first `limit` records of sample set `id`, and how many there are in all.
    package func sample(_ id: SampleSet, limit: Int = 10) -> SampleTable {
        let limit = max(0, limit)
        switch id {
        case .customersNoEmail: return customerSample(id, limit: limit) { index, _ in emailStatus[index] == .missing }
        case .customersInvalidEmail: return customerSample(id, limit: limit) { index, _ in emailStatus[index] == .invalid }
        case .customersInvalidPhone: return customerSample(id, limit: limit) { index, _ in phoneStatus[index] == .invalid }
        case .customersNoBirthDate: return customerSample(id, limit: limit) { !$1.has(.birthDate) }
        case .customersNoSegment: return customerSample(id, limit: limit) { !$1.has(.segment) }
        case .customersNoIndustry: return customerSample(id, limit: limit) { !$1.has(.industry) }
        case .customersNoRegion: return customerSample(id, limit: limit) { !$1.has(.region) }
        case .customersNoManager: return customerSample(id, limit: limit) { !$1.has(.manager) }
        case .customersWithoutSales:
            // Without sale lines no customer is known to have none.
            let sold = data.has(.sales)
            return customerSample(id, limit: limit) { _, customer in
                guard sold, let id = customer[.customerID], let key = data.customerKeys.key(id) else { return false }
                return stats.lines[Int(key)] == 0
            }
        case .customersDuplicates:
            let table = exportTable(.duplicates)
            return SampleTable(id: id.rawValue, columns: table.columns, rows: Array(table.rows.prefix(limit)), total: table.total)
        case .customersTaxIDDuplicates:
            let table = exportTable(.duplicates)
            let keys = table.columns.firstIndex(of: "keys") ?? 0
            let rows = table.rows.filter { row in (row[keys] ?? "").split(separator: " ").contains("tax_id") }
            return SampleTable(id: id.rawValue, columns: table.columns, rows: Array(rows.prefix(limit)), total: rows.count)
        case .salesOrphans:
            // Without a customer list no line is known to be an orphan.
            let listed = !data.customers.isEmpty
            return salesSample(id, limit: limit) { index in
                listed && data.sales.day[index] != Int32.min && data.sales.day[index] <= Int32(asOf.ordinal)
                    && data.customerListIndex[Int(data.sales.customer[index])] < 0
            }
        case .salesFutureDates:
            return salesSample(id, limit: limit) { data.sales.day[$0] != Int32.min && data.sales.day[$0] > Int32(data.roundDate.ordinal) }
        case .salesNonPositive:
            return salesSample(id, limit: limit) { index in
                data.sales.day[index] != Int32.min && data.sales.day[index] <= Int32(asOf.ordinal) && data.sales.amount[index] <= 0
            }
        case .managersIdle:
            let table = exportTable(.managers)
            let idleColumn = table.columns.firstIndex(of: "idle") ?? 0
            let idle = table.rows.filter { $0[idleColumn] == "true" }
            return SampleTable(id: id.rawValue, columns: table.columns, rows: Array(idle.prefix(limit)), total: idle.count)
        case .customersAtRisk:
            return rankedSample(id, limit: limit) { key in
                guard let segment = rfm[Int32(key)]?.segment else { return false }
                return segment == .atRisk || segment == .cantLose
            }
        case .customersLost:
            let names = data.customerKeys.names
            let lost = ranking.filter { stats.boughtPrev12m[Int($0)] && !stats.boughtLast12m[Int($0)] }.sorted { a, b in
                let ra = stats.revenuePrev12m[Int(a)], rb = stats.revenuePrev12m[Int(b)]
                return ra != rb ? ra > rb : names[Int(a)] < names[Int(b)]
            }
            return rankedSample(id, limit: limit, order: lost) { _ in true }
        case .customersTop:
            return rankedSample(id, limit: limit, order: headlineRanking) { _ in true }
        case .customersOfTopManager:
            // The manager of a customer as `managers.dependency` counts it: the customer list's,
            // else the one on the customer's last sale.
            var owners = [String?](repeating: nil, count: stats.lines.count)
            var revenueByOwner: [String: Double] = [:]
            for key in stats.lines.indices where stats.boughtLast12m[key] {
                let listIndex = Int(data.customerListIndex[key])
                let listed = listIndex >= 0 ? data.customers[listIndex][.manager] : nil
                let last = stats.lastManager[key]
                guard let owner = listed ?? (last >= 0 ? data.managerKeys.name(Int(last)) : nil) else { continue }
                owners[key] = owner
                revenueByOwner[owner, default: 0] += stats.revenueLast12m[key]
            }
            let top = revenueByOwner.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            return rankedSample(id, limit: limit, order: headlineRanking) { key in top != nil && owners[key] == top }
        case .customersOverdueRegulars:
            return rankedSample(id, limit: limit, order: byRevenueLast12m(customerLists.overdueRegulars.map(\.key))) { _ in true }
        case .customersKeyDecliners:
            let names = data.customerKeys.names
            let lostMost = customerLists.keyDecliners.sorted { a, b in
                let la = stats.revenuePrev12m[Int(a)] - stats.revenueLast12m[Int(a)]
                let lb = stats.revenuePrev12m[Int(b)] - stats.revenueLast12m[Int(b)]
                return la != lb ? la > lb : names[Int(a)] < names[Int(b)]
            }
            return rankedSample(id, limit: limit, order: lostMost) { _ in true }
        case .customersUnserved:
            return rankedSample(id, limit: limit, order: byRevenueLast12m(customerLists.unserved.map(\.key))) { _ in true }
        }
    }

    /// `keys` by their revenue in the last 12 months, largest first, ties by customer id.
    private func byRevenueLast12m(_ keys: [Int32]) -> [Int32] {
        let names = data.customerKeys.names
        return keys.sorted { a, b in
            let ra = stats.revenueLast12m[Int(a)], rb = stats.revenueLast12m[Int(b)]
            return ra != rb ? ra > rb : names[Int(a)] < names[Int(b)]
        }
    }

    /// Sample set `id` by its string id, for callers holding ids from rule files.
    package func sample(named id: String, limit: Int = 10) throws -> SampleTable {
        guard let set = SampleSet(rawValue: id) else { throw AnalyticsError.unknownSampleSet(id) }
        return sample(set, limit: limit)
    }

    /// Every row of a per-item table.
    package func exportTable(_ table: ExportTable) -> SampleTable {
        switch table {
        case .rfm:
            return Self.rfmTable(
                ranking.compactMap { key in
                    rfm[key].map { score in
                        RFMExportRow(
                            customerID: data.customerKeys.names[Int(key)], recencyDays: score.recencyDays, frequency: score.frequency,
                            monetary: score.monetary, r: score.r, f: score.f, m: score.m, singlePurchase: score.frequency == 1)
                    }
                })
        case .abc:
            return Self.abcTable(
                customers: headlineRanking.map { (data.customerKeys.names[Int($0)], stats.revenueLast12m[Int($0)]) },
                products: productRanking.map { (data.products.names[Int($0.key)], $0.revenue) }, managers: managerRows)
        case .duplicates:
            var rows: [[String?]] = []
            var position: [String: [Int]] = [:]
            for (index, customer) in data.customers.enumerated() {
                position[customer[.customerID] ?? "", default: []].append(index)
            }
            for group in duplicateGroups {
                var used: [String: Int] = [:]
                for id in group.customerIDs {
                    let occurrence = used[id, default: 0]
                    used[id] = occurrence + 1
                    let candidates = position[id] ?? []
                    let record = occurrence < candidates.count ? data.customers[candidates[occurrence]] : nil
                    rows.append([
                        String(group.group), id, record?[.name], record?[.taxID], record?[.email], record?[.phone],
                        group.keys.joined(separator: " "),
                    ])
                }
            }
            return SampleTable(
                id: "duplicates", columns: ["group", "customer_id", "name", "tax_id", "email", "phone", "keys"],
                rows: rows, total: rows.count)
        case .managers:
            return Self.managersTable(managerRows)
        }
    }

    /// The RFM table: each buyer's recency, frequency, money, scores and segment, by revenue.
    package static func rfmTable(_ customers: [RFMExportRow]) -> SampleTable {
        let rows: [[String?]] = customers.map { row in
            [
                row.customerID, String(row.recencyDays), String(row.frequency), money(row.monetary), String(row.r), String(row.f),
                String(row.m), RFMSegment(r: row.r, f: row.f, m: row.m, singlePurchase: row.singlePurchase).name,
            ]
        }
        return SampleTable(
            id: "rfm", columns: ["customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment"], rows: rows,
            total: rows.count)
    }

    /// The ABC table on the headline period: customers and products ranked by their revenue there
    /// (only those with a line in it), then the managers who sold in it; each with its share, the
    /// cumulative share and its class (``Computation/abcClasses(_:)``).
    package static func abcTable(customers: [(String, Double)], products: [(String, Double)], managers: [ManagerRow]) -> SampleTable {
        var rows: [[String?]] = []
        func append(_ kind: String, _ items: [(name: String, revenue: Double)]) {
            let classes = Computation.abcClasses(items.map(\.revenue))
            let total = items.reduce(0.0) { $0 + $1.revenue }
            var cumulative = 0.0
            for (rank, item) in items.enumerated() {
                cumulative += item.revenue
                rows.append([
                    kind, String(rank + 1), item.name, money(item.revenue), total > 0 ? number(item.revenue / total) : nil,
                    total > 0 ? number(cumulative / total) : nil,
                    total > 0 ? ["A", "B", "C"][Int(max(0, classes?[rank] ?? 2))] : nil,
                ])
            }
        }
        append("customer", customers)
        append("product", products)
        append("manager", managers.filter { $0.orders > 0 }.map { ($0.manager, $0.revenue) })
        return SampleTable(
            id: "abc", columns: ["kind", "rank", "id", "revenue_last_12m", "share", "cumulative_share", "class"], rows: rows,
            total: rows.count)
    }

    /// The managers' table as exported.
    package static func managersTable(_ managers: [ManagerRow]) -> SampleTable {
        let rows = managers.map(managerRow)
        return SampleTable(id: "managers", columns: managerColumns, rows: rows, total: rows.count)
    }

    static let managerColumns = [
        "manager", "revenue_last_12m", "orders_last_12m", "customers_last_12m", "margin_last_12m", "share_last_12m",
        "last_sale_date", "idle", "revenue_all_history",
    ]

    /// One manager of the managers' table as exported.
    static func managerRow(_ row: ManagerRow) -> [String?] {
        [
            row.manager, money(row.revenue), String(row.orders), String(row.customers), row.margin.map(number), row.share.map(number),
            row.lastSaleDate, row.idle ? "true" : "false", row.revenueAllHistory.map(money),
        ]
    }

    /// An amount of money to the kopeck, as written in a CSV: `12820563.06`, not the binary
    /// fraction `12820563.059999999`.
    static func money(_ value: Double) -> String {
        let kopecks = (value * 100).rounded()
        guard kopecks.isFinite, abs(kopecks) < 9e15, let whole = Int64(checked: kopecks) else { return number(value) }
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let fraction = magnitude % 100
        let cents = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return fraction == 0 ? "\(sign)\(magnitude / 100)" : "\(sign)\(magnitude / 100).\(cents)"
    }

    /// A number as plain text: integers without a fraction, others in Swift's shortest form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15, let whole = Int64(checked: value) { return String(whole) }
        return String(value)
    }
}

/// One buyer of the RFM table (``Analysis/rfmTable(_:)``).
package struct RFMExportRow: Sendable {
    package var customerID: String
    package var recencyDays: Int
    package var frequency: Int
    package var monetary: Double
    package var r: Int, f: Int, m: Int
    package var singlePurchase: Bool

    package init(customerID: String, recencyDays: Int, frequency: Int, monetary: Double, r: Int, f: Int, m: Int, singlePurchase: Bool) {
        (self.customerID, self.recencyDays, self.frequency, self.monetary) = (customerID, recencyDays, frequency, monetary)
        (self.r, self.f, self.m, self.singlePurchase) = (r, f, m, singlePurchase)
    }
}
