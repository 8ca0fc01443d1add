import AuditModel
import Expressions
import Foundation
import Yams

/// Reads questionnaire files and reports every problem of a file with file:line:column.
public enum QuestionnaireLoader {
    /// The outcome of reading one file: the questionnaire when it has no errors, and every
    /// diagnostic (errors and warnings) found.
    public struct Result: Sendable {
        /// The questionnaire, when it loaded without errors.
        public var questionnaire: Questionnaire?
        /// Every problem found.
        public var diagnostics: [Diagnostic]

        package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Reads and checks the questionnaire at `path`.
    /// - Parameter metrics: the metric catalogue's types; when given, a `metric.<id>` in a
    ///   prefill, validation or skip logic that the catalogue lacks is an error.
    public static func lint(path: String, metrics: [String: ReferenceType]? = nil) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Result(
                questionnaire: nil,
                diagnostics: [
                    Diagnostic(
                        at: SourceLocation(file: path),
                        QuestionnaireText.cannotReadItDoesNotExist.text(["path": .value(path)]))
                ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return Result(
                questionnaire: nil,
                diagnostics: [
                    Diagnostic(
                        at: SourceLocation(file: path),
                        QuestionnaireText.isNotUtfText.text(["path": .value(path)]))
                ])
        }
        return lint(text: text, file: path, metrics: metrics)
    }

    /// Reads and checks questionnaire `text`, naming `file` in diagnostics (and, when
    /// `metrics` is given, every metric reference against it).
    package static func lint(text: String, file: String, metrics: [String: ReferenceType]? = nil) -> Result {
        let source: YAMLSource
        do throws(Diagnostic) {
            source = try YAMLSource(text: text, file: file)
        } catch {
            return Result(questionnaire: nil, diagnostics: [error])
        }
        var builder = Builder(reader: NodeReader(source: source, text: text))
        let questionnaire = builder.build()
        var diagnostics = builder.reader.diagnostics
        if let questionnaire { diagnostics += Checker(questionnaire: questionnaire, metrics: metrics).check() }
        diagnostics = sorted(diagnostics)
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return Result(questionnaire: hasErrors ? nil : questionnaire, diagnostics: diagnostics)
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.enumerated().sorted { a, b in
            let x = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let y = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return x < y
        }.map(\.element)
    }
}

extension Questionnaire {
    /// Loads the questionnaire at `path`.
    /// - Throws: a ``DiagnosticList`` of every error (and warning) when the file has errors.
    package static func load(path: String, metrics: [String: ReferenceType]? = nil) throws(DiagnosticList) -> Questionnaire {
        let result = QuestionnaireLoader.lint(path: path, metrics: metrics)
        guard let questionnaire = result.questionnaire else { throw DiagnosticList(result.diagnostics) }
        return questionnaire
    }

    /// Loads questionnaire `text` (for tests and embedded documents).
    package static func load(text: String, file: String) throws(DiagnosticList) -> Questionnaire {
        let result = QuestionnaireLoader.lint(text: text, file: file)
        guard let questionnaire = result.questionnaire else { throw DiagnosticList(result.diagnostics) }
        return questionnaire
    }

    /// Loads a questionnaire given as a file path or as the id of a bundled one
    /// (`questionnaires/<id>.yaml` found by ``ContentLocator``).
    /// - Parameter metrics: the metric catalogue's types, to check metric references against.
    package static func resolve(_ idOrPath: String, metrics: [String: ReferenceType]? = nil) throws -> Questionnaire {
        if idOrPath.hasSuffix(".yaml") || idOrPath.hasSuffix(".yml") || idOrPath.contains("/") {
            return try load(path: idOrPath, metrics: metrics)
        }
        return try bundled(id: idOrPath, metrics: metrics)
    }

    /// The bundled questionnaire `id` (default `crm-readiness`).
    public static func bundled(id: String = "crm-readiness", metrics: [String: ReferenceType]? = nil) throws -> Questionnaire {
        guard NodeReader.isIdentifier(id.replacingOccurrences(of: "-", with: "_")),
            let path = ContentLocator.file(named: id + ".yaml", in: "questionnaires")
        else {
            throw ContentLocator.NotFound(folder: "questionnaires", name: id + ".yaml")
        }
        return try load(path: path, metrics: metrics)
    }
}

/// Builds the model from nodes, reporting shape problems.
struct Builder {
    var reader: NodeReader
    private var choiceLists: [String: [AnswerOption]] = [:]
    private var areaIDs: [String] = []

