import AuditModel

// The exact definitions of every metric. Each one is computed in `Compute+*.swift`; a test
// checks that the computed document has exactly these ids.

extension MetricCatalogue {
    /// The suffix of the whole-history twin of a headline-period metric: `pareto.top20_share`
    /// is over the last 12 months, `pareto.top20_share.all_history` over every sale up to as_of.
    public static let allHistorySuffix = ".all_history"

    /// How the two windows a ranked metric can be computed on are written in its definition.
    struct Window {
        var suffix: String
        var period: MetricPeriod
        var ru: String
        var en: String
        /// Whose revenue is ranked.
        var buyersRu: String
        var buyersEn: String
        /// Appended to the title of a whole-history twin.
        var titleRu = ""
        var titleEn = ""

        static let headline = Window(
            suffix: "", period: .last12m, ru: "за последние 12 месяцев (as_of − 365, as_of]",
            en: "over the last 12 months (as_of − 365, as_of]",
            buyersRu: "клиентов с покупкой за последние 12 месяцев", buyersEn: "customers who bought in the last 12 months")
        static let allHistory = Window(
            suffix: allHistorySuffix, period: .allHistory, ru: "за всю историю данных до as_of", en: "over every sale line up to as_of",
            buyersRu: "всех покупателей", buyersEn: "every buying customer", titleRu: " (вся история)", titleEn: " (all history)")
        static let both = [headline, allHistory]
    }

    static let salesMetrics: [MetricDefinition] = [
        .init("sales.rows", .sales, .count, .allHistory, [.sales], .neutral,
              ru: ("Строк продаж", "число строк продаж с датой не позже as_of"),
              en: ("Sales lines", "number of sale lines dated on or before as_of")),
        .init("sales.revenue_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
              ru: ("Выручка за 12 месяцев", "Σ amount строк с датой в (as_of − 365, as_of] (возвраты — отрицательные суммы — включены)"),
              en: ("Revenue, last 12 months", "Σ amount of lines dated in (as_of − 365, as_of] (returns, i.e. negative amounts, included)")),
        .init("sales.revenue_prev_12m", .sales, .money, .previous12m, [.sales], .neutral,
              ru: ("Выручка за предыдущие 12 месяцев", "Σ amount строк с датой в (as_of − 730, as_of − 365]"),
              en: ("Revenue, previous 12 months", "Σ amount of lines dated in (as_of − 730, as_of − 365]")),
        .init("sales.growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
              ru: ("Рост выручки за 12 месяцев", "revenue_last_12m / revenue_prev_12m − 1; null, когда предыдущая выручка равна 0 или данные начинаются позже начала предыдущих 12 месяцев"),
              en: ("Revenue growth, 12 months", "revenue_last_12m / revenue_prev_12m − 1; null when the previous revenue is 0 or the data begin after the start of the previous 12 months")),
        .init("sales.orders_last_12m", .sales, .count, .last12m, [.sales], .higherIsBetter,
              ru: ("Заказы за 12 месяцев", "число различных order_id со строкой в (as_of − 365, as_of]; строка без order_id — отдельный заказ"),
              en: ("Orders, last 12 months", "distinct order_id with a line dated in (as_of − 365, as_of]; a line without an order id counts as one order")),
        .init("sales.orders_prev_12m", .sales, .count, .previous12m, [.sales], .neutral,
              ru: ("Заказы за предыдущие 12 месяцев", "число различных order_id со строкой в (as_of − 730, as_of − 365]"),
              en: ("Orders, previous 12 months", "distinct order_id with a line dated in (as_of − 730, as_of − 365]")),
        .init("sales.orders_growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
              ru: ("Рост числа заказов за 12 месяцев", "orders_last_12m / orders_prev_12m − 1 (null — как у sales.growth_12m)"),
              en: ("Order growth, 12 months", "orders_last_12m / orders_prev_12m − 1 (null as for sales.growth_12m)")),
        .init("sales.avg_order_value_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
              ru: ("Средний чек за 12 месяцев", "sales.revenue_last_12m / sales.orders_last_12m"),
              en: ("Average order, last 12 months", "sales.revenue_last_12m / sales.orders_last_12m")),
        .init("sales.avg_order_value_prev_12m", .sales, .money, .previous12m, [.sales], .neutral,
              ru: ("Средний чек за предыдущие 12 месяцев", "sales.revenue_prev_12m / sales.orders_prev_12m"),
              en: ("Average order, previous 12 months", "sales.revenue_prev_12m / sales.orders_prev_12m")),
        .init("sales.avg_order_value_growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
              ru: ("Рост среднего чека за 12 месяцев", "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null — как у sales.growth_12m)"),
              en: ("Average order growth, 12 months", "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null as for sales.growth_12m)")),
        .init("sales.avg_revenue_per_customer_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
              ru: ("Выручка на активного клиента за 12 месяцев", "sales.revenue_last_12m / customers.active_12m"),
              en: ("Revenue per active customer, last 12 months", "sales.revenue_last_12m / customers.active_12m")),
        .init("sales.gross_margin_last_12m", .sales, .share, .last12m, [.sales], .higherIsBetter,
              ru: ("Валовая маржа за 12 месяцев", "(Σ amount − Σ cost) / Σ amount по строкам (as_of − 365, as_of], где указана себестоимость"),
              en: ("Gross margin, last 12 months", "(Σ amount − Σ cost) / Σ amount over the lines dated in (as_of − 365, as_of] that have a cost")),
        .init("sales.gross_margin_prev_12m", .sales, .share, .previous12m, [.sales], .neutral,
              ru: ("Валовая маржа за предыдущие 12 месяцев", "то же по строкам (as_of − 730, as_of − 365]"),
              en: ("Gross margin, previous 12 months", "the same over the lines dated in (as_of − 730, as_of − 365]")),
        .init("sales.gross_margin_change_12m", .sales, .points, .change12m, [.sales], .higherIsBetter,
              ru: ("Изменение маржи за 12 месяцев", "gross_margin_last_12m − gross_margin_prev_12m, в процентных пунктах (null — как у sales.growth_12m)"),
              en: ("Gross margin change, 12 months", "gross_margin_last_12m − gross_margin_prev_12m, in percentage points (null as for sales.growth_12m)")),
        .init("sales.revenue.all_history", .sales, .money, .allHistory, [.sales], .neutral,
              ru: ("Выручка за всю историю", "Σ amount всех строк до as_of (возвраты включены); зависит от длины выгрузки"),
              en: ("Revenue, all history", "Σ amount of every line up to as_of (returns included); depends on how far back the export goes")),
        .init("sales.orders.all_history", .sales, .count, .allHistory, [.sales], .neutral,
              ru: ("Заказы за всю историю", "число различных order_id до as_of; строка без order_id — отдельный заказ"),
              en: ("Orders, all history", "distinct order_id up to as_of; a line without an order id counts as one order")),
        .init("sales.customers.all_history", .sales, .customers, .allHistory, [.sales], .neutral,
              ru: ("Покупатели за всю историю", "число различных customer_id со строками продаж до as_of"),
              en: ("Buying customers, all history", "distinct customer_id with any sale line up to as_of")),
        .init("sales.avg_order_value.all_history", .sales, .money, .allHistory, [.sales], .neutral,
              ru: ("Средний чек за всю историю", "sales.revenue.all_history / sales.orders.all_history"),
              en: ("Average order, all history", "sales.revenue.all_history / sales.orders.all_history")),
        .init("sales.avg_revenue_per_customer.all_history", .sales, .money, .allHistory, [.sales], .neutral,
              ru: ("Выручка на покупателя за всю историю", "sales.revenue.all_history / sales.customers.all_history"),
              en: ("Revenue per customer, all history", "sales.revenue.all_history / sales.customers.all_history")),
        .init("sales.gross_margin.all_history", .sales, .share, .allHistory, [.sales], .neutral,
              ru: ("Валовая маржа за всю историю", "(Σ amount − Σ cost) / Σ amount по строкам до as_of, где указана себестоимость"),
              en: ("Gross margin, all history", "(Σ amount − Σ cost) / Σ amount over the lines up to as_of that have a cost")),
        .init("sales.first_date", .sales, .date, .allHistory, [.sales], .neutral,
              ru: ("Первая продажа", "самая ранняя дата продажи"), en: ("First sale", "the earliest sale date")),
        .init("sales.last_date", .sales, .date, .allHistory, [.sales], .neutral,
              ru: ("Последняя продажа", "самая поздняя дата продажи не позже as_of"),
              en: ("Last sale", "the latest sale date on or before as_of")),
        .init("sales.months", .sales, .count, .allHistory, [.sales], .neutral,
              ru: ("Месяцев данных", "число календарных месяцев от первой до последней продажи включительно"),
              en: ("Months of data", "calendar months from the first to the last sale, inclusive")),
        .init("sales.cost_coverage", .sales, .share, .allHistory, [.sales], .higherIsBetter,
              ru: ("Покрытие себестоимостью", "доля строк продаж с указанной себестоимостью"),
              en: ("Cost coverage", "share of sale lines that have a cost")),
    ]

