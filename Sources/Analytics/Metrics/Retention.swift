import AuditModel

// Who buys, who came, who stayed and who left: active, new, returning, retained, reactivated
// and lost customers, retention and churn, key accounts' revenue retention, overdue regulars.

extension MetricID {
    static let customersActive12mShare = MetricID("customers.active_12m_share")
    static let customersNew12m = MetricID("customers.new_12m")
    static let customersReturning12m = MetricID("customers.returning_12m")
    static let customersRetained12m = MetricID("customers.retained_12m")
    static let customersReactivated12m = MetricID("customers.reactivated_12m")
    static let customersLost12m = MetricID("customers.lost_12m")
    static let customersLostRevenuePrev12m = MetricID("customers.lost_revenue_prev_12m")
    static let keyTop20PrevRevenueRetention12m = MetricID("key.top20_prev_revenue_retention_12m")
    static let keyTop20PrevRevenueLostShare12m = MetricID("key.top20_prev_revenue_lost_share_12m")
    static let keyTop20PrevDown30Share = MetricID("key.top20_prev_down30_share")
    static let customersOverdueRegulars = MetricID("customers.overdue_regulars")
    static let customersOverdueRegularsRevenueShare12m = MetricID("customers.overdue_regulars_revenue_share_12m")
    static let retentionRate12m = MetricID("retention.rate_12m")
    static let retentionRevenue12m = MetricID("retention.revenue_12m")
    static let retentionPrevNew12m = MetricID("retention.prev_new_12m")
    static let retentionChurn12m = MetricID("retention.churn_12m")
    static let customersRepeatRate = MetricID("customers.repeat_rate")
    static let customersMedianPurchaseIntervalDays = MetricID("customers.median_purchase_interval_days")
}

