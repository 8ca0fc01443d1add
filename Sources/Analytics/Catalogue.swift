import AuditModel

/// The JSON type of a metric's value.
package enum MetricValueType: String, Sendable, Hashable, Codable {
    case number
    /// An ISO date string.
    case string
}

/// The family a metric belongs to, in the order the report and the CLI show them.
package enum MetricFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case sales, pareto, customers, rfm, abc, managers, cohorts, channels, deals, activities, quality

    package var title: LocalizedText {
        switch self {
        case .sales: AnalyticsText.sales.text()
        case .pareto: AnalyticsText.customerPareto.text()
        case .customers: AnalyticsText.customersRetentionAndChurn.text()
        case .rfm: AnalyticsText.rfmSegments.text()
        case .abc: AnalyticsText.abcAnalysis.text()
        case .managers: AnalyticsText.managers.text()
        case .cohorts: AnalyticsText.cohorts.text()
        case .channels: AnalyticsText.channelsAndCampaigns.text()
        case .deals: AnalyticsText.deals.text()
        case .activities: AnalyticsText.activities.text()
        case .quality: AnalyticsText.dataQuality.text()
        }
    }
}

/// A metric's stable id (`sales.revenue_last_12m`), declared once at the top of the `Metrics/`
/// file that defines and computes it (`MetricID.salesRevenueLast12m`): the definition and the
/// code that sets the value name the same constant, so that a misspelt id does not compile.
struct MetricID: Hashable, Sendable, CustomStringConvertible {
    let rawValue: String

    init(_ rawValue: String) { self.rawValue = rawValue }

    /// The id of the same measure on another window (`.all_history`; empty for the headline period).
    func suffixed(_ suffix: String) -> MetricID { MetricID(rawValue + suffix) }

    var description: String { rawValue }
}

/// One metric of the catalogue: its stable id, what it means exactly, and what it needs.
package struct MetricDefinition: Sendable, Hashable, Codable {
    /// Stable id used by rules, reports and the JSON (`sales.revenue`).
    package var id: String
    package var family: MetricFamily
    package var title: LocalizedText
    /// The exact definition.
    package var definition: LocalizedText
    package var unit: MetricUnit
    /// The window of sale lines (or the moment) it describes.
    package var period: MetricPeriod
    /// The datasets of the round the metric is computed from; with one of them empty it is null.
    package var datasets: [DatasetKind]

    /// The JSON type of the value: a string for dates, else a number.
    package var valueType: MetricValueType { unit == .date ? .string : .number }

    /// Which way the metric should move for the client to be better off (for comparing rounds).
    package var direction: MetricDirection

    init(
        _ id: MetricID, _ family: MetricFamily, _ unit: MetricUnit, _ period: MetricPeriod, _ datasets: [DatasetKind],
        _ direction: MetricDirection, ru: (String, String), en: (String, String)
    ) {
        self.id = id.rawValue
        self.direction = direction
        self.family = family
        self.unit = unit
        self.period = period
        self.datasets = datasets
        title = LocalizedText(ru: ru.0, en: en.0)
        definition = LocalizedText(ru: ru.1, en: en.1)
    }
}

