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
            let what = RuleText.assumption.text()
            guard let fields = reader.mapping(node, what, allowed: ["id", "title", "low", "high", "source", "measured"]),
                let id = reader.string(fields, "id", required: true, what)
            else { continue }
            let named = RuleText.assumption2.text(["id": .value(id)])
            let title = reader.text(fields, "title", named)
            let source = reader.text(fields, "source", named)
            let low = reader.number(fields, "low", named), high = reader.number(fields, "high", named)
            if fields["low"] == nil || fields["high"] == nil {
                reader.error(
                    node,
                    RuleText.needsLowAndHighSharesFrom.text(["named": .localized(named)]))
            }
            guard let title, let source, let low, let high else { continue }
            guard (0...1).contains(low), (0...1).contains(high), low <= high else {
                reader.error(
                    node,
                    RuleText.inLowAndHighAreShares.text(["named": .localized(named)]))
                continue
            }
            guard seen.insert(id).inserted else {
                reader.error(
                    node,
                    RuleText.assumptionIsAlreadyDeclaredInThis.text(["id": .value(id)]))
                continue
            }
            let measured = reader.string(fields, "measured", named)
            if let measured, environment.checksMetrics, environment.types.metrics[measured] == nil, let measuredNode = fields["measured"] {
                let hint = Suggestion.hint(for: measured, in: environment.types.metrics.keys)
                reader.error(
                    measuredNode,
                    RuleText.measuredUnknownMetric.text(["measured": .value(measured), "hint": .localized(hint)]))
            }
            result.append(Assumption(id: id, title: title, low: low, high: high, source: source, ruleset: ruleset, measuredBy: measured))
        }
        return result
    }

    /// Reads a rule's `money:` block. Every money metric in `exposed` must cover the stated period,
    /// so that an all-history amount is never shown as a year's revenue at risk.
    mutating func money(_ node: Node, rule: LocalizedText) -> MoneySpec? {
        let what = RuleText.moneyOf.text(["rule": .localized(rule)])
        guard let fields = reader.mapping(node, what, allowed: ["exposed", "period", "customers", "kind", "assumption"]) else { return nil }
        if fields["exposed"] == nil {
            reader.error(node, RuleText.exposedIsMissing.text(["what": .localized(what)]))
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
                    RuleText.periodExpectedOneOfMoneyAt.text(["allowed": .value(allowed)]))
            }
        }
        if let exposed, let period, let exposedNode = fields["exposed"] {
            for reference in exposed.references where reference.kind == .metric {
                guard let definition = environment.metricShapes[reference.id], definition.unit == .money,
                    definition.period != period
                else { continue }
                reader.error(
                    exposedNode,
                    RuleText.exposedTheMetricCoversButThe.text([
                        "id": .value(reference.id), "period": .value(definition.period.rawValue), "period2": .value(period.rawValue),
                    ]))
            }
        }
        if let assumption, let known = environment.knownAssumptionIDs, !known.contains(assumption),
            !declaredAssumptions.contains(assumption), let assumptionNode = fields["assumption"]
        {
            let hint = Suggestion.hint(for: assumption, in: known.union(declaredAssumptions))
            reader.error(
                assumptionNode,
                RuleText.assumptionNoAssumptionInThisFile.text(["assumption": .value(assumption), "hint": .localized(hint)]))
        }
        guard let exposed, let period, let kind, let assumption else { return nil }
        return MoneySpec(exposed: exposed, period: period, customers: customers, kind: kind, assumption: assumption)
    }
}
