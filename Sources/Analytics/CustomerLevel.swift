import AuditModel

/// A round's customer list as a database needs it to follow the sale lines to their customers
/// and managers: each listed customer id with the manager the list gives them, and how a sale
/// line's id that is not a listed id finds its customer (by tax id or name, as the import does:
/// ``CustomerResolver``).
package struct CustomerListKeys: Sendable {
    /// The listed customer ids, each once, in list order.
    package var codes: [String]
    /// The manager the list gives each of ``codes`` (nil: none).
    package var managers: [String?]
    /// Every record of the list that has an id: the id and the record's position (0-based).
    package var records: [(code: String, position: Int)]
    private let data: RoundData

    init(_ data: RoundData) {
        self.data = data
        var codes: [String] = [], managers: [String?] = []
        for (key, listIndex) in data.customerListIndex.enumerated() where listIndex >= 0 {
            codes.append(data.customerKeys.name(key))
            managers.append(data.customers[Int(listIndex)][.manager])
        }
        (self.codes, self.managers) = (codes, managers)
        records = data.customers.enumerated().compactMap { position, record in record[.customerID].map { ($0, position) } }
    }

    /// The listed id each of `ids` (sale lines' ids that are not listed ids) stands for, found by
    /// tax id or normalised name; an id found for none, or for several, is not in the result.
    package func aliases(of ids: [String]) -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        let resolver = CustomerResolver(data, listCount: data.customerListIndex.count)
        var result: [String: String] = [:]
        for id in ids {
            switch resolver.resolve(id) {
            case .byTaxID(let key), .byName(let key): result[id] = data.customerKeys.name(Int(key))
            case .ambiguous, .none: break
            }
        }
        return result
    }
}

extension Analysis {
    /// The round's customer list for a database to match its sale lines with; nil without a list.
    package var customerListKeys: CustomerListKeys? { data.has(.customers) ? CustomerListKeys(data) : nil }
}

/// What a database computes about each customer's manager and place in the customer list, over
/// the included lines with each line's customer resolved to its listed id
/// (``PushedDownMetrics/setCustomerLevel(_:in:groups:sales:lists:)``).
package struct CustomerLevelAggregates: Sendable, Hashable {
    /// The included lines whose customer is not in the list, and their amount.
    package var orphanLines = 0
    package var orphanRevenue = 0.0
    /// The listed customers with an included line.
    package var listedBuyers = 0

    /// The customers assigned to one manager (the list's, else the one on their latest line; nil:
    /// neither names one).
    package struct Assigned: Sendable, Hashable {
        package var manager: String?
        /// Those who bought in the headline period, their revenue there and the part of it on
        /// lines the manager sold himself; their revenue over all history (every buyer).
        package var headlineBuyers = 0
        package var headlineRevenue = 0.0
        package var ownHeadlineRevenue = 0.0
        package var revenue = 0.0

        package init(manager: String?) { self.manager = manager }
    }
    package var assigned: [Assigned] = []

    package init() {}

    /// The manager whose customers hold the largest share of the headline period's revenue
    /// (`headlineTotal`; ties: the name that sorts first), whose own lines
    /// `managers.dependency_own_lines_share_12m` measures; nil when none holds a positive share.
    package func topManager(headlineTotal: Double) -> String? {
        guard headlineTotal > 0 else { return nil }
        return assigned.filter { $0.manager != nil && $0.headlineBuyers > 0 && $0.headlineRevenue > 0 }
            .max { ($0.headlineRevenue, $1.manager ?? "") < ($1.headlineRevenue, $0.manager ?? "") }?.manager
    }
}

/// The customers of managers who stopped (``Computation/departedManagersCustomers(left:lastSale:)``):
/// each customer goes with the earliest stop of a manager who sold to them in the year before it.
package struct DepartedAggregates: Sendable, Hashable {
    package var customers = 0
    /// Their revenue from anyone over the `w` days before and after the stop.
    package var before = 0.0
    package var after = 0.0

    package init() {}
}

extension PushedDownMetrics {
    /// The day each manager stopped, for the departed customers' measure: the leaving date from the
    /// managers list on or before as_of, else the last sale when none in the last 90 days; only
    /// stops at least 90 days before as_of with a year of data before them.
    package static func managerStops(_ groups: [SaleGroup], sales: SalesAggregates, asOf: Day, lists: GroupLists) -> [String: Day] {
        guard let firstDay = sales.firstDay else { return [:] }
        let left = Dictionary(lists.data.managers.map { ($0.manager, $0.leftAt) }, uniquingKeysWith: { a, b in a ?? b })
        let soldLast90 = sales.lastDay.map { $0.ordinal > asOf.ordinal - 90 } ?? false
        var stops: [String: Day] = [:]
        for group in groups where group.dimension == .manager {
            guard let name = group.key else { continue }
            var day: Int?
            if let leftAt = left[name] ?? nil, leftAt.ordinal <= asOf.ordinal {
                day = leftAt.ordinal
            } else if soldLast90, let last = group.allHistory.lastDay, last.ordinal <= asOf.ordinal - 90 {
                day = last.ordinal
            }
            if let day, day <= asOf.ordinal - 90, day - 365 >= firstDay.ordinal - 1 { stops[name] = Day(ordinal: day) }
        }
        return stops
    }
}

