import AuditModel

// The exact definitions of every metric. Each one is computed in `Compute+*.swift`; a test
// checks that the computed document has exactly these ids.

extension MetricCatalogue {
    static let salesMetrics: [MetricDefinition] = [
        .init("sales.rows", .sales, .count, [.sales],
              ru: ("Строк продаж", "число строк продаж с датой не позже as_of"),
              en: ("Sales lines", "number of sale lines dated on or before as_of")),
        .init("sales.revenue", .sales, .money, [.sales],
              ru: ("Выручка", "Σ amount всех строк (возвраты — отрицательные суммы — включены)"),
              en: ("Revenue", "Σ amount of all lines (returns, i.e. negative amounts, included)")),
        .init("sales.orders", .sales, .count, [.sales],
              ru: ("Заказы", "число различных order_id; строка без order_id — отдельный заказ"),
              en: ("Orders", "distinct order_id; a line without an order id counts as one order")),
        .init("sales.customers", .sales, .count, [.sales],
              ru: ("Покупатели", "число различных customer_id со строками продаж"),
              en: ("Buying customers", "distinct customer_id with any sale line")),
        .init("sales.avg_order_value", .sales, .money, [.sales],
              ru: ("Средний чек", "sales.revenue / sales.orders"),
              en: ("Average order value", "sales.revenue / sales.orders")),
        .init("sales.avg_revenue_per_customer", .sales, .money, [.sales],
              ru: ("Выручка на покупателя", "sales.revenue / sales.customers"),
              en: ("Revenue per customer", "sales.revenue / sales.customers")),
        .init("sales.first_date", .sales, .date, [.sales],
              ru: ("Первая продажа", "самая ранняя дата продажи"), en: ("First sale", "the earliest sale date")),
        .init("sales.last_date", .sales, .date, [.sales],
              ru: ("Последняя продажа", "самая поздняя дата продажи не позже as_of"),
              en: ("Last sale", "the latest sale date on or before as_of")),
        .init("sales.months", .sales, .count, [.sales],
              ru: ("Месяцев данных", "число календарных месяцев от первой до последней продажи включительно"),
              en: ("Months of data", "calendar months from the first to the last sale, inclusive")),
        .init("sales.revenue_last_12m", .sales, .money, [.sales],
              ru: ("Выручка за 12 месяцев", "Σ amount строк с датой в (as_of − 365, as_of]"),
              en: ("Revenue, last 12 months", "Σ amount of lines dated in (as_of − 365, as_of]")),
        .init("sales.revenue_prev_12m", .sales, .money, [.sales],
              ru: ("Выручка за предыдущие 12 месяцев", "Σ amount строк с датой в (as_of − 730, as_of − 365]"),
              en: ("Revenue, previous 12 months", "Σ amount of lines dated in (as_of − 730, as_of − 365]")),
        .init("sales.growth_12m", .sales, .ratio, [.sales],
              ru: ("Рост за 12 месяцев", "revenue_last_12m / revenue_prev_12m − 1; null, когда предыдущая выручка равна 0"),
              en: ("Growth, 12 months", "revenue_last_12m / revenue_prev_12m − 1; null when the previous revenue is 0")),
        .init("sales.gross_margin", .sales, .share, [.sales],
              ru: ("Валовая маржа", "(Σ amount − Σ cost) / Σ amount по строкам, где указана себестоимость"),
              en: ("Gross margin", "(Σ amount − Σ cost) / Σ amount over the lines that have a cost")),
        .init("sales.cost_coverage", .sales, .share, [.sales],
              ru: ("Покрытие себестоимостью", "доля строк продаж с указанной себестоимостью"),
              en: ("Cost coverage", "share of sale lines that have a cost")),
        .init("pareto.top20_share", .pareto, .share, [.sales],
              ru: ("Доля топ-20% клиентов", "выручка первых ⌈0,2·N⌉ клиентов / общая выручка"),
              en: ("Top 20% customers' share", "revenue of the top ⌈0.2·N⌉ customers / total revenue")),
        .init("pareto.customers_for_80", .pareto, .count, [.sales],
              ru: ("Клиентов на 80% выручки", "наименьшее k, при котором накопленная выручка ≥ 0,8·итог"),
              en: ("Customers for 80% of revenue", "the smallest k whose cumulative revenue ≥ 0.8·total")),
        .init("pareto.customers_for_80_share", .pareto, .share, [.sales],
              ru: ("Доля клиентов на 80% выручки", "pareto.customers_for_80 / N"),
              en: ("Share of customers for 80%", "pareto.customers_for_80 / N")),
        .init("pareto.top_customer_share", .pareto, .share, [.sales],
              ru: ("Доля крупнейшего клиента", "выручка крупнейшего клиента / общая выручка"),
              en: ("Largest customer's share", "the largest customer's revenue / total revenue")),
        .init("pareto.hhi", .pareto, .ratio, [.sales],
              ru: ("Индекс Херфиндаля", "Σ (выручка клиента / общая выручка)²"),
              en: ("Herfindahl index", "Σ (customer revenue / total revenue)²")),
    ]

