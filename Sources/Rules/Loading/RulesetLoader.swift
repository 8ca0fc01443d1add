import AuditModel
import Expressions
import Foundation
import Yams

/// Loads ruleset files, checking every expression against the questionnaire's answers and the
/// metric catalogue, and reporting every problem of a file with its line and column.
public struct RulesetLoader: Sendable {
    /// What the rules may reference.
    public var environment: RuleEnvironment

    /// A loader checking rules against `environment` (answers, metrics, areas, sample sets).
    public init(environment: RuleEnvironment) {
        self.environment = environment
    }

    /// Loads one file; throws a ``DiagnosticList`` holding all of its errors.
    package func load(path: String) throws -> Ruleset {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(
                at: SourceLocation(file: path),
                RuleText.cannotReadItDoesNotExist.text(["path": .value(path)]))
        }
        return try load(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Loads a ruleset from its text; `file` names it in messages.
    package func load(text: String, file: String) throws -> Ruleset {
        let (ruleset, diagnostics) = lint(text: text, file: file)
        if let ruleset, !diagnostics.contains(where: { $0.severity == .error }) { return ruleset }
        throw DiagnosticList(diagnostics)
    }

    /// Every problem of the file, and the ruleset when it could be read.
    public func lint(text: String, file: String) -> (Ruleset?, [Diagnostic]) {
        let source: YAMLSource
        do {
            source = try YAMLSource(text: text, file: file)
        } catch {
            return (nil, [error])
        }
        var builder = RulesetBuilder(reader: NodeReader(source: source, text: text), environment: environment)
        let ruleset = builder.ruleset()
        return (ruleset, builder.reader.diagnostics)
    }
}

/// Builds a ``Ruleset`` from YAML nodes, reporting every problem through the shared ``NodeReader``.
struct RulesetBuilder {
    var reader: NodeReader
    let environment: RuleEnvironment
    /// The ids of the file's own `causes:`, read before its rules.
    var causeIDs: Set<String> = []
    /// The assumption ids this file declares (read before its rules, which may name them).
    var declaredAssumptions: Set<String> = []

    static let topKeys = [
        "schema", "id", "version", "title", "questionnaire", "scoring", "rules", "disable", "waivers", "configuration", "report",
        "assumptions", "causes", "readiness", "plan",
    ]
    static let ruleKeys = [
        "id", "area", "title", "severity", "blocking", "weight", "impact", "effort", "applies_if", "when", "value", "warn",
        "fail", "observed", "count", "denominator", "money", "money_at_stake", "evidence", "unit", "samples", "recommendation",
        "recommends", "tests", "belief", "cause", "strength",
    ]
    static let schema = "crm-audit/ruleset/1"
    static let what = RuleText.ruleset.text()

    mutating func ruleset() -> Ruleset? {
        guard let top = reader.mapping(reader.source.root, Self.what, allowed: Self.topKeys) else { return nil }
        if let schema = reader.string(top, "schema", required: true, Self.what), schema != Self.schema, let node = top["schema"] {
            reader.error(
                node,
                RuleText.unknownFormatExpected.text(["schema": .value(schema), "schema2": .value(Self.schema)]))
        }
        let id = reader.string(top, "id", required: true, Self.what) ?? ""
        let version = reader.string(top, "version", required: true, Self.what) ?? ""
        let title = reader.text(top, "title", Self.what) ?? LocalizedText(both: id)
        let reference = "\(id)@\(version)"
        var scoring: ScoringPolicy?
        if let node = top["scoring"] { scoring = ScoringPolicyReader.read(node, &reader) }
        let assumptions = self.assumptions(top, ruleset: reference)
        declaredAssumptions = Set(assumptions.map(\.id))
        let causes = rootCauses(top)
        causeIDs = Set(causes.map(\.id))
        var rules: [Rule] = []
        var seen: [String: Node] = [:]
        for node in reader.sequence(top, "rules", Self.what) ?? [] {
            guard let rule = rule(node, ruleset: reference) else { continue }
            if let first = seen[rule.id] {
                let line = reader.location(first).line.map(String.init) ?? "?"
                reader.error(
                    node,
                    RuleText.ruleIsAlreadyDefinedOnLine.text(["id": .value(rule.id), "line": .value(line)]))
                continue
            }
            seen[rule.id] = node
            rules.append(rule)
        }
        var waivers: [Waiver] = []
        for item in reader.sequence(top, "waivers", Self.what) ?? [] {
            if let waiver = waiver(item) { waivers.append(waiver) }
        }
        let disable = strings(top, "disable", Self.what)
        checkDisabled(in: top, own: Set(rules.map(\.id)))
        let readiness = readinessGates(top)
        let plan = plan(top)
        let configuration = top["configuration"].flatMap { configurationSpec($0) }
        let notes = top["report"].flatMap { self.notes($0) }
        var ruleset = Ruleset(
            id: id, version: version, title: title, file: reader.source.file,
            questionnaire: reader.string(top, "questionnaire", Self.what), scoring: scoring, rules: rules,
            disable: disable, waivers: waivers, configuration: configuration, notes: notes, assumptions: assumptions, causes: causes)
        ruleset.readiness = readiness
        ruleset.plan = plan
        return ruleset
    }