    static let paretoMetrics: [MetricDefinition] = Window.both.flatMap(paretoMetrics(in:))

    private static func paretoMetrics(in window: Window) -> [MetricDefinition] {
        let titleRu = window.titleRu, titleEn = window.titleEn
        return [
        .init("pareto.top20_share" + window.suffix, .pareto, .share, window.period, [.sales], .lowerIsBetter,
              ru: ("Доля топ-20% клиентов" + titleRu, "выручка первых ⌈0,2·N⌉ из N \(window.buyersRu), упорядоченных по выручке \(window.ru), / их общая выручка"),
              en: ("Top 20% customers' share" + titleEn, "revenue of the top ⌈0.2·N⌉ of the N \(window.buyersEn), ranked by revenue \(window.en), / their total revenue")),
        .init("pareto.customers_for_80" + window.suffix, .pareto, .customers, window.period, [.sales], .higherIsBetter,
              ru: ("Клиентов на 80% выручки" + titleRu, "наименьшее k, при котором накопленная выручка \(window.ru) ≥ 0,8·итог"),
              en: ("Customers for 80% of revenue" + titleEn, "the smallest k whose cumulative revenue \(window.en) ≥ 0.8·total")),
        .init("pareto.customers_for_80_share" + window.suffix, .pareto, .share, window.period, [.sales], .higherIsBetter,
              ru: ("Доля клиентов на 80% выручки" + titleRu, "pareto.customers_for_80\(window.suffix) / N (\(window.buyersRu))"),
              en: ("Share of customers for 80%" + titleEn, "pareto.customers_for_80\(window.suffix) / N (\(window.buyersEn))")),
        .init("pareto.top_customer_share" + window.suffix, .pareto, .share, window.period, [.sales], .lowerIsBetter,
              ru: ("Доля крупнейшего клиента" + titleRu, "выручка крупнейшего клиента / общая выручка \(window.ru)"),
              en: ("Largest customer's share" + titleEn, "the largest customer's revenue / total revenue \(window.en)")),
        .init("pareto.hhi" + window.suffix, .pareto, .ratio, window.period, [.sales], .lowerIsBetter,
              ru: ("Индекс концентрации выручки (Херфиндаля)" + titleRu, "Σ (выручка клиента / общая выручка)² \(window.ru)"),
              en: ("Revenue concentration index (Herfindahl)" + titleEn, "Σ (customer revenue / total revenue)² \(window.en)")),
        ]
    }