    static let customerMetrics: [MetricDefinition] = [
        .init("customers.count", .customers, .count, [.customers],
              ru: ("Клиентов в базе", "число различных customer_id в списке клиентов"),
              en: ("Customers in the list", "distinct customer_id in the customer list")),
        .init("customers.repeat_rate", .customers, .share, [.sales],
              ru: ("Доля повторных", "доля покупателей с покупками в ≥ 2 различных дня"),
              en: ("Repeat rate", "share of buying customers with purchases on ≥ 2 distinct days")),
        .init("customers.median_purchase_interval_days", .customers, .days, [.sales],
              ru: ("Медианный интервал между покупками", "медиана по покупателям с ≥ 2 днями покупок: (последний − первый день покупки) / (число дней покупок − 1)"),
              en: ("Median purchase interval", "median over customers with ≥ 2 purchase days of (last − first purchase day) / (purchase days − 1)")),
        .init("customers.active_12m_share", .customers, .share, [.sales],
              ru: ("Активные за 12 месяцев", "доля покупателей с покупкой в (as_of − 365, as_of]"),
              en: ("Active in 12 months", "share of buying customers with a purchase in (as_of − 365, as_of]")),
        .init("customers.lost_share", .customers, .share, [.sales],
              ru: ("Доля потерянных", "доля покупателей, чья последняя покупка не позже as_of − 365"),
              en: ("Lost share", "share of buying customers whose last purchase is on or before as_of − 365")),
        .init("customers.new_12m", .customers, .count, [.sales],
              ru: ("Новые за 12 месяцев", "покупатели с первой покупкой в (as_of − 365, as_of]"),
              en: ("New in 12 months", "customers whose first purchase is in (as_of − 365, as_of]")),
        .init("retention.rate_12m", .customers, .share, [.sales],
              ru: ("Удержание за 12 месяцев", "покупатели в обоих окнах / покупатели предыдущего окна (null, когда оно пусто)"),
              en: ("12-month retention", "customers who bought in both windows / customers who bought in the previous window (null when empty)")),
        .init("retention.churn_12m", .customers, .share, [.sales],
              ru: ("Отток за 12 месяцев", "1 − retention.rate_12m"), en: ("12-month churn", "1 − retention.rate_12m")),
    ]

    static let rfmSegmentIDs: [(id: String, name: String)] = [
        ("champions", "Champions"), ("loyal", "Loyal"), ("potential_loyalists", "Potential loyalists"), ("new", "New"),
        ("at_risk", "At risk"), ("cant_lose", "Can't lose"), ("hibernating", "Hibernating"), ("lost", "Lost"),
    ]

    private static let rfmSegmentRussian = [
        "Champions": "Чемпионы", "Loyal": "Лояльные", "Potential loyalists": "Потенциально лояльные", "New": "Новые",
        "At risk": "Под угрозой", "Can't lose": "Нельзя потерять", "Hibernating": "Спящие", "Lost": "Потерянные",
    ]

    /// The title of an RFM segment (as named in the tables, e.g. `At risk`) in each language.
    public static func segmentTitle(_ name: String) -> LocalizedText {
        LocalizedText(ru: rfmSegmentRussian[name] ?? name, en: name)
    }

