import AuditModel

/// Rulesets layered in order (the core set, an industry set, a consultant's own): a later set
/// overrides an earlier rule with the same id and may disable rules by id; waivers accumulate;
/// the scoring policy is the last one declared.
package struct RulesetStack: Sendable {
    package private(set) var layers: [Ruleset]

    package init(_ layers: [Ruleset]) {
        self.layers = layers
    }

    /// The effective rules, in the order they were first defined.
    package var rules: [Rule] {
        var order: [String] = []
        var byID: [String: Rule] = [:]
        for layer in layers {
            for id in layer.disable { byID[id] = nil }
            for rule in layer.rules {
                if byID[rule.id] == nil && !order.contains(rule.id) { order.append(rule.id) }
                byID[rule.id] = rule
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// Rule ids switched off by a later layer, with the layer that did it.
    package var disabled: [(rule: String, by: String)] {
        layers.flatMap { layer in layer.disable.map { (rule: $0, by: layer.reference) } }
    }

    /// `disable:` ids that no earlier layer defines: they switch nothing off (a typo, or a rule
    /// that a newer version of the bundled set renamed), with the layer that names them.
    package var unknownDisabled: [(rule: String, by: String)] {
        var defined = Set<String>()
        var unknown: [(rule: String, by: String)] = []
        for layer in layers {
            for id in layer.disable where !defined.contains(id) { unknown.append((rule: id, by: layer.reference)) }
            defined.formUnion(layer.rules.map(\.id))
        }
        return unknown
    }

    package var waivers: [Waiver] { layers.flatMap(\.waivers) }

    /// The assumptions in force: a later layer's assumption replaces an earlier one with the same id.
    package var assumptions: [String: Assumption] {
        var byID: [String: Assumption] = [:]
        for layer in layers { for assumption in layer.assumptions { byID[assumption.id] = assumption } }
        return byID
    }

    /// Each rule's money block naming an assumption that no layer declares, with the rule.
    package var unknownAssumptions: [(rule: Rule, assumption: String)] {
        let known = assumptions
        return rules.compactMap { rule in
            guard let id = rule.money?.assumption, known[id] == nil else { return nil }
            return (rule: rule, assumption: id)
        }
    }

    /// The root causes of every layer by id; a later layer's definition wins.
    package var causes: [String: RootCause] {
        var byID: [String: RootCause] = [:]
        for layer in layers { for cause in layer.causes { byID[cause.id] = cause } }
        return byID
    }

    /// The readiness gates of every layer, in the order first declared; a later layer's
    /// definition of a gate replaces an earlier one.
    package var readinessGates: [ReadinessGate] {
        var order: [String] = []
        var byID: [String: ReadinessGate] = [:]
        for layer in layers {
            for gate in layer.readiness {
                if byID[gate.id] == nil { order.append(gate.id) }
                byID[gate.id] = gate
            }
        }
        return order.compactMap { byID[$0] }
    }

    package var policy: ScoringPolicy { layers.compactMap(\.scoring).last ?? .standard }

    /// The `plan:` of the last layer that declares one (a consultant's plan replaces the bundled one whole).
    package var plan: PlanSpec? { layers.compactMap(\.plan).last }

    /// The `configuration:` block of the last layer that declares one.
    package var configuration: ConfigurationSpec? { layers.compactMap(\.configuration).last }

    /// The consultant's notes for the report, later layers over earlier ones.
    package var notes: ConsultantNotes {
        layers.compactMap(\.notes).reduce(ConsultantNotes()) { $0.overlaid(by: $1) }
    }

    /// `id@version` of every layer, comma-separated, as a round records it.
    package var references: String { layers.map(\.reference).joined(separator: ",") }
}

/// The result of one rule test.
public struct RuleTestResult: Sendable {
    package var ruleID: String
    /// Where the test is written.
    public var location: SourceLocation
    package var expected: FindingStatus
    package var actual: FindingStatus
    package var passed: Bool { expected == actual }
}

/// Runs the `tests:` every rule carries, like `opa test`.
public enum RuleTestRunner {
    /// The result of every test of `rules`, evaluated with `policy` on `day`.
    public static func run(_ rules: [Rule], policy: ScoringPolicy, on day: Day) -> [RuleTestResult] {
        let evaluator = RuleEvaluator(policy: policy)
        return rules.flatMap { rule in
            rule.tests.map { test in
                let context = FixedContext(
                    answers: test.answers, metrics: test.metrics, roundDate: day, disputed: test.disputed, respondents: test.respondents)
                let finding = evaluator.evaluate(rule, in: context)
                return RuleTestResult(ruleID: rule.id, location: test.location, expected: test.expect, actual: finding.status)
            }
        }
    }
}
