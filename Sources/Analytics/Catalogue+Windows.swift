import AuditModel

// What the metric definitions share: the two windows a ranked metric is computed on. Each
// metric is defined next to its computation in `Metrics/`; a test checks that the computed
// document has exactly the catalogue's ids.

extension MetricCatalogue {
    /// The suffix of the whole-history twin of a headline-period metric: `pareto.top20_share`
    /// is over the last 12 months, `pareto.top20_share.all_history` over every sale up to as_of.
    package static let allHistorySuffix = ".all_history"

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

}