    /// The customer definitions of docs/metrics.md: active, new, returning, retained,
    /// reactivated and lost, each once, all on the headline period and the 12 months before.
    static let customerMetrics: [MetricDefinition] = [
        .init("customers.count", .customers, .customers, .asOf, [.customers], .higherIsBetter,
              ru: ("Клиентов в базе", "число различных customer_id в списке клиентов"),
              en: ("Customers in the list", "distinct customer_id in the customer list")),
        .init("customers.active_12m", .customers, .customers, .last12m, [.sales], .higherIsBetter,
              ru: ("Активные клиенты", "клиенты с хотя бы одной строкой продаж в (as_of − 365, as_of]"),
              en: ("Active customers", "customers with at least one sale line dated in (as_of − 365, as_of]")),
        .init("customers.active_prev_12m", .customers, .customers, .previous12m, [.sales], .neutral,
              ru: ("Активные клиенты предыдущих 12 месяцев", "клиенты со строкой продаж в (as_of − 730, as_of − 365]"),
              en: ("Active customers, previous 12 months", "customers with a sale line dated in (as_of − 730, as_of − 365]")),
        .init("customers.active_growth_12m", .customers, .change, .change12m, [.sales], .higherIsBetter,
              ru: ("Рост числа активных клиентов", "active_12m / active_prev_12m − 1 (null — как у sales.growth_12m)"),
              en: ("Active customer growth", "active_12m / active_prev_12m − 1 (null as for sales.growth_12m)")),
        .init("customers.active_12m_share", .customers, .share, .last12m, [.sales], .higherIsBetter,
              ru: ("Доля активных", "customers.active_12m / sales.customers.all_history: сколько из когда-либо покупавших активны"),
              en: ("Active share", "customers.active_12m / sales.customers.all_history: how many of those who ever bought are active")),
        .init("customers.new_12m", .customers, .customers, .last12m, [.sales], .higherIsBetter,
              ru: ("Новые клиенты", "активные клиенты, чья первая покупка за всю историю — в (as_of − 365, as_of]"),
              en: ("New customers", "active customers whose first purchase ever is in (as_of − 365, as_of]")),
        .init("customers.returning_12m", .customers, .customers, .last12m, [.sales], .higherIsBetter,
              ru: ("Повторные клиенты", "активные клиенты, покупавшие и раньше: active_12m − new_12m = retained_12m + reactivated_12m"),
              en: ("Returning customers", "active customers who had bought before: active_12m − new_12m = retained_12m + reactivated_12m")),
        .init("customers.retained_12m", .customers, .customers, .change12m, [.sales], .higherIsBetter,
              ru: ("Удержанные клиенты", "клиенты, активные и в предыдущие 12 месяцев, и в последние 12"),
              en: ("Retained customers", "customers active both in the previous 12 months and in the last 12")),
        .init("customers.reactivated_12m", .customers, .customers, .change12m, [.sales], .higherIsBetter,
              ru: ("Вернувшиеся клиенты", "активные клиенты, не покупавшие в предыдущие 12 месяцев, с первой покупкой раньше них"),
              en: ("Reactivated customers", "active customers who did not buy in the previous 12 months and first bought before them")),
        .init("customers.lost_12m", .customers, .customers, .change12m, [.sales], .lowerIsBetter,
              ru: ("Потерянные клиенты", "клиенты, активные в предыдущие 12 месяцев и не купившие ничего в последние 12: active_prev_12m − retained_12m"),
              en: ("Lost customers", "customers active in the previous 12 months who bought nothing in the last 12: active_prev_12m − retained_12m")),
        .init("customers.lost_revenue_prev_12m", .customers, .money, .previous12m, [.sales], .lowerIsBetter,
              ru: ("Выручка потерянных клиентов", "выручка за предыдущие 12 месяцев (as_of − 730, as_of − 365] клиентов из customers.lost_12m"),
              en: ("Lost customers' revenue", "revenue in the previous 12 months (as_of − 730, as_of − 365] of the customers in customers.lost_12m")),
        .init("key.top20_prev_revenue_retention_12m", .customers, .share, .change12m, [.sales], .higherIsBetter,
              ru: ("Удержание выручки крупнейших клиентов прошлого года", "топ-20 % покупателей предыдущих 12 месяцев (по их выручке там): их выручка за последние 12 месяцев / их выручка за предыдущие 12 (чистое удержание выручки)"),
              en: ("Revenue retention of last year's largest customers", "the top 20 % of the previous 12 months' buyers (by their revenue there): their revenue in the last 12 months / theirs in the previous 12 (net revenue retention, NRR)")),
        .init("key.top20_prev_revenue_lost_share_12m", .customers, .share, .change12m, [.sales], .lowerIsBetter,
              ru: ("Потерянная доля выручки крупнейших клиентов прошлого года", "те же клиенты: Σ max(0, выручка за предыдущие 12 месяцев − за последние 12) / их выручка за предыдущие 12 — сокращение закупок и уход, без учёта роста других"),
              en: ("Revenue lost by last year's largest customers", "the same customers: Σ max(0, previous 12 months' revenue − last 12 months') / their previous 12 months' revenue — reduced purchases and departures, not offset by others' growth")),
        .init("key.top20_prev_down30_share", .customers, .share, .change12m, [.sales], .lowerIsBetter,
              ru: ("Крупнейшие клиенты прошлого года, сократившие закупки более чем на 30 %", "те же клиенты, что в key.top20_prev_revenue_retention_12m: доля тех, чья выручка за последние 12 месяцев меньше 70 % их выручки за предыдущие 12 (включая ушедших)"),
              en: ("Last year's largest customers down by more than 30 %", "the customers of key.top20_prev_revenue_retention_12m: the share whose last 12 months' revenue is below 70 % of their previous 12 months' (those who left included)")),
        .init("customers.overdue_regulars", .customers, .customers, .asOf, [.sales], .lowerIsBetter,
              ru: ("Постоянные клиенты, пропустившие свой срок закупки", "клиенты с покупками в ≥ 3 различных дня и последней покупкой в (as_of − 365, as_of], у которых с последней покупки прошло больше двух их собственных средних интервалов ((последняя − первая) / (дней покупок − 1)) и не меньше 30 дней и которые покупали в это же время год назад (в пределах 45 дней от as_of − 365): сезонное затишье не считается"),
              en: ("Regular customers overdue for their next purchase", "customers with purchases on ≥ 3 distinct days and the last one in (as_of − 365, as_of] whose time since the last purchase exceeds twice their own mean interval ((last − first) / (purchase days − 1)) and 30 days, and who bought at this time a year ago (within 45 days of as_of − 365): a seasonal lull does not count")),
        .init("customers.overdue_regulars_revenue_share_12m", .customers, .share, .last12m, [.sales], .lowerIsBetter,
              ru: ("Выручка постоянных клиентов, пропустивших срок", "выручка клиентов из customers.overdue_regulars за (as_of − 365, as_of] / вся выручка за этот период"),
              en: ("Revenue of overdue regular customers", "the revenue in (as_of − 365, as_of] of the customers in customers.overdue_regulars / all revenue in that period")),
        .init("retention.rate_12m", .customers, .share, .change12m, [.sales], .higherIsBetter,
              ru: ("Удержание за 12 месяцев", "customers.retained_12m / customers.active_prev_12m (null, когда предыдущее окно пусто)"),
              en: ("12-month retention", "customers.retained_12m / customers.active_prev_12m (null when the previous window is empty)")),
        .init("retention.revenue_12m", .customers, .share, .change12m, [.sales], .higherIsBetter,
              ru: ("Удержание выручки за 12 месяцев", "выручка покупателей предыдущих 12 месяцев за последние 12 / их выручка за предыдущие 12 (учитывает и уход, и сокращение, и рост закупок; нужна полная история предыдущих 12 месяцев)"),
              en: ("12-month revenue retention (NRR)", "the previous 12 months' buyers' revenue in the last 12 months / theirs in the previous 12 (counts departures, cuts and growth; needs the previous 12 months fully covered)")),
        .init("retention.prev_new_12m", .customers, .share, .change12m, [.sales], .higherIsBetter,
              ru: ("Прошлогодние новые клиенты, купившие снова", "клиенты с первой покупкой за всю историю в предыдущие 12 месяцев (as_of − 730, as_of − 365], купившие и в последние 12: доля ставших постоянными"),
              en: ("Last year's new customers buying again", "customers whose first purchase ever is in the previous 12 months (as_of − 730, as_of − 365] who also bought in the last 12: the share who became regulars")),
        .init("retention.churn_12m", .customers, .share, .change12m, [.sales], .lowerIsBetter,
              ru: ("Отток за 12 месяцев", "customers.lost_12m / customers.active_prev_12m = 1 − retention.rate_12m"),
              en: ("12-month churn", "customers.lost_12m / customers.active_prev_12m = 1 − retention.rate_12m")),
        .init("customers.repeat_rate", .customers, .share, .allHistory, [.sales], .higherIsBetter,
              ru: ("Доля повторных", "доля покупателей за всю историю с покупками в ≥ 2 различных дня"),
              en: ("Repeat rate", "share of buying customers (all history) with purchases on ≥ 2 distinct days")),
        .init("customers.median_purchase_interval_days", .customers, .days, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Медианный интервал между покупками", "медиана по покупателям с ≥ 2 днями покупок: (последний − первый день покупки) / (число дней покупок − 1)"),
              en: ("Median purchase interval", "median over customers with ≥ 2 purchase days of (last − first purchase day) / (purchase days − 1)")),
    ]

