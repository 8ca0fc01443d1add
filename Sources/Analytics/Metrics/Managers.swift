import AuditModel
import Workspace

// The managers: who sells how much, the dependency on one of them, idle managers, customers
// nobody serves, the margin spread, customers without a manager.

extension MetricID {
    static let managersWithSales = MetricID("managers.with_sales")
    static let managersOnStaff = MetricID("managers.on_staff")
    static let managersTop20Share = MetricID("managers.top20_share")
    static let managersTopShare = MetricID("managers.top_share")
    static let managersDependency = MetricID("managers.dependency")
    static let managersIdle = MetricID("managers.idle")
    static let managersUnservedCustomers = MetricID("managers.unserved_customers")
    static let managersUnservedRevenueShare12m = MetricID("managers.unserved_revenue_share_12m")
    static let managersMarginSpread12m = MetricID("managers.margin_spread_12m")
}

extension MetricCatalogue {
    static let managerMetrics: [MetricDefinition] =
        [
            .init(
                .managersWithSales, .managers, .count, .allHistory, [.sales], .neutral,
                ru: ("Менеджеров с продажами", "различные manager в строках продаж до as_of"),
                en: ("Managers with sales", "distinct manager in sale lines up to as_of")),
            .init(
                .managersOnStaff, .managers, .count, .asOf, [.managers], .neutral,
                ru: ("Менеджеров в штате", "менеджеры из списка менеджеров без даты увольнения на as_of или раньше"),
                en: ("Managers on staff", "managers in the managers list with no leaving date on or before as_of")),
        ] + Window.both.flatMap(managerShareMetrics(in:)) + managerCustomerMetrics

    private static func managerShareMetrics(in window: Window) -> [MetricDefinition] {
        let titleRu = window.titleRu, titleEn = window.titleEn
        return [
            .init(
                .managersTop20Share.suffixed(window.suffix), .managers, .share, window.period, [.sales], .lowerIsBetter,
                ru: ("Доля топ-20% менеджеров" + titleRu, "выручка первых ⌈0,2·M⌉ менеджеров / выручка строк с менеджером \(window.ru)"),
                en: (
                    "Top 20% managers' share" + titleEn,
                    "revenue of the top ⌈0.2·M⌉ managers / revenue of lines with a manager \(window.en)"
                )),
            .init(
                .managersTopShare.suffixed(window.suffix), .managers, .share, window.period, [.sales], .lowerIsBetter,
                ru: ("Доля лучшего менеджера" + titleRu, "выручка крупнейшего менеджера / выручка строк с менеджером \(window.ru)"),
                en: ("Top manager's share" + titleEn, "the largest manager's revenue / revenue of lines with a manager \(window.en)")),
            .init(
                .managersDependency.suffixed(window.suffix), .managers, .share, window.period, [.sales], .lowerIsBetter,
                ru: (
                    "Зависимость от менеджера" + titleRu,
                    "наибольшая доля выручки \(window.ru), приходящаяся на клиентов одного менеджера (менеджер клиента — из списка клиентов, иначе из его последней продажи)"
                ),
                en: (
                    "Manager dependency" + titleEn,
                    "the largest share of revenue \(window.en) held by one manager's customers (a customer's manager from the customer list, else from their latest sale)"
                )),
        ]
    }

    static let managerCustomerMetrics: [MetricDefinition] = [
        .init(
            .managersIdle, .managers, .count, .last90d, [.sales], .lowerIsBetter,
            ru: (
                "Простаивающие менеджеры",
                "менеджеры без продаж за (as_of − 90, as_of], когда у компании там продажи есть (менеджеры из продаж и из списка, кроме уволенных)"
            ),
            en: (
                "Idle managers",
                "managers with no sale in (as_of − 90, as_of] while the company sold there (managers from sales and the list, except those who left)"
            )),
        .init(
            .managersUnservedCustomers, .managers, .customers, .asOf, [.sales], .lowerIsBetter,
            ru: (
                "Клиенты, которых никто не ведёт",
                "клиенты, покупавшие за (as_of − 365, as_of], чей менеджер (из списка клиентов, иначе — из их последней продажи) уволен, не продавал за (as_of − 90, as_of] или не указан"
            ),
            en: (
                "Customers served by nobody",
                "customers who bought in (as_of − 365, as_of] whose manager (from the customer list, else from their latest sale) has left, made no sale in (as_of − 90, as_of], or is missing"
            )),
        .init(
            .managersUnservedRevenueShare12m, .managers, .share, .last12m, [.sales], .lowerIsBetter,
            ru: (
                "Выручка клиентов, которых никто не ведёт",
                "выручка клиентов из managers.unserved_customers за (as_of − 365, as_of] / вся выручка за этот период"
            ),
            en: (
                "Revenue of customers served by nobody",
                "the revenue in (as_of − 365, as_of] of the customers in managers.unserved_customers / all revenue in that period"
            )),
        .init(
            .managersMarginSpread12m, .managers, .points, .last12m, [.sales], .lowerIsBetter,
            ru: (
                "Разброс маржи между менеджерами",
                "наибольшая минус наименьшая валовая маржа менеджеров с долей выручки ≥ 5 % за (as_of − 365, as_of] и себестоимостью в строках (нужно хотя бы два таких менеджера)"
            ),
            en: (
                "Margin spread between managers",
                "the highest minus the lowest gross margin of managers holding ≥ 5 % of revenue in (as_of − 365, as_of] whose lines carry a cost (at least two such managers)"
            )),
    ]
}

