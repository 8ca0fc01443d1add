import AuditModel

// What became of the customers of managers who left, and how much of a manager's customers'
// revenue he sold himself.

extension MetricID {
    static let managersDependencyOwnLinesShare12m = MetricID("managers.dependency_own_lines_share_12m")
    static let managersDepartedCustomers = MetricID("managers.departed_customers")
    static let managersDepartedCustomersRevenueChange = MetricID("managers.departed_customers_revenue_change")
}

extension MetricCatalogue {
    /// The measures behind the dependency on one manager: who sells to his customers, and what
    /// became of the customers of managers who left.
    static let managerDepartureMetrics: [MetricDefinition] = [
        .init(
            .managersDependencyOwnLinesShare12m, .managers, .share, .last12m, [.sales], .higherIsBetter,
            ru: (
                "Доля продаж, оформленных самим менеджером, у его клиентов",
                "выручка за (as_of − 365, as_of] клиентов менеджера из managers.dependency на строках, где продавцом указан он сам / вся выручка этих клиентов за то же окно"
            ),
            en: (
                "Share of the manager's customers' revenue he sold himself",
                "the revenue in (as_of − 365, as_of] of the customers of the manager named by managers.dependency on lines whose seller is that manager / all those customers' revenue in that window"
            )),
        .init(
            .managersDepartedCustomers, .managers, .customers, .allHistory, [.sales], .lowerIsBetter,
            ru: (
                "Клиенты ушедших и замолчавших менеджеров (измерено)",
                "клиенты, которым менеджер продавал в год до ухода (дата увольнения из списка менеджеров, иначе последняя продажа без продаж за (as_of − 90, as_of]); уходы не позже as_of − 90 и не раньше года от начала данных"
            ),
            en: (
                "Customers of managers who left or went silent (measured)",
                "customers a manager sold to in the year before leaving (the leaving date from the managers list, else the last sale when none in (as_of − 90, as_of]); stops no later than as_of − 90 and at least a year into the data"
            )),
        .init(
            .managersDepartedCustomersRevenueChange, .managers, .change, .allHistory, [.sales], .higherIsBetter,
            ru: (
                "Изменение выручки клиентов после ухода их менеджера",
                "выручка клиентов из managers.departed_customers от всех менеджеров за w дней после ухода / за w дней до него − 1, где w — дни от ухода до as_of, не больше 365; суммы по всем ушедшим"
            ),
            en: (
                "Change in revenue of customers after their manager left",
                "the revenue of the customers in managers.departed_customers from any manager over the w days after the stop / over the w days before it − 1, w being the days from the stop to as_of, at most 365; summed over the managers"
            )),
    ]
}

extension Computation {
    /// A customer's manager as the dependency and "served by nobody" measures see it: the
    /// customer list's, else the one on their latest sale; nil when neither names one.
    func assignedManager(of key: Int) -> String? {
        let listIndex = Int(data.customerListIndex[key])
        if listIndex >= 0, let listed = data.customers[listIndex][.manager] { return listed }
        let last = Int(stats.lastManager[key])
        let names = data.managerKeys.names
        return last >= 0 && last < names.count ? names[last] : nil
    }

    /// `managers.dependency_own_lines_share_12m`: of the headline revenue of the customers
    /// assigned to the manager the dependency measure names, the share on lines that manager
    /// sold. High: the assignment is who actually sells (not only a default in the customer
    /// card); low: the customers are his on paper and others serve them.
    mutating func dependencyOnOwnLines() {
        let id = MetricID.managersDependencyOwnLinesShare12m
        guard let top = customerShares.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            sink.set(id, nil, orElse: .noValues(.sales, "manager"))
            return
        }
        var ofTop = [Bool](repeating: false, count: stats.lines.count)
        for key in stats.lines.indices where stats.boughtLast12m[key] { ofTop[key] = assignedManager(of: key) == top }
        let topKey = data.managerKeys.names.firstIndex(of: top).map(Int32.init) ?? -1
        let sales = data.sales
        var theirs = 0.0, own = 0.0
        for index in 0..<sales.count where included[index] && sales.day[index] > last12Start && ofTop[Int(sales.customer[index])] {
            theirs += sales.amount[index]
            if sales.manager[index] == topKey { own += sales.amount[index] }
        }
        sink.ratio(id, own, theirs, orElse: .zeroTotal)
    }

    /// What happened to the customers of managers who left or stopped selling: the measured
    /// counterpart of the "a departing manager takes 20–40 %" assumption.
    ///
    /// A manager stopped on their leaving date (from the managers list) or, without one, on
    /// their last sale when they made none in the last 90 days. Only stops at least 90 days
    /// before as_of with a year of data before them count. Their customers are those they sold
    /// to in the year before the stop; each customer's revenue from anyone over the `w` days
    /// after the stop is set against the same `w` days before it (`w` = days from the stop to
    /// as_of, at most 365), summed over the managers: `managers.departed_customers` and
    /// `managers.departed_customers_revenue_change` (after / before − 1).
    mutating func departedManagersCustomers(left: [String: Day?], lastSale: [Int32]) {
        let names = data.managerKeys.names
        var stop = [Int32](repeating: Int32.min, count: names.count)
        for (key, name) in names.enumerated() {
            var day = Int32.min
            if let leftAt = left[name] ?? nil, leftAt.ordinal <= asOf.ordinal {
                day = Int32(leftAt.ordinal)
            } else if soldLast90, lastSale[key] != Int32.min, lastSale[key] <= last90Start {
                day = lastSale[key]
            }
            // At least 90 days after and a whole year of data before.
            if day != Int32.min, day <= last90Start, day - 365 >= firstDay - 1 { stop[key] = day }
        }
        let sales = data.sales
        // Each customer goes with the earliest stop of a manager who sold to them in the year
        // before it (whatever the order of the lines).
        var customerStop = [Int32](repeating: Int32.min, count: stats.lines.count)
        for index in 0..<sales.count where included[index] {
            let manager = Int(sales.manager[index])
            guard manager >= 0, stop[manager] != Int32.min else { continue }
            let day = sales.day[index], customer = Int(sales.customer[index])
            if day > stop[manager] - 365, day <= stop[manager],
                customerStop[customer] == Int32.min || stop[manager] < customerStop[customer]
            {
                customerStop[customer] = stop[manager]
            }
        }
        var customers = 0, before = 0.0, after = 0.0
        for key in customerStop.indices where customerStop[key] != Int32.min { customers += 1 }
        for index in 0..<sales.count where included[index] {
            let at = customerStop[Int(sales.customer[index])]
            guard at != Int32.min else { continue }
            let window = min(365, asOfDay - at), day = sales.day[index]
            if day > at - window, day <= at {
                before += sales.amount[index]
            } else if day > at, day <= at + window {
                after += sales.amount[index]
            }
        }
        guard customers > 0 else {
            sink.set(.managersDepartedCustomers, nil, orElse: .noManagerStopped)
            sink.set(.managersDepartedCustomersRevenueChange, nil, orElse: .noManagerStopped)
            return
        }
        sink.set(.managersDepartedCustomers, customers)
        sink.set(.managersDepartedCustomersRevenueChange, before > 0 ? after / before - 1 : nil, orElse: .zeroTotal)
    }
}