    /// The RFM segments, each with the way its size should move: more customers among the best
    /// is better, more among those slipping away is worse.
    static let rfmSegmentIDs: [(id: String, name: String, direction: MetricDirection)] = [
        ("champions", "Champions", .higherIsBetter), ("loyal", "Loyal", .higherIsBetter),
        ("potential_loyalists", "Potential loyalists", .higherIsBetter), ("new", "New", .higherIsBetter),
        ("at_risk", "At risk", .lowerIsBetter), ("cant_lose", "Can't lose", .lowerIsBetter),
        ("hibernating", "Hibernating", .lowerIsBetter), ("long_inactive", "Long inactive", .lowerIsBetter),
    ]

    private static let rfmSegmentRussian = [
        "Champions": "Чемпионы", "Loyal": "Лояльные", "Potential loyalists": "Потенциально лояльные", "New": "Одна недавняя покупка",
        "At risk": "Под угрозой", "Can't lose": "Нельзя потерять", "Hibernating": "Спящие", "Long inactive": "Давно неактивные",
    ]

    /// RFM's "New" (one purchase, recent) is not the customer definition of new (first purchase
    /// in the last 12 months, `customers.new_12m`): the report calls it by what it is.
    private static let rfmSegmentEnglish = ["New": "One recent purchase"]

    /// The title of an RFM segment (as named in the tables, e.g. `At risk`) in each language.
    public static func segmentTitle(_ name: String) -> LocalizedText {
        LocalizedText(ru: rfmSegmentRussian[name] ?? name, en: rfmSegmentEnglish[name] ?? name)
    }

    static let rfmMetrics: [MetricDefinition] = [
        .init("rfm.revenue_at_risk", .rfm, .money, .last12m, [.sales], .lowerIsBetter,
              ru: ("Выручка под риском", "выручка за последние 12 месяцев клиентов сегментов «Под угрозой» (At risk) и «Нельзя потерять» (Can't lose)"),
              en: ("Revenue at risk", "last-12-month revenue of the customers in At risk and Can't lose")),
        .init("rfm.revenue_at_risk_share", .rfm, .share, .last12m, [.sales], .lowerIsBetter,
              ru: ("Доля выручки под риском", "rfm.revenue_at_risk / sales.revenue_last_12m"),
              en: ("Share of revenue at risk", "rfm.revenue_at_risk / sales.revenue_last_12m")),
        .init("rfm.at_risk_customers", .rfm, .customers, .asOf, [.sales], .lowerIsBetter,
              ru: ("Клиенты под риском", "клиенты сегментов «Под угрозой» (At risk) и «Нельзя потерять» (Can't lose)"),
              en: ("Customers at risk", "customers in At risk and Can't lose")),
    ] + rfmSegmentIDs.map { segment in
        .init("rfm.\(segment.id)", .rfm, .customers, .asOf, [.sales], segment.direction,
              ru: ("RFM-сегмент «\(segmentTitle(segment.name).ru)»", "число покупателей (за всю историю) в RFM-сегменте «\(segmentTitle(segment.name).ru)» на дату as_of"),
              en: ("RFM segment \(segmentTitle(segment.name).en)", "number of buying customers (all history) in the RFM segment \(segmentTitle(segment.name).en) on as_of"))
    }

