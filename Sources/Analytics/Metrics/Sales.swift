import AuditModel

// Sales totals of the headline period, the 12 months before and the whole history: revenue,
// orders, average order, margin, and the span of the data. The sales pass (`Compute.swift`)
// adds the lines up; this file defines the metrics and turns the totals into them.

extension MetricID {
    static let salesRows = MetricID("sales.rows")
    static let salesRevenueLast12m = MetricID("sales.revenue_last_12m")
    static let salesRevenuePrev12m = MetricID("sales.revenue_prev_12m")
    static let salesGrowth12m = MetricID("sales.growth_12m")
    static let salesOrdersLast12m = MetricID("sales.orders_last_12m")
    static let salesOrdersPrev12m = MetricID("sales.orders_prev_12m")
    static let salesOrdersGrowth12m = MetricID("sales.orders_growth_12m")
    static let salesAvgOrderValueLast12m = MetricID("sales.avg_order_value_last_12m")
    static let salesAvgOrderValuePrev12m = MetricID("sales.avg_order_value_prev_12m")
    static let salesAvgOrderValueGrowth12m = MetricID("sales.avg_order_value_growth_12m")
    static let salesAvgRevenuePerCustomerLast12m = MetricID("sales.avg_revenue_per_customer_last_12m")
    static let salesGrossMarginLast12m = MetricID("sales.gross_margin_last_12m")
    static let salesGrossMarginPrev12m = MetricID("sales.gross_margin_prev_12m")
    static let salesGrossMarginChange12m = MetricID("sales.gross_margin_change_12m")
    static let salesRevenueAllHistory = MetricID("sales.revenue.all_history")
    static let salesOrdersAllHistory = MetricID("sales.orders.all_history")
    static let salesCustomersAllHistory = MetricID("sales.customers.all_history")
    static let salesAvgOrderValueAllHistory = MetricID("sales.avg_order_value.all_history")
    static let salesAvgRevenuePerCustomerAllHistory = MetricID("sales.avg_revenue_per_customer.all_history")
    static let salesGrossMarginAllHistory = MetricID("sales.gross_margin.all_history")
    static let salesFirstDate = MetricID("sales.first_date")
    static let salesLastDate = MetricID("sales.last_date")
    static let salesMonths = MetricID("sales.months")
    static let salesCostCoverage = MetricID("sales.cost_coverage")
    static let customersActive12m = MetricID("customers.active_12m")
    static let customersActivePrev12m = MetricID("customers.active_prev_12m")
    static let customersActiveGrowth12m = MetricID("customers.active_growth_12m")
    static let qualityZeroAmountRows = MetricID("quality.zero_amount_rows")
    static let qualityNegativeAmountRows = MetricID("quality.negative_amount_rows")
    static let qualitySalesAfterAsOf = MetricID("quality.sales_after_as_of")
    static let qualityInvalidSaleDates = MetricID("quality.invalid_sale_dates")
}

