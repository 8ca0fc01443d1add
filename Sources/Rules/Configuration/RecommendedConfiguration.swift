import AuditModel

/// One element of the recommended configuration, with the findings that call for it.
public struct ConfigItem: Sendable, Hashable, Codable {
    public var id: String
    public var title: LocalizedText
    public var detail: LocalizedText?
    /// The rules whose findings call for this item (empty for items taken from the data alone).
    public var reasons: [String]
    /// For KPIs (and items that count something, such as a segment): the metric, its current
    /// value (the baseline) and the target.
    public var metric: String?
    public var baseline: Double?
    /// The baseline in the metric's unit and with its period, in each language
    /// (`67,5 % (12 мес. к предыдущим 12, по 20.11.2026)`).
    public var baselineText: LocalizedText?
    public var target: String?
    /// The target worked out from the baseline, saying how (`309 клиентов (+10 % к текущему 281)`);
    /// nil when the target is absolute or there is no baseline.
    public var targetText: LocalizedText?

    public init(
        id: String, title: LocalizedText, detail: LocalizedText? = nil, reasons: [String] = [],
        metric: String? = nil, unit: MetricUnit? = nil, baseline: Double? = nil, baselineText: LocalizedText? = nil,
        target: String? = nil
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.reasons = reasons
        self.metric = metric
        self.baseline = baseline
        self.baselineText = baselineText
        self.target = target
        self.targetText = target.flatMap { KPITarget.text($0, unit: unit, baseline: baseline) }
    }

    enum CodingKeys: String, CodingKey {
        case id, title, detail, reasons, metric, baseline, baselineText = "baseline_text", target, targetText = "target_text"
    }
}

/// The vendor-neutral CRM configuration the audit recommends, by section.
public struct RecommendedConfiguration: Sendable, Hashable, Codable {
    public var pipeline: [ConfigItem] = []
    public var requiredFields: [ConfigItem] = []
    public var segments: [ConfigItem] = []
    public var automations: [ConfigItem] = []
    public var reports: [ConfigItem] = []
    public var roles: [ConfigItem] = []
    public var cleanup: [ConfigItem] = []
    public var integrations: [ConfigItem] = []
    public var kpis: [ConfigItem] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case pipeline, requiredFields = "required_fields", segments, automations, reports, roles, cleanup, integrations, kpis
    }

    public subscript(section: ConfigSection) -> [ConfigItem] {
        get {
            switch section {
            case .pipeline: pipeline
            case .requiredFields: requiredFields
            case .segments: segments
            case .automations: automations
            case .reports: reports
            case .roles: roles
            case .cleanup: cleanup
            case .integrations: integrations
            case .kpis: kpis
            }
        }
        set {
            switch section {
            case .pipeline: pipeline = newValue
            case .requiredFields: requiredFields = newValue
            case .segments: segments = newValue
            case .automations: automations = newValue
            case .reports: reports = newValue
            case .roles: roles = newValue
            case .cleanup: cleanup = newValue
            case .integrations: integrations = newValue
            case .kpis: kpis = newValue
            }
        }
    }

    /// Adds `item` to `section`, merging the reasons of an item with the same id.
    public mutating func add(_ item: ConfigItem, to section: ConfigSection) {
        var items = self[section]
        if let index = items.firstIndex(where: { $0.id == item.id }) {
            for reason in item.reasons where !items[index].reasons.contains(reason) { items[index].reasons.append(reason) }
            if items[index].baseline == nil {
                items[index].baseline = item.baseline
                items[index].baselineText = item.baselineText
            }
        } else {
            items.append(item)
        }
        self[section] = items
    }

    /// Number of items in all sections.
    public var count: Int { ConfigSection.allCases.reduce(0) { $0 + self[$1].count } }
}