/// The catalogue of every metric the analytics computes, in display order.
package enum MetricCatalogue {
    /// Every metric's unit and period, by id: what the rules engine checks rules against.
    package static let shapes: [String: MetricShape] = Dictionary(
        all.map { ($0.id, MetricShape(unit: $0.unit, period: $0.period)) }, uniquingKeysWith: { first, _ in first })

    /// Every metric, grouped by family in ``MetricFamily`` order.
    package static let all: [MetricDefinition] = {
        // One list per file of `Metrics/`, which defines and computes them.
        let definitions =
            salesMetrics + paretoMetrics + customerMetrics + rfmMetrics + abcMetrics + managerMetrics
            + managerDepartureMetrics + cohortMetrics + channelMetrics + dealMetrics + activityMetrics + qualityMetrics + beliefMetrics
        let order = Dictionary(uniqueKeysWithValues: MetricFamily.allCases.enumerated().map { ($1, $0) })
        return definitions.enumerated().sorted {
            (order[$0.element.family] ?? 0, $0.offset) < (order[$1.element.family] ?? 0, $1.offset)
        }.map(\.element)
    }()

    /// The definition of metric `id`, if the catalogue has it.
    package static func definition(of id: String) -> MetricDefinition? { byID[id] }

    private static let byID: [String: MetricDefinition] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The customer fields whose fill rate is measured (`quality.fill.<field>`).
    static let filledCustomerFields: [String] = CanonicalModel.fields(of: .customers).map(\.name).filter { $0 != "customer_id" }

    /// The catalogue as Markdown: `docs/metrics.md`.
    package static func markdown() -> String {
        var lines: [String] = [
            "# Metric catalogue / Каталог метрик",
            "",
            "Generated from `Sources/Analytics` by the analytics tests; do not edit by hand.",
            "Regenerate with `CRM_AUDIT_RECORD_DOCS=1 swift test --filter CatalogueTests`.",
            "",
            "Сгенерировано из `Sources/Analytics` тестами аналитики; не редактируйте вручную.",
            "",
            "Conventions / Соглашения:",
            "",
            "- `as_of` is `--as-of YYYY-MM-DD`, else the latest sale date; sale lines dated after `as_of` are left out of every metric (counted in `quality.sales_after_as_of`). / `as_of` — это `--as-of`, иначе дата последней продажи; строки продаж позже `as_of` не учитываются.",
            "- **The headline period** of the audit is the last 12 months = (as_of − 365, as_of]; the previous 12 months = (as_of − 730, as_of − 365]. The report's summary, the findings, Pareto, ABC, key accounts, manager shares and dependency use the headline period, so that a share and the money beside it come from the same window. / **Основной период** аудита — последние 12 месяцев (as_of − 365, as_of]; предыдущие — (as_of − 730, as_of − 365]. Резюме, находки, Парето, ABC, ключевые клиенты, доли менеджеров и зависимость считаются за основной период.",
            "- **Period** column: `last_12m` the headline period; `prev_12m` the 12 months before; `change_12m` the headline period against them; `all_history` every sale line up to as_of (depends on how far back the export goes, so it is not compared between rounds); `as_of` a state on the as-of day; `last_90d` the last 90 days; `cohorts` monthly acquisition cohorts. / Столбец **period**: окно, за которое считается метрика.",
            "- **Ids**: where a metric exists on both windows, the headline one has the plain id and the whole-history one the same id with `.all_history` appended (`pareto.top20_share`, `pareto.top20_share.all_history`); the sales totals spell their 12-month windows out (`sales.revenue_last_12m`, `sales.revenue_prev_12m`), and their whole-history sums end in `.all_history` (`sales.revenue.all_history`), so that no plain `sales.revenue` is left to misread. / **Id**: метрика за всю историю, у которой есть пара за основной период, оканчивается на `.all_history`.",
            "- **Changes** (`*_growth_12m`, `*_change_12m`) compare the headline period with the previous 12 months; they are null (`previous_window_not_covered`) when the data begin after the first day of the previous 12 months, because a part-covered year cannot be compared with a whole one. / **Изменения** к предыдущим 12 месяцам равны null, если данные начинаются позже их первого дня.",
            "- **Partial months**: in the monthly series (`series.partial`) the first month is partial when the first sale is after its 1st, the last when as_of is before its last day; charts mark them and no growth is computed from them. / **Неполные месяцы** отмечены в `series.partial`.",
            "- **Units**: `money` in the data's currency (roubles); `count` a number of things; `customers` a number of customers; `share` a fraction 0–1 shown as a percentage; `change` a relative change or return (0.224 is shown as +22.4 %); `points` a difference of two shares in percentage points; `days`; `ratio` an index without a unit (Herfindahl); `date` an ISO day. A metric whose inputs are missing is `null` with a reason code in `unavailable`, never 0. / **Единицы**: деньги (₽), штуки, клиенты, доля (в %), изменение (в %, со знаком), процентные пункты, дни, индекс, дата; при отсутствии данных — `null` с причиной.",
            "- Customers are ranked by revenue descending, ties by customer id ascending; on the headline period only the customers who bought in it are ranked (a customer silent for a year is never class A or a key account). / Клиенты упорядочены по выручке, при равенстве — по id; за основной период ранжируются только купившие в нём.",
            "- ABC (customers, products, managers): items ranked by revenue; A is the prefix up to and including the item whose cumulative revenue reaches 80% of the total, B continues up to and including the item reaching 95%, C is the rest. / ABC: A — префикс до позиции, на которой накопленная выручка достигает 80% (включительно), B — до 95%, C — остальные.",
            "- RFM per buying customer (all history): recency_days = as_of − last purchase date, frequency = distinct purchase days, monetary = Σ amount. Scores 1–5 by quintiles of the percentile rank p = (customers strictly worse + ½·(customers tied − 1)) / (N − 1), score = min(5, 1 + ⌊5·p⌋) (3 when N = 1); a lower recency is better. / RFM: баллы 1–5 по квинтилям процентильного ранга; меньшая давность лучше.",
            "- RFM segments (the first match wins): customers with a single purchase day are New (R≥4), Potential loyalists (R=3), Hibernating (R=2) or Long inactive (R=1); the others are Champions R≥4 F≥4; Loyal R≥3 F≥3; Potential loyalists R≥3; Can't lose R≤2 F≥4 M≥4; At risk R≤2 F≥3; Hibernating R=2; Long inactive R=1. RFM segments rank customers against each other; they are not the customer definitions below (\"Long inactive\" is the fifth who have gone longest without buying, not the lost customers). / Сегменты RFM: клиенты с одним днём покупок — New (R≥4), Potential loyalists (R=3), Hibernating (R=2), Long inactive (R=1); остальные — по R и F (M отделяет Can't lose), первое совпадение. Сегменты RFM — не определения клиентов ниже.",
            "- Tables in the JSON (`tables`): `abc` (headline period), `rfm_segments`, `managers` (headline period; `revenue_all_history` for reference), `cohorts` (monthly acquisition cohort × months since the first purchase), `portrait` (per value of a field: its share of the customer list, its share of the last 12 months' buyers, its share of their revenue, and the index revenue share ÷ buyer share, for each of type, gender, age_band, city, region, industry, segment, source), `typical_a_customer`, `channels`, `campaigns` (ROI = (revenue − cost) / cost), `deal_stages`, `data_quality` (fill rate per customer field), `duplicate_groups` (first 200). Series (`series`): months, revenue, orders, customers, new_customers, partial. `periods`: the dates of the headline period and the previous 12 months. / Таблицы и ряды JSON перечислены слева.",
            "",
            "## Customer definitions / Определения клиентов",
            "",
            "Each is defined once, here, and used by every rule, segment, chart and configuration item that speaks of it. / Каждое определение дано один раз и используется всеми правилами, сегментами, графиками и настройками.",
            "",
            "| concept | definition (en) | определение (ru) | metric |",
            "| --- | --- | --- | --- |",
            "| active | bought at least once in the last 12 months | купил хотя бы раз за последние 12 месяцев | `customers.active_12m` |",
            "| new | active, and the first purchase ever is in the last 12 months | активный, первая покупка за всю историю — в последние 12 месяцев | `customers.new_12m` |",
            "| returning | active, and had bought before the last 12 months (retained + reactivated) | активный, покупал и раньше (удержанные + вернувшиеся) | `customers.returning_12m` |",
            "| retained | bought in the previous 12 months and again in the last 12 | покупал в предыдущие 12 месяцев и снова в последние 12 | `customers.retained_12m`, `retention.rate_12m` |",
            "| reactivated | bought in the last 12 months, not in the previous 12, and before them | купил в последние 12 месяцев, не покупал в предыдущие 12, но покупал раньше | `customers.reactivated_12m` |",
            "| lost | bought in the previous 12 months and nothing in the last 12 | покупал в предыдущие 12 месяцев и ничего — в последние 12 | `customers.lost_12m`, `retention.churn_12m` |",
            "",
            "Identities: active = new + retained + reactivated; active in the previous 12 months = retained + lost; churn = lost / active in the previous 12 months = 1 − retention. / Тождества: активные = новые + удержанные + вернувшиеся; активные предыдущих 12 месяцев = удержанные + потерянные.",
            "",
            "Why lost is defined on two windows: a CFO reads \"lost\" as revenue the company had last year and does not have this year. Counting everyone who ever bought and has not bought for a year would count customers lost three years ago again every year, and the number would grow with the length of the export (a 36-month export finds more \"lost\" than a 30-month one of the same company), so it could be neither tied to revenue nor compared between rounds. Customers silent for more than 24 months were lost in an earlier period; they are not counted again. / Почему «потерянный» определён на двух окнах: финансовый директор понимает под ним клиента, чья выручка была в прошлом году и пропала в этом. Счёт «все, кто когда-либо покупал и не покупал год» каждый год заново считает давно ушедших и растёт с длиной выгрузки, поэтому его нельзя ни связать с выручкой, ни сравнить между раундами.",
            "",
            "12-month retention and the cohort table measure different things: `retention.rate_12m` counts the customers active in the previous 12 months, whatever their first purchase, who bought again at any time in the last 12; a cohort cell counts the customers who first bought in a month and bought again in exactly the N-th calendar month after it, so its values are lower. / Удержание за 12 месяцев и когортная таблица измеряют разное: удержание — доля активных в предыдущие 12 месяцев, купивших снова когда-либо в последние 12; ячейка когорты — доля впервые купивших в месяце, купивших снова ровно через N месяцев, поэтому она ниже.",
            "",
        ]
        for family in MetricFamily.allCases {
            let members = all.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            lines.append("## \(family.title.en) / \(family.title.ru)")
            lines.append("")
            lines.append("| id | unit | period | datasets | definition (en) | определение (ru) |")
            lines.append("| --- | --- | --- | --- | --- | --- |")
            for metric in members {
                let datasets = metric.datasets.map(\.rawValue).joined(separator: ", ")
                let en = "**\(metric.title.en)**: \(metric.definition.en)"
                let ru = "**\(metric.title.ru)**: \(metric.definition.ru)"
                lines.append(
                    "| `\(metric.id)` | \(metric.unit.rawValue) | \(metric.period.rawValue) | \(datasets) | \(escape(en)) | \(escape(ru)) |"
                )
            }
            lines.append("")
        }
        lines.append("## Per-item metrics / Метрики по элементам")
        lines.append("")
        lines.append(
            "One number per item (JSON `breakdowns`: id → name → value); rules read them as tables with `lookup`, `rank` and `top`. / Одно число на элемент (JSON `breakdowns`); правила читают их функциями `lookup`, `rank`, `top`."
        )
        lines.append("")
        lines.append("| id | unit | period | datasets | definition (en) | определение (ru) |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        for metric in breakdowns {
            let datasets = metric.datasets.map(\.rawValue).joined(separator: ", ")
            lines.append(
                "| `\(metric.id)` | \(metric.unit.rawValue) | \(metric.period.rawValue) | \(datasets) | \(escape("**\(metric.title.en)**: \(metric.definition.en)")) | \(escape("**\(metric.title.ru)**: \(metric.definition.ru)")) |"
            )
        }
        lines.append("")
        lines.append("## Unavailable reasons / Причины отсутствия значения")
        lines.append("")
        lines.append("| code | en | ru |")
        lines.append("| --- | --- | --- |")
        for reason in UnavailableReason.documented {
            lines.append("| `\(reason.code)` | \(escape(reason.text.en)) | \(escape(reason.text.ru)) |")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}

/// Why a metric is null: a stable code in the JSON, with a text in each language.
package struct UnavailableReason: Sendable, Hashable {
    /// The code stored in ``MetricDocument/unavailable``, e.g. `no_rows:sales`.
    package var code: String

    package init(code: String) { self.code = code }

    static func noRows(_ kind: DatasetKind) -> UnavailableReason { UnavailableReason(code: noRowsPrefix + kind.rawValue) }
    /// The code of ``noRows(_:)`` before the dataset's name.
    static let noRowsPrefix = "no_rows:"
    static func noValues(_ kind: DatasetKind, _ field: String) -> UnavailableReason {
        UnavailableReason(code: "no_values:\(kind.rawValue).\(field)")
    }
    static let zeroTotal = UnavailableReason(code: "zero_total")
    static let emptyPreviousWindow = UnavailableReason(code: "empty_previous_window")
    static let previousWindowNotCovered = UnavailableReason(code: "previous_window_not_covered")
    static let noSalesLast12Months = UnavailableReason(code: "no_sales_last_12_months")
    static let noSalesLast90Days = UnavailableReason(code: "no_sales_last_90_days")
    static let noClosedDeals = UnavailableReason(code: "no_closed_deals")
    static let noValidDates = UnavailableReason(code: "no_values:sales.date")
    static let noCompleteCohort = UnavailableReason(code: "no_complete_cohort")
    static let nothingToMeasure = UnavailableReason(code: "nothing_to_measure")
    static let noManagerStopped = UnavailableReason(code: "no_manager_stopped")

    static let documented: [UnavailableReason] =
        DatasetKind.allCases.map(noRows) + [
            UnavailableReason(code: "no_values:KIND.FIELD"), zeroTotal, emptyPreviousWindow, previousWindowNotCovered, noSalesLast12Months,
            noSalesLast90Days,
            noClosedDeals, noCompleteCohort, nothingToMeasure, noManagerStopped, PushedDownMetrics.notComputedInDatabase,
        ]

    /// The explanation, in each language.
    package var text: LocalizedText {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first ?? "" {
        case "no_rows":
            let kind = DatasetKind(rawValue: parts.count > 1 ? parts[1] : "")
            let title = kind?.title ?? LocalizedText(both: parts.count > 1 ? parts[1] : "?")
            return AnalyticsText.theRoundHasNoRowsImport.text(["title": .localized(title)])
        case "no_values":
            let field = parts.count > 1 ? parts[1] : "?"
            return AnalyticsText.theFieldIsEmptyInEvery.text(["field": .value(field)])
        case "zero_total":
            return AnalyticsText.theTotalTheMetricDividesBy.text()
        case "empty_previous_window":
            return AnalyticsText.noSalesInThePreviousMonths.text()
        case "previous_window_not_covered":
            return AnalyticsText.theDataBeginAfterTheStart.text()
        case "no_sales_last_12_months":
            return AnalyticsText.theCompanyHasNoSalesIn.text()
        case "no_sales_last_90_days":
            return AnalyticsText.theCompanyHasNoSalesIn2.text()
        case "no_closed_deals":
            return AnalyticsText.noClosedDeals.text()
        case "no_complete_cohort":
            return AnalyticsText.noCohortIsOldEnoughYet.text()
        case "no_manager_stopped":
            return AnalyticsText.noManagerLeftOrStoppedSelling.text()
        case "nothing_to_measure":
            return AnalyticsText.noValuesToMeasure.text()
        case "not_in_database":
            return AnalyticsText.notComputedInTheDatabase.text()
        default:
            return LocalizedText(both: code)
        }
    }
}