extension MetricCatalogue {
    static let salesMetrics: [MetricDefinition] = [
        .init(
            .salesRows, .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Строк продаж", "число строк продаж с датой не позже as_of"),
            en: ("Sales lines", "number of sale lines dated on or before as_of")),
        .init(
            .salesRevenueLast12m, .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Выручка за 12 месяцев", "Σ amount строк с датой в (as_of − 365, as_of] (возвраты — отрицательные суммы — включены)"),
            en: ("Revenue, last 12 months", "Σ amount of lines dated in (as_of − 365, as_of] (returns, i.e. negative amounts, included)")),
        .init(
            .salesRevenuePrev12m, .sales, .money, .previous12m, [.sales], .neutral,
            ru: ("Выручка за предыдущие 12 месяцев", "Σ amount строк с датой в (as_of − 730, as_of − 365]"),
            en: ("Revenue, previous 12 months", "Σ amount of lines dated in (as_of − 730, as_of − 365]")),
        .init(
            .salesGrowth12m, .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Рост выручки за 12 месяцев",
                "revenue_last_12m / revenue_prev_12m − 1; null, когда предыдущая выручка равна 0 или данные начинаются позже начала предыдущих 12 месяцев"
            ),
            en: (
                "Revenue growth, 12 months",
                "revenue_last_12m / revenue_prev_12m − 1; null when the previous revenue is 0 or the data begin after the start of the previous 12 months"
            )),
        .init(
            .salesOrdersLast12m, .sales, .count, .last12m, [.sales], .higherIsBetter,
            ru: (
                "Заказы за 12 месяцев", "число различных order_id со строкой в (as_of − 365, as_of]; строка без order_id — отдельный заказ"
            ),
            en: (
                "Orders, last 12 months",
                "distinct order_id with a line dated in (as_of − 365, as_of]; a line without an order id counts as one order"
            )),
        .init(
            .salesOrdersPrev12m, .sales, .count, .previous12m, [.sales], .neutral,
            ru: ("Заказы за предыдущие 12 месяцев", "число различных order_id со строкой в (as_of − 730, as_of − 365]"),
            en: ("Orders, previous 12 months", "distinct order_id with a line dated in (as_of − 730, as_of − 365]")),
        .init(
            .salesOrdersGrowth12m, .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: ("Рост числа заказов за 12 месяцев", "orders_last_12m / orders_prev_12m − 1 (null — как у sales.growth_12m)"),
            en: ("Order growth, 12 months", "orders_last_12m / orders_prev_12m − 1 (null as for sales.growth_12m)")),
        .init(
            .salesAvgOrderValueLast12m, .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Средний чек за 12 месяцев", "sales.revenue_last_12m / sales.orders_last_12m"),
            en: ("Average order, last 12 months", "sales.revenue_last_12m / sales.orders_last_12m")),
        .init(
            .salesAvgOrderValuePrev12m, .sales, .money, .previous12m, [.sales], .neutral,
            ru: ("Средний чек за предыдущие 12 месяцев", "sales.revenue_prev_12m / sales.orders_prev_12m"),
            en: ("Average order, previous 12 months", "sales.revenue_prev_12m / sales.orders_prev_12m")),
        .init(
            .salesAvgOrderValueGrowth12m, .sales, .change, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Рост среднего чека за 12 месяцев",
                "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null — как у sales.growth_12m)"
            ),
            en: (
                "Average order growth, 12 months", "avg_order_value_last_12m / avg_order_value_prev_12m − 1 (null as for sales.growth_12m)"
            )),
        .init(
            .salesAvgRevenuePerCustomerLast12m, .sales, .money, .last12m, [.sales], .higherIsBetter,
            ru: ("Выручка на активного клиента за 12 месяцев", "sales.revenue_last_12m / customers.active_12m"),
            en: ("Revenue per active customer, last 12 months", "sales.revenue_last_12m / customers.active_12m")),
        .init(
            .salesGrossMarginLast12m, .sales, .share, .last12m, [.sales], .higherIsBetter,
            ru: (
                "Валовая маржа за 12 месяцев", "(Σ amount − Σ cost) / Σ amount по строкам (as_of − 365, as_of], где указана себестоимость"
            ),
            en: (
                "Gross margin, last 12 months",
                "(Σ amount − Σ cost) / Σ amount over the lines dated in (as_of − 365, as_of] that have a cost"
            )),
        .init(
            .salesGrossMarginPrev12m, .sales, .share, .previous12m, [.sales], .neutral,
            ru: ("Валовая маржа за предыдущие 12 месяцев", "то же по строкам (as_of − 730, as_of − 365]"),
            en: ("Gross margin, previous 12 months", "the same over the lines dated in (as_of − 730, as_of − 365]")),
        .init(
            .salesGrossMarginChange12m, .sales, .points, .change12m, [.sales], .higherIsBetter,
            ru: (
                "Изменение маржи за 12 месяцев",
                "gross_margin_last_12m − gross_margin_prev_12m, в процентных пунктах (null — как у sales.growth_12m)"
            ),
            en: (
                "Gross margin change, 12 months",
                "gross_margin_last_12m − gross_margin_prev_12m, in percentage points (null as for sales.growth_12m)"
            )),
        .init(
            .salesRevenueAllHistory, .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Выручка за всю историю", "Σ amount всех строк до as_of (возвраты включены); зависит от длины выгрузки"),
            en: ("Revenue, all history", "Σ amount of every line up to as_of (returns included); depends on how far back the export goes")),
        .init(
            .salesOrdersAllHistory, .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Заказы за всю историю", "число различных order_id до as_of; строка без order_id — отдельный заказ"),
            en: ("Orders, all history", "distinct order_id up to as_of; a line without an order id counts as one order")),
        .init(
            .salesCustomersAllHistory, .sales, .customers, .allHistory, [.sales], .neutral,
            ru: ("Покупатели за всю историю", "число различных customer_id со строками продаж до as_of"),
            en: ("Buying customers, all history", "distinct customer_id with any sale line up to as_of")),
        .init(
            .salesAvgOrderValueAllHistory, .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Средний чек за всю историю", "sales.revenue.all_history / sales.orders.all_history"),
            en: ("Average order, all history", "sales.revenue.all_history / sales.orders.all_history")),
        .init(
            .salesAvgRevenuePerCustomerAllHistory, .sales, .money, .allHistory, [.sales], .neutral,
            ru: ("Выручка на покупателя за всю историю", "sales.revenue.all_history / sales.customers.all_history"),
            en: ("Revenue per customer, all history", "sales.revenue.all_history / sales.customers.all_history")),
        .init(
            .salesGrossMarginAllHistory, .sales, .share, .allHistory, [.sales], .neutral,
            ru: ("Валовая маржа за всю историю", "(Σ amount − Σ cost) / Σ amount по строкам до as_of, где указана себестоимость"),
            en: ("Gross margin, all history", "(Σ amount − Σ cost) / Σ amount over the lines up to as_of that have a cost")),
        .init(
            .salesFirstDate, .sales, .date, .allHistory, [.sales], .neutral,
            ru: ("Первая продажа", "самая ранняя дата продажи"), en: ("First sale", "the earliest sale date")),
        .init(
            .salesLastDate, .sales, .date, .allHistory, [.sales], .neutral,
            ru: ("Последняя продажа", "самая поздняя дата продажи не позже as_of"),
            en: ("Last sale", "the latest sale date on or before as_of")),
        .init(
            .salesMonths, .sales, .count, .allHistory, [.sales], .neutral,
            ru: ("Месяцев данных", "число календарных месяцев от первой до последней продажи включительно"),
            en: ("Months of data", "calendar months from the first to the last sale, inclusive")),
        .init(
            .salesCostCoverage, .sales, .share, .allHistory, [.sales], .higherIsBetter,
            ru: ("Покрытие себестоимостью", "доля строк продаж с указанной себестоимостью"),
            en: ("Cost coverage", "share of sale lines that have a cost")),
        .init(
            .customersActive12m, .customers, .customers, .last12m, [.sales], .higherIsBetter,
            ru: ("Активные клиенты", "клиенты с хотя бы одной строкой продаж в (as_of − 365, as_of]"),
            en: ("Active customers", "customers with at least one sale line dated in (as_of − 365, as_of]")),
        .init(
            .customersActivePrev12m, .customers, .customers, .previous12m, [.sales], .neutral,
            ru: ("Активные клиенты предыдущих 12 месяцев", "клиенты со строкой продаж в (as_of − 730, as_of − 365]"),
            en: ("Active customers, previous 12 months", "customers with a sale line dated in (as_of − 730, as_of − 365]")),
        .init(
            .customersActiveGrowth12m, .customers, .change, .change12m, [.sales], .higherIsBetter,
            ru: ("Рост числа активных клиентов", "active_12m / active_prev_12m − 1 (null — как у sales.growth_12m)"),
            en: ("Active customer growth", "active_12m / active_prev_12m − 1 (null as for sales.growth_12m)")),
        .init(
            .qualityZeroAmountRows, .quality, .count, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Нулевые суммы", "строки продаж с amount = 0"), en: ("Zero amounts", "sale lines with amount = 0")),
        .init(
            .qualityNegativeAmountRows, .quality, .count, .allHistory, [.sales], .neutral,
            ru: ("Отрицательные суммы", "строки продаж с amount < 0 (возвраты)"),
            en: ("Negative amounts", "sale lines with amount < 0 (returns)")),
        .init(
            .qualitySalesAfterAsOf, .quality, .count, .allHistory, [.sales], .neutral,
            ru: ("Продажи после даты среза", "строки продаж позже даты среза (as_of), не вошедшие в метрики"),
            en: ("Sales after the as-of date", "sale lines dated after the as-of date (as_of), left out of the metrics")),
        .init(
            .qualityInvalidSaleDates, .quality, .count, .allHistory, [.sales], .lowerIsBetter,
            ru: ("Нечитаемые даты продаж", "строки продаж, чья дата не в формате ГГГГ-ММ-ДД (не учитываются)"),
            en: ("Unreadable sale dates", "sale lines whose date is not YYYY-MM-DD (left out)")),
    ]
}

