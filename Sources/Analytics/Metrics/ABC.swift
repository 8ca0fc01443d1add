import AuditModel

// ABC classes of customers, managers and products by revenue, on both windows.

extension MetricID {
    /// The number of `subject`s (`customers`, `products`, `managers`) in class `letter` (`a`).
    static func abcCount(_ subject: String, _ letter: String) -> MetricID { MetricID("abc.\(subject).\(letter)_count") }
    /// The revenue share of class `letter` of `subject`.
    static func abcRevenueShare(_ subject: String, _ letter: String) -> MetricID {
        MetricID("abc.\(subject).\(letter)_revenue_share")
    }
}

extension MetricCatalogue {
    static let abcSubjects: [(id: String, ru: String, en: String)] = [
        ("customers", "клиентов", "customers"), ("products", "товаров", "products"), ("managers", "менеджеров", "managers"),
    ]

    static let abcMetrics: [MetricDefinition] = Window.both.flatMap { (window: Window) -> [MetricDefinition] in
        abcSubjects.flatMap { (subject: (id: String, ru: String, en: String)) -> [MetricDefinition] in
            ["a", "b", "c"].flatMap { (letter: String) -> [MetricDefinition] in abcMetrics(subject: subject, letter: letter, window: window)
            }
        }
    }

    private static func abcMetrics(subject: (id: String, ru: String, en: String), letter: String, window: Window) -> [MetricDefinition] {
        let upper = letter.uppercased()
        let unit: MetricUnit = subject.id == "customers" ? .customers : .count
        let countTitle = LocalizedText(
            ru: "ABC \(subject.ru): класс \(upper), число" + window.titleRu,
            en: "ABC \(subject.en): class \(upper) count" + window.titleEn)
        let shareTitle = LocalizedText(
            ru: "ABC \(subject.ru): класс \(upper), доля выручки" + window.titleRu,
            en: "ABC \(subject.en): class \(upper) revenue share" + window.titleEn)
        return [
            .init(
                MetricID.abcCount(subject.id, letter).suffixed(window.suffix), .abc, unit, window.period, [.sales], .neutral,
                ru: (countTitle.ru, "число \(subject.ru) класса \(upper) по выручке \(window.ru)"),
                en: (countTitle.en, "number of \(subject.en) in class \(upper) by revenue \(window.en)")),
            .init(
                MetricID.abcRevenueShare(subject.id, letter).suffixed(window.suffix), .abc, .share, window.period, [.sales], .neutral,
                ru: (shareTitle.ru, "выручка класса \(upper) / общая выручка \(subject.ru) \(window.ru)"),
                en: (shareTitle.en, "revenue of class \(upper) / total revenue of \(subject.en) \(window.en)")),
        ]
    }
}

extension Computation {
    /// ABC classes over items ranked by revenue descending: A is the prefix up to and including
    /// the item whose cumulative revenue reaches 80% of the total, B up to 95%, C the rest.
    /// Returns the class of each ranked item (0, 1, 2), or nil when the total is not positive.
    static func abcClasses(_ revenues: [Double]) -> [Int8]? {
        let total = revenues.reduce(0, +)
        guard total > 0 else { return nil }
        var classes = [Int8](repeating: 2, count: revenues.count)
        var cumulative = 0.0
        var current: Int8 = 0
        for (index, value) in revenues.enumerated() {
            // An item belongs to the class that was open before it was added.
            classes[index] = current
            cumulative += value
            if current == 0, cumulative >= 0.8 * total { current = 1 }
            if current == 1, cumulative >= 0.95 * total { current = 2 }
        }
        return classes
    }

    /// The ABC metrics of one subject (`customers`, `products`, `managers`) on the headline
    /// period (`suffix` empty; also its table) or all history (`suffix` `.all_history`).
    /// - Parameter whenEmpty: why the metrics are null when there is nothing to rank (default: the
    ///   subject's field is empty in every sale line).
    mutating func abc(subject: String, revenues: [Double], classes: [Int8]?, suffix: String = "", whenEmpty: UnavailableReason? = nil) {
        let totals = classes.map { ABCAggregates(revenues: revenues, classes: $0) }
        abc(subject: subject, totals, ranked: revenues.count, suffix: suffix, whenEmpty: whenEmpty)
    }

    /// The ABC metrics of one subject from its classes' totals (nil when the total is not
    /// positive); `ranked` is the number of items ranked.
    mutating func abc(subject: String, _ totals: ABCAggregates?, ranked: Int, suffix: String = "", whenEmpty: UnavailableReason? = nil) {
        let rows = sink.setABC(subject: subject, totals, ranked: ranked, suffix: suffix, whenEmpty: whenEmpty)
        if suffix.isEmpty, let rows { tables.abc[subject] = rows }
    }
}

extension MetricSink {
    /// The ABC metrics of one subject from its classes' totals (nil when the total is not
    /// positive; `ranked` is the number of items ranked); returns the class table, nil when the
    /// metrics are null.
    package mutating func setABC(
        subject: String, _ totals: ABCAggregates?, ranked: Int, suffix: String = "", whenEmpty: UnavailableReason? = nil
    ) -> [ABCClassRow]? {
        guard let totals else {
            let reason = ranked == 0 ? whenEmpty ?? .noValues(.sales, String(subject.dropLast())) : .zeroTotal
            for letter in ["a", "b", "c"] {
                set(.abcCount(subject, letter).suffixed(suffix), nil, orElse: reason)
                set(.abcRevenueShare(subject, letter).suffixed(suffix), nil, orElse: reason)
            }
            return nil
        }
        let items = totals.count.reduce(0, +)
        var rows: [ABCClassRow] = []
        for (offset, letter) in ["a", "b", "c"].enumerated() {
            set(.abcCount(subject, letter).suffixed(suffix), totals.count[offset])
            set(.abcRevenueShare(subject, letter).suffixed(suffix), totals.revenue[offset] / totals.total)
            rows.append(
                ABCClassRow(
                    abcClass: letter.uppercased(), count: totals.count[offset],
                    countShare: Double(totals.count[offset]) / Double(items),
                    revenue: totals.revenue[offset], revenueShare: totals.revenue[offset] / totals.total,
                    minRevenue: totals.minimum[offset]))
        }
        return rows
    }
}

/// The ABC classes of one subject's ranking (``Computation/abcClasses(_:)``): each class's
/// items, revenue and smallest revenue, and the total. Computed in memory or by a database
/// (`Warehouse`), which ranks the items there.
package struct ABCAggregates: Sendable, Hashable {
    package var count = [0, 0, 0]
    package var revenue = [0.0, 0.0, 0.0]
    package var minimum: [Double?] = [nil, nil, nil]
    package var total = 0.0

    package init() {}

    /// The totals of `revenues` in ranking order, of classes `classes` (0 = A, 1 = B, 2 = C).
    init(revenues: [Double], classes: [Int8]) {
        total = revenues.reduce(0, +)
        for (index, value) in revenues.enumerated() { add(Int(classes[index]), count: 1, revenue: value, minimum: value) }
    }

    /// Adds `count` items of class `klass` (0 = A, 1 = B, 2 = C).
    package mutating func add(_ klass: Int, count: Int, revenue: Double, minimum: Double?) {
        self.count[klass] += count
        self.revenue[klass] += revenue
        if let minimum { self.minimum[klass] = min(self.minimum[klass] ?? minimum, minimum) }
    }
}
