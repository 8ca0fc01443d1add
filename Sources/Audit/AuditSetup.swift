import Analytics
import AuditModel
import Expressions
import Foundation
import Questionnaire
import Rules
import Workspace

/// What a round is assessed with: the questionnaire and the layered rulesets, checked against
/// each other and the metric catalogue.
public struct AuditSetup: Sendable {
    package var questionnaire: Questionnaire
    package var rulesets: RulesetStack
    /// The consultant's ruleset files given for this run (`--rules`), which become the round's
    /// stored layers when its assessment is stored — in the same transaction, so that a layer
    /// whose assessment fails is never kept with the round. Nil: the stored layers are used.
    package var layersToStore: [StoredRulesetLayer]?

    package init(questionnaire: Questionnaire, rulesets: RulesetStack, layersToStore: [StoredRulesetLayer]? = nil) {
        self.questionnaire = questionnaire
        self.rulesets = rulesets
        self.layersToStore = layersToStore
    }

    /// The environment rules are checked in: the questionnaire's answers and areas, every
    /// catalogue metric, every analytics sample set.
    public static func ruleEnvironment(for questionnaire: Questionnaire?) -> RuleEnvironment {
        var types = questionnaire?.typeEnvironment() ?? TypeEnvironment()
        types.metrics = metricTypes
        return RuleEnvironment(
            types: types, areas: questionnaire.map { Set($0.areas.map(\.id)) },
            sampleSets: Set(SampleSet.allCases.map(\.rawValue)), checksMetrics: true,
            metricShapes: MetricCatalogue.shapes)
    }

    /// The ids of every rule of the bundled rulesets (the core set and each industry set), which a
    /// consultant's `disable:` may name; nil when the bundled folder cannot be found.
    package static func bundledRuleIDs(environment: RuleEnvironment) -> Set<String>? {
        bundled(environment: environment).map { Set($0.flatMap { $0.rules.map(\.id) }) }
    }

    /// The ids of every assumption the bundled rulesets declare, which a consultant's money block
    /// may name or override; nil when the bundled folder cannot be found.
    package static func bundledAssumptionIDs(environment: RuleEnvironment) -> Set<String>? {
        bundled(environment: environment).map { Set($0.flatMap { $0.assumptions.map(\.id) }) }
    }