extension MetricCatalogue {
    /// The customer definitions of docs/metrics.md: active, new, returning, retained,
    /// reactivated and lost, each once, all on the headline period and the 12 months before.
    static let customerMetrics: [MetricDefinition] = [
        .init(
            .customersActive12mShare, .customers, .share, .last12m, [.sales], .higherIsBetter,
            ru: ("Доля активных", "customers.active_12m / sales.customers.all_history: сколько из когда-либо покупавших активны"),
            en: ("Active share", "customers.active_12m / sales.customers.all_history: how many of those who ever bought are active")),
        .init(
            .customersNew12m, .customers, .customers, .last12m, [.sales], .higherIsBetter,
            ru: ("Новые клиенты", "активные клиенты, чья первая покупка за всю историю — в (as_of − 365, as_of]"),
            en: ("New customers", "active customers whose first purchase ever is in (as_of − 365, as_of]")),
        .init(
            .customersReturning12m, .customers, .customers, .last12m, [.sales], .higherIsBetter,
            ru: ("Повторные клиенты", "активные клиенты, покупавшие и раньше: active_12m − new_12m = retained_12m + reactivated_12m"),
            en: ("Returning customers", "active customers who had bought before: active_12m − new_12m = retained_12m + reactivated_12m")),
        .init(
            .customersRetained12m, .customers, .customers, .change12m, [.sales], .higherIsBetter,
            ru: ("Удержанные клиенты", "клиенты, активные и в предыдущие 12 месяцев, и в последние 12"),
            en: ("Retained customers", "customers active both in the previous 12 months and in the last 12")),
        .init(
            .customersReactivated12m, .customers, .customers, .change12m, [.sales], .higherIsBetter,
            ru: ("Вернувшиеся клиенты", "активные клиенты, не покупавшие в предыдущие 12 месяцев, с первой покупкой раньше них"),
            en: ("Reactivated customers", "active customers who did not buy in the previous 12 months and first bought before them")),
        .init(
            .customersLost12m, .customers, .customers, .change12m, [.sales], .lowerIsBetter,
            ru: (
                "Потерянные клиенты",
                "клиенты, активные в предыдущие 12 месяцев и не купившие ничего в последние 12: active_prev_12m − retained_12m"
            ),
            en: (
                "Lost customers",
                "customers active in the previous 12 months who bought nothing in the last 12: active_prev_12m − retained_12m"
            )),
        .init(
            .customersLostRevenuePrev12m, .customers, .money, .previous12m, [.sales], .lowerIsBetter,
            ru: (
                "Выручка потерянных клиентов", "выручка за предыдущие 12 месяцев (as_of − 730, as_of − 365] клиентов из customers.lost_12m"
            ),
            en: (
                "Lost customers' revenue",
                "revenue in the previous 12 months (as_of − 730, as_of − 365] of the customers in customers.lost_12m"
            )),
        .init(
            .keyTop20PrevRevenueRetention12m, .customers, .share, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Удержание выручки крупнейших клиентов прошлого года",
                "топ-20 % покупателей предыдущих 12 месяцев (по их выручке там): их выручка за последние 12 месяцев / их выручка за предыдущие 12 (чистое удержание выручки)"
            ),
            en: (
                "Revenue retention of last year's largest customers",
                "the top 20 % of the previous 12 months' buyers (by their revenue there): their revenue in the last 12 months / theirs in the previous 12 (net revenue retention, NRR)"
            )),
        .init(
            .keyTop20PrevRevenueLostShare12m, .customers, .share, .change12m, [.sales], .lowerIsBetter,
            ru: (
                "Потерянная доля выручки крупнейших клиентов прошлого года",
                "те же клиенты: Σ max(0, выручка за предыдущие 12 месяцев − за последние 12) / их выручка за предыдущие 12 — сокращение закупок и уход, без учёта роста других"
            ),
            en: (
                "Revenue lost by last year's largest customers",
                "the same customers: Σ max(0, previous 12 months' revenue − last 12 months') / their previous 12 months' revenue — reduced purchases and departures, not offset by others' growth"
            )),
        .init(
            .keyTop20PrevDown30Share, .customers, .share, .change12m, [.sales], .lowerIsBetter,
            ru: (
                "Крупнейшие клиенты прошлого года, сократившие закупки более чем на 30 %",
                "те же клиенты, что в key.top20_prev_revenue_retention_12m: доля тех, чья выручка за последние 12 месяцев меньше 70 % их выручки за предыдущие 12 (включая ушедших)"
            ),
            en: (
                "Last year's largest customers down by more than 30 %",
                "the customers of key.top20_prev_revenue_retention_12m: the share whose last 12 months' revenue is below 70 % of their previous 12 months' (those who left included)"
            )),
        .init(
            .customersOverdueRegulars, .customers, .customers, .asOf, [.sales], .lowerIsBetter,
            ru: (
                "Постоянные клиенты, пропустившие свой срок закупки",
                "клиенты с покупками в ≥ 3 различных дня и последней покупкой в (as_of − 365, as_of], у которых с последней покупки прошло больше двух их собственных средних интервалов ((последняя − первая) / (дней покупок − 1)) и не меньше 30 дней и которые покупали в это же время год назад (в пределах 45 дней от as_of − 365): сезонное затишье не считается"
            ),
            en: (
                "Regular customers overdue for their next purchase",
                "customers with purchases on ≥ 3 distinct days and the last one in (as_of − 365, as_of] whose time since the last purchase exceeds twice their own mean interval ((last − first) / (purchase days − 1)) and 30 days, and who bought at this time a year ago (within 45 days of as_of − 365): a seasonal lull does not count"
            )),
        .init(
            .customersOverdueRegularsRevenueShare12m, .customers, .share, .last12m, [.sales], .lowerIsBetter,
            ru: (
                "Выручка постоянных клиентов, пропустивших срок",
                "выручка клиентов из customers.overdue_regulars за (as_of − 365, as_of] / вся выручка за этот период"
            ),
            en: (
                "Revenue of overdue regular customers",
                "the revenue in (as_of − 365, as_of] of the customers in customers.overdue_regulars / all revenue in that period"
            )),
        .init(
            .retentionRate12m, .customers, .share, .change12m, [.sales], .higherIsBetter,
            ru: ("Удержание за 12 месяцев", "customers.retained_12m / customers.active_prev_12m (null, когда предыдущее окно пусто)"),
            en: ("12-month retention", "customers.retained_12m / customers.active_prev_12m (null when the previous window is empty)")),
        .init(
            .retentionRevenue12m, .customers, .share, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Удержание выручки за 12 месяцев",
                "выручка покупателей предыдущих 12 месяцев за последние 12 / их выручка за предыдущие 12 (учитывает и уход, и сокращение, и рост закупок; нужна полная история предыдущих 12 месяцев)"
            ),
            en: (
                "12-month revenue retention (NRR)",
                "the previous 12 months' buyers' revenue in the last 12 months / theirs in the previous 12 (counts departures, cuts and growth; needs the previous 12 months fully covered)"
            )),
        .init(
            .retentionPrevNew12m, .customers, .share, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Прошлогодние новые клиенты, купившие снова",
                "клиенты с первой покупкой за всю историю в предыдущие 12 месяцев (as_of − 730, as_of − 365], купившие и в последние 12: доля ставших постоянными"
            ),
            en: (
                "Last year's new customers buying again",
                "customers whose first purchase ever is in the previous 12 months (as_of − 730, as_of − 365] who also bought in the last 12: the share who became regulars"
            )),
        .init(
            .retentionChurn12m, .customers, .share, .change12m, [.sales], .lowerIsBetter,
            ru: ("Отток за 12 месяцев", "customers.lost_12m / customers.active_prev_12m = 1 − retention.rate_12m"),
            en: ("12-month churn", "customers.lost_12m / customers.active_prev_12m = 1 − retention.rate_12m")),
        .init(
            .customersRepeatRate, .customers, .share, .allHistory, [.sales], .higherIsBetter,
            ru: ("Доля повторных", "доля покупателей за всю историю с покупками в ≥ 2 различных дня"),
            en: ("Repeat rate", "share of buying customers (all history) with purchases on ≥ 2 distinct days")),
        .init(
            .customersMedianPurchaseIntervalDays, .customers, .days, .allHistory, [.sales], .lowerIsBetter,
            ru: (
                "Медианный интервал между покупками",
                "медиана по покупателям с ≥ 2 днями покупок: (последний − первый день покупки) / (число дней покупок − 1)"
            ),
            en: (
                "Median purchase interval",
                "median over customers with ≥ 2 purchase days of (last − first purchase day) / (purchase days − 1)"
            )),
    ]
}

