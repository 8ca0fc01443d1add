import AuditModel

/// What a metric's number measures.
public enum MetricUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// In the data's currency units.
    case money
    /// A whole number of things.
    case count
    /// A fraction 0–1.
    case share
    /// A number of days.
    case days
    /// A ratio that may leave 0–1 (growth, ROI, concentration indices).
    case ratio
    /// An ISO `YYYY-MM-DD` day (the value is a string).
    case date

    var title: LocalizedText {
        switch self {
        case .money: LocalizedText(ru: "деньги", en: "money")
        case .count: LocalizedText(ru: "количество", en: "count")
        case .share: LocalizedText(ru: "доля 0–1", en: "share 0–1")
        case .days: LocalizedText(ru: "дни", en: "days")
        case .ratio: LocalizedText(ru: "отношение", en: "ratio")
        case .date: LocalizedText(ru: "дата", en: "date")
        }
    }
}

/// The JSON type of a metric's value.
public enum MetricValueType: String, Sendable, Hashable, Codable {
    case number
    /// An ISO date string.
    case string
}

/// The family a metric belongs to, in the order the report and the CLI show them.
public enum MetricFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case sales, pareto, customers, rfm, abc, managers, cohorts, channels, deals, activities, quality

    public var title: LocalizedText {
        switch self {
        case .sales: LocalizedText(ru: "Продажи", en: "Sales")
        case .pareto: LocalizedText(ru: "Парето по клиентам", en: "Customer Pareto")
        case .customers: LocalizedText(ru: "Клиенты, удержание и отток", en: "Customers, retention and churn")
        case .rfm: LocalizedText(ru: "RFM-сегменты", en: "RFM segments")
        case .abc: LocalizedText(ru: "ABC-анализ", en: "ABC analysis")
        case .managers: LocalizedText(ru: "Менеджеры", en: "Managers")
        case .cohorts: LocalizedText(ru: "Когорты", en: "Cohorts")
        case .channels: LocalizedText(ru: "Каналы и кампании", en: "Channels and campaigns")
        case .deals: LocalizedText(ru: "Сделки", en: "Deals")
        case .activities: LocalizedText(ru: "Активности", en: "Activities")
        case .quality: LocalizedText(ru: "Качество данных", en: "Data quality")
        }
    }
}

/// One metric of the catalogue: its stable id, what it means exactly, and what it needs.
public struct MetricDefinition: Sendable, Hashable, Codable {
    /// Stable id used by rules, reports and the JSON (`sales.revenue`).
    public var id: String
    public var family: MetricFamily
    public var title: LocalizedText
    /// The exact definition.
    public var definition: LocalizedText
    public var unit: MetricUnit
    /// The datasets of the round the metric is computed from; with one of them empty it is null.
    public var datasets: [DatasetKind]

    /// The JSON type of the value: a string for dates, else a number.
    public var valueType: MetricValueType { unit == .date ? .string : .number }

    init(_ id: String, _ family: MetricFamily, _ unit: MetricUnit, _ datasets: [DatasetKind],
         ru: (String, String), en: (String, String)) {
        self.id = id
        self.family = family
        self.unit = unit
        self.datasets = datasets
        title = LocalizedText(ru: ru.0, en: en.0)
        definition = LocalizedText(ru: ru.1, en: en.1)
    }
}

/// The catalogue of every metric the analytics computes, in display order.
public enum MetricCatalogue {
    /// Every metric, grouped by family in ``MetricFamily`` order.
    public static let all: [MetricDefinition] = {
        let definitions = salesMetrics + customerMetrics + rfmMetrics + abcMetrics + managerMetrics + cohortMetrics
            + channelMetrics + dealMetrics + activityMetrics + qualityMetrics + beliefMetrics
        let order = Dictionary(uniqueKeysWithValues: MetricFamily.allCases.enumerated().map { ($1, $0) })
        return definitions.enumerated().sorted {
            (order[$0.element.family] ?? 0, $0.offset) < (order[$1.element.family] ?? 0, $1.offset)
        }.map(\.element)
    }()