/// The sums over the sale lines that the sales metrics are made from: computed by the sales pass
/// over the lines in memory, or by a database (`Warehouse`) where the lines are.
package struct SalesAggregates: Sendable, Hashable {
    /// Sums over the lines of one 12-month window.
    package struct Window: Sendable, Hashable {
        package var revenue = 0.0
        /// Distinct orders with a line in the window (a line without an order id is an order).
        package var orders = 0
        /// Distinct customers with a line in the window.
        package var customers = 0
        /// The lines that have a cost, their Σ amount and Σ cost.
        package var costLines = 0
        package var costLinesAmount = 0.0
        package var cost = 0.0

        package init(
            revenue: Double = 0, orders: Int = 0, customers: Int = 0, costLines: Int = 0, costLinesAmount: Double = 0, cost: Double = 0
        ) {
            self.revenue = revenue
            self.orders = orders
            self.customers = customers
            self.costLines = costLines
            self.costLinesAmount = costLinesAmount
            self.cost = cost
        }

        /// (Σ amount − Σ cost) / Σ amount over the lines with a cost; nil without them.
        var margin: Double? { costLines > 0 && costLinesAmount != 0 ? (costLinesAmount - cost) / costLinesAmount : nil }
    }

    /// Lines dated on or before as_of (the lines every metric counts).
    package var rows = 0
    package var revenue = 0.0
    package var orders = 0
    /// Distinct customers with a line.
    package var buyers = 0
    package var firstDay: Day?
    package var lastDay: Day?
    package var costLines = 0
    package var costLinesAmount = 0.0
    package var cost = 0.0
    /// The headline period (as_of − 365, as_of] and the 12 months before it.
    package var windows = [Window(), Window()]
    package var zeroRows = 0
    package var negativeRows = 0
    /// Lines dated after as_of, and lines whose date could not be read: left out of the rest.
    package var afterAsOf = 0
    package var invalidDates = 0

    package init() {}

    /// Whether the data cover the 12 months before the headline period whole (the first sale is
    /// on or before their first day): without that, every change between the windows is null.
    package func coversPreviousWindow(asOf: Day) -> Bool {
        guard let firstDay else { return false }
        return firstDay.ordinal <= asOf.ordinal - 730 + 1
    }
}

