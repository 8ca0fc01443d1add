import AuditModel

// The pipeline (deals, win rate, cycle, stale deals by stage) and the contact history
// (activities, customers touched, class A customers left alone).

extension MetricID {
    static let dealsCount = MetricID("deals.count")
    static let dealsOpen = MetricID("deals.open")
    static let dealsWinRate = MetricID("deals.win_rate")
    static let dealsAvgCycleDays = MetricID("deals.avg_cycle_days")
    static let dealsOpenMedianAgeDays = MetricID("deals.open_median_age_days")
    static let dealsWorstStageStaleShare = MetricID("deals.worst_stage_stale_share")
    static let dealsPipelineAmount = MetricID("deals.pipeline_amount")
    static let dealsStaleOpen = MetricID("deals.stale_open")
    static let activitiesCount = MetricID("activities.count")
    static let activitiesLast90d = MetricID("activities.last_90d")
    static let activitiesActiveCustomersTouchedShare = MetricID("activities.active_customers_touched_share")
    static let activitiesAClassUntouched60dShare = MetricID("activities.a_class_untouched_60d_share")
}

extension MetricCatalogue {
    static let dealMetrics: [MetricDefinition] = [
        .init(.dealsCount, .deals, .count, .allHistory, [.deals], .neutral, ru: ("Сделок", "строк сделок"), en: ("Deals", "deal rows")),
        .init(
            .dealsOpen, .deals, .count, .asOf, [.deals], .neutral,
            ru: (
                "Открытые сделки",
                "сделки со статусом open (или без статуса и без даты закрытия либо с датой закрытия после даты среза — ожидаемой)"
            ),
            en: (
                "Open deals",
                "deals with status open (or no status and no close date, or a close date after the as-of date — an expected one)"
            )),
        .init(
            .dealsWinRate, .deals, .share, .allHistory, [.deals], .higherIsBetter,
            ru: ("Доля выигранных", "won / (won + lost)"), en: ("Win rate", "won / (won + lost)")),
        .init(
            .dealsAvgCycleDays, .deals, .days, .allHistory, [.deals], .lowerIsBetter,
            ru: ("Средний цикл сделки", "среднее (closed_at − created_at) по выигранным сделкам с датой закрытия"),
            en: ("Average deal cycle", "mean (closed_at − created_at) over won deals with a close date")),
        .init(
            .dealsOpenMedianAgeDays, .deals, .days, .asOf, [.deals], .lowerIsBetter,
            ru: ("Медианный возраст открытых сделок", "медиана (as_of − created_at) открытых сделок с датой создания"),
            en: ("Median age of open deals", "the median of (as_of − created_at) over open deals with a creation date")),
        .init(
            .dealsWorstStageStaleShare, .deals, .share, .asOf, [.deals], .lowerIsBetter,
            ru: ("Этап, где застревают сделки", "наибольшая по этапам доля давних открытых сделок (deals.stage_stale_share)"),
            en: ("The stage where deals get stuck", "the largest stage share of old open deals (deals.stage_stale_share)")),
        .init(
            .dealsPipelineAmount, .deals, .money, .asOf, [.deals], .higherIsBetter,
            ru: ("Воронка", "Σ amount открытых сделок"), en: ("Pipeline", "Σ amount of open deals")),
        .init(
            .dealsStaleOpen, .deals, .count, .asOf, [.deals], .lowerIsBetter,
            ru: ("Зависшие сделки", "открытые сделки, созданные не позже as_of − 90"),
            en: ("Stale open deals", "open deals created on or before as_of − 90")),
    ]

    static let activityMetrics: [MetricDefinition] = [
        .init(
            .activitiesCount, .activities, .count, .allHistory, [.activities], .higherIsBetter,
            ru: ("Активностей", "строк активностей"), en: ("Activities", "activity rows")),
        .init(
            .activitiesLast90d, .activities, .count, .last90d, [.activities], .higherIsBetter,
            ru: ("Активностей за 90 дней", "активности с датой в (as_of − 90, as_of]"),
            en: ("Activities in 90 days", "activities dated in (as_of − 90, as_of]")),
        .init(
            .activitiesActiveCustomersTouchedShare, .activities, .share, .last90d, [.activities, .sales], .higherIsBetter,
            ru: ("Охват активных клиентов", "доля клиентов, активных за 12 месяцев, с активностью за (as_of − 90, as_of]"),
            en: ("Active customers touched", "share of customers active in 12 months with an activity in (as_of − 90, as_of]")),
        .init(
            .activitiesAClassUntouched60dShare, .activities, .share, .asOf, [.activities, .sales], .lowerIsBetter,
            ru: (
                "Клиенты класса A без контакта 60 дней",
                "доля клиентов класса A (ABC по выручке за (as_of − 365, as_of]) без активности за (as_of − 60, as_of]"
            ),
            en: (
                "Class A customers untouched for 60 days",
                "the share of class A customers (ABC by revenue in (as_of − 365, as_of]) with no activity in (as_of − 60, as_of]"
            )),
    ]
}