extension PushedDownMetrics {
    /// The managers who serve their customers: a sale in the last 90 days and not left; nil when
    /// the company sold nothing in the last 90 days (then "serving" cannot be told).
    package static func servingManagers(_ groups: [SaleGroup], sales: SalesAggregates, asOf: Day, lists: GroupLists) -> Set<String>? {
        guard sales.lastDay.map({ $0.ordinal > asOf.ordinal - 90 }) ?? false else { return nil }
        let left = Dictionary(lists.data.managers.map { ($0.manager, $0.leftAt) }, uniquingKeysWith: { a, b in a ?? b })
        var serving = Set<String>()
        for group in groups where group.dimension == .manager {
            guard let name = group.key, let last = group.allHistory.lastDay, last.ordinal > asOf.ordinal - 90 else { continue }
            if let leftAt = left[name] ?? nil, leftAt.ordinal <= asOf.ordinal { continue }
            serving.insert(name)
        }
        return serving
    }
}

extension MetricDocument {
    /// Sets the measures that follow each customer to their manager and to the customer list, from
    /// what the database computed: orphan lines, customers without sales, the dependency on one
    /// manager's customers, the customers served by nobody and the departed managers' customers.
    /// - Parameter listed: the number of listed customers (nil: the round has no customer list).
    package mutating func setCustomerLevel(
        _ totals: CustomerLevelAggregates, departed: DepartedAggregates?, listed: Int?, groups: [SaleGroup], sales: SalesAggregates,
        lists: GroupLists
    ) {
        var sink = MetricSink()
        if let listed {
            sink.set(.qualityOrphanSalesRows, totals.orphanLines)
            sink.ratio(.qualityOrphanSalesShare, Double(totals.orphanLines), Double(sales.rows), orElse: .nothingToMeasure)
            sink.set(.qualityOrphanRevenue, totals.orphanRevenue)
            sink.set(.qualityCustomersWithoutSales, listed - totals.listedBuyers)
            sink.ratio(.qualityCustomersWithoutSalesShare, Double(listed - totals.listedBuyers), Double(listed))
        }
        // The dependency, over the headline period's buyers and over all history.
        let named = totals.assigned.filter { $0.manager != nil }
        let headlineTotal = sales.windows[0].revenue
        var shares: [String: Double] = [:]
        let headlineNamed = named.filter { $0.headlineBuyers > 0 }
        if named.isEmpty {
            sink.set(.managersDependency.suffixed(MetricCatalogue.allHistorySuffix), nil, orElse: .noValues(.sales, "manager"))
        } else {
            sink.ratio(.managersDependency.suffixed(MetricCatalogue.allHistorySuffix), named.map(\.revenue).max() ?? 0, sales.revenue)
        }
        if headlineNamed.isEmpty {
            sink.set(.managersDependency, nil, orElse: .noValues(.sales, "manager"))
            sink.set(.managersDependencyOwnLinesShare12m, nil, orElse: .noValues(.sales, "manager"))
        } else {
            sink.ratio(.managersDependency, headlineNamed.map(\.headlineRevenue).max() ?? 0, headlineTotal)
            if headlineTotal > 0 {
                for row in headlineNamed where row.headlineRevenue > 0 { shares[row.manager ?? ""] = row.headlineRevenue / headlineTotal }
            }
            if let top = totals.topManager(headlineTotal: headlineTotal),
                let row = named.first(where: { $0.manager == top })
            {
                sink.ratio(.managersDependencyOwnLinesShare12m, row.ownHeadlineRevenue, row.headlineRevenue, orElse: .zeroTotal)
            } else {
                sink.set(.managersDependencyOwnLinesShare12m, nil, orElse: .noValues(.sales, "manager"))
            }
        }
        // Served by nobody: the headline buyers whose manager has left, made no sale in the last
        // 90 days, or is missing.
        if let serving = PushedDownMetrics.servingManagers(groups, sales: sales, asOf: asOf, lists: lists) {
            let unserved = totals.assigned.filter { $0.manager.map { !serving.contains($0) } ?? true }
            sink.set(.managersUnservedCustomers, unserved.reduce(0) { $0 + $1.headlineBuyers })
            sink.ratio(
                .managersUnservedRevenueShare12m, unserved.reduce(0.0) { $0 + $1.headlineRevenue }, headlineTotal,
                orElse: .noSalesLast12Months)
        } else {
            sink.set(.managersUnservedCustomers, nil, orElse: .noSalesLast90Days)
            sink.set(.managersUnservedRevenueShare12m, nil, orElse: .noSalesLast90Days)
        }
        if let departed, departed.customers > 0 {
            sink.set(.managersDepartedCustomers, departed.customers)
            sink.set(
                .managersDepartedCustomersRevenueChange, departed.before > 0 ? departed.after / departed.before - 1 : nil,
                orElse: .zeroTotal)
        } else {
            sink.set(.managersDepartedCustomers, nil, orElse: .noManagerStopped)
            sink.set(.managersDepartedCustomersRevenueChange, nil, orElse: .noManagerStopped)
        }
        for (id, value) in sink.metrics where !(unavailable[id]?.hasPrefix(UnavailableReason.noRowsPrefix) ?? false) {
            metrics[id] = value
            unavailable[id] = sink.unavailable[id]
        }
        if !shares.isEmpty {
            var merged = breakdowns ?? [:]
            merged[MetricID.managersCustomersRevenueShare12m.rawValue] = shares
            breakdowns = merged
        }
    }
}

extension MetricDocument {
    /// `quality.future_dates`: the sale lines a database counted after the round's date and the
    /// round's other dates after it.
    package mutating func setFutureDates(_ count: Int) {
        let id = MetricID.qualityFutureDates.rawValue
        guard !(unavailable[id]?.hasPrefix(UnavailableReason.noRowsPrefix) ?? false) else { return }
        metrics[id] = .number(Double(count))
        unavailable[id] = nil
    }
}