    init(reader: NodeReader) {
        self.reader = reader
    }

    private static let rootKeys = ["schema", "id", "version", "title", "description", "areas", "choice_lists", "sections", "migrations"]
    private static let questionKeys = [
        "id", "type", "text", "help", "options", "required", "allow", "relevant", "validate", "area", "weight",
        "prefill", "scoring", "scores", "bands", "unit", "purpose",
    ]
    static let what = QuestionnaireText.questionnaire.text()

    mutating func build() -> Questionnaire? {
        let root = reader.source.root
        guard let fields = reader.mapping(root, Builder.what, allowed: Builder.rootKeys) else { return nil }
        if let schema = reader.string(fields, "schema", required: true, Builder.what), schema != Questionnaire.schema,
            let node = fields["schema"]
        {
            reader.error(
                node,
                QuestionnaireText.unknownFormatThisCrmAuditReads.text(["schema": .value(schema), "schema2": .value(Questionnaire.schema)]))
        }
        let id = reader.string(fields, "id", required: true, Builder.what)
        if let id, let node = fields["id"], !NodeReader.isIdentifier(id.replacingOccurrences(of: "-", with: "_")) {
            reader.error(
                node,
                QuestionnaireText.questionnaireIdUseLowerCaseLatin.text(["id": .value(id)]))
        }
        let version = reader.string(fields, "version", required: true, Builder.what)
        if let version, let node = fields["version"], SemanticVersion(version) == nil {
            reader.error(
                node, QuestionnaireText.versionMustLookLike.text(["version": .value(version)]))
        }
        let title = reader.text(fields, "title", Builder.what)
        let description = reader.text(fields, "description", required: false, Builder.what)
        let areas = (reader.sequence(fields, "areas", required: true, Builder.what) ?? []).compactMap { buildArea($0) }
        areaIDs = areas.map(\.id)
        if let lists = fields["choice_lists"] { buildChoiceLists(lists) }
        let sections = (reader.sequence(fields, "sections", required: true, Builder.what) ?? []).compactMap { buildSection($0) }
        let migrations = (reader.sequence(fields, "migrations", Builder.what) ?? []).compactMap { buildMigration($0) }
        // Missing parts were reported; keep going with stand-in values so that the cross-reference
        // checks still run (a file with errors never yields a questionnaire).
        return Questionnaire(
            id: id ?? "", version: version ?? "0.0.0", title: title ?? LocalizedText(both: id ?? ""), description: description,
            areas: areas,
            sections: sections, migrations: migrations, file: reader.source.file)
    }

    private mutating func buildArea(_ node: Node) -> Area? {
        let what = QuestionnaireText.area.text()
        guard let fields = reader.mapping(node, what, allowed: ["id", "title", "weight"]) else { return nil }
        let id = reader.identifier(fields, "id", what)
        let title = reader.text(fields, "title", what)
        let weight = reader.number(fields, "weight", what) ?? 1
        if weight <= 0, let node = fields["weight"] {
            reader.error(node, QuestionnaireText.anAreaWeightMustBe.text())
        }
        guard let id, let title else { return nil }
        return Area(id: id, title: title, weight: weight, location: reader.location(node))
    }

    private mutating func buildChoiceLists(_ node: Node) {
        guard case .mapping(let mapping) = node else {
            reader.error(
                node,
                QuestionnaireText.choiceListsExpectedAMappingName.text())
            return
        }
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            if choiceLists[name] != nil {
                reader.error(
                    key, QuestionnaireText.choiceListIsDeclaredTwice.text(["name": .value(name)]))
            }
            choiceLists[name] = buildOptions(value)
        }
    }