extension MetricSink {
    /// The sales metrics of `totals`: totals of the whole history, the headline period and the 12
    /// months before it, and the change between them.
    mutating func setSales(_ totals: SalesAggregates, asOf: Day) {
        set(.salesRows, totals.rows)
        set(.salesRevenueAllHistory, totals.revenue)
        set(.salesOrdersAllHistory, totals.orders)
        set(.salesCustomersAllHistory, totals.buyers)
        ratio(.salesAvgOrderValueAllHistory, totals.revenue, Double(totals.orders), orElse: .nothingToMeasure)
        ratio(.salesAvgRevenuePerCustomerAllHistory, totals.revenue, Double(totals.buyers), orElse: .nothingToMeasure)
        set(.salesFirstDate, day: totals.firstDay, orElse: .noValidDates)
        set(.salesLastDate, day: totals.lastDay, orElse: .noValidDates)
        if let first = totals.firstDay, let last = totals.lastDay {
            set(.salesMonths, last.monthIndex - first.monthIndex + 1)
        } else {
            set(.salesMonths, nil, orElse: .noValidDates)
        }
        set(
            .salesGrossMarginAllHistory,
            totals.costLines > 0 && totals.costLinesAmount != 0 ? (totals.costLinesAmount - totals.cost) / totals.costLinesAmount : nil,
            orElse: totals.costLines == 0 ? .noValues(.sales, "cost") : .zeroTotal)
        setHeadline(totals, covered: totals.coversPreviousWindow(asOf: asOf))
        ratio(.salesCostCoverage, Double(totals.costLines), Double(totals.rows), orElse: .nothingToMeasure)
        set(.qualityZeroAmountRows, totals.zeroRows)
        set(.qualityNegativeAmountRows, totals.negativeRows)
        set(.qualitySalesAfterAsOf, totals.afterAsOf)
        set(.qualityInvalidSaleDates, totals.invalidDates)
    }

