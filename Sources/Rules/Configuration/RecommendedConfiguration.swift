import AuditModel

/// One element of the recommended configuration, with the findings that call for it.
package struct ConfigItem: Sendable, Hashable, Codable {
    package var id: String
    package var title: LocalizedText
    package var detail: LocalizedText?
    /// The rules whose findings call for this item (empty for items taken from the data alone).
    package var reasons: [String]
    /// For KPIs (and items that count something, such as a segment): the metric, its current
    /// value (the baseline) and the target.
    package var metric: String?
    package var baseline: Double?
    /// The baseline in the metric's unit and with its period, in each language
    /// (`67,5 % (12 мес. к предыдущим 12, по 20.11.2026)`).
    package var baselineText: LocalizedText?
    package var target: String?
    /// The target worked out from the baseline, saying how (`309 клиентов (+10 % к текущему 281)`);
    /// nil when the target is absolute or there is no baseline.
    package var targetText: LocalizedText?

    package init(
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
package struct RecommendedConfiguration: Sendable, Hashable, Codable {
    package var pipeline: [ConfigItem] = []
    package var requiredFields: [ConfigItem] = []
    package var segments: [ConfigItem] = []
    package var automations: [ConfigItem] = []
    package var reports: [ConfigItem] = []
    package var roles: [ConfigItem] = []
    package var cleanup: [ConfigItem] = []
    package var integrations: [ConfigItem] = []
    package var kpis: [ConfigItem] = []

    package init() {}

    enum CodingKeys: String, CodingKey {
        case pipeline, requiredFields = "required_fields", segments, automations, reports, roles, cleanup, integrations, kpis
    }

    package subscript(section: ConfigSection) -> [ConfigItem] {
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
    package mutating func add(_ item: ConfigItem, to section: ConfigSection) {
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
    package var count: Int { ConfigSection.allCases.reduce(0) { $0 + self[$1].count } }
}
