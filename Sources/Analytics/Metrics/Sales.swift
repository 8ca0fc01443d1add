import AuditModel

// Sales totals of the headline period, the 12 months before and the whole history: revenue,
// orders, average order, margin, and the span of the data. The sales pass (`Compute.swift`)
// adds the lines up; this file defines the metrics and turns the totals into them.

extension MetricCatalogue {
    static let salesMetrics: [MetricDefinition] = [
        .init(
            "sales.rows", .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Строк продаж", "число строк продаж с датой не позже as_of"),
            en: ("Sales lines", "number of sale lines dated on or before as_of")),
        .init(
            "sales.revenue_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Выручка за 12 месяцев", "Σ amount строк с датой в (as_of − 365, as_of] (возвраты — отрицательные суммы — включены)"),
            en: ("Revenue, last 12 months", "Σ amount of lines dated in (as_of − 365, as_of] (returns, i.e. negative amounts, included)")),
        .init(
            "sales.revenue_prev_12m", .sales, .money, .previous12m, [.sales], .neutral,
            ru: ("Выручка за предыдущие 12 месяцев", "Σ amount строк с датой в (as_of − 730, as_of − 365]"),
            en: ("Revenue, previous 12 months", "Σ amount of lines dated in (as_of − 730, as_of − 365]")),
        .init(
            "sales.growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Рост выручки за 12 месяцев",
                "revenue_last_12m / revenue_prev_12m − 1; null, когда предыдущая выручка равна 0 или данные начинаются позже начала предыдущих 12 месяцев"
            ),
            en: (
                "Revenue growth, 12 months",
                "revenue_last_12m / revenue_prev_12m − 1; null when the previous revenue is 0 or the data begin after the start of the previous 12 months"
            )),
        .init(
            "sales.orders_last_12m", .sales, .count, .last12m, [.sales], .higherIsBetter,
            ru: (
                "Заказы за 12 месяцев", "число различных order_id со строкой в (as_of − 365, as_of]; строка без order_id — отдельный заказ"
            ),
            en: (
                "Orders, last 12 months",
                "distinct order_id with a line dated in (as_of − 365, as_of]; a line without an order id counts as one order"
            )),
        .init(
            "sales.orders_prev_12m", .sales, .count, .previous12m, [.sales], .neutral,
            ru: ("Заказы за предыдущие 12 месяцев", "число различных order_id со строкой в (as_of − 730, as_of − 365]"),
            en: ("Orders, previous 12 months", "distinct order_id with a line dated in (as_of − 730, as_of − 365]")),
        .init(
            "sales.orders_growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: ("Рост числа заказов за 12 месяцев", "orders_last_12m / orders_prev_12m − 1 (null — как у sales.growth_12m)"),
            en: ("Order growth, 12 months", "orders_last_12m / orders_prev_12m − 1 (null as for sales.growth_12m)")),
        .init(
            "sales.avg_order_value_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Средний чек за 12 месяцев", "sales.revenue_last_12m / sales.orders_last_12m"),
            en: ("Average order, last 12 months", "sales.revenue_last_12m / sales.orders_last_12m")),
        .init(
            "sales.avg_order_value_prev_12m", .sales, .money, .previous12m, [.sales], .neutral,
            ru: ("Средний чек за предыдущие 12 месяцев", "sales.revenue_prev_12m / sales.orders_prev_12m"),
            en: ("Average order, previous 12 months", "sales.revenue_prev_12m / sales.orders_prev_12m")),
        .init(
            "sales.avg_order_value_growth_12m", .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Рост среднего чека за 12 месяцев",
                "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null — как у sales.growth_12m)"
            ),
            en: (
                "Average order growth, 12 months", "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null as for sales.growth_12m)"
            )),
        .init(
            "sales.avg_revenue_per_customer_last_12m", .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Выручка на активного клиента за 12 месяцев", "sales.revenue_last_12m / customers.active_12m"),
            en: ("Revenue per active customer, last 12 months", "sales.revenue_last_12m / customers.active_12m")),
        .init(
            "sales.gross_margin_last_12m", .sales, .share, .last12m, [.sales], .higherIsBetter,
            ru: (
                "Валовая маржа за 12 месяцев", "(Σ amount − Σ cost) / Σ amount по строкам (as_of − 365, as_of], где указана себестоимость"
            ),
            en: (
                "Gross margin, last 12 months",
                "(Σ amount − Σ cost) / Σ amount over the lines dated in (as_of − 365, as_of] that have a cost"
            )),
        .init(
            "sales.gross_margin_prev_12m", .sales, .share, .previous12m, [.sales], .neutral,
            ru: ("Валовая маржа за предыдущие 12 месяцев", "то же по строкам (as_of − 730, as_of − 365]"),
            en: ("Gross margin, previous 12 months", "the same over the lines dated in (as_of − 730, as_of − 365]")),
        .init(
            "sales.gross_margin_change_12m", .sales, .points, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Изменение маржи за 12 месяцев",
                "gross_margin_last_12m − gross_margin_prev_12m, в процентных пунктах (null — как у sales.growth_12m)"
            ),
            en: (
                "Gross margin change, 12 months",
                "gross_margin_last_12m − gross_margin_prev_12m, in percentage points (null as for sales.growth_12m)"
            )),
        .init(
            "sales.revenue.all_history", .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Выручка за всю историю", "Σ amount всех строк до as_of (возвраты включены); зависит от длины выгрузки"),
            en: ("Revenue, all history", "Σ amount of every line up to as_of (returns included); depends on how far back the export goes")),
        .init(
            "sales.orders.all_history", .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Заказы за всю историю", "число различных order_id до as_of; строка без order_id — отдельный заказ"),
            en: ("Orders, all history", "distinct order_id up to as_of; a line without an order id counts as one order")),
        .init(
            "sales.customers.all_history", .sales, .customers, .allHistory, [.sales], .neutral,
            ru: ("Покупатели за всю историю", "число различных customer_id со строками продаж до as_of"),
            en: ("Buying customers, all history", "distinct customer_id with any sale line up to as_of")),
        .init(
            "sales.avg_order_value.all_history", .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Средний чек за всю историю", "sales.revenue.all_history / sales.orders.all_history"),
            en: ("Average order, all history", "sales.revenue.all_history / sales.orders.all_history")),
        .init(
            "sales.avg_revenue_per_customer.all_history", .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Выручка на покупателя за всю историю", "sales.revenue.all_history / sales.customers.all_history"),
            en: ("Revenue per customer, all history", "sales.revenue.all_history / sales.customers.all_history")),
        .init(
            "sales.gross_margin.all_history", .sales, .share, .allHistory, [.sales], .neutral,
            ru: ("Валовая маржа за всю историю", "(Σ amount − Σ cost) / Σ amount по строкам до as_of, где указана себестоимость"),
            en: ("Gross margin, all history", "(Σ amount − Σ cost) / Σ amount over the lines up to as_of that have a cost")),
        .init(
            "sales.first_date", .sales, .date, .allHistory, [.sales], .neutral,
            ru: ("Первая продажа", "самая ранняя дата продажи"), en: ("First sale", "the earliest sale date")),
        .init(
            "sales.last_date", .sales, .date, .allHistory, [.sales], .neutral,
            ru: ("Последняя продажа", "самая поздняя дата продажи не позже as_of"),
            en: ("Last sale", "the latest sale date on or before as_of")),
        .init(
            "sales.months", .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Месяцев данных", "число календарных месяцев от первой до последней продажи включительно"),
            en: ("Months of data", "calendar months from the first to the last sale, inclusive")),
        .init(
            "sales.cost_coverage", .sales, .share, .allHistory, [.sales], .higherIsBetter,
            ru: ("Покрытие себестоимостью", "доля строк продаж с указанной себестоимостью"),
            en: ("Cost coverage", "share of sale lines that have a cost")),
        .init(
            "customers.active_12m", .customers, .customers, .last12m, [.sales], .higherIsBetter,
            ru: ("Активные клиенты", "клиенты с хотя бы одной строкой продаж в (as_of − 365, as_of]"),
            en: ("Active customers", "customers with at least one sale line dated in (as_of − 365, as_of]")),
        .init(
            "customers.active_prev_12m", .customers, .customers, .previous12m, [.sales], .neutral,
            ru: ("Активные клиенты предыдущих 12 месяцев", "клиенты со строкой продаж в (as_of − 730, as_of − 365]"),
            en: ("Active customers, previous 12 months", "customers with a sale line dated in (as_of − 730, as_of − 365]")),
        .init(
            "customers.active_growth_12m", .customers, .change, .change12m, [.sales], .higherIsBetter,
            ru: ("Рост числа активных клиентов", "active_12m / active_prev_12m − 1 (null — как у sales.growth_12m)"),
            en: ("Active customer growth", "active_12m / active_prev_12m − 1 (null as for sales.growth_12m)")),
        .init(
            "quality.zero_amount_rows", .quality, .count, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Нулевые суммы", "строки продаж с amount = 0"), en: ("Zero amounts", "sale lines with amount = 0")),
        .init(
            "quality.negative_amount_rows", .quality, .count, .allHistory, [.sales], .neutral,
            ru: ("Отрицательные суммы", "строки продаж с amount < 0 (возвраты)"),
            en: ("Negative amounts", "sale lines with amount < 0 (returns)")),
        .init(
            "quality.sales_after_as_of", .quality, .count, .allHistory, [.sales], .neutral,
            ru: ("Продажи после даты среза", "строки продаж позже даты среза (as_of), не вошедшие в метрики"),
            en: ("Sales after the as-of date", "sale lines dated after the as-of date (as_of), left out of the metrics")),
        .init(
            "quality.invalid_sale_dates", .quality, .count, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Нечитаемые даты продаж", "строки продаж, чья дата не в формате ГГГГ-ММ-ДД (не учитываются)"),
            en: ("Unreadable sale dates", "sale lines whose date is not YYYY-MM-DD (left out)")),
    ]
}