extension Computation {
    /// The customer definitions, each once: active (bought in the last 12 months), new (first
    /// purchase ever there), returning (active, bought before), retained (active in both
    /// windows), reactivated (returning, silent in the previous 12 months), lost (active in the
    /// previous 12 months, not in the last 12); the retention and churn rates; repeat rate and
    /// purchase interval over all history.
    mutating func retention() {
        var totals = RetentionAggregates()
        var intervals: [Double] = []
        for key in stats.lines.indices where stats.lines[key] > 0 {
            totals.buyers += 1
            if stats.frequency[key] >= 2 {
                totals.repeaters += 1
                intervals.append(Double(stats.lastDay[key] - stats.firstDay[key]) / Double(stats.frequency[key] - 1))
            }
            switch (stats.boughtPrev12m[key], stats.boughtLast12m[key]) {
            case (true, true):
                if stats.firstDay[key] > prev12Start {
                    totals.newPrevious += 1
                    totals.newPreviousRetained += 1
                }
                totals.previous += 1
                totals.active += 1
                totals.retained += 1
                totals.keptRevenue += stats.revenueLast12m[key]
                totals.previousRevenue += stats.revenuePrev12m[key]
            case (true, false):
                if stats.firstDay[key] > prev12Start { totals.newPrevious += 1 }
                totals.previous += 1
                totals.lost += 1
                totals.lostRevenue += stats.revenuePrev12m[key]
                totals.previousRevenue += stats.revenuePrev12m[key]
            case (false, true):
                totals.active += 1
                if stats.firstDay[key] > last12Start { totals.new12 += 1 } else { totals.reactivated += 1 }
            case (false, false): break
            }
        }
        intervals.sort()
        totals.medianInterval =
            intervals.isEmpty
            ? nil
            : intervals.count % 2 == 1
                ? intervals[intervals.count / 2]
                : (intervals[intervals.count / 2 - 1] + intervals[intervals.count / 2]) / 2
        sink.setRetention(totals, previousWindowCovered: previousWindowCovered)
        overdueRegulars()
    }