    /// Warns about each `disable:` id that no layer below defines (when they are known): a typo
    /// there would otherwise leave the rule on without a word.
    private mutating func checkDisabled(in top: Fields, own: Set<String>) {
        guard let known = environment.knownRuleIDs, let items = top["disable"]?.sequence else { return }
        for item in items {
            guard let id = item.scalar?.string, !known.contains(id) else { continue }
            let hint =
                own.contains(id)
                ? RuleText.itIsARuleOfThis.text()
                : RuleText.checkTheSpellingTheBundledRules.text()
            reader.report(
                Diagnostic(
                    .warning, at: reader.location(item),
                    RuleText.disableNoBundledRulesetHasA.text(["id": .value(id), "hint": .localized(hint)])))
        }
    }

    private mutating func rule(_ node: Node, ruleset: String) -> Rule? {
        let peeked = node.mapping?["id"]?.string
        let named = peeked.map { RuleText.ruleNamed.text(["id": .text($0)]) } ?? RuleText.aRule.text()
        guard let fields = reader.mapping(node, named, allowed: Self.ruleKeys),
            let id = reader.string(fields, "id", required: true, named)
        else { return nil }
        let what = RuleText.rule.text(["id": .value(id)])
        let area = reader.string(fields, "area", required: true, what) ?? ""
        if let known = environment.areas, !area.isEmpty, !known.contains(area), let areaNode = fields["area"] {
            reader.error(
                areaNode,
                RuleText.unknownAreaTheQuestionnaireAreas.text([
                    "area": .value(area), "known": .value(known.sorted().joined(separator: ", ")),
                ]))
        }
        let title = reader.text(fields, "title", what)
        let recommendation = reader.text(fields, "recommendation", what)
        let severity = choice(Severity.self, fields, "severity", required: true, what) ?? .medium
        let impact = choice(Level3.self, fields, "impact", what) ?? .medium
        let effort = choice(Level3.self, fields, "effort", what) ?? .medium
        var weight = reader.number(fields, "weight", what) ?? 1
        if !Rule.weights.contains(weight), let weightNode = fields["weight"] {
            let range = "\(NumberText.plain(Rule.weights.lowerBound))…\(NumberText.plain(Rule.weights.upperBound))"
            reader.error(
                weightNode,
                RuleText.theWeightIsOutsideAWeight.text(["plain": .value(NumberText.plain(weight)), "range": .value(range)]))
            weight = 1
        }
        let appliesIf = expression(fields, "applies_if", expecting: .bool)
        let check: RuleCheck?
        switch (fields["when"], fields["value"]) {
        case (_?, let value?):
            reader.error(
                value,
                RuleText.hasBothWhenAndValueKeep.text(["what": .localized(what)]))
            check = nil
        case (_?, nil):
            check = expression(fields, "when", expecting: .bool).map(RuleCheck.condition)
        case (nil, _?):
            let warn = band(fields, "warn"), fail = band(fields, "fail")
            if fields["warn"] == nil && fields["fail"] == nil {
                reader.error(
                    node,
                    RuleText.withValueNeedsAWarnOr.text(["what": .localized(what)]))
            }
            check = expression(fields, "value", expecting: .number).map { RuleCheck.bands(value: $0, warn: warn, fail: fail) }
        case (nil, nil):
            reader.error(
                node,
                RuleText.hasNoConditionGiveWhenOr.text(["what": .localized(what)]))
            check = nil
        }
        var sampleSpec: SampleSpec?
        if let node = fields["samples"] { sampleSpec = samples(node) }
        var recommends: [ConfigFragment] = []
        for item in reader.sequence(fields, "recommends", what) ?? [] {
            if let fragment = fragment(item) { recommends.append(fragment) }
        }
        var tests: [RuleTest] = []
        for item in reader.sequence(fields, "tests", what) ?? [] {
            if let test = test(item, rule: what) { tests.append(test) }
        }
        let observed = expression(fields, "observed", expecting: nil)
        let count = expression(fields, "count", expecting: .number)
        let denominator = expression(fields, "denominator", expecting: .number)
        let money = fields["money"].flatMap { self.money($0, rule: what) }
        if let legacy = fields["money_at_stake"] {
            reader.error(
                legacy,
                RuleText.moneyAtStakeIsReplacedBy.text())
        }
        let evidence = reader.text(fields, "evidence", required: false, what)
        if let evidence, let evidenceNode = fields["evidence"] { checkSlots(evidence, at: evidenceNode) }
        let unit = unit(fields, check: check, what)
        let belief = fields["belief"].flatMap { self.belief($0, rule: what) }
        let cause = causeReference(fields, what)
        let strength = reader.text(fields, "strength", required: false, what)
        guard let title, let recommendation, let check else { return nil }
        var rule = Rule(
            id: id, area: area, title: title, severity: severity, blocking: reader.bool(fields, "blocking", what) ?? false,
            weight: weight, impact: impact, effort: effort, appliesIf: appliesIf, check: check, observed: observed, count: count,
            denominator: denominator, money: money, evidence: evidence, unit: unit, samples: sampleSpec,
            recommendation: recommendation, recommends: recommends, tests: tests, location: reader.location(node), ruleset: ruleset,
            belief: belief, cause: cause)
        rule.strength = strength
        return rule
    }