    static let abcSubjects: [(id: String, ru: String, en: String)] = [
        ("customers", "клиентов", "customers"), ("products", "товаров", "products"), ("managers", "менеджеров", "managers"),
    ]

    static let abcMetrics: [MetricDefinition] = Window.both.flatMap { (window: Window) -> [MetricDefinition] in
        abcSubjects.flatMap { (subject: (id: String, ru: String, en: String)) -> [MetricDefinition] in
            ["a", "b", "c"].flatMap { (letter: String) -> [MetricDefinition] in abcMetrics(subject: subject, letter: letter, window: window) }
        }
    }

    private static func abcMetrics(subject: (id: String, ru: String, en: String), letter: String, window: Window) -> [MetricDefinition] {
        let upper = letter.uppercased()
        let unit: MetricUnit = subject.id == "customers" ? .customers : .count
        let countTitle = LocalizedText(ru: "ABC \(subject.ru): класс \(upper), число" + window.titleRu,
                                       en: "ABC \(subject.en): class \(upper) count" + window.titleEn)
        let shareTitle = LocalizedText(ru: "ABC \(subject.ru): класс \(upper), доля выручки" + window.titleRu,
                                       en: "ABC \(subject.en): class \(upper) revenue share" + window.titleEn)
        return [
            .init("abc.\(subject.id).\(letter)_count" + window.suffix, .abc, unit, window.period, [.sales], .neutral,
                  ru: (countTitle.ru, "число \(subject.ru) класса \(upper) по выручке \(window.ru)"),
                  en: (countTitle.en, "number of \(subject.en) in class \(upper) by revenue \(window.en)")),
            .init("abc.\(subject.id).\(letter)_revenue_share" + window.suffix, .abc, .share, window.period, [.sales], .neutral,
                  ru: (shareTitle.ru, "выручка класса \(upper) / общая выручка \(subject.ru) \(window.ru)"),
                  en: (shareTitle.en, "revenue of class \(upper) / total revenue of \(subject.en) \(window.en)")),
        ]
    }

    static let managerMetrics: [MetricDefinition] = [
        .init("managers.with_sales", .managers, .count, .allHistory, [.sales], .neutral,
              ru: ("Менеджеров с продажами", "различные manager в строках продаж до as_of"),
              en: ("Managers with sales", "distinct manager in sale lines up to as_of")),
    ] + Window.both.flatMap(managerShareMetrics(in:)) + managerCustomerMetrics

    private static func managerShareMetrics(in window: Window) -> [MetricDefinition] {
        let titleRu = window.titleRu, titleEn = window.titleEn
        return [
        .init("managers.top20_share" + window.suffix, .managers, .share, window.period, [.sales], .lowerIsBetter,
              ru: ("Доля топ-20% менеджеров" + titleRu, "выручка первых ⌈0,2·M⌉ менеджеров / выручка строк с менеджером \(window.ru)"),
              en: ("Top 20% managers' share" + titleEn, "revenue of the top ⌈0.2·M⌉ managers / revenue of lines with a manager \(window.en)")),
        .init("managers.top_share" + window.suffix, .managers, .share, window.period, [.sales], .lowerIsBetter,
              ru: ("Доля лучшего менеджера" + titleRu, "выручка крупнейшего менеджера / выручка строк с менеджером \(window.ru)"),
              en: ("Top manager's share" + titleEn, "the largest manager's revenue / revenue of lines with a manager \(window.en)")),
        .init("managers.dependency" + window.suffix, .managers, .share, window.period, [.sales], .lowerIsBetter,
              ru: ("Зависимость от менеджера" + titleRu, "наибольшая доля выручки \(window.ru), приходящаяся на клиентов одного менеджера (менеджер клиента — из списка клиентов, иначе из его последней продажи)"),
              en: ("Manager dependency" + titleEn, "the largest share of revenue \(window.en) held by one manager's customers (a customer's manager from the customer list, else from their latest sale)")),
        ]
    }