extension Computation {
    /// Manager rows (the headline period), idle managers, concentration and dependency (the
    /// headline period and all history).
    /// - Parameter customerLevel: whether the measures that follow each customer to their manager
    ///   are computed (dependency, customers served by nobody, departed managers' customers).
    mutating func managers(_ all: GroupTotals, headline totals: GroupTotals, customerLevel: Bool = true) -> [ManagerRow] {
        let names = data.managerKeys.names
        let left = Dictionary(data.managers.map { ($0.manager, $0.leftAt) }, uniquingKeysWith: { a, b in a ?? b })
        func hasLeft(_ name: String) -> Bool {
            guard let date = left[name] ?? nil else { return false }
            return date.ordinal <= asOf.ordinal
        }
        let ranking = totals.ranking(names: names)
        let attributed = totals.revenue.reduce(0, +)
        var rows: [ManagerRow] = ranking.map { key in
            let margin =
                totals.costLines[key] > 0 && totals.costAmount[key] != 0
                ? (totals.costAmount[key] - totals.cost[key]) / totals.costAmount[key] : nil
            let last = all.lastDay[key]
            return ManagerRow(
                manager: names[key], revenue: totals.revenue[key], orders: totals.orders.counts[key],
                customers: totals.customers.counts[key], margin: margin,
                share: attributed > 0 ? totals.revenue[key] / attributed : nil,
                lastSaleDate: last == Int32.min ? nil : Day(ordinal: Int(last)).iso,
                idle: soldLast90 && last <= last90Start && !hasLeft(names[key]), revenueAllHistory: all.revenue[key])
        }
        var listed = Set(names)
        for manager in data.managers where !listed.contains(manager.manager) {
            listed.insert(manager.manager)
            rows.append(
                ManagerRow(
                    manager: manager.manager, revenue: 0, orders: 0, customers: 0, margin: nil,
                    share: attributed > 0 ? 0 : nil, lastSaleDate: nil,
                    idle: soldLast90 && !hasLeft(manager.manager), revenueAllHistory: 0))
        }
        let noManagers = UnavailableReason.noValues(.sales, "manager")
        if names.isEmpty {
            sink.set(.managersWithSales, nil, orElse: noManagers)
        } else {
            sink.set(.managersWithSales, names.count)
        }
        if soldLast90 {
            sink.set(.managersIdle, rows.filter(\.idle).count)
        } else {
            sink.set(.managersIdle, nil, orElse: .noSalesLast90Days)
        }
        for (window, suffix) in [(totals, ""), (all, MetricCatalogue.allHistorySuffix)] {
            // Managers with a line in the window, ranked by their revenue there.
            let ranked = window.ranking(names: names).filter { window.orders.counts[$0] > 0 }
            let attributed = window.revenue.reduce(0, +)
            if attributed > 0 {
                let top = Int(clamped: 0.2 * Double(ranked.count), rounding: .up)
                sink.set(.managersTop20Share.suffixed(suffix), ranked.prefix(top).reduce(0.0) { $0 + window.revenue[$1] } / attributed)
                sink.set(.managersTopShare.suffixed(suffix), window.revenue[ranked[0]] / attributed)
            } else {
                let reason = names.isEmpty ? noManagers : .zeroTotal
                sink.set(.managersTop20Share.suffixed(suffix), nil, orElse: reason)
                sink.set(.managersTopShare.suffixed(suffix), nil, orElse: reason)
            }
            let revenues = ranked.map { window.revenue[$0] }
            abc(
                subject: "managers", revenues: revenues, classes: names.isEmpty ? nil : Self.abcClasses(revenues), suffix: suffix,
                whenEmpty: names.isEmpty ? nil : .noSalesLast12Months)
        }
        if customerLevel {
            dependency(headline: true)
            dependency(headline: false)
            dependencyOnOwnLines()
            departedManagersCustomers(left: left, lastSale: all.lastDay)
            var serving = Set<String>()
            for key in names.indices where all.lastDay[key] > last90Start && !hasLeft(names[key]) { serving.insert(names[key]) }
            unserved(serving: soldLast90 ? serving : nil)
        }
        marginSpread(rows)
        let departments = Dictionary(
            data.managers.compactMap { record in record.department.map { (record.manager, $0) } },
            uniquingKeysWith: { first, _ in first })
        for index in rows.indices { rows[index].department = departments[rows[index].manager] }
        tables.managers = rows
        return rows
    }