    private mutating func buildOptions(_ node: Node) -> [AnswerOption] {
        if let name = node.scalar?.string {
            guard let list = choiceLists[name] else {
                reader.error(
                    node,
                    QuestionnaireText.noChoiceListInChoiceLists.text(["name": .value(name)]))
                return []
            }
            return list
        }
        guard case .sequence(let items) = node else {
            reader.error(
                node,
                QuestionnaireText.optionsExpectedAListOfOptions.text())
            return []
        }
        let what = QuestionnaireText.option.text()
        var options: [AnswerOption] = []
        var seen: Set<String> = []
        for item in items {
            guard let fields = reader.mapping(item, what, allowed: ["id", "label", "score"]) else { continue }
            let id = reader.identifier(fields, "id", what)
            let label = reader.text(fields, "label", what)
            let score = reader.integer(fields, "score", what)
            if let score, !(0...4).contains(score), let scoreNode = fields["score"] {
                reader.error(
                    scoreNode,
                    QuestionnaireText.optionScoreIsOutOfRange.text(["score": .value(score)]))
            }
            if let id, !seen.insert(id).inserted, let idNode = fields["id"] {
                reader.error(idNode, QuestionnaireText.duplicateOption.text(["id": .value(id)]))
            }
            if let id, let label { options.append(AnswerOption(id: id, label: label, score: score.map { Swift.min(4, Swift.max(0, $0)) })) }
        }
        return options
    }

    private mutating func buildSection(_ node: Node) -> Section? {
        let what = QuestionnaireText.section.text()
        guard let fields = reader.mapping(node, what, allowed: ["id", "title", "help", "relevant", "questions"]) else { return nil }
        let id = reader.identifier(fields, "id", what)
        let title = reader.text(fields, "title", what)
        let help = reader.text(fields, "help", required: false, what)
        let relevant = reader.expression(fields, "relevant")?.0
        let questionNodes = reader.sequence(fields, "questions", required: true, what) ?? []
        if questionNodes.isEmpty, let node = fields["questions"] {
            reader.error(node, QuestionnaireText.theSectionHasNoQuestions.text())
        }
        let questions = questionNodes.compactMap { buildQuestion($0, sectionID: id ?? "") }
        guard let id else { return nil }
        return Section(
            id: id, title: title ?? LocalizedText(both: id), help: help, relevant: relevant, questions: questions,
            location: reader.location(node))
    }