    static let managerCustomerMetrics: [MetricDefinition] = [
        .init("managers.idle", .managers, .count, .last90d, [.sales], .lowerIsBetter,
              ru: ("Простаивающие менеджеры", "менеджеры без продаж за (as_of − 90, as_of], когда у компании там продажи есть (менеджеры из продаж и из списка, кроме уволенных)"),
              en: ("Idle managers", "managers with no sale in (as_of − 90, as_of] while the company sold there (managers from sales and the list, except those who left)")),
        .init("managers.unserved_customers", .managers, .customers, .asOf, [.sales], .lowerIsBetter,
              ru: ("Клиенты, которых никто не ведёт", "клиенты, покупавшие за (as_of − 365, as_of], чей менеджер (из списка клиентов, иначе — из их последней продажи) уволен, не продавал за (as_of − 90, as_of] или не указан"),
              en: ("Customers served by nobody", "customers who bought in (as_of − 365, as_of] whose manager (from the customer list, else from their latest sale) has left, made no sale in (as_of − 90, as_of], or is missing")),
        .init("managers.unserved_revenue_share_12m", .managers, .share, .last12m, [.sales], .lowerIsBetter,
              ru: ("Выручка клиентов, которых никто не ведёт", "выручка клиентов из managers.unserved_customers за (as_of − 365, as_of] / вся выручка за этот период"),
              en: ("Revenue of customers served by nobody", "the revenue in (as_of − 365, as_of] of the customers in managers.unserved_customers / all revenue in that period")),
        .init("managers.dependency_own_lines_share_12m", .managers, .share, .last12m, [.sales], .higherIsBetter,
              ru: ("Доля продаж, оформленных самим менеджером, у его клиентов", "выручка за (as_of − 365, as_of] клиентов менеджера из managers.dependency на строках, где продавцом указан он сам / вся выручка этих клиентов за то же окно"),
              en: ("Share of the manager's customers' revenue he sold himself", "the revenue in (as_of − 365, as_of] of the customers of the manager named by managers.dependency on lines whose seller is that manager / all those customers' revenue in that window")),
        .init("managers.departed_customers", .managers, .customers, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Клиенты ушедших и замолчавших менеджеров (измерено)", "клиенты, которым менеджер продавал в год до ухода (дата увольнения из списка менеджеров, иначе последняя продажа без продаж за (as_of − 90, as_of]); уходы не позже as_of − 90 и не раньше года от начала данных"),
              en: ("Customers of managers who left or went silent (measured)", "customers a manager sold to in the year before leaving (the leaving date from the managers list, else the last sale when none in (as_of − 90, as_of]); stops no later than as_of − 90 and at least a year into the data")),
        .init("managers.departed_customers_revenue_change", .managers, .change, .allHistory, [.sales], .higherIsBetter,
              ru: ("Изменение выручки клиентов после ухода их менеджера", "выручка клиентов из managers.departed_customers от всех менеджеров за w дней после ухода / за w дней до него − 1, где w — дни от ухода до as_of, не больше 365; суммы по всем ушедшим"),
              en: ("Change in revenue of customers after their manager left", "the revenue of the customers in managers.departed_customers from any manager over the w days after the stop / over the w days before it − 1, w being the days from the stop to as_of, at most 365; summed over the managers")),
        .init("managers.margin_spread_12m", .managers, .points, .last12m, [.sales], .lowerIsBetter,
              ru: ("Разброс маржи между менеджерами", "наибольшая минус наименьшая валовая маржа менеджеров с долей выручки ≥ 5 % за (as_of − 365, as_of] и себестоимостью в строках (нужно хотя бы два таких менеджера)"),
              en: ("Margin spread between managers", "the highest minus the lowest gross margin of managers holding ≥ 5 % of revenue in (as_of − 365, as_of] whose lines carry a cost (at least two such managers)")),
        .init("managers.customers_without_manager", .managers, .customers, .asOf, [.customers], .lowerIsBetter,
              ru: ("Клиенты без менеджера", "клиенты списка с пустым полем manager"),
              en: ("Customers without a manager", "customers in the list with an empty manager field")),
        .init("managers.customers_without_manager_share", .managers, .share, .asOf, [.customers], .lowerIsBetter,
              ru: ("Доля клиентов без менеджера", "managers.customers_without_manager / customers.count"),
              en: ("Share without a manager", "managers.customers_without_manager / customers.count")),
    ]

    static let cohortMetrics: [MetricDefinition] = [1, 3, 12].map { month in
        .init("cohorts.retention_m\(month)", .cohorts, .share, .cohorts, [.sales], .higherIsBetter,
              ru: ("Когортное удержание, месяц \(month)", "Σ клиентов когорт, купивших через \(month) мес. после месяца первой покупки / Σ размеров когорт, у которых этот месяц не позже месяца as_of"),
              en: ("Cohort retention, month \(month)", "Σ customers who bought \(month) month(s) after their first purchase month / Σ sizes of the cohorts whose month \(month) is not after as_of's month"))
    }

    static let channelMetrics: [MetricDefinition] = [
        .init("channels.count", .channels, .count, .allHistory, [.sales], .neutral,
              ru: ("Каналов продаж", "различные channel в строках продаж"), en: ("Sales channels", "distinct channel in sale lines")),
        .init("channels.top_share", .channels, .share, .allHistory, [.sales], .neutral,
              ru: ("Доля крупнейшего канала", "выручка крупнейшего канала / выручка строк с каналом"),
              en: ("Largest channel's share", "the largest channel's revenue / revenue of lines with a channel")),
        .init("channels.unknown_source_share", .channels, .share, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Продажи без источника", "доля строк продаж без канала и без кампании"),
              en: ("Sales with no known source", "share of sale lines with neither a channel nor a campaign")),
        .init("channels.unknown_source_revenue_share", .channels, .share, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Выручка без источника", "Σ amount строк без канала и кампании / sales.revenue.all_history"),
              en: ("Revenue with no known source", "Σ amount of lines with neither channel nor campaign / sales.revenue.all_history")),
        .init("channels.unknown_source_revenue_share_12m", .channels, .share, .last12m, [.sales], .lowerIsBetter,
              ru: ("Выручка без источника за 12 месяцев", "Σ amount строк с датой в (as_of − 365, as_of] без канала и кампании / sales.revenue_last_12m"),
              en: ("Revenue with no known source, 12 months", "Σ amount of lines dated in (as_of − 365, as_of] with neither channel nor campaign / sales.revenue_last_12m")),
        .init("campaigns.count", .channels, .count, .allHistory, [.sales], .neutral,
              ru: ("Кампаний с продажами", "различные campaign в строках продаж"),
              en: ("Campaigns with sales", "distinct campaign in sale lines")),
        .init("campaigns.revenue_share", .channels, .share, .allHistory, [.sales], .higherIsBetter,
              ru: ("Доля выручки кампаний", "Σ amount строк с кампанией / sales.revenue.all_history"),
              en: ("Campaign revenue share", "Σ amount of lines with a campaign / sales.revenue.all_history")),
        .init("campaigns.roi", .channels, .change, .allHistory, [.sales, .campaigns], .higherIsBetter,
              ru: ("ROI кампаний", "(Σ выручки кампаний с затратами − Σ их затрат) / Σ затрат"),
              en: ("Campaign ROI", "(Σ revenue of campaigns with a cost − Σ their cost) / Σ cost")),
    ]