    /// The headline period's revenue, orders, average order and margin, the same for the 12 months
    /// before, and the change between them (null when the data do not cover the previous window).
    private mutating func setHeadline(_ totals: SalesAggregates, covered previousWindowCovered: Bool) {
        let last = totals.windows[0], previous = totals.windows[1]
        set(.salesRevenueLast12m, last.revenue)
        set(.salesRevenuePrev12m, previous.revenue)
        set(.salesOrdersLast12m, last.orders)
        set(.salesOrdersPrev12m, previous.orders)
        set(.customersActive12m, last.customers)
        set(.customersActivePrev12m, previous.customers)
        let orderValue = last.orders > 0 ? last.revenue / Double(last.orders) : nil
        let orderValueBefore = previous.orders > 0 ? previous.revenue / Double(previous.orders) : nil
        set(.salesAvgOrderValueLast12m, orderValue)
        set(.salesAvgOrderValuePrev12m, orderValueBefore)
        ratio(.salesAvgRevenuePerCustomerLast12m, last.revenue, Double(last.customers), orElse: .nothingToMeasure)
        let noCost = UnavailableReason.noValues(.sales, "cost")
        set(.salesGrossMarginLast12m, last.margin, orElse: last.costLines == 0 ? noCost : .zeroTotal)
        set(.salesGrossMarginPrev12m, previous.margin, orElse: previous.costLines == 0 ? noCost : .zeroTotal)

        // A change needs a previous window the data cover whole, with something in it.
        func change(_ id: MetricID, _ now: Double?, _ before: Double?, difference: Bool = false) {
            guard previousWindowCovered else { return set(id, nil, orElse: .previousWindowNotCovered) }
            guard let now, let before else { return set(id, nil, orElse: .emptyPreviousWindow) }
            if difference { return set(id, now - before) }
            set(id, before != 0 ? now / before - 1 : nil, orElse: .emptyPreviousWindow)
        }
        change(.salesGrowth12m, last.revenue, previous.revenue)
        change(.salesOrdersGrowth12m, Double(last.orders), Double(previous.orders))
        change(.salesAvgOrderValueGrowth12m, orderValue, orderValueBefore)
        change(.customersActiveGrowth12m, Double(last.customers), Double(previous.customers))
        change(.salesGrossMarginChange12m, last.margin, previous.margin, difference: true)
    }
}

extension Computation {
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
