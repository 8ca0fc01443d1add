import AuditModel
import Expressions
import Yams

extension RulesetBuilder {
    /// Reads the ruleset's `assumptions:` list: each an id, a bilingual title, a low and a high
    /// rate (0–1, low ≤ high), the source or reason for the range, and optionally the metric
    /// that measures the same rate on the client's data (`measured:`).
    mutating func assumptions(_ top: Fields, ruleset: String) -> [Assumption] {
        var result: [Assumption] = []
        var seen = Set<String>()
        for node in reader.sequence(top, "assumptions", Self.what) ?? [] {
            let what = LocalizedText(ru: "допущение", en: "assumption")
            guard let fields = reader.mapping(node, what, allowed: ["id", "title", "low", "high", "source", "measured"]),
                let id = reader.string(fields, "id", required: true, what)
            else { continue }
            let named = LocalizedText(ru: "допущение \(id)", en: "assumption \(id)")
            let title = reader.text(fields, "title", named)
            let source = reader.text(fields, "source", named)
            let low = reader.number(fields, "low", named), high = reader.number(fields, "high", named)
            if fields["low"] == nil || fields["high"] == nil {
                reader.error(
                    node,
                    LocalizedText(
                        ru: "в \(named.ru) нужны «low» и «high» — доли от 0 до 1",
                        en: "\(named.en) needs 'low' and 'high', shares from 0 to 1"))
            }
            guard let title, let source, let low, let high else { continue }
            guard (0...1).contains(low), (0...1).contains(high), low <= high else {
                reader.error(
                    node,
                    LocalizedText(
                        ru: "в \(named.ru) «low» и «high» — доли от 0 до 1 и low ≤ high (20–30 % пишется low: 0.2, high: 0.3)",
                        en: "in \(named.en) 'low' and 'high' are shares from 0 to 1 with low ≤ high (20–30 % is low: 0.2, high: 0.3)"))
                continue
            }
            guard seen.insert(id).inserted else {
                reader.error(
                    node,
                    LocalizedText(
                        ru: "допущение «\(id)» уже объявлено в этом файле", en: "assumption '\(id)' is already declared in this file"))
                continue
            }
            let measured = reader.string(fields, "measured", named)
            if let measured, environment.checksMetrics, environment.types.metrics[measured] == nil, let measuredNode = fields["measured"] {
                let hint = Suggestion.hint(for: measured, in: environment.types.metrics.keys)
                reader.error(
                    measuredNode,
                    LocalizedText(
                        ru: "«measured»: неизвестный показатель «\(measured)»\(hint.ru)",
                        en: "'measured': unknown metric '\(measured)'\(hint.en)"))
            }
            result.append(Assumption(id: id, title: title, low: low, high: high, source: source, ruleset: ruleset, measuredBy: measured))
        }
        return result
    }

    /// Reads a rule's `money:` block. Every money metric in `exposed` must cover the stated period,
    /// so that an all-history amount is never shown as a year's revenue at risk.
    mutating func money(_ node: Node, rule: LocalizedText) -> MoneySpec? {
        let what = LocalizedText(ru: "money: \(rule.ru)", en: "money of \(rule.en)")
        guard let fields = reader.mapping(node, what, allowed: ["exposed", "period", "customers", "kind", "assumption"]) else { return nil }
        if fields["exposed"] == nil {
            reader.error(node, LocalizedText(ru: "\(what.ru): нет «exposed»", en: "\(what.en): 'exposed' is missing"))
        }
        let exposed = expression(fields, "exposed", expecting: .number)
        let customers = expression(fields, "customers", expecting: .number)
        let kind = choice(MoneyKind.self, fields, "kind", required: true, what)
        let assumption = reader.string(fields, "assumption", required: true, what)
        var period: MetricPeriod?
        if let text = reader.string(fields, "period", required: true, what) {
            period = MetricPeriod(rawValue: text).flatMap { MoneySpec.periods.contains($0) ? $0 : nil }
            if period == nil, let periodNode = fields["period"] {
                let allowed = MoneySpec.periods.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    periodNode,
                    LocalizedText(
                        ru: "«period»: ожидается одно из: \(allowed) — деньги под угрозой считаются за год",
                        en: "'period': expected one of: \(allowed) — money at stake is a year's revenue"))
            }
        }
        if let exposed, let period, let exposedNode = fields["exposed"] {
            for reference in exposed.references where reference.kind == .metric {
                guard let definition = environment.metricShapes[reference.id], definition.unit == .money,
                    definition.period != period
                else { continue }
                reader.error(
                    exposedNode,
                    LocalizedText(
                        ru:
                            "«exposed»: показатель \(reference.id) — за период \(definition.period.rawValue), а блок money заявляет \(period.rawValue); возьмите показатель за тот же период",
                        en:
                            "'exposed': the metric \(reference.id) covers \(definition.period.rawValue) but the money block states \(period.rawValue); use a metric of the same period"
                    ))
            }
        }
        if let assumption, let known = environment.knownAssumptionIDs, !known.contains(assumption),
            !declaredAssumptions.contains(assumption), let assumptionNode = fields["assumption"]
        {
            let hint = Suggestion.hint(for: assumption, in: known.union(declaredAssumptions))
            reader.error(
                assumptionNode,
                LocalizedText(
                    ru:
                        "«assumption»: допущения «\(assumption)» нет ни в этом файле, ни во встроенных наборах (объявите его в «assumptions:»)\(hint.ru)",
                    en:
                        "'assumption': no assumption '\(assumption)' in this file or the bundled sets (declare it under 'assumptions:')\(hint.en)"
                ))
        }
        guard let exposed, let period, let kind, let assumption else { return nil }
        return MoneySpec(exposed: exposed, period: period, customers: customers, kind: kind, assumption: assumption)
    }
}