    static let dealMetrics: [MetricDefinition] = [
        .init("deals.count", .deals, .count, .allHistory, [.deals], .neutral, ru: ("Сделок", "строк сделок"), en: ("Deals", "deal rows")),
        .init("deals.open", .deals, .count, .asOf, [.deals], .neutral,
              ru: ("Открытые сделки", "сделки со статусом open (или без статуса и без даты закрытия либо с датой закрытия после даты среза — ожидаемой)"),
              en: ("Open deals", "deals with status open (or no status and no close date, or a close date after the as-of date — an expected one)")),
        .init("deals.win_rate", .deals, .share, .allHistory, [.deals], .higherIsBetter,
              ru: ("Доля выигранных", "won / (won + lost)"), en: ("Win rate", "won / (won + lost)")),
        .init("deals.avg_cycle_days", .deals, .days, .allHistory, [.deals], .lowerIsBetter,
              ru: ("Средний цикл сделки", "среднее (closed_at − created_at) по выигранным сделкам с датой закрытия"),
              en: ("Average deal cycle", "mean (closed_at − created_at) over won deals with a close date")),
        .init("deals.open_median_age_days", .deals, .days, .asOf, [.deals], .lowerIsBetter,
              ru: ("Медианный возраст открытых сделок", "медиана (as_of − created_at) открытых сделок с датой создания"),
              en: ("Median age of open deals", "the median of (as_of − created_at) over open deals with a creation date")),
        .init("deals.worst_stage_stale_share", .deals, .share, .asOf, [.deals], .lowerIsBetter,
              ru: ("Этап, где застревают сделки", "наибольшая по этапам доля давних открытых сделок (deals.stage_stale_share)"),
              en: ("The stage where deals get stuck", "the largest stage share of old open deals (deals.stage_stale_share)")),
        .init("deals.pipeline_amount", .deals, .money, .asOf, [.deals], .higherIsBetter,
              ru: ("Воронка", "Σ amount открытых сделок"), en: ("Pipeline", "Σ amount of open deals")),
        .init("deals.stale_open", .deals, .count, .asOf, [.deals], .lowerIsBetter,
              ru: ("Зависшие сделки", "открытые сделки, созданные не позже as_of − 90"),
              en: ("Stale open deals", "open deals created on or before as_of − 90")),
    ]

    static let activityMetrics: [MetricDefinition] = [
        .init("activities.count", .activities, .count, .allHistory, [.activities], .higherIsBetter,
              ru: ("Активностей", "строк активностей"), en: ("Activities", "activity rows")),
        .init("activities.last_90d", .activities, .count, .last90d, [.activities], .higherIsBetter,
              ru: ("Активностей за 90 дней", "активности с датой в (as_of − 90, as_of]"),
              en: ("Activities in 90 days", "activities dated in (as_of − 90, as_of]")),
        .init("activities.active_customers_touched_share", .activities, .share, .last90d, [.activities, .sales], .higherIsBetter,
              ru: ("Охват активных клиентов", "доля клиентов, активных за 12 месяцев, с активностью за (as_of − 90, as_of]"),
              en: ("Active customers touched", "share of customers active in 12 months with an activity in (as_of − 90, as_of]")),
    ]

    private static func fieldTitle(_ field: String) -> LocalizedText {
        CanonicalModel.customerFieldTitles[field] ?? LocalizedText(both: field)
    }