    private static func bundled(environment: RuleEnvironment) -> [Ruleset]? {
        guard let folder = ContentLocator.folder("rulesets"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return nil }
        var environment = environment
        environment.knownRuleIDs = nil
        environment.knownAssumptionIDs = nil
        let loader = RulesetLoader(environment: environment)
        var sets: [Ruleset] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let (ruleset, _) = loader.lint(text: String(decoding: data, as: UTF8.self), file: name)
            if let ruleset { sets.append(ruleset) }
        }
        return sets
    }

    /// The ids of the root causes the bundled rulesets define, which a consultant's rules (and an
    /// industry set's) may name with `cause:`; nil when the bundled folder cannot be found.
    package static func bundledCauseIDs(environment: RuleEnvironment) -> Set<String>? {
        guard let folder = ContentLocator.folder("rulesets"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return nil }
        let loader = RulesetLoader(environment: environment)
        var ids = Set<String>()
        for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let (ruleset, _) = loader.lint(text: String(decoding: data, as: UTF8.self), file: name)
            ids.formUnion(ruleset?.causes.map(\.id) ?? [])
        }
        return ids
    }

    /// The type of every catalogue metric as expressions see it: numbers, dates, and tables
    /// (numbers by name) for the per-item metrics.
    package static var metricTypes: [String: ReferenceType] {
        var types: [String: ReferenceType] = [:]
        for definition in MetricCatalogue.all {
            types[definition.id] = ReferenceType(definition.valueType == .number ? .number : (definition.unit == .date ? .date : .string))
        }
        for definition in MetricCatalogue.breakdowns { types[definition.id] = ReferenceType(.table) }
        return types
    }

    /// Loads the questionnaire (`idOrPath`, default the bundled `crm-readiness`) and the rulesets:
    /// the bundled core set, the bundled industry set named `industry-<industry>.yaml` when there
    /// is one, then `extraRulesets` in order.
    package static func load(
        questionnaire idOrPath: String? = nil, industry: String? = nil,
        extraRulesets: [String] = [], storedLayers: [StoredRulesetLayer] = [],
        bundledRulesets: Bool = true
    ) throws -> AuditSetup {
        let questionnaire = try Questionnaire.resolve(idOrPath ?? "crm-readiness", metrics: metricTypes)
        var loader = RulesetLoader(environment: ruleEnvironment(for: questionnaire))
        var paths: [String] = []
        if bundledRulesets {
            guard let folder = ContentLocator.folder("rulesets") else { throw ContentLocator.NotFound(folder: "rulesets") }
            paths.append(folder + "/crm-core.yaml")
            if let industry = industry.map(slug), !industry.isEmpty {
                let candidate = folder + "/industry-\(industry).yaml"
                if FileManager.default.fileExists(atPath: candidate) { paths.append(candidate) }
            }
        }
        paths += extraRulesets
        // Each layer may name the causes of the layers below it.
        var layers: [Ruleset] = []
        for path in paths {
            layers.append(try loader.load(path: path))
            loader.environment.knownCauseIDs = Set(layers.flatMap { $0.causes.map(\.id) })
        }
        for layer in storedLayers {
            layers.append(try loader.load(text: layer.content, file: layer.fileName))
            loader.environment.knownCauseIDs = Set(layers.flatMap { $0.causes.map(\.id) })
        }
        let stack = RulesetStack(layers)
        let unknown = stack.unknownAssumptions
        guard unknown.isEmpty else {
            throw DiagnosticList(
                unknown.map { item in
                    Diagnostic(
                        at: item.rule.location,
                        AuditText.ruleNoRulesetDeclaresTheAssumption.text([
                            "id": .value(item.rule.id), "assumption": .value(item.assumption),
                        ]))
                })
        }
        return AuditSetup(questionnaire: questionnaire, rulesets: stack)
    }

    /// The round's stored layers, loaded; a layer that no longer loads (stored by an earlier
    /// version that accepted it) is reported with how to replace it.
    static func load(questionnaire: String?, industry: String?, stored: [StoredRulesetLayer], round: AuditRound) throws -> AuditSetup {
        do {
            return try load(questionnaire: questionnaire, industry: industry, storedLayers: stored)
        } catch let error as DiagnosticList
            where stored.contains(where: { layer in error.diagnostics.contains { $0.location?.file == layer.fileName } })
        {
            throw StoredLayerRefused(round: round.number, problems: error)
        }
    }

    /// The setup of a workspace round: `rules` files when given (they become the round's stored
    /// layers once they load), else the layers stored with the round.
    package static func load(
        for workspace: Workspace, round: AuditRound, questionnaire idOrPath: String? = nil,
        rules: [String] = []
    ) throws -> AuditSetup {
        let industry = try workspace.engagement().industry
        let questionnaire = idOrPath ?? round.questionnaireID
        guard !rules.isEmpty else {
            return try load(
                questionnaire: questionnaire, industry: industry, stored: try workspace.rulesetLayers(round: round), round: round)
        }
        var layers: [StoredRulesetLayer] = []
        for path in rules {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(
                    at: SourceLocation(file: path),
                    AuditText.cannotReadItDoesNotExist.text(["path": .value(path)]))
            }
            layers.append(
                StoredRulesetLayer(fileName: URL(fileURLWithPath: path).lastPathComponent, content: String(decoding: data, as: UTF8.self)))
        }
        var setup = try load(questionnaire: questionnaire, industry: industry, storedLayers: layers)
        if round.status == .open { setup.layersToStore = layers }
        return setup
    }

    /// The industries with a bundled ruleset (`rulesets/industry-<name>.yaml`), sorted.
    package static func bundledIndustries() -> [String] {
        guard let folder = ContentLocator.folder("rulesets"),
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return [] }
        return files.filter { $0.hasPrefix("industry-") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst("industry-".count).dropLast(".yaml".count)) }.sorted()
    }

    /// Whether `industry` names a bundled industry ruleset (spelled as ``slug(_:)`` makes it).
    package static func isBundledIndustry(_ industry: String) -> Bool { bundledIndustries().contains(slug(industry)) }

    package static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

/// A ruleset layer stored with a round no longer loads (an earlier version accepted it): it says
/// where, and how to replace it.
package struct StoredLayerRefused: AuditError {
    package var round: Int
    package var problems: DiagnosticList

    package init(round: Int, problems: DiagnosticList) {
        self.round = round
        self.problems = problems
    }

    package func message(in language: Language) -> String {
        let head = AuditText.theRulesetStoredWithRoundNo.text(["round": .value(round)])[language]
        return head + "\n" + problems.message(in: language)
    }
}
