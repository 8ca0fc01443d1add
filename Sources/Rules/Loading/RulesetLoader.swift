import AuditModel
import Expressions
import Analytics
import Foundation
import Yams

/// Loads ruleset files, checking every expression against the questionnaire's answers and the
/// metric catalogue, and reporting every problem of a file with its line and column.
public struct RulesetLoader: Sendable {
    /// What the rules may reference.
    public var environment: RuleEnvironment

    public init(environment: RuleEnvironment) {
        self.environment = environment
    }

    /// Loads one file; throws a ``DiagnosticList`` holding all of its errors.
    public func load(path: String) throws -> Ruleset {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Diagnostic(at: SourceLocation(file: path),
                             LocalizedText(ru: "не удалось прочитать файл: \(error.localizedDescription)",
                                           en: "cannot read the file: \(error.localizedDescription)"))
        }
        return try load(text: text, file: path)
    }

    /// Loads a ruleset from its text; `file` names it in messages.
    public func load(text: String, file: String) throws -> Ruleset {
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
        let reader = YAMLReader(source)
        let ruleset = read(reader)
        return (ruleset, reader.diagnostics)
    }

    private static let topKeys: Set<String> = [
        "schema", "id", "version", "title", "questionnaire", "scoring", "rules", "disable", "waivers",
    ]
    private static let ruleKeys: Set<String> = [
        "id", "area", "title", "severity", "blocking", "weight", "impact", "effort", "applies_if", "when",
        "value", "warn", "fail", "observed", "count", "denominator", "money_at_stake", "evidence", "unit", "samples",
        "recommendation", "recommends", "tests",
    ]

    private func read(_ reader: YAMLReader) -> Ruleset? {
        guard let top = reader.mapping(reader.source.root, "ruleset") else { return nil }
        reader.checkKeys(top, allowed: Self.topKeys, in: "ruleset")
        let root = reader.source.root
        if let schema = reader.string(top, "schema", in: "ruleset", required: true, at: root), schema != "crm-audit/ruleset/1" {
            reader.report(at: reader.value(top, "schema"), ru: "неизвестная версия формата «\(schema)»; ожидается crm-audit/ruleset/1",
                          en: "unknown format '\(schema)'; expected crm-audit/ruleset/1")
        }
        let id = reader.string(top, "id", in: "ruleset", required: true, at: root) ?? ""
        let version = reader.string(top, "version", in: "ruleset", required: true, at: root) ?? ""
        let title = reader.localized(top, "title", in: "ruleset", required: true, at: root) ?? LocalizedText(both: id)
        let reference = "\(id)@\(version)"
        let scoring = reader.value(top, "scoring").flatMap { ScoringPolicyReader(reader: reader).read($0) }
        var rules: [Rule] = []
        var seen: [String: Yams.Node] = [:]
        for node in reader.sequence(reader.value(top, "rules"), "rules") ?? [] {
            guard let rule = readRule(node, reader, ruleset: reference) else { continue }
            if let first = seen[rule.id] {
                let line = reader.source.location(of: first).line.map(String.init) ?? "?"
                reader.report(at: node, ru: "правило «\(rule.id)» уже определено в строке \(line)",
                              en: "rule '\(rule.id)' is already defined on line \(line)")
                continue
            }
            seen[rule.id] = node
            rules.append(rule)
        }
        let waivers = (reader.sequence(reader.value(top, "waivers"), "waivers") ?? []).compactMap { readWaiver($0, reader) }
        return Ruleset(id: id, version: version, title: title, file: reader.file,
                       questionnaire: reader.string(top, "questionnaire", in: "ruleset"), scoring: scoring, rules: rules,
                       disable: reader.strings(top, "disable", in: "ruleset"), waivers: waivers)
    }

    private func readRule(_ node: Yams.Node, _ reader: YAMLReader, ruleset: String) -> Rule? {
        guard let pairs = reader.mapping(node, "rule") else { return nil }
        guard let id = reader.string(pairs, "id", in: "rule", required: true, at: node) else { return nil }
        let what = "rule \(id)"
        reader.checkKeys(pairs, allowed: Self.ruleKeys, in: what)
        let area = reader.string(pairs, "area", in: what, required: true, at: node) ?? ""
        if let known = environment.areas, !area.isEmpty, !known.contains(area) {
            reader.report(at: reader.value(pairs, "area"), ru: "неизвестная область «\(area)»; области анкеты: \(known.sorted().joined(separator: ", "))",
                          en: "unknown area '\(area)'; the questionnaire's areas are: \(known.sorted().joined(separator: ", "))")
        }
        let title = reader.localized(pairs, "title", in: what, required: true, at: node)
        let recommendation = reader.localized(pairs, "recommendation", in: what, required: true, at: node)
        let severity = enumValue(Severity.self, pairs, "severity", reader, what: what, required: true, at: node) ?? .medium
        let impact = enumValue(Level3.self, pairs, "impact", reader, what: what) ?? .medium
        let effort = enumValue(Level3.self, pairs, "effort", reader, what: what) ?? .medium
        let weight = reader.number(pairs, "weight", in: what) ?? 1
        if weight < 0 { reader.report(at: reader.value(pairs, "weight"), ru: "вес не может быть отрицательным", en: "the weight cannot be negative") }

        let appliesIf = expression(pairs, "applies_if", reader, expecting: .bool)
        let check: RuleCheck?
        let when = reader.value(pairs, "when")
        let value = reader.value(pairs, "value")
        switch (when, value) {
        case (_?, _?):
            reader.report(at: value, ru: "в \(what) заданы и «when», и «value»: оставьте одно", en: "\(what) has both 'when' and 'value': keep one")
            check = nil
        case (_?, nil):
            check = expression(pairs, "when", reader, expecting: .bool).map(RuleCheck.condition)
        case (nil, _?):
            let warn = band(pairs, "warn", reader)
            let fail = band(pairs, "fail", reader)
            if warn == nil && fail == nil {
                reader.report(at: node, ru: "в \(what) с «value» нужна хотя бы одна граница: «warn» или «fail»",
                              en: "\(what) with 'value' needs a 'warn' or 'fail' band")
            }
            check = expression(pairs, "value", reader, expecting: .number).map { RuleCheck.bands(value: $0, warn: warn, fail: fail) }
        case (nil, nil):
            reader.report(at: node, ru: "в \(what) нет условия: задайте «when» или «value» с границами",
                          en: "\(what) has no condition: give 'when', or 'value' with bands")
            check = nil
        }
        let samples = reader.value(pairs, "samples").flatMap { readSamples($0, reader, what: what) }
        let recommends = (reader.sequence(reader.value(pairs, "recommends"), "recommends") ?? []).compactMap {
            readFragment($0, reader, what: what)
        }
        let tests = (reader.sequence(reader.value(pairs, "tests"), "tests") ?? []).compactMap { readTest($0, reader, what: what) }
        guard let title, let recommendation, let check else { return nil }
        return Rule(
            id: id, area: area, title: title, severity: severity, blocking: reader.bool(pairs, "blocking", in: what) ?? false,
            weight: weight, impact: impact, effort: effort, appliesIf: appliesIf, check: check,
            observed: expression(pairs, "observed", reader, expecting: nil),
            count: expression(pairs, "count", reader, expecting: .number),
            denominator: expression(pairs, "denominator", reader, expecting: .number),
            moneyAtStake: expression(pairs, "money_at_stake", reader, expecting: .number),
            evidence: reader.localized(pairs, "evidence", in: what),
            unit: unit(pairs, reader, check: check, what: what), samples: samples, recommendation: recommendation,
            recommends: recommends, tests: tests, location: reader.source.location(of: node), ruleset: ruleset)
    }

    private func expression(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String,
                            _ reader: YAMLReader, expecting type: ValueType?) -> Expressions.Expression? {
        guard let node = reader.value(pairs, key) else { return nil }
        guard let text = node.string else {
            reader.report(at: node, ru: "«\(key)»: ожидается выражение в виде строки", en: "'\(key)': expected an expression as a string")
            return nil
        }
        do {
            let parsed = try Expressions.Expression.parse(text, origin: reader.expressionOrigin(of: node))
            _ = try parsed.check(in: environment.types, expecting: type)
            return parsed
        } catch let list as DiagnosticList {
            reader.report(list.diagnostics)
        } catch let diagnostic as Diagnostic {
            reader.report([diagnostic])
        } catch {
            reader.report(at: node, ru: "ошибка в выражении: \(error)", en: "error in the expression: \(error)")
        }
        return nil
    }

    /// `unit:` when given; else the unit of the one metric a `value` expression names.
    private func unit(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ reader: YAMLReader, check: RuleCheck?,
                      what: String) -> String? {
        if let text = reader.string(pairs, "unit", in: what) {
            guard EvidenceTemplate.formats.contains(text) else {
                reader.report(at: reader.value(pairs, "unit"), ru: "«unit»: ожидается одно из: \(EvidenceTemplate.formats.sorted().joined(separator: ", "))",
                              en: "'unit': expected one of: \(EvidenceTemplate.formats.sorted().joined(separator: ", "))")
                return nil
            }
            return text
        }
        guard case .bands(let value, _, _)? = check else { return nil }
        let metrics = Set(value.references.filter { $0.kind == .metric }.map(\.id))
        guard metrics.count == 1, let id = metrics.first, let unit = MetricCatalogue.definition(of: id)?.unit else { return nil }
        switch unit {
        case .share: return "percent"
        case .money: return "money"
        case .count: return "count"
        case .days: return "days"
        default: return nil
        }
    }

    private func band(_ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, _ reader: YAMLReader) -> Band? {
        guard let node = reader.value(pairs, key) else { return nil }
        guard let text = node.string, let band = Band(parsing: text) else {
            reader.report(at: node, ru: "«\(key)»: ожидается граница вида \"> 0.3\" или \"<= 10\"",
                          en: "'\(key)': expected a band such as \"> 0.3\" or \"<= 10\"")
            return nil
        }
        return band
    }

    private func enumValue<T: RawRepresentable>(
        _ type: T.Type, _ pairs: [(key: String, keyNode: Yams.Node, value: Yams.Node)], _ key: String, _ reader: YAMLReader,
        what: String, required: Bool = false, at parent: Yams.Node? = nil
    ) -> T? where T.RawValue == String, T: CaseIterable {
        guard let text = reader.string(pairs, key, in: what, required: required, at: parent) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report(at: reader.value(pairs, key), ru: "«\(key)»: «\(text)» не из списка: \(allowed)",
                          en: "'\(key)': '\(text)' is not one of: \(allowed)")
            return nil
        }
        return value
    }

    private func readSamples(_ node: Yams.Node, _ reader: YAMLReader, what: String) -> SampleSpec? {
        guard let pairs = reader.mapping(node, "samples") else { return nil }
        reader.checkKeys(pairs, allowed: ["set", "limit", "fields"], in: "samples")
        guard let set = reader.string(pairs, "set", in: "samples", required: true, at: node) else { return nil }
        if let known = environment.sampleSets, !known.contains(set) {
            reader.report(at: reader.value(pairs, "set"), ru: "неизвестный набор примеров «\(set)»; есть: \(known.sorted().joined(separator: ", "))",
                          en: "unknown sample set '\(set)'; known: \(known.sorted().joined(separator: ", "))")
        }
        let limit = Int(reader.number(pairs, "limit", in: "samples") ?? 20)
        return SampleSpec(set: set, limit: max(1, min(limit, 100)), fields: reader.strings(pairs, "fields", in: "samples"))
    }

    private func readFragment(_ node: Yams.Node, _ reader: YAMLReader, what: String) -> ConfigFragment? {
        guard let pairs = reader.mapping(node, "recommends") else { return nil }
        reader.checkKeys(pairs, allowed: ["section", "id", "title", "detail", "metric", "target"], in: "recommends")
        let section = enumValue(ConfigSection.self, pairs, "section", reader, what: "recommends", required: true, at: node)
        let id = reader.string(pairs, "id", in: "recommends", required: true, at: node)
        let title = reader.localized(pairs, "title", in: "recommends", required: true, at: node)
        let metric = reader.string(pairs, "metric", in: "recommends")
        if let metric, environment.checksMetrics, environment.types.metrics[metric] == nil {
            reader.report(at: reader.value(pairs, "metric"), ru: "неизвестный показатель «\(metric)»", en: "unknown metric '\(metric)'")
        }
        guard let section, let id, let title else { return nil }
        return ConfigFragment(section: section, id: id, title: title, detail: reader.localized(pairs, "detail", in: "recommends"),
                              metric: metric, target: reader.string(pairs, "target", in: "recommends"))
    }

    private func readWaiver(_ node: Yams.Node, _ reader: YAMLReader) -> Waiver? {
        guard let pairs = reader.mapping(node, "waiver") else { return nil }
        reader.checkKeys(pairs, allowed: ["rule", "reason", "by", "until"], in: "waiver")
        let rule = reader.string(pairs, "rule", in: "waiver", required: true, at: node)
        let reason = reader.localized(pairs, "reason", in: "waiver", required: true, at: node)
        let by = reader.string(pairs, "by", in: "waiver", required: true, at: node)
        let untilText = reader.string(pairs, "until", in: "waiver", required: true, at: node)
        let until = untilText.flatMap { Day(iso: $0) }
        if untilText != nil && until == nil {
            reader.report(at: reader.value(pairs, "until"), ru: "«until»: ожидается дата ГГГГ-ММ-ДД", en: "'until': expected a date YYYY-MM-DD")
        }
        guard let rule, let reason, let by, let until else { return nil }
        return Waiver(rule: rule, reason: reason, acceptedBy: by, until: until)
    }
}