    /// Regular customers (purchases on three days or more, the last within 12 months) whose time
    /// since the last purchase exceeds twice their own mean interval (and 30 days) and who bought
    /// at this time of year a year ago: the reorders a manager should be chasing now, measured
    /// against each customer's own rhythm and season rather than one churn threshold for all.
    mutating func overdueRegulars() {
        // The season: a customer who bought within 45 days either side of this date a year ago
        // buys at this time of year, so their silence now is not the season's.
        let seasonStart = asOfDay - 365 - 45, seasonEnd = asOfDay - 365 + 45
        var inSeason = [Bool](repeating: false, count: stats.lines.count)
        let sales = data.sales
        for index in 0..<sales.count where included[index] && sales.day[index] > seasonStart && sales.day[index] <= seasonEnd {
            let customer = Int(sales.customer[index])
            if customer >= 0 && customer < inSeason.count { inSeason[customer] = true }
        }
        var totals = OverdueAggregates()
        for key in stats.lines.indices where stats.boughtLast12m[key] {
            totals.revenue += stats.revenueLast12m[key]
            let days = Int(stats.frequency[key])
            guard days >= 3 else { continue }
            let interval = Double(stats.lastDay[key] - stats.firstDay[key]) / Double(days - 1)
            let since = Double(asOfDay - stats.lastDay[key])
            if since > max(2 * interval, 30), inSeason[key] {
                totals.overdue += 1
                totals.overdueRevenue += stats.revenueLast12m[key]
                customerLists.overdueRegulars.append((Int32(key), interval))
            }
        }
        sink.setOverdue(totals)
    }

    /// What last year's largest customers did this year: the top 20 % of the previous 12 months'
    /// buyers (by their revenue there, ties by customer id), their revenue in the last 12 months
    /// against the previous 12 (net revenue retention), and the gross revenue they lost
    /// (Σ max(0, previous − last) over previous): the measured counterpart of the key-account loss
    /// a money estimate assumes.
    mutating func keyAccountRetention() {
        guard previousWindowCovered else {
            sink.setKeyAccounts(KeyAccountAggregates(), previousWindowCovered: false)
            return
        }
        let names = data.customerKeys.names
        var keys: [Int] = []
        for key in stats.lines.indices where stats.boughtPrev12m[key] && stats.revenuePrev12m[key] > 0 { keys.append(key) }
        keys.sort { a, b in
            let ra = stats.revenuePrev12m[a], rb = stats.revenuePrev12m[b]
            return ra != rb ? ra > rb : names[a] < names[b]
        }
        let top = keys.prefix(Int(clamped: 0.2 * Double(keys.count), rounding: .up))
        var totals = KeyAccountAggregates()
        totals.customers = top.count
        for key in top {
            let previous = stats.revenuePrev12m[key], last = stats.revenueLast12m[key]
            totals.before += previous
            totals.after += last
            totals.lost += max(0, previous - last)
            if last < 0.7 * previous {
                totals.down30 += 1
                customerLists.keyDecliners.append(Int32(key))
            }
        }
        sink.setKeyAccounts(totals, previousWindowCovered: true)
    }
}

/// What last year's largest customers did this year (``Computation/keyAccountRetention()``): the
/// top 20 % of the previous 12 months' buyers by their revenue there (ties by customer id), their
/// revenue in both windows, the gross loss and how many fell below 70 %. Computed in memory or by
/// a database (`Warehouse`).
package struct KeyAccountAggregates: Sendable, Hashable {
    package var customers = 0
    /// Their revenue in the previous 12 months, in the last 12, and Σ max(0, previous − last).
    package var before = 0.0
    package var after = 0.0
    package var lost = 0.0
    /// Those whose last 12 months' revenue is below 70 % of their previous 12 months'.
    package var down30 = 0

    package init() {}
}