    /// Parses and type-checks an expression field; a constant part whose arithmetic overflows
    /// (`1e308 * 10`) is an error.
    mutating func expression(_ fields: Fields, _ key: String, expecting type: ValueType?) -> Expressions.Expression? {
        guard let (parsed, _) = reader.expression(fields, key) else { return nil }
        do throws(DiagnosticList) {
            _ = try parsed.check(in: environment.types, expecting: type)
        } catch {
            for diagnostic in error.diagnostics { reader.report(diagnostic) }
            return nil
        }
        let overflows = parsed.overflowingConstants
        for location in overflows {
            reader.report(
                Diagnostic(
                    at: location,
                    RuleText.theArithmeticOverflowsGivesANumber.text(["key": .value(key)])))
        }
        return overflows.isEmpty ? parsed : nil
    }

    /// Every `{{name|format}}` slot of an evidence template names something the engine can fill.
    mutating func checkSlots(_ evidence: LocalizedText, at node: Node, field: String = "evidence") {
        for text in Language.allCases.map({ evidence[$0] }) {
            for (name, format) in EvidenceTemplate.slots(in: text) {
                let known: Bool
                if name.hasPrefix("metric.") {
                    known = !environment.checksMetrics || environment.types.metrics[String(name.dropFirst(7))] != nil
                } else if name.hasPrefix("answer.") {
                    known = environment.areas == nil || environment.types.answers[String(name.dropFirst(7))] != nil
                } else {
                    known = EvidenceTemplate.names.contains(name)
                }
                if !known {
                    let hint: LocalizedText
                    if name.hasPrefix("metric.") {
                        hint = Suggestion.hint(for: String(name.dropFirst(7)), in: environment.types.metrics.keys)
                    } else if name.hasPrefix("answer.") {
                        hint = Suggestion.hint(for: String(name.dropFirst(7)), in: environment.types.answers.keys)
                    } else {
                        hint = Suggestion.hint(for: name, in: EvidenceTemplate.names)
                    }
                    reader.error(
                        node,
                        RuleText.inUnknownNameExpectedMetricId.text([
                            "name": .value(name), "field": .value(field), "hint": .localized(hint),
                            "names": .value(EvidenceTemplate.names.sorted().joined(separator: ", ")),
                        ]))
                }
                if let format, !EvidenceTemplate.formats.contains(format) {
                    reader.error(
                        node,
                        RuleText.inUnknownFormatExpectedOneOf.text([
                            "name": .value(name), "value": .value(format), "field": .value(field),
                            "formats": .value(EvidenceTemplate.formats.sorted().joined(separator: ", ")),
                        ]))
                }
            }
        }
    }