extension Computation {
    /// Deal and activity metrics and the pipeline by stage.
    mutating func dealsAndActivities() {
        var open = 0, won = 0, lost = 0, stale = 0, pipeline = 0.0, cycleSum = 0, cycleCount = 0
        var openAges: [Int] = []
        var stages: [String: (status: String, deals: Int, amount: Double)] = [:]
        let staleLimit = asOf.adding(days: -90)
        for deal in data.deals {
            // No status: open when it has no close date, or when the close date is after the
            // as-of date (Zoho's "Closing Date" of an open deal is the expected one).
            let status = deal.status ?? (deal.closedAt.map { $0 > asOf } ?? true ? "open" : "closed")
            switch status {
            case "open":
                open += 1
                pipeline += deal.amount ?? 0
                if let created = deal.createdAt {
                    if created <= staleLimit { stale += 1 }
                    openAges.append(max(0, created.days(to: asOf)))
                }
            case "won":
                won += 1
                if let created = deal.createdAt, let closed = deal.closedAt {
                    cycleSum += created.days(to: closed)
                    cycleCount += 1
                }
            case "lost": lost += 1
            default: break
            }
            let stage = deal.stage ?? "(\(status))"
            var entry = stages[stage] ?? (status, 0, 0)
            entry.deals += 1
            entry.amount += deal.amount ?? 0
            stages[stage] = entry
        }
        tables.dealStages = stages.map {
            DealStageRow(stage: $0.key, status: $0.value.status, deals: $0.value.deals, amount: $0.value.amount)
        }
        .sorted { ($0.status, -$0.deals, $0.stage) < ($1.status, -$1.deals, $1.stage) }
        sink.set(.dealsCount, data.deals.count)
        sink.set(.dealsOpen, open)
        sink.ratio(.dealsWinRate, Double(won), Double(won + lost), orElse: .noClosedDeals)
        sink.set(
            .dealsAvgCycleDays, cycleCount > 0 ? Double(cycleSum) / Double(cycleCount) : nil,
            orElse: .noValues(.deals, "closed_at"))
        sink.set(.dealsPipelineAmount, pipeline)
        sink.set(.dealsStaleOpen, stale)
        openAges.sort()
        let medianAge: Double? =
            openAges.isEmpty
            ? nil
            : openAges.count % 2 == 1
                ? Double(openAges[openAges.count / 2])
                : Double(openAges[openAges.count / 2 - 1] + openAges[openAges.count / 2]) / 2
        sink.set(.dealsOpenMedianAgeDays, medianAge, orElse: .noValues(.deals, "created_at"))
        stageStaleness(cycle: cycleCount > 0 ? Double(cycleSum) / Double(cycleCount) : nil)

        let recent = asOf.adding(days: -90)
        var count90 = 0
        var touchedTexts = Set<String>()
        for activity in data.activities {
            guard let day = activity.day, day > recent, day <= asOf else { continue }
            count90 += 1
            if let customer = activity.customerID { touchedTexts.insert(customer) }
        }
        // Activities name their customer as the CRM writes it: found as sale lines are.
        let touched = stats.boughtLast12m.contains(true) ? data.customerKeys(of: Array(touchedTexts)) : []
        sink.set(.activitiesCount, data.activities.count)
        sink.set(.activitiesLast90d, count90)
        var active = 0, activeTouched = 0
        for key in stats.boughtLast12m.indices where stats.boughtLast12m[key] {
            active += 1
            if touched.contains(Int32(key)) { activeTouched += 1 }
        }
        sink.ratio(.activitiesActiveCustomersTouchedShare, Double(activeTouched), Double(active))
        classAUntouched()
    }

    /// Where open deals pile up: for each stage with at least 5 open deals, the share of them
    /// opened longer ago than twice the deal cycle measured on won deals (at least 30 days; 90
    /// without won deals); the worst stage's share is a metric, every stage's a breakdown.
    mutating func stageStaleness(cycle: Double?) {
        let limit = asOf.adding(days: -Int((cycle.map { max(30, 2 * $0) } ?? 90).rounded()))
        var open: [String: (all: Int, stale: Int)] = [:]
        for deal in data.deals {
            let status = deal.status ?? (deal.closedAt.map { $0 > asOf } ?? true ? "open" : "closed")
            guard status == "open", let stage = deal.stage, let created = deal.createdAt else { continue }
            var entry = open[stage] ?? (0, 0)
            entry.all += 1
            if created <= limit { entry.stale += 1 }
            open[stage] = entry
        }
        var shares: [String: Double] = [:]
        for (stage, counts) in open where counts.all >= 5 { shares[stage] = Double(counts.stale) / Double(counts.all) }
        stageStaleShares = shares
        // Open deals with stages but none with five at one stage: nothing piles up anywhere.
        sink.set(.dealsWorstStageStaleShare, shares.values.max() ?? (open.isEmpty ? nil : 0), orElse: .noValues(.deals, "stage"))
    }

    /// The share of class A customers (ABC by the headline period's revenue) with no activity in
    /// the last 60 days: the key accounts nobody has called.
    mutating func classAUntouched() {
        let recent = asOf.adding(days: -60)
        var texts = Set<String>()
        for activity in data.activities {
            guard let day = activity.day, day > recent, day <= asOf, let customer = activity.customerID else { continue }
            texts.insert(customer)
        }
        let touched = Set(data.customerKeys(of: Array(texts)))
        let names = data.customerKeys.names
        var keys = stats.boughtLast12m.indices.filter { stats.boughtLast12m[$0] && stats.revenueLast12m[$0] > 0 }
        keys.sort { a, b in
            let ra = stats.revenueLast12m[a], rb = stats.revenueLast12m[b]
            return ra != rb ? ra > rb : names[a] < names[b]
        }
        guard let classes = Self.abcClasses(keys.map { stats.revenueLast12m[$0] }) else {
            sink.set(.activitiesAClassUntouched60dShare, nil, orElse: .noSalesLast12Months)
            return
        }
        var classA = 0, untouched = 0
        for (index, key) in keys.enumerated() where classes[index] == 0 {
            classA += 1
            if !touched.contains(Int32(key)) { untouched += 1 }
        }
        sink.ratio(.activitiesAClassUntouched60dShare, Double(untouched), Double(classA))
    }
}