/// The regular customers overdue for a reorder (``Computation/overdueRegulars()``), over the
/// customers who bought in the last 12 months: computed in memory or by a database.
package struct OverdueAggregates: Sendable, Hashable {
    package var overdue = 0
    /// Their last 12 months' revenue, and that of every customer who bought in the last 12 months.
    package var overdueRevenue = 0.0
    package var revenue = 0.0

    package init() {}
}

extension MetricSink {
    /// The key-account metrics; they need the previous 12 months covered whole.
    package mutating func setKeyAccounts(_ totals: KeyAccountAggregates, previousWindowCovered: Bool) {
        let ids = [MetricID.keyTop20PrevRevenueRetention12m, .keyTop20PrevRevenueLostShare12m, .keyTop20PrevDown30Share]
        guard previousWindowCovered else {
            for id in ids { set(id, nil, orElse: .previousWindowNotCovered) }
            return
        }
        guard totals.before > 0 else {
            for id in ids { set(id, nil, orElse: .emptyPreviousWindow) }
            return
        }
        set(ids[0], totals.after / totals.before)
        set(ids[1], totals.lost / totals.before)
        ratio(ids[2], Double(totals.down30), Double(totals.customers))
    }

    /// The overdue regulars' count and revenue share.
    package mutating func setOverdue(_ totals: OverdueAggregates) {
        set(.customersOverdueRegulars, totals.overdue)
        ratio(.customersOverdueRegularsRevenueShare12m, totals.overdueRevenue, totals.revenue, orElse: .noSalesLast12Months)
    }
}

/// The customer counts and sums the retention metrics are made from (over the buying customers of
/// all history): computed in memory or by a database (`Warehouse`).
package struct RetentionAggregates: Sendable, Hashable {
    /// Customers with a sale line.
    package var buyers = 0
    /// Those with purchases on two days or more, and the median of their mean interval in days
    /// ((last − first purchase day) / (purchase days − 1)).
    package var repeaters = 0
    package var medianInterval: Double?
    /// Active in the last 12 months; of them, first purchase ever there, and silent in the 12
    /// months before though they bought earlier.
    package var active = 0
    package var new12 = 0
    package var reactivated = 0
    /// Active in the previous 12 months; of them, active again in the last 12 (and their revenue
    /// there), or not (and their revenue of the previous 12).
    package var previous = 0
    package var retained = 0
    package var lost = 0
    package var keptRevenue = 0.0
    package var lostRevenue = 0.0
    /// The previous 12 months' revenue of those active then.
    package var previousRevenue = 0.0
    /// Active in the previous 12 months with their first purchase there, and of them retained.
    package var newPrevious = 0
    package var newPreviousRetained = 0

    package init() {}
}

extension MetricSink {
    /// The retention metrics of `totals`; the revenue retention and the new customers' retention
    /// need the previous 12 months covered whole.
    mutating func setRetention(_ totals: RetentionAggregates, previousWindowCovered: Bool) {
        ratio(.customersRepeatRate, Double(totals.repeaters), Double(totals.buyers))
        set(.customersMedianPurchaseIntervalDays, totals.medianInterval)
        ratio(.customersActive12mShare, Double(totals.active), Double(totals.buyers))
        set(.customersNew12m, totals.new12)
        set(.customersReturning12m, totals.active - totals.new12)
        set(.customersRetained12m, totals.retained)
        set(.customersReactivated12m, totals.reactivated)
        set(.customersLost12m, totals.lost)
        set(.customersLostRevenuePrev12m, totals.lostRevenue)
        ratio(.retentionRate12m, Double(totals.retained), Double(totals.previous), orElse: .emptyPreviousWindow)
        ratio(.retentionChurn12m, Double(totals.lost), Double(totals.previous), orElse: .emptyPreviousWindow)
        if previousWindowCovered {
            ratio(.retentionRevenue12m, totals.keptRevenue, totals.previousRevenue, orElse: .emptyPreviousWindow)
            ratio(.retentionPrevNew12m, Double(totals.newPreviousRetained), Double(totals.newPrevious), orElse: .emptyPreviousWindow)
        } else {
            set(.retentionRevenue12m, nil, orElse: .previousWindowNotCovered)
            set(.retentionPrevNew12m, nil, orElse: .previousWindowNotCovered)
        }
    }
}
