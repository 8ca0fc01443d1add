import AuditModel
import Expressions

/// Evaluates rules over one round's answers and metrics and records each outcome as a
/// ``Finding``. Pure: no I/O beyond what the context provides.
public struct RuleEvaluator {
    package var policy: ScoringPolicy
    package var waivers: [Waiver]
    /// The assumptions money blocks name (``RulesetStack/assumptions``).
    package var assumptions: [String: Assumption]

    /// An evaluator scoring with `policy`, honouring `waivers`, and pricing money blocks with `assumptions`.
    public init(policy: ScoringPolicy, waivers: [Waiver] = [], assumptions: [String: Assumption] = [:]) {
        self.policy = policy
        self.waivers = waivers
        self.assumptions = assumptions
    }

    /// The finding of every rule, in the rules' order.
    public func evaluate(_ rules: [Rule], in context: some AssessmentContext) -> [Finding] {
        let bindings = Bindings(
            answers: context.answers, metrics: context.metrics, disputed: context.disputed,
            respondents: context.respondents)
        return rules.map { evaluate($0, bindings: bindings, context: context) }
    }

    /// The outcome of one rule.
    /// `text` with its first letter in lower case, unless the first word is an abbreviation (`CRM`).
    static func lowercasedFirst(_ text: String) -> String {
        let firstWord = text.prefix { $0.isLetter }
        guard !(firstWord.count > 1 && firstWord == firstWord.uppercased()), let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    package func evaluate(_ rule: Rule, in context: some AssessmentContext) -> Finding {
        evaluate(
            rule,
            bindings: Bindings(
                answers: context.answers, metrics: context.metrics, disputed: context.disputed,
                respondents: context.respondents), context: context)
    }

    private func evaluate(_ rule: Rule, bindings: Bindings, context: some AssessmentContext) -> Finding {
        // A rule that reads only answers restates what the questionnaire's maturity (the answers
        // half of an area's score) already counts: it finds and explains, and scores nothing, so
        // that one answer is counted once. Rules that read the data carry the rules half.
        let points = rule.checksData ? policy.points(severity: rule.severity, weight: rule.weight) : 0
        var finding = Finding(
            ruleID: rule.id, ruleset: rule.ruleset, area: rule.area, title: rule.title, severity: rule.severity,
            blocking: rule.blocking, status: .ok, observed: nil, observedText: nil, expected: nil, count: nil,
            denominator: nil, samples: nil, pointsPossible: 0, pointsLost: 0, impact: rule.impact, effort: rule.effort,
            money: nil, evidence: nil, recommendation: rule.recommendation, missing: [], waiver: nil,
            previousStatus: context.previousStatus(ruleID: rule.id))
        finding.cause = rule.cause
        finding.strength =
            rule.checksData
            ? rule.strength
            : rule.strength.map {
                RuleText.asTheCompanySays.text(["text": .localized($0.map(Self.lowercasedFirst))])
            }

        func notEvaluable(_ missing: [MissingInput]) -> Finding {
            var result = finding
            let hidden = missing.filter {
                $0.reference.kind == .answer && $0.reason == .unanswered && context.isHidden(questionID: $0.reference.id)
            }
            if !missing.isEmpty && hidden.count == missing.count {
                // Every missing answer belongs to a question skip logic hid: the rule does not apply.
                result.status = .notApplicable
                return result
            }
            result.status = .notEvaluable
            result.missing = missing.map { input in
                MissingEvidence(
                    kind: input.reference.kind == .metric ? .metric : .answer, id: input.reference.id,
                    reason: context.describe(input))
            }
            result.belief = rule.belief?.outcome(finding: result, rule: rule, bindings: bindings, context: context)
            return result
        }

        /// Not evaluable because the rule's arithmetic under `key` gives no finite number.
        func overflowed(_ key: String) -> Finding {
            var result = finding
            result.status = .notEvaluable
            result.missing = [
                MissingEvidence(
                    kind: .computation, id: key,
                    reason: RuleText.theRuleOverflowsGivesA.text(["key": .value(key), "id": .value(rule.id)]))
            ]
            return result
        }

        if let appliesIf = rule.appliesIf {
            let applies = appliesIf.evaluate(with: bindings)
            if applies.overflowed { return overflowed("applies_if") }
            switch applies.value {
            case .bool(false):
                finding.status = .notApplicable
                return finding
            case .bool(true):
                break
            default:
                return notEvaluable(applies.missing)
            }
        }

        let status: FindingStatus
        switch rule.check {
        case .condition(let condition):
            let result = condition.evaluate(with: bindings)
            if result.overflowed { return overflowed("when") }
            guard case .bool(let holds) = result.value else { return notEvaluable(result.missing) }
            status = holds ? .finding : .ok
            if let observed = rule.observed?.evaluate(with: bindings) {
                if observed.overflowed { return overflowed("observed") }
                finding.observed = observed.value.number
                finding.observedText = finding.observed == nil ? observed.value.text : nil
            }
        case .bands(let value, let warnLimit, let failLimit):
            let result = value.evaluate(with: bindings)
            if result.overflowed { return overflowed("value") }
            guard case .number(let observed) = result.value else { return notEvaluable(result.missing) }
            // Thresholds worked out from the company's data and answers.
            var resolved: [Band?] = []
            for (key, limit) in [("warn", warnLimit), ("fail", failLimit)] {
                guard let limit else {
                    resolved.append(nil)
                    continue
                }
                switch limit.threshold {
                case .constant(let threshold): resolved.append(Band(limit.comparison, threshold))
                case .expression(let expression):
                    let threshold = expression.evaluate(with: bindings)
                    if threshold.overflowed { return overflowed(key) }
                    guard case .number(let number) = threshold.value else { return notEvaluable(threshold.missing) }
                    resolved.append(Band(limit.comparison, number))
                }
            }
            let warn = resolved[0], fail = resolved[1]
            finding.observed = observed
            finding.expected = expectedText(warn: warn, fail: fail, unit: rule.unit)
            if let fail, fail.holds(for: observed) {
                status = .finding
            } else if let warn, warn.holds(for: observed) {
                status = .warn
            } else {
                status = .ok
            }
        }
        finding.status = status
        for (key, expression, path) in [("count", rule.count, \Finding.count), ("denominator", rule.denominator, \.denominator)] {
            guard let result = expression?.evaluate(with: bindings) else { continue }
            if result.overflowed { return overflowed(key) }
            finding[keyPath: path] = result.value.number
        }
        // Money is at stake only where there is a gap: a check that passed puts nothing at risk.
        if status == .finding || status == .warn, let spec = rule.money, let assumption = assumptions[spec.assumption] {
            let exposed = spec.exposed.evaluate(with: bindings)
            if exposed.overflowed { return overflowed("money.exposed") }
            let customers = spec.customers?.evaluate(with: bindings)
            if customers?.overflowed == true { return overflowed("money.customers") }
            if let amount = exposed.value.number, amount > 0 {
                let estimate = MoneyEstimate(
                    kind: spec.kind, period: spec.period, exposed: amount,
                    customers: customers?.value.number, assumption: assumption)
                guard estimate.high.isFinite else { return overflowed("money.range") }
                finding.money = estimate
            }
        }
        // Weights and severity points are bounded by the loader; a policy built in code is not.
        guard points.isFinite else { return overflowed("weight") }
        finding.pointsPossible = points
        switch status {
        case .finding: finding.pointsLost = points
        case .warn: finding.pointsLost = points * policy.warnFraction
        default: finding.pointsLost = 0
        }
        if finding.isGap, let spec = rule.samples {
            finding.samples = context.samples(spec)
        }
        finding.belief = rule.belief?.outcome(finding: finding, rule: rule, bindings: bindings, context: context)
        if let evidence = rule.evidence {
            finding.evidence = EvidenceTemplate(evidence).render(finding: finding, rule: rule, bindings: bindings, context: context)
        }
        if let waiver = waivers.last(where: { $0.rule == rule.id && $0.until >= context.roundDate }) {
            finding.waiver = waiver
            if finding.isGap || finding.status == .ok {
                finding.status = .waived
                finding.pointsPossible = 0
                finding.pointsLost = 0
            }
        }
        return finding
    }

    private func expectedText(warn: Band?, fail: Band?, unit: String?) -> LocalizedText {
        func text(_ language: Language) -> String {
            let formatter = Formatter(language)
            let names = (RuleText.warn.text()[language], RuleText.fail.text()[language])
            return [warn.map { (names.0, $0) }, fail.map { (names.1, $0) }].compactMap { $0 }.map { name, band in
                "\(name) \(band.comparison.rawValue) \(EvidenceTemplate.format(band.threshold, unit, formatter))"
            }.joined(separator: ", ")
        }
        return .inEach(text)
    }
}

enum NumberText {
    /// A threshold as written in the ruleset: `0.3`, `10`.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15, let whole = Int64(checked: value) { return String(whole) }
        return String(value)
    }
}

extension Value {
    var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    var text: String? {
        switch self {
        case .null: nil
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): NumberText.plain(number)
        case .string(let text): text
        case .date(let day): day.iso
        case .set(let items): items.sorted().joined(separator: ", ")
        case .table(let rows): rows.keys.sorted().joined(separator: ", ")
        }
    }
}