    static let qualityMetrics: [MetricDefinition] = filledCustomerFields.map { field in
        .init("quality.fill.\(field)", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("Заполненность: \(fieldTitle(field).ru)", "доля клиентов списка с непустым полем «\(fieldTitle(field).ru)» (\(field))"),
              en: ("Fill rate: \(fieldTitle(field).en)", "share of customers in the list with a non-empty \(fieldTitle(field).en) (\(field))"))
    } + [
        .init("customers.person_share", .quality, .share, .asOf, [.customers], .neutral,
              ru: ("Доля частных лиц", "доля клиентов списка с типом «частное лицо» (type = person)"),
              en: ("Share of private persons", "share of customers in the list whose type is a private person (type = person)")),
        .init("quality.birth_date_persons_fill", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("Дата рождения у частных лиц", "доля частных лиц (type = person) в списке клиентов с датой рождения; у компаний даты рождения нет"),
              en: ("Birth date of private persons", "share of private persons (type = person) in the customer list with a birth date; companies have none")),
        .init("quality.tax_id_companies_fill", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("ИНН у клиентов-компаний", "доля клиентов списка, кроме частных лиц (type = person), с заполненным ИНН; клиенты без типа считаются компаниями"),
              en: ("Tax id of business customers", "share of customers in the list other than private persons (type = person) with a tax id; customers without a type count as companies")),
        .init("quality.tax_ids_invalid", .quality, .customers, .asOf, [.customers], .lowerIsBetter,
              ru: ("Ошибочные ИНН", "клиенты списка с ИНН из 10 или 12 цифр, у которого не сходятся контрольные цифры, или из 9 или 11 цифр (потерян ведущий ноль — частая ошибка Excel)"),
              en: ("Invalid tax ids", "customers in the list whose tax id (ИНН) has 10 or 12 digits with wrong check digits, or 9 or 11 digits (a leading zero lost, a common Excel mistake)")),
        .init("quality.tax_ids_invalid_share", .quality, .share, .asOf, [.customers], .lowerIsBetter,
              ru: ("Доля ошибочных ИНН", "quality.tax_ids_invalid / клиенты с заполненным ИНН"),
              en: ("Share of invalid tax ids", "quality.tax_ids_invalid / customers with a tax id")),
        .init("quality.tax_id_duplicate_groups", .quality, .count, .asOf, [.customers], .lowerIsBetter,
              ru: ("Дубли по ИНН", "группы дублей (quality.duplicate_groups), в которых записи совпали по ИНН"),
              en: ("Duplicates by tax id", "duplicate groups (quality.duplicate_groups) whose records share a tax id")),
        .init("activities.a_class_untouched_60d_share", .activities, .share, .asOf, [.activities, .sales], .lowerIsBetter,
              ru: ("Клиенты класса A без контакта 60 дней", "доля клиентов класса A (ABC по выручке за (as_of − 365, as_of]) без активности за (as_of − 60, as_of]"),
              en: ("Class A customers untouched for 60 days", "the share of class A customers (ABC by revenue in (as_of − 365, as_of]) with no activity in (as_of − 60, as_of]")),
        .init("quality.email_valid_share", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("Корректные email", "доля корректных адресов среди заполненных email"),
              en: ("Valid emails", "share of valid addresses among filled emails")),
        .init("quality.emails_invalid", .quality, .count, .asOf, [.customers], .lowerIsBetter,
              ru: ("Некорректные email", "клиенты с заполненным, но некорректным email"),
              en: ("Invalid emails", "customers with a filled but invalid email")),
        .init("quality.phone_valid_share", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("Корректные телефоны", "доля телефонов, приводимых к +7XXXXXXXXXX (или международному +…), среди заполненных"),
              en: ("Valid phones", "share of filled phones that normalise to +7XXXXXXXXXX (or an international +…)")),
        .init("quality.phones_invalid", .quality, .count, .asOf, [.customers], .lowerIsBetter,
              ru: ("Некорректные телефоны", "клиенты с заполненным, но некорректным телефоном"),
              en: ("Invalid phones", "customers with a filled but invalid phone")),
        .init("quality.email_consent_share", .quality, .share, .asOf, [.customers], .higherIsBetter,
              ru: ("Клиенты с отметкой согласия на рассылку", "доля клиентов списка с email_consent = 1 (отметка «согласен»); заполненность поля — quality.fill.email_consent"),
              en: ("Customers marked as consenting to newsletters", "share of customers in the list with email_consent = 1 (marked as consenting); the field's fill rate is quality.fill.email_consent")),
        .init("quality.duplicate_groups", .quality, .count, .asOf, [.customers], .lowerIsBetter,
              ru: ("Группы дублей", "группы клиентов с общим ИНН, email, телефоном, id или нормализованным названием"),
              en: ("Duplicate groups", "groups of customers sharing a tax id, email, phone, id or normalised name")),
        .init("quality.duplicate_customers", .quality, .customers, .asOf, [.customers], .lowerIsBetter,
              ru: ("Клиенты-дубли", "строк клиентов в группах дублей"),
              en: ("Duplicate customers", "customer rows in duplicate groups")),
        .init("quality.duplicate_share", .quality, .share, .asOf, [.customers], .lowerIsBetter,
              ru: ("Доля дублей", "quality.duplicate_customers / строк клиентов"),
              en: ("Duplicate share", "quality.duplicate_customers / customer rows")),
        .init("quality.orphan_sales_rows", .quality, .count, .allHistory, [.sales, .customers], .lowerIsBetter,
              ru: ("Продажи без клиента", "строки продаж, чей customer_id нет в списке клиентов"),
              en: ("Orphan sale lines", "sale lines whose customer_id is not in the customer list")),
        .init("quality.orphan_sales_share", .quality, .share, .allHistory, [.sales, .customers], .lowerIsBetter,
              ru: ("Доля продаж без клиента", "quality.orphan_sales_rows / sales.rows"),
              en: ("Orphan sales share", "quality.orphan_sales_rows / sales.rows")),
        .init("quality.orphan_revenue", .quality, .money, .allHistory, [.sales, .customers], .lowerIsBetter,
              ru: ("Выручка без клиента", "Σ amount строк продаж без клиента в списке"),
              en: ("Orphan revenue", "Σ amount of orphan sale lines")),
        .init("quality.customers_without_sales", .quality, .customers, .asOf, [.sales, .customers], .neutral,
              ru: ("Клиенты без продаж", "клиенты списка без строк продаж"),
              en: ("Customers without sales", "customers in the list with no sale line")),
        .init("quality.customers_without_sales_share", .quality, .share, .asOf, [.sales, .customers], .neutral,
              ru: ("Доля клиентов без продаж", "quality.customers_without_sales / customers.count"),
              en: ("Share without sales", "quality.customers_without_sales / customers.count")),
        .init("quality.future_dates", .quality, .count, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Даты в будущем", "даты продаж, сделок, активностей и клиентов (created_at, birth_date) позже даты раунда аудита"),
              en: ("Future dates", "dates of sales, deals, activities and customers (created_at, birth_date) after the audit round's date")),
        .init("quality.zero_amount_rows", .quality, .count, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Нулевые суммы", "строки продаж с amount = 0"), en: ("Zero amounts", "sale lines with amount = 0")),
        .init("quality.negative_amount_rows", .quality, .count, .allHistory, [.sales], .neutral,
              ru: ("Отрицательные суммы", "строки продаж с amount < 0 (возвраты)"),
              en: ("Negative amounts", "sale lines with amount < 0 (returns)")),
        .init("quality.sales_after_as_of", .quality, .count, .allHistory, [.sales], .neutral,
              ru: ("Продажи после даты среза", "строки продаж позже даты среза (as_of), не вошедшие в метрики"),
              en: ("Sales after the as-of date", "sale lines dated after the as-of date (as_of), left out of the metrics")),
        .init("quality.invalid_sale_dates", .quality, .count, .allHistory, [.sales], .lowerIsBetter,
              ru: ("Нечитаемые даты продаж", "строки продаж, чья дата не в формате ГГГГ-ММ-ДД (не учитываются)"),
              en: ("Unreadable sale dates", "sale lines whose date is not YYYY-MM-DD (left out)")),
    ]
}