    static let rfmMetrics: [MetricDefinition] = [
        .init("rfm.revenue_at_risk", .rfm, .money, [.sales],
              ru: ("Выручка под риском", "выручка за последние 12 месяцев клиентов сегментов At risk и Can't lose"),
              en: ("Revenue at risk", "last-12-month revenue of the customers in At risk and Can't lose")),
        .init("rfm.revenue_at_risk_share", .rfm, .share, [.sales],
              ru: ("Доля выручки под риском", "rfm.revenue_at_risk / sales.revenue_last_12m"),
              en: ("Share of revenue at risk", "rfm.revenue_at_risk / sales.revenue_last_12m")),
        .init("rfm.at_risk_customers", .rfm, .count, [.sales],
              ru: ("Клиенты под риском", "клиенты сегментов At risk и Can't lose"),
              en: ("Customers at risk", "customers in At risk and Can't lose")),
    ] + rfmSegmentIDs.map { segment in
        .init("rfm.\(segment.id)", .rfm, .count, [.sales],
              ru: ("Сегмент \(segment.name)", "число покупателей в RFM-сегменте \(segment.name)"),
              en: ("Segment \(segment.name)", "number of buying customers in the RFM segment \(segment.name)"))
    }

    static let abcSubjects: [(id: String, ru: String, en: String)] = [
        ("customers", "клиентов", "customers"), ("products", "товаров", "products"), ("managers", "менеджеров", "managers"),
    ]

    static let abcMetrics: [MetricDefinition] = abcSubjects.flatMap { subject in
        ["a", "b", "c"].flatMap { letter -> [MetricDefinition] in
            let upper = letter.uppercased()
            return [
                .init("abc.\(subject.id).\(letter)_count", .abc, .count, [.sales],
                      ru: ("ABC \(subject.ru): класс \(upper), число", "число \(subject.ru) класса \(upper)"),
                      en: ("ABC \(subject.en): class \(upper) count", "number of \(subject.en) in class \(upper)")),
                .init("abc.\(subject.id).\(letter)_revenue_share", .abc, .share, [.sales],
                      ru: ("ABC \(subject.ru): класс \(upper), доля выручки", "выручка класса \(upper) / общая выручка \(subject.ru)"),
                      en: ("ABC \(subject.en): class \(upper) revenue share", "revenue of class \(upper) / total revenue of \(subject.en)")),
            ]
        }
    }

    static let managerMetrics: [MetricDefinition] = [
        .init("managers.with_sales", .managers, .count, [.sales],
              ru: ("Менеджеров с продажами", "различные manager в строках продаж"),
              en: ("Managers with sales", "distinct manager in sale lines")),
        .init("managers.top20_share", .managers, .share, [.sales],
              ru: ("Доля топ-20% менеджеров", "выручка первых ⌈0,2·M⌉ менеджеров / выручка строк с менеджером"),
              en: ("Top 20% managers' share", "revenue of the top ⌈0.2·M⌉ managers / revenue of lines with a manager")),
        .init("managers.top_share", .managers, .share, [.sales],
              ru: ("Доля лучшего менеджера", "выручка крупнейшего менеджера / выручка строк с менеджером"),
              en: ("Top manager's share", "the largest manager's revenue / revenue of lines with a manager")),
        .init("managers.dependency", .managers, .share, [.sales],
              ru: ("Зависимость от менеджера", "наибольшая доля выручки клиентов одного менеджера (менеджер клиента — из списка клиентов, иначе из его последней продажи)"),
              en: ("Manager dependency", "the largest share of revenue held by one manager's customers (a customer's manager from the customer list, else from their latest sale)")),
        .init("managers.idle", .managers, .count, [.sales],
              ru: ("Простаивающие менеджеры", "менеджеры без продаж за (as_of − 90, as_of], когда у компании там продажи есть (менеджеры из продаж и из списка, кроме уволенных)"),
              en: ("Idle managers", "managers with no sale in (as_of − 90, as_of] while the company sold there (managers from sales and the list, except those who left)")),
        .init("managers.customers_without_manager", .managers, .count, [.customers],
              ru: ("Клиенты без менеджера", "клиенты списка с пустым полем manager"),
              en: ("Customers without a manager", "customers in the list with an empty manager field")),
        .init("managers.customers_without_manager_share", .managers, .share, [.customers],
              ru: ("Доля клиентов без менеджера", "managers.customers_without_manager / customers.count"),
              en: ("Share without a manager", "managers.customers_without_manager / customers.count")),
    ]

    static let cohortMetrics: [MetricDefinition] = [1, 3, 12].map { month in
        .init("cohorts.retention_m\(month)", .cohorts, .share, [.sales],
              ru: ("Когортное удержание, месяц \(month)", "Σ клиентов когорт, купивших через \(month) мес. после месяца первой покупки / Σ размеров когорт, у которых этот месяц не позже месяца as_of"),
              en: ("Cohort retention, month \(month)", "Σ customers who bought \(month) month(s) after their first purchase month / Σ sizes of the cohorts whose month \(month) is not after as_of's month"))
    }