    private mutating func buildQuestion(_ node: Node, sectionID: String) -> Question? {
        let what = QuestionnaireText.question.text()
        guard let fields = reader.mapping(node, what, allowed: Builder.questionKeys) else { return nil }
        let id = reader.identifier(fields, "id", what)
        let named = id.map { QuestionnaireText.question2.text(["value": .value($0)]) } ?? what
        var type: QuestionType?
        if let typeName = reader.string(fields, "type", required: true, named) {
            type = QuestionType(rawValue: typeName)
            if type == nil, let typeNode = fields["type"] {
                let all = QuestionType.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error(
                    typeNode,
                    QuestionnaireText.unknownQuestionTypeKnown.text(["typeName": .value(typeName), "all": .value(all)]))
            }
        }
        let text = reader.text(fields, "text", named)
        let help = reader.text(fields, "help", named)
        var options: [AnswerOption] = []
        if let optionNode = fields["options"] {
            options = buildOptions(optionNode)
            if let type, !type.hasOptions {
                reader.error(
                    optionNode,
                    QuestionnaireText.aQuestionHasNoOptions.text(["type": .value(type.rawValue)]))
            }
        } else if let type, type.hasOptions {
            reader.error(
                fields.keys["type"] ?? node,
                QuestionnaireText.aQuestionNeedsOptions.text(["named": .localized(named), "type": .value(type.rawValue)]))
        }
        if let type, type.hasOptions, options.count < 2, let optionNode = fields["options"] {
            reader.error(optionNode, QuestionnaireText.atLeastTwoOptionsAreNeeded.text())
        }
        var allowsDontKnow = false, allowsNotApplicable = false
        for item in reader.sequence(fields, "allow", named) ?? [] {
            switch item.scalar?.string {
            case "dont_know": allowsDontKnow = true
            case "not_applicable": allowsNotApplicable = true
            default:
                reader.error(
                    item, QuestionnaireText.allowUseDontKnowAndNot.text())
            }
        }
        let weight = reader.number(fields, "weight", named) ?? 1
        if weight <= 0, let weightNode = fields["weight"] {
            reader.error(weightNode, QuestionnaireText.aQuestionWeightMustBe.text())
        }
        var multiScoring = MultiScoring.max
        if let name = reader.string(fields, "scoring", named), let scoringNode = fields["scoring"] {
            if let found = MultiScoring(rawValue: name), type == .multi {
                multiScoring = found
            } else {
                reader.error(
                    scoringNode,
                    QuestionnaireText.scoringIsForMultiQuestionsOnly.text())
            }
        }
        var yesScore: Int?, noScore: Int?
        if let scoresNode = fields["scores"] {
            let scoresWhat = QuestionnaireText.scores.text(["named": .localized(named)])
            if type != .yesNo {
                reader.error(
                    scoresNode,
                    QuestionnaireText.scoresYesNoAreForYes.text())
            } else if let scores = reader.mapping(scoresNode, scoresWhat, allowed: ["yes", "no"]) {
                yesScore = reader.integer(scores, "yes", scoresWhat)
                noScore = reader.integer(scores, "no", scoresWhat)
                for (value, key) in [(yesScore, "yes"), (noScore, "no")] {
                    if let value, !(0...4).contains(value), let valueNode = scores[key] {
                        reader.error(
                            valueNode, QuestionnaireText.scoreIsOutOfRange.text(["value": .value(value)]))
                    }
                }
            }
        }
        let bands = buildBands(fields, type: type, named: named)
        let validations = (reader.sequence(fields, "validate", named) ?? []).compactMap { buildValidation($0, type: type) }
        let area = reader.identifier(fields, "area", required: false, named)
        if let area, !areaIDs.contains(area), let areaNode = fields["area"] {
            let near = areaIDs.min { editDistance($0, area) < editDistance($1, area) }.flatMap { editDistance($0, area) <= 2 ? $0 : nil }
            reader.error(
                areaNode,
                near.map { QuestionnaireText.unknownAreaNear.text(["what": .localized(named), "area": .text(area), "near": .text($0)]) }
                    ?? QuestionnaireText.unknownArea.text(["what": .localized(named), "area": .text(area)]))
        }
        let relevant = reader.expression(fields, "relevant")?.0
        let prefill = reader.expression(fields, "prefill")?.0
        let unit = reader.text(fields, "unit", required: false, named)
        var isContext = false
        if let purpose = reader.string(fields, "purpose", named), let purposeNode = fields["purpose"] {
            if purpose == "context" {
                isContext = true
                if area != nil {
                    reader.error(
                        purposeNode,
                        QuestionnaireText.aQuestionThatScoresAnArea.text(["named": .localized(named)]))
                }
            } else {
                reader.error(purposeNode, QuestionnaireText.purposeTheOnlyValueIsContext.text())
            }
        }
        guard let id, let type else { return nil }
        return Question(
            id: id, sectionID: sectionID, type: type, text: text ?? LocalizedText(both: id), help: help ?? LocalizedText(both: ""),
            options: options,
            required: reader.bool(fields, "required", named) ?? false, allowsDontKnow: allowsDontKnow,
            allowsNotApplicable: allowsNotApplicable, relevant: relevant, validations: validations, area: area,
            weight: weight, prefill: prefill, multiScoring: multiScoring, yesScore: yesScore, noScore: noScore,
            bands: bands, unit: unit, location: reader.location(node), isContext: isContext)
    }

    private mutating func buildBands(_ fields: Fields, type: QuestionType?, named: LocalizedText) -> [ScoreBand] {
        guard let items = reader.sequence(fields, "bands", named), let bandsNode = fields["bands"] else { return [] }
        guard let type, [.number, .percent, .money].contains(type) else {
            reader.error(
                bandsNode,
                QuestionnaireText.bandsAreForNumberPercentAnd.text())
            return []
        }
        let what = QuestionnaireText.band.text(["named": .localized(named)])
        var bands: [ScoreBand] = []
        for item in items {
            guard let band = reader.mapping(item, what, allowed: ["from", "score"]) else { continue }
            guard let from = reader.number(band, "from", what), let score = reader.integer(band, "score", what) else {
                reader.error(item, QuestionnaireText.aBandNeedsFromAndScore.text())
                continue
            }
            if !(0...4).contains(score) {
                reader.error(
                    band["score"] ?? item, QuestionnaireText.scoreIsOutOfRange2.text(["score": .value(score)]))
            }
            if let last = bands.last, from <= last.from {
                reader.error(
                    band["from"] ?? item, QuestionnaireText.bandsMustAscendByFrom.text())
            }
            bands.append(ScoreBand(from: from, score: score))
        }
        return bands
    }