    private mutating func band(_ fields: Fields, _ key: String) -> BandLimit? {
        guard let node = fields[key] else { return nil }
        if let scalar = node.scalar, Band(parsing: scalar.string) == nil, let limit = bandExpression(node, scalar, key) {
            return limit
        }
        guard let text = node.scalar?.string, let band = Band(parsing: text) else {
            reader.error(
                node,
                RuleText.expectedABandSuchAsOr.text(["key": .value(key)]))
            return nil
        }
        guard Band.thresholds.contains(band.threshold) else {
            reader.error(
                node,
                RuleText.theThresholdMustBeAFinite.text(["key": .value(key)]))
            return nil
        }
        return BandLimit(band)
    }

    /// A band whose threshold is an expression: the comparison, then a number-valued expression
    /// of metrics and answers. `nil` (and no diagnostic) when the text does not start with a
    /// comparison, so that the caller reports the usual "expected a band".
    private mutating func bandExpression(_ node: Node, _ scalar: Node.Scalar, _ key: String) -> BandLimit? {
        let text = scalar.string
        let leading = text.prefix { $0 == " " }.count
        let trimmed = text.dropFirst(leading)
        guard
            let comparison = [Band.Comparison.greaterOrEqual, .lessOrEqual, .greater, .less].first(where: { trimmed.hasPrefix($0.rawValue) }
            )
        else {
            return nil
        }
        let rest = trimmed.dropFirst(comparison.rawValue.count)
        let offset = leading + comparison.rawValue.count
        guard !rest.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let (origin, indent) = reader.expressionOrigin(of: node, scalar: scalar)
        let start = SourceLocation(file: origin.file, line: origin.line, column: origin.column.map { $0 + offset })
        let parsed: Expressions.Expression
        do throws(DiagnosticList) {
            parsed = try Expressions.Expression.parse(String(rest), origin: start, continuationIndent: indent)
            _ = try parsed.check(in: environment.types, expecting: .number)
        } catch {
            for diagnostic in error.diagnostics { reader.report(diagnostic) }
            return BandLimit(comparison, .constant(0))
        }
        guard parsed.overflowingConstants.isEmpty else {
            reader.error(
                node,
                RuleText.theArithmeticOverflowsGivesANumber.text(["key": .value(key)]))
            return BandLimit(comparison, .constant(0))
        }
        return BandLimit(comparison, .expression(parsed))
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ fields: Fields, _ key: String, required: Bool = false, _ what: LocalizedText
    ) -> T? where T.RawValue == String {
        guard let text = reader.string(fields, key, required: required, what) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            if let node = fields[key] {
                reader.error(
                    node,
                    RuleText.isNotOneOf.text(["key": .value(key), "text": .value(text), "allowed": .value(allowed)]))
            }
            return nil
        }
        return value
    }