    static let channelMetrics: [MetricDefinition] = [
        .init("channels.count", .channels, .count, [.sales],
              ru: ("Каналов продаж", "различные channel в строках продаж"), en: ("Sales channels", "distinct channel in sale lines")),
        .init("channels.top_share", .channels, .share, [.sales],
              ru: ("Доля крупнейшего канала", "выручка крупнейшего канала / выручка строк с каналом"),
              en: ("Largest channel's share", "the largest channel's revenue / revenue of lines with a channel")),
        .init("channels.unknown_source_share", .channels, .share, [.sales],
              ru: ("Продажи без источника", "доля строк продаж без канала и без кампании"),
              en: ("Sales with no known source", "share of sale lines with neither a channel nor a campaign")),
        .init("channels.unknown_source_revenue_share", .channels, .share, [.sales],
              ru: ("Выручка без источника", "Σ amount строк без канала и кампании / sales.revenue"),
              en: ("Revenue with no known source", "Σ amount of lines with neither channel nor campaign / sales.revenue")),
        .init("campaigns.count", .channels, .count, [.sales],
              ru: ("Кампаний с продажами", "различные campaign в строках продаж"),
              en: ("Campaigns with sales", "distinct campaign in sale lines")),
        .init("campaigns.revenue_share", .channels, .share, [.sales],
              ru: ("Доля выручки кампаний", "Σ amount строк с кампанией / sales.revenue"),
              en: ("Campaign revenue share", "Σ amount of lines with a campaign / sales.revenue")),
        .init("campaigns.roi", .channels, .ratio, [.sales, .campaigns],
              ru: ("ROI кампаний", "(Σ выручки кампаний с затратами − Σ их затрат) / Σ затрат"),
              en: ("Campaign ROI", "(Σ revenue of campaigns with a cost − Σ their cost) / Σ cost")),
    ]

    static let dealMetrics: [MetricDefinition] = [
        .init("deals.count", .deals, .count, [.deals], ru: ("Сделок", "строк сделок"), en: ("Deals", "deal rows")),
        .init("deals.open", .deals, .count, [.deals],
              ru: ("Открытые сделки", "сделки со статусом open (или без статуса и без даты закрытия)"),
              en: ("Open deals", "deals with status open (or no status and no close date)")),
        .init("deals.win_rate", .deals, .share, [.deals],
              ru: ("Доля выигранных", "won / (won + lost)"), en: ("Win rate", "won / (won + lost)")),
        .init("deals.avg_cycle_days", .deals, .days, [.deals],
              ru: ("Средний цикл сделки", "среднее (closed_at − created_at) по выигранным сделкам с датой закрытия"),
              en: ("Average deal cycle", "mean (closed_at − created_at) over won deals with a close date")),
        .init("deals.pipeline_amount", .deals, .money, [.deals],
              ru: ("Воронка", "Σ amount открытых сделок"), en: ("Pipeline", "Σ amount of open deals")),
        .init("deals.stale_open", .deals, .count, [.deals],
              ru: ("Зависшие сделки", "открытые сделки, созданные не позже as_of − 90"),
              en: ("Stale open deals", "open deals created on or before as_of − 90")),
    ]

    static let activityMetrics: [MetricDefinition] = [
        .init("activities.count", .activities, .count, [.activities],
              ru: ("Активностей", "строк активностей"), en: ("Activities", "activity rows")),
        .init("activities.last_90d", .activities, .count, [.activities],
              ru: ("Активностей за 90 дней", "активности с датой в (as_of − 90, as_of]"),
              en: ("Activities in 90 days", "activities dated in (as_of − 90, as_of]")),
        .init("activities.active_customers_touched_share", .activities, .share, [.activities, .sales],
              ru: ("Охват активных клиентов", "доля клиентов, активных за 12 месяцев, с активностью за (as_of − 90, as_of]"),
              en: ("Active customers touched", "share of customers active in 12 months with an activity in (as_of − 90, as_of]")),
    ]