    private mutating func buildValidation(_ node: Node, type: QuestionType?) -> Validation? {
        let what = QuestionnaireText.validation.text()
        guard let fields = reader.mapping(node, what, allowed: ["check", "min", "max", "pattern", "severity", "message"]) else {
            return nil
        }
        var severity = Diagnostic.Severity.error
        if let name = reader.string(fields, "severity", what) {
            if let found = Diagnostic.Severity(rawValue: name) {
                severity = found
            } else {
                reader.error(
                    fields["severity"] ?? node,
                    QuestionnaireText.severityErrorWarningOrNote.text())
            }
        }
        let message = reader.text(fields, "message", what)
        var rule: Validation.Rule?
        let kinds = ["check", "pattern"].filter { fields[$0] != nil } + ((fields["min"] != nil || fields["max"] != nil) ? ["min/max"] : [])
        if kinds.count != 1 {
            reader.error(
                node,
                QuestionnaireText.aValidationIsExactlyOneOf.text())
        }
        if let (expression, _) = reader.expression(fields, "check") {
            rule = .expression(expression)
        } else if let pattern = reader.string(fields, "pattern", what) {
            if type != .text {
                reader.error(
                    fields["pattern"] ?? node,
                    QuestionnaireText.patternIsForTextQuestionsOnly.text())
            }
            let patternNode = fields["pattern"] ?? node
            do throws(TextPatternError) {
                _ = try TextPattern(pattern)
                rule = .pattern(pattern)
            } catch {
                let lead =
                    error.isUnsupported || error.reason == .tooLarge || error.reason == .countTooLarge || error.reason == .tooDeep
                    ? QuestionnaireText.pattern.text(["pattern": .value(pattern)])
                    : QuestionnaireText.patternIsNotAValidRegular.text(["pattern": .value(pattern)])
                reader.report(
                    Diagnostic(
                        .error, at: reader.location(ofScalar: error.offset, in: patternNode),
                        QuestionnaireText.patternProblem.text(["lead": .localized(lead), "problem": .inEach { error.message(in: $0) }])))
            }
        } else if fields["min"] != nil || fields["max"] != nil {
            let low = reader.number(fields, "min", what), high = reader.number(fields, "max", what)
            if let type, type.valueType != .number {
                reader.error(
                    node, QuestionnaireText.minMaxAreForNumericQuestions.text())
            }
            if let low, let high, low > high {
                reader.error(node, QuestionnaireText.minIsAboveMax.text())
            }
            rule = .range(min: low, max: high)
        }
        guard let rule, let message else { return nil }
        return Validation(rule: rule, severity: severity, message: message)
    }

    private mutating func buildMigration(_ node: Node) -> Migration? {
        let what = QuestionnaireText.migration.text()
        guard let fields = reader.mapping(node, what, allowed: ["from", "rename", "recode", "removed"]) else { return nil }
        guard let from = reader.string(fields, "from", required: true, what) else { return nil }
        if VersionRange(from) == nil {
            reader.error(
                fields["from"] ?? node,
                QuestionnaireText.fromAVersionOrARange.text())
        }
        var renamed: [String: String] = [:]
        if let renameNode = fields["rename"] {
            if case .mapping(let mapping) = renameNode {
                for (key, value) in mapping {
                    if let old = key.scalar?.string, let new = value.scalar?.string {
                        renamed[old] = new
                    } else {
                        reader.error(key, QuestionnaireText.renameOldIdNewId.text())
                    }
                }
            } else {
                reader.error(
                    renameNode,
                    QuestionnaireText.renameExpectedAMappingOldId.text())
            }
        }
        var recoded: [String: [String: String]] = [:]
        if let recodeNode = fields["recode"] {
            if case .mapping(let mapping) = recodeNode {
                for (key, value) in mapping {
                    guard let question = key.scalar?.string, case .mapping(let codes) = value else {
                        reader.error(key, QuestionnaireText.recodeQuestionOldNew.text())
                        continue
                    }
                    var map: [String: String] = [:]
                    for (old, new) in codes { if let o = old.scalar?.string, let n = new.scalar?.string { map[o] = n } }
                    recoded[question] = map
                }
            } else {
                reader.error(recodeNode, QuestionnaireText.recodeExpectedAMapping.text())
            }
        }
        let removed = (reader.sequence(fields, "removed", what) ?? []).compactMap { $0.scalar?.string }
        return Migration(from: from, renamed: renamed, recoded: recoded, removed: removed, location: reader.location(node))
    }
}