    /// The definition of metric `id`, if the catalogue has it.
    public static func definition(of id: String) -> MetricDefinition? { byID[id] }

    private static let byID: [String: MetricDefinition] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// The customer fields whose fill rate is measured (`quality.fill.<field>`).
    static let filledCustomerFields: [String] = CanonicalModel.fields(of: .customers).map(\.name).filter { $0 != "customer_id" }

    /// The catalogue as Markdown: `docs/metrics.md`.
    public static func markdown() -> String {
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
            "- Last 12 months = (as_of − 365 days, as_of]; previous 12 months = (as_of − 730, as_of − 365]. / Последние 12 месяцев = (as_of − 365 дн., as_of]; предыдущие = (as_of − 730, as_of − 365].",
            "- Shares are fractions 0–1, money is in the data's units. A metric whose inputs are missing is `null` with a reason code in `unavailable`, never 0. / Доли — от 0 до 1; при отсутствии данных метрика равна `null`, причина — в `unavailable`.",
            "- Revenue per customer = Σ amount of the customer's lines; customers are ranked by revenue descending, ties by customer id ascending. / Клиенты упорядочены по выручке по убыванию, при равенстве — по id.",
            "- ABC (customers, products, managers): items ranked by revenue; A is the prefix up to and including the item whose cumulative revenue reaches 80% of the total, B continues up to and including the item reaching 95%, C is the rest. / ABC: A — префикс до позиции, на которой накопленная выручка достигает 80% (включительно), B — до 95%, C — остальные.",
            "- RFM per buying customer: recency_days = as_of − last purchase date, frequency = distinct purchase days, monetary = Σ amount. Scores 1–5 by quintiles of the percentile rank p = (customers strictly worse + ½·(customers tied − 1)) / (N − 1), score = min(5, 1 + ⌊5·p⌋) (3 when N = 1); a lower recency is better. / RFM: баллы 1–5 по квинтилям процентильного ранга; меньшая давность лучше.",
            "- RFM segments (the first match wins): customers with a single purchase day are New (R≥4), Potential loyalists (R=3), Hibernating (R=2) or Lost (R=1); the others are Champions R≥4 F≥4; Loyal R≥3 F≥3; Potential loyalists R≥3; Can't lose R≤2 F≥4 M≥4; At risk R≤2 F≥3; Hibernating R=2; Lost R=1. / Сегменты RFM: клиенты с одним днём покупок — New (R≥4), Potential loyalists (R=3), Hibernating (R=2), Lost (R=1); остальные — по R и F (M отделяет Can't lose), первое совпадение.",
            "- Tables in the JSON (`tables`): `abc`, `rfm_segments`, `managers`, `cohorts` (monthly acquisition cohort × months since the first purchase), `portrait` (customer share vs revenue share and over-index per value of type, gender, age_band, city, region, industry, segment, source), `typical_a_customer`, `channels`, `campaigns` (ROI = (revenue − cost) / cost), `deal_stages`, `data_quality` (fill rate per customer field), `duplicate_groups` (first 200). Series (`series`): months, revenue, orders, customers, new_customers. / Таблицы и ряды JSON перечислены слева.",
            "",
        ]
        for family in MetricFamily.allCases {
            let members = all.filter { $0.family == family }
            guard !members.isEmpty else { continue }
            lines.append("## \(family.title.en) / \(family.title.ru)")
            lines.append("")
            lines.append("| id | unit | datasets | definition (en) | определение (ru) |")
            lines.append("| --- | --- | --- | --- | --- |")
            for metric in members {
                let datasets = metric.datasets.map(\.rawValue).joined(separator: ", ")
                let en = "**\(metric.title.en)**: \(metric.definition.en)"
                let ru = "**\(metric.title.ru)**: \(metric.definition.ru)"
                lines.append("| `\(metric.id)` | \(metric.unit.rawValue) | \(datasets) | \(escape(en)) | \(escape(ru)) |")
            }
            lines.append("")
        }
        lines.append("## Per-item metrics / Метрики по элементам")
        lines.append("")
        lines.append("One number per item (JSON `breakdowns`: id → name → value); rules read them as tables with `lookup`, `rank` and `top`. / Одно число на элемент (JSON `breakdowns`); правила читают их функциями `lookup`, `rank`, `top`.")
        lines.append("")
        lines.append("| id | unit | datasets | definition (en) | определение (ru) |")
        lines.append("| --- | --- | --- | --- | --- |")
        for metric in breakdowns {
            let datasets = metric.datasets.map(\.rawValue).joined(separator: ", ")
            lines.append("| `\(metric.id)` | \(metric.unit.rawValue) | \(datasets) | \(escape("**\(metric.title.en)**: \(metric.definition.en)")) | \(escape("**\(metric.title.ru)**: \(metric.definition.ru)")) |")
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
public struct UnavailableReason: Sendable, Hashable {
    /// The code stored in ``MetricDocument/unavailable``, e.g. `no_rows:sales`.
    public var code: String

    public init(code: String) { self.code = code }

    static func noRows(_ kind: DatasetKind) -> UnavailableReason { UnavailableReason(code: "no_rows:\(kind.rawValue)") }
    static func noValues(_ kind: DatasetKind, _ field: String) -> UnavailableReason {
        UnavailableReason(code: "no_values:\(kind.rawValue).\(field)")
    }
    static let zeroTotal = UnavailableReason(code: "zero_total")
    static let emptyPreviousWindow = UnavailableReason(code: "empty_previous_window")
    static let noSalesLast90Days = UnavailableReason(code: "no_sales_last_90_days")
    static let noClosedDeals = UnavailableReason(code: "no_closed_deals")
    static let noValidDates = UnavailableReason(code: "no_values:sales.date")
    static let noCompleteCohort = UnavailableReason(code: "no_complete_cohort")
    static let nothingToMeasure = UnavailableReason(code: "nothing_to_measure")

    static let documented: [UnavailableReason] = DatasetKind.allCases.map(noRows) + [
        UnavailableReason(code: "no_values:KIND.FIELD"), zeroTotal, emptyPreviousWindow, noSalesLast90Days,
        noClosedDeals, noCompleteCohort, nothingToMeasure,
    ]

    /// The explanation, in each language.
    public var text: LocalizedText {
        let parts = code.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first ?? "" {
        case "no_rows":
            let kind = DatasetKind(rawValue: parts.count > 1 ? parts[1] : "")
            let title = kind?.title ?? LocalizedText(both: parts.count > 1 ? parts[1] : "?")
            return LocalizedText(ru: "в раунде нет данных «\(title.ru)»; импортируйте их",
                                 en: "the round has no \(title.en) rows; import them")
        case "no_values":
            let field = parts.count > 1 ? parts[1] : "?"
            return LocalizedText(ru: "поле \(field) не заполнено ни в одной строке",
                                 en: "the field \(field) is empty in every row")
        case "zero_total":
            return LocalizedText(ru: "итог, на который делится метрика, равен нулю или отрицателен",
                                 en: "the total the metric divides by is zero or negative")
        case "empty_previous_window":
            return LocalizedText(ru: "в предыдущие 12 месяцев нет продаж", en: "no sales in the previous 12 months")
        case "no_sales_last_90_days":
            return LocalizedText(ru: "у компании нет продаж за последние 90 дней",
                                 en: "the company has no sales in the last 90 days")
        case "no_closed_deals":
            return LocalizedText(ru: "нет закрытых сделок", en: "no closed deals")
        case "no_complete_cohort":
            return LocalizedText(ru: "ни одна когорта ещё не прожила столько месяцев",
                                 en: "no cohort is old enough yet")
        case "nothing_to_measure":
            return LocalizedText(ru: "нет значений, по которым считается метрика",
                                 en: "no values to measure")
        default:
            return LocalizedText(both: code)
        }
    }
}