    /// Customers who bought in the headline period and whose manager (the customer list's, else
    /// the one on their latest sale) is not among `serving` (sold in the last 90 days and has not
    /// left) or is missing: the revenue nobody is looking after. `nil` when the company made no
    /// sale in the last 90 days, so "serving" cannot be told.
    mutating func unserved(serving: Set<String>?) {
        guard let serving else {
            sink.set(.managersUnservedCustomers, nil, orElse: .noSalesLast90Days)
            sink.set(.managersUnservedRevenueShare12m, nil, orElse: .noSalesLast90Days)
            return
        }
        var count = 0, revenue = 0.0, total = 0.0
        for key in stats.lines.indices where stats.boughtLast12m[key] {
            total += stats.revenueLast12m[key]
            let manager = assignedManager(of: key)
            if manager.map({ !serving.contains($0) }) ?? true {
                count += 1
                revenue += stats.revenueLast12m[key]
                customerLists.unserved.append((Int32(key), manager))
            }
        }
        sink.set(.managersUnservedCustomers, count)
        sink.ratio(.managersUnservedRevenueShare12m, revenue, total, orElse: .noSalesLast12Months)
    }

    /// The highest minus the lowest gross margin among managers holding at least 5 % of the
    /// headline period's revenue with costs on their lines: discount discipline differs by person.
    mutating func marginSpread(_ rows: [ManagerRow]) {
        let margins = rows.compactMap { row -> Double? in
            guard let share = row.share, share >= 0.05 else { return nil }
            return row.margin
        }
        guard margins.count >= 2, let high = margins.max(), let low = margins.min() else {
            sink.set(.managersMarginSpread12m, nil, orElse: .noValues(.sales, "cost"))
            return
        }
        sink.set(.managersMarginSpread12m, high - low)
    }

    /// The largest share of revenue held by one manager's customers, over the headline period
    /// (the customers who bought in it, their revenue there) or all history.
    mutating func dependency(headline: Bool) {
        let revenue = headline ? stats.revenueLast12m : stats.revenue
        let total = headline ? stats.revenueLast12m.reduce(0, +) : self.revenue
        let suffix = headline ? "" : MetricCatalogue.allHistorySuffix
        // Managers by key (names compared as bytes); names only in the customer list get keys after.
        var names = data.managerKeys
        var byManager = [Double](repeating: 0, count: names.count)
        var assigned = false
        for key in stats.lines.indices where headline ? stats.boughtLast12m[key] : stats.lines[key] > 0 {
            let listIndex = Int(data.customerListIndex[key])
            var manager: Int32 = -1
            if listIndex >= 0, let listed = data.customers[listIndex][.manager] {
                manager = names.intern(listed)
                if Int(manager) == byManager.count { byManager.append(0) }
            } else {
                manager = stats.lastManager[key]
            }
            guard manager >= 0 else { continue }
            byManager[Int(manager)] += revenue[key]
            assigned = true
        }
        if !assigned {
            sink.set(.managersDependency.suffixed(suffix), nil, orElse: .noValues(.sales, "manager"))
        } else {
            sink.ratio(.managersDependency.suffixed(suffix), byManager.max() ?? 0, total)
            if headline, total > 0 {
                for (key, amount) in byManager.enumerated() where amount > 0 { customerShares[names.name(key)] = amount / total }
            }
        }
    }
}

extension Computation {
    /// The managers on staff as of the day: those of the managers list who had not left by then.
    mutating func managersOnStaff() {
        guard data.has(.managers) else { return }
        let names = Set(data.managers.filter { $0.leftAt.map { $0 > asOf } ?? true }.map(\.manager))
        sink.set(.managersOnStaff, names.count)
    }
}
