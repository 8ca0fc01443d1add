import AuditModel

/// Which way a metric should move for the client to be better off; used when rounds are
/// compared, so that a change is marked good or bad.
public enum MetricDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// More is better (revenue, retention, valid contacts, fill rates).
    case higherIsBetter = "higher_is_better"
    /// Less is better (churn, concentration, duplicates, invalid records).
    case lowerIsBetter = "lower_is_better"
    /// Neither: a size or a description of the data (row counts, months of data, class sizes).
    case neutral

    public var title: LocalizedText {
        switch self {
        case .higherIsBetter: LocalizedText(ru: "больше — лучше", en: "higher is better")
        case .lowerIsBetter: LocalizedText(ru: "меньше — лучше", en: "lower is better")
        case .neutral: LocalizedText(ru: "нейтральный", en: "neutral")
        }
    }

    /// The direction of catalogue metric `id`; nil for an id the catalogue does not have.
    public static func of(_ id: String) -> MetricDirection? {
        if let direction = table[id] { return direction }
        guard MetricCatalogue.definition(of: id) != nil else { return nil }
        if id.hasPrefix("quality.fill.") { return .higherIsBetter }
        // A whole-history twin goes the way of its headline metric.
        if id.hasSuffix(MetricCatalogue.allHistorySuffix) { return table[String(id.dropLast(MetricCatalogue.allHistorySuffix.count))] }
        return nil
    }

    /// Every catalogue metric except the `quality.fill.*` family (all higher is better) and the
    /// `.all_history` twins of headline metrics listed here. A test checks that every catalogue
    /// metric has a direction.
    static let table: [String: MetricDirection] = [
        // Sales
        "sales.rows": .neutral, "sales.first_date": .neutral, "sales.last_date": .neutral, "sales.months": .neutral,
        "sales.revenue_last_12m": .higherIsBetter, "sales.revenue_prev_12m": .neutral, "sales.growth_12m": .higherIsBetter,
        "sales.orders_last_12m": .higherIsBetter, "sales.orders_prev_12m": .neutral, "sales.orders_growth_12m": .higherIsBetter,
        "sales.avg_order_value_last_12m": .higherIsBetter, "sales.avg_order_value_prev_12m": .neutral,
        "sales.avg_order_value_growth_12m": .higherIsBetter, "sales.avg_revenue_per_customer_last_12m": .higherIsBetter,
        "sales.gross_margin_last_12m": .higherIsBetter, "sales.gross_margin_prev_12m": .neutral,
        "sales.gross_margin_change_12m": .higherIsBetter, "sales.cost_coverage": .higherIsBetter,
        // Whole-history sums grow with the export's length: they describe the data.
        "sales.revenue.all_history": .neutral, "sales.orders.all_history": .neutral, "sales.customers.all_history": .neutral,
        "sales.avg_order_value.all_history": .neutral, "sales.avg_revenue_per_customer.all_history": .neutral,
        "sales.gross_margin.all_history": .neutral,
        // Concentration: less dependence on a few customers is better.
        "pareto.top20_share": .lowerIsBetter, "pareto.customers_for_80": .higherIsBetter,
        "pareto.customers_for_80_share": .higherIsBetter, "pareto.top_customer_share": .lowerIsBetter, "pareto.hhi": .lowerIsBetter,
        // Customers, retention, churn
        "customers.count": .higherIsBetter, "customers.repeat_rate": .higherIsBetter, "customers.median_purchase_interval_days": .lowerIsBetter,
        "customers.active_12m": .higherIsBetter, "customers.active_prev_12m": .neutral, "customers.active_growth_12m": .higherIsBetter,
        "customers.active_12m_share": .higherIsBetter, "customers.new_12m": .higherIsBetter, "customers.returning_12m": .higherIsBetter,
        "customers.retained_12m": .higherIsBetter, "customers.reactivated_12m": .higherIsBetter, "customers.lost_12m": .lowerIsBetter, "customers.lost_revenue_prev_12m": .lowerIsBetter,
        "retention.rate_12m": .higherIsBetter, "retention.churn_12m": .lowerIsBetter,
        // RFM
        "rfm.revenue_at_risk": .lowerIsBetter, "rfm.revenue_at_risk_share": .lowerIsBetter, "rfm.at_risk_customers": .lowerIsBetter,
        "rfm.champions": .higherIsBetter, "rfm.loyal": .higherIsBetter, "rfm.potential_loyalists": .higherIsBetter,
        "rfm.new": .higherIsBetter, "rfm.at_risk": .lowerIsBetter, "rfm.cant_lose": .lowerIsBetter,
        "rfm.hibernating": .lowerIsBetter, "rfm.long_inactive": .lowerIsBetter,
        // ABC: class sizes describe the data.
        "abc.customers.a_count": .neutral, "abc.customers.a_revenue_share": .neutral, "abc.customers.b_count": .neutral,
        "abc.customers.b_revenue_share": .neutral, "abc.customers.c_count": .neutral, "abc.customers.c_revenue_share": .neutral,
        "abc.managers.a_count": .neutral, "abc.managers.a_revenue_share": .neutral, "abc.managers.b_count": .neutral,
        "abc.managers.b_revenue_share": .neutral, "abc.managers.c_count": .neutral, "abc.managers.c_revenue_share": .neutral,
        "abc.products.a_count": .neutral, "abc.products.a_revenue_share": .neutral, "abc.products.b_count": .neutral,
        "abc.products.b_revenue_share": .neutral, "abc.products.c_count": .neutral, "abc.products.c_revenue_share": .neutral,
        // Managers: less dependence on one person, fewer idle managers and unowned customers.
        "managers.with_sales": .neutral, "managers.top20_share": .lowerIsBetter, "managers.top_share": .lowerIsBetter,
        "managers.dependency": .lowerIsBetter, "managers.idle": .lowerIsBetter,
        "managers.customers_without_manager": .lowerIsBetter, "managers.customers_without_manager_share": .lowerIsBetter,
        "managers.with_sales_12m": .neutral,
        // Cohorts
        "cohorts.retention_m1": .higherIsBetter, "cohorts.retention_m3": .higherIsBetter, "cohorts.retention_m12": .higherIsBetter,
        // Channels and campaigns: what is measurable is better.
        "channels.count": .neutral, "channels.top_share": .neutral, "channels.unknown_source_share": .lowerIsBetter,
        "channels.unknown_source_revenue_share": .lowerIsBetter, "channels.unknown_source_revenue_share_12m": .lowerIsBetter, "campaigns.count": .neutral,
        "campaigns.revenue_share": .higherIsBetter, "campaigns.roi": .higherIsBetter,
        // Deals
        "deals.count": .neutral, "deals.open": .neutral, "deals.win_rate": .higherIsBetter, "deals.avg_cycle_days": .lowerIsBetter,
        "deals.pipeline_amount": .higherIsBetter, "deals.stale_open": .lowerIsBetter,
        // Activities
        "activities.count": .higherIsBetter, "activities.last_90d": .higherIsBetter,
        "activities.active_customers_touched_share": .higherIsBetter, "activities.a_class_untouched_60d_share": .lowerIsBetter,
        "key.top20_prev_down30_share": .lowerIsBetter, "customers.overdue_regulars": .lowerIsBetter,
        "customers.overdue_regulars_revenue_share_12m": .lowerIsBetter, "managers.unserved_customers": .lowerIsBetter,
        "managers.dependency_own_lines_share_12m": .higherIsBetter, "managers.departed_customers": .lowerIsBetter,
        "managers.departed_customers_revenue_change": .higherIsBetter,
        "managers.unserved_revenue_share_12m": .lowerIsBetter, "managers.margin_spread_12m": .lowerIsBetter,
        "deals.open_median_age_days": .lowerIsBetter, "retention.revenue_12m": .higherIsBetter, "retention.prev_new_12m": .higherIsBetter, "deals.worst_stage_stale_share": .lowerIsBetter, "quality.tax_ids_invalid": .lowerIsBetter,
        "quality.tax_ids_invalid_share": .lowerIsBetter, "quality.tax_id_duplicate_groups": .lowerIsBetter,
        // Data quality
        "quality.email_valid_share": .higherIsBetter, "quality.emails_invalid": .lowerIsBetter,
        "quality.phone_valid_share": .higherIsBetter, "quality.phones_invalid": .lowerIsBetter,
        "quality.email_consent_share": .higherIsBetter, "quality.duplicate_groups": .lowerIsBetter,
        "quality.duplicate_customers": .lowerIsBetter, "quality.duplicate_share": .lowerIsBetter,
        "quality.orphan_sales_rows": .lowerIsBetter, "quality.orphan_sales_share": .lowerIsBetter,
        "quality.orphan_revenue": .lowerIsBetter, "customers.person_share": .neutral, "quality.birth_date_persons_fill": .higherIsBetter, "quality.tax_id_companies_fill": .higherIsBetter, "key.top20_prev_revenue_retention_12m": .higherIsBetter, "key.top20_prev_revenue_lost_share_12m": .lowerIsBetter, "quality.customers_without_sales": .neutral,
        "quality.customers_without_sales_share": .neutral, "quality.future_dates": .lowerIsBetter,
        "quality.zero_amount_rows": .lowerIsBetter, "quality.negative_amount_rows": .neutral,
        "quality.sales_after_as_of": .neutral, "quality.invalid_sale_dates": .lowerIsBetter,
    ]
}