extension Computation {
    /// The headline period's revenue, orders, average order and margin, the same for the 12 months
    /// before, and the change between them (null when the data do not cover the previous window).
    mutating func headlineTotals(last12: Double, prev12: Double, last: WindowTotals, previous: WindowTotals) {
        sink.set("sales.revenue_last_12m", last12)
        sink.set("sales.revenue_prev_12m", prev12)
        sink.set("sales.orders_last_12m", last.orders)
        sink.set("sales.orders_prev_12m", previous.orders)
        let active = stats.boughtLast12m.reduce(0) { $0 + ($1 ? 1 : 0) }
        let activeBefore = stats.boughtPrev12m.reduce(0) { $0 + ($1 ? 1 : 0) }
        sink.set("customers.active_12m", active)
        sink.set("customers.active_prev_12m", activeBefore)
        let orderValue = last.orders > 0 ? last12 / Double(last.orders) : nil
        let orderValueBefore = previous.orders > 0 ? prev12 / Double(previous.orders) : nil
        sink.set("sales.avg_order_value_last_12m", orderValue)
        sink.set("sales.avg_order_value_prev_12m", orderValueBefore)
        sink.ratio("sales.avg_revenue_per_customer_last_12m", last12, Double(active), orElse: .nothingToMeasure)
        let noCost = UnavailableReason.noValues(.sales, "cost")
        sink.set("sales.gross_margin_last_12m", last.margin, orElse: last.costLines == 0 ? noCost : .zeroTotal)
        sink.set("sales.gross_margin_prev_12m", previous.margin, orElse: previous.costLines == 0 ? noCost : .zeroTotal)

        // A change needs a previous window the data cover whole, with something in it.
        func change(_ id: String, _ now: Double?, _ before: Double?, difference: Bool = false) {
            guard previousWindowCovered else { return sink.set(id, nil, orElse: .previousWindowNotCovered) }
            guard let now, let before else { return sink.set(id, nil, orElse: .emptyPreviousWindow) }
            if difference { return sink.set(id, now - before) }
            sink.set(id, before != 0 ? now / before - 1 : nil, orElse: .emptyPreviousWindow)
        }
        change("sales.growth_12m", last12, prev12)
        change("sales.orders_growth_12m", Double(last.orders), Double(previous.orders))
        change("sales.avg_order_value_growth_12m", orderValue, orderValueBefore)
        change("customers.active_growth_12m", Double(active), Double(activeBefore))
        change("sales.gross_margin_change_12m", last.margin, previous.margin, difference: true)
    }

    /// Distinct purchase days per customer, monthly active customers and the cohort matrix,
    /// from the sorted distinct (customer, day) pairs.
    mutating func countDistinctDays() {
        let sales = data.sales
        var keys = [UInt64]()
        keys.reserveCapacity(includedRows)
        // Lines of one order repeat their (customer, day): skip consecutive repeats before sorting.
        var last = UInt64.max
        for index in 0..<sales.count where included[index] {
            let key =
                UInt64(UInt32(bitPattern: sales.customer[index])) << 32
                | UInt64(UInt32(bitPattern: sales.day[index] &+ Int32.min))
            if key != last {
                keys.append(key)
                last = key
            }
        }
        keys.sort()
        var previous = UInt64.max
        for key in keys where key != previous {
            previous = key
            stats.frequency[Int(key >> 32)] += 1
        }
        buildMonthly(distinctPairs: keys)
    }
}