    /// `unit:` when given; else the unit of the one metric a `value` expression names.
    private mutating func unit(_ fields: Fields, check: RuleCheck?, _ what: LocalizedText) -> String? {
        if let text = reader.string(fields, "unit", what) {
            guard EvidenceTemplate.formats.contains(text) else {
                if let node = fields["unit"] {
                    let formats = EvidenceTemplate.formats.sorted().joined(separator: ", ")
                    reader.error(
                        node, RuleText.unitExpectedOneOf2.text(["formats": .value(formats)]))
                }
                return nil
            }
            return text
        }
        guard case .bands(let value, _, _)? = check else { return nil }
        let metrics = Set(value.references.filter { $0.kind == .metric }.map(\.id))
        guard metrics.count == 1, let id = metrics.first, let unit = environment.metricShapes[id]?.unit else { return nil }
        switch unit {
        case .share: return "percent"
        case .change: return "change"
        case .points: return "points"
        case .money: return "money"
        case .count: return "count"
        case .customers: return "customers"
        case .days: return "days"
        case .ratio, .date: return nil
        }
    }

    private mutating func samples(_ node: Node) -> SampleSpec? {
        let what = RuleText.samples.text()
        guard let fields = reader.mapping(node, what, allowed: ["set", "limit", "fields"]),
            let set = reader.string(fields, "set", required: true, what)
        else { return nil }
        if let known = environment.sampleSets, !known.contains(set), let setNode = fields["set"] {
            reader.error(
                setNode,
                RuleText.unknownSampleSetKnown.text(["set": .value(set), "known": .value(known.sorted().joined(separator: ", "))]))
        }
        let limit = reader.integer(fields, "limit", what) ?? 20
        return SampleSpec(set: set, limit: max(1, min(limit, 100)), fields: strings(fields, "fields", what))
    }

    private mutating func fragment(_ node: Node) -> ConfigFragment? {
        let what = RuleText.recommends.text()
        guard let fields = reader.mapping(node, what, allowed: ["section", "id", "title", "detail", "metric", "target"]) else { return nil }
        let section = choice(ConfigSection.self, fields, "section", required: true, what)
        let id = reader.string(fields, "id", required: true, what)
        let title = reader.text(fields, "title", what)
        let metric = reader.string(fields, "metric", what)
        if let metric, environment.checksMetrics, environment.types.metrics[metric] == nil, let metricNode = fields["metric"] {
            let hint = Suggestion.hint(for: metric, in: environment.types.metrics.keys)
            reader.error(
                metricNode, RuleText.unknownMetric2.text(["metric": .value(metric), "hint": .localized(hint)]))
        }
        guard let section, let id, let title else { return nil }
        return ConfigFragment(
            section: section, id: id, title: title, detail: reader.text(fields, "detail", required: false, what),
            metric: metric, target: reader.string(fields, "target", what))
    }

    private mutating func waiver(_ node: Node) -> Waiver? {
        let what = RuleText.waiver.text()
        guard let fields = reader.mapping(node, what, allowed: ["rule", "reason", "by", "until"]) else { return nil }
        let rule = reader.string(fields, "rule", required: true, what)
        let reason = reader.text(fields, "reason", what)
        let by = reader.string(fields, "by", required: true, what)
        let untilText = reader.string(fields, "until", required: true, what)
        let until = untilText.flatMap { Day(iso: $0) }
        if untilText != nil && until == nil, let untilNode = fields["until"] {
            reader.error(untilNode, RuleText.untilExpectedADateYyyyMm.text())
        }
        guard let rule, let reason, let by, let until else { return nil }
        return Waiver(rule: rule, reason: reason, acceptedBy: by, until: until)
    }

    mutating func strings(_ fields: Fields, _ key: String, _ what: LocalizedText) -> [String] {
        var result: [String] = []
        for item in reader.sequence(fields, key, what) ?? [] {
            guard let text = item.scalar?.string else {
                reader.error(item, RuleText.expectedAString.text(["key": .value(key)]))
                continue
            }
            result.append(text)
        }
        return result
    }
}