    static let qualityMetrics: [MetricDefinition] = filledCustomerFields.map { field in
        .init("quality.fill.\(field)", .quality, .share, [.customers],
              ru: ("Заполненность \(field)", "доля клиентов списка с непустым \(field)"),
              en: ("Fill rate of \(field)", "share of customers in the list with a non-empty \(field)"))
    } + [
        .init("quality.email_valid_share", .quality, .share, [.customers],
              ru: ("Корректные email", "доля корректных адресов среди заполненных email"),
              en: ("Valid emails", "share of valid addresses among filled emails")),
        .init("quality.emails_invalid", .quality, .count, [.customers],
              ru: ("Некорректные email", "клиенты с заполненным, но некорректным email"),
              en: ("Invalid emails", "customers with a filled but invalid email")),
        .init("quality.phone_valid_share", .quality, .share, [.customers],
              ru: ("Корректные телефоны", "доля телефонов, приводимых к +7XXXXXXXXXX (или международному +…), среди заполненных"),
              en: ("Valid phones", "share of filled phones that normalise to +7XXXXXXXXXX (or an international +…)")),
        .init("quality.phones_invalid", .quality, .count, [.customers],
              ru: ("Некорректные телефоны", "клиенты с заполненным, но некорректным телефоном"),
              en: ("Invalid phones", "customers with a filled but invalid phone")),
        .init("quality.email_consent_share", .quality, .share, [.customers],
              ru: ("Согласие на рассылку", "доля клиентов с email_consent = 1"),
              en: ("Email consent", "share of customers with email_consent = 1")),
        .init("quality.duplicate_groups", .quality, .count, [.customers],
              ru: ("Группы дублей", "группы клиентов с общим ИНН, email, телефоном, id или нормализованным названием"),
              en: ("Duplicate groups", "groups of customers sharing a tax id, email, phone, id or normalised name")),
        .init("quality.duplicate_customers", .quality, .count, [.customers],
              ru: ("Клиенты-дубли", "строк клиентов в группах дублей"),
              en: ("Duplicate customers", "customer rows in duplicate groups")),
        .init("quality.duplicate_share", .quality, .share, [.customers],
              ru: ("Доля дублей", "quality.duplicate_customers / строк клиентов"),
              en: ("Duplicate share", "quality.duplicate_customers / customer rows")),
        .init("quality.orphan_sales_rows", .quality, .count, [.sales, .customers],
              ru: ("Продажи без клиента", "строки продаж, чей customer_id нет в списке клиентов"),
              en: ("Orphan sale lines", "sale lines whose customer_id is not in the customer list")),
        .init("quality.orphan_sales_share", .quality, .share, [.sales, .customers],
              ru: ("Доля продаж без клиента", "quality.orphan_sales_rows / sales.rows"),
              en: ("Orphan sales share", "quality.orphan_sales_rows / sales.rows")),
        .init("quality.orphan_revenue", .quality, .money, [.sales, .customers],
              ru: ("Выручка без клиента", "Σ amount строк продаж без клиента в списке"),
              en: ("Orphan revenue", "Σ amount of orphan sale lines")),
        .init("quality.customers_without_sales", .quality, .count, [.sales, .customers],
              ru: ("Клиенты без продаж", "клиенты списка без строк продаж"),
              en: ("Customers without sales", "customers in the list with no sale line")),
        .init("quality.customers_without_sales_share", .quality, .share, [.sales, .customers],
              ru: ("Доля клиентов без продаж", "quality.customers_without_sales / customers.count"),
              en: ("Share without sales", "quality.customers_without_sales / customers.count")),
        .init("quality.future_dates", .quality, .count, [.sales],
              ru: ("Даты в будущем", "даты продаж, сделок, активностей и клиентов (created_at, birth_date) позже даты раунда аудита"),
              en: ("Future dates", "dates of sales, deals, activities and customers (created_at, birth_date) after the audit round's date")),
        .init("quality.zero_amount_rows", .quality, .count, [.sales],
              ru: ("Нулевые суммы", "строки продаж с amount = 0"), en: ("Zero amounts", "sale lines with amount = 0")),
        .init("quality.negative_amount_rows", .quality, .count, [.sales],
              ru: ("Отрицательные суммы", "строки продаж с amount < 0 (возвраты)"),
              en: ("Negative amounts", "sale lines with amount < 0 (returns)")),
        .init("quality.sales_after_as_of", .quality, .count, [.sales],
              ru: ("Продажи после as_of", "строки продаж позже as_of, не вошедшие в метрики"),
              en: ("Sales after as_of", "sale lines dated after as_of, left out of the metrics")),
        .init("quality.invalid_sale_dates", .quality, .count, [.sales],
              ru: ("Нечитаемые даты продаж", "строки продаж, чья дата не в формате ГГГГ-ММ-ДД (не учитываются)"),
              en: ("Unreadable sale dates", "sale lines whose date is not YYYY-MM-DD (left out)")),
    ]
}
