import AuditModel
import Expressions

/// Cross-reference checks of a built questionnaire: duplicate ids, unknown areas, expressions
/// (types, unknown or later questions), cycles in skip logic, migrations.
struct Checker {
    let questionnaire: Questionnaire
    /// The metric catalogue's types; nil when the questionnaire is read without it (metric
    /// references are then accepted unchecked).
    let metrics: [String: ReferenceType]?
    private var diagnostics: [Diagnostic] = []

    init(questionnaire: Questionnaire, metrics: [String: ReferenceType]? = nil) {
        self.questionnaire = questionnaire
        self.metrics = metrics
    }

    func check() -> [Diagnostic] {
        var copy = self
        copy.run()
        return copy.diagnostics
    }

    private mutating func error(_ location: SourceLocation, _ text: LocalizedText) {
        diagnostics.append(Diagnostic(.error, at: location, text))
    }

    private mutating func run() {
        let questions = questionnaire.questions
        let file = questionnaire.file
        var seenAreas = Set<String>()
        for area in questionnaire.areas where !seenAreas.insert(area.id).inserted {
            error(
                area.location ?? SourceLocation(file: file),
                QuestionnaireText.areaIsDeclaredTwice.text(["id": .value(area.id)]))
        }
        var seenSections: [String: Section] = [:]
        for section in questionnaire.sections {
            if let first = seenSections[section.id] {
                error(
                    section.location,
                    QuestionnaireText.sectionIsAlreadyDeclaredOnLine.text([
                        "id": .value(section.id), "line": .value(first.location.line ?? 0),
                    ]))
            } else {
                seenSections[section.id] = section
            }
        }
        var index: [String: Int] = [:]
        for (position, question) in questions.enumerated() {
            if let first = index[question.id] {
                error(
                    question.location,
                    QuestionnaireText.questionIsAlreadyDeclaredOnLine.text([
                        "id": .value(question.id), "questions": .value(questions[first].location.line ?? 0),
                    ]))
            } else {
                index[question.id] = position
            }
            if question.area == nil,
                question.options.contains(where: { $0.score != nil }) || question.yesScore != nil || !question.bands.isEmpty
            {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: question.location,
                        QuestionnaireText.questionHasScoresButNoArea.text(["id": .value(question.id)])))
            }
        }
        let used = Set(questions.compactMap(\.area))
        for area in questionnaire.areas where !used.contains(area.id) {
            diagnostics.append(
                Diagnostic(
                    .warning, at: area.location ?? SourceLocation(file: file),
                    QuestionnaireText.noQuestionScoresArea.text(["id": .value(area.id)])))
        }
        checkExpressions(questions: questions, index: index)
        checkCycles(questions: questions)
        checkMigrations(index: index)
    }

    private mutating func checkExpressions(questions: [Question], index: [String: Int]) {
        var environment = questionnaire.typeEnvironment()
        if let metrics { environment.metrics = metrics }
        let unchecked = metrics == nil
        environment.acceptsUnknownMetrics = unchecked
        var firstQuestionOfSection: [String: Int] = [:]
        for (position, question) in questions.enumerated() where firstQuestionOfSection[question.sectionID] == nil {
            firstQuestionOfSection[question.sectionID] = position
        }
        for section in questionnaire.sections {
            guard let relevant = section.relevant else { continue }
            expect(relevant, environment, .bool)
            let limit = firstQuestionOfSection[section.id] ?? questions.count
            forwardReferences(
                relevant, limit: limit, index: index, owner: QuestionnaireText.section2.text(["id": .value(section.id)]))
        }
        for (position, question) in questions.enumerated() {
            let owner = QuestionnaireText.question3.text(["id": .value(question.id)])
            if let relevant = question.relevant {
                expect(relevant, environment, .bool)
                forwardReferences(relevant, limit: position, index: index, owner: owner)
            }
            var local = environment
            local.locals["value"] = question.referenceType
            local.acceptsUnknownMetrics = unchecked
            for validation in question.validations {
                if case .expression(let expression) = validation.rule {
                    expect(expression, local, .bool)
                    forwardReferences(expression, limit: position, index: index, owner: owner)
                }
            }
            if let prefill = question.prefill {
                var prefillEnvironment = environment
                prefillEnvironment.acceptsUnknownMetrics = unchecked
                expect(prefill, prefillEnvironment, question.valueType)
                forwardReferences(prefill, limit: position, index: index, owner: owner)
            }
        }
    }

    private mutating func expect(_ expression: Expression, _ environment: TypeEnvironment, _ type: ValueType) {
        do throws(DiagnosticList) {
            try expression.check(in: environment, expecting: type)
        } catch {
            diagnostics += error.diagnostics
        }
    }

    /// An expression may only use answers given before the question (or section) it belongs to.
    private mutating func forwardReferences(_ expression: Expression, limit: Int, index: [String: Int], owner: LocalizedText) {
        for (reference, location) in expression.referenceSites where reference.kind == .answer {
            guard let position = index[reference.id], position >= limit else { continue }
            let same = position == limit
            error(
                location,
                (same ? QuestionnaireText.refersToItsOwnAnswer : .refersToALaterQuestion).text([
                    "owner": .localized(owner), "id": .text(reference.id),
                ]))
        }
    }

    /// Cycles in the "is shown depending on" graph (a question depends on the answers its
    /// `relevant` and its section's `relevant` use).
    private mutating func checkCycles(questions: [Question]) {
        var edges: [String: [String]] = [:]
        var locations: [String: SourceLocation] = [:]
        for question in questions {
            var uses = question.relevant?.references ?? []
            if let section = questionnaire.section(question.sectionID), let relevant = section.relevant { uses += relevant.references }
            edges[question.id, default: []] += uses.filter { $0.kind == .answer }.map(\.id)
            locations[question.id] = question.location
        }
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<Set<String>>()
        func visit(_ id: String, _ path: [String], _ found: inout [[String]]) {
            state[id] = 1
            for next in edges[id] ?? [] where edges[next] != nil {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    found.append(Array(path[start...]) + [next])
                } else if state[next] == nil {
                    visit(next, path + [next], &found)
                }
            }
            state[id] = 2
        }
        var cycles: [[String]] = []
        for question in questions where state[question.id] == nil { visit(question.id, [question.id], &cycles) }
        for cycle in cycles where reported.insert(Set(cycle)).inserted {
            let text = cycle.joined(separator: " → ")
            error(
                locations[cycle[0]] ?? SourceLocation(file: questionnaire.file),
                QuestionnaireText.aCycleInSkipLogicNone.text(["text": .value(text)]))
        }
    }

    private mutating func checkMigrations(index: [String: Int]) {
        for migration in questionnaire.migrations {
            for (old, new) in migration.renamed.sorted(by: { $0.key < $1.key }) {
                if index[new] == nil {
                    error(
                        migration.location,
                        QuestionnaireText.migrationQuestionIsRenamedToWhich.text(["old": .value(old), "new": .value(new)]))
                }
                if index[old] != nil {
                    error(
                        migration.location,
                        QuestionnaireText.migrationTheOldIdIsStill.text(["old": .value(old)]))
                }
            }
            for (questionID, codes) in migration.recoded.sorted(by: { $0.key < $1.key }) {
                guard let question = questionnaire.question(questionID) else {
                    error(
                        migration.location,
                        QuestionnaireText.migrationRecodeOfUnknownQuestion.text(["questionID": .value(questionID)]))
                    continue
                }
                for new in Set(codes.values).sorted() where question.option(new) == nil {
                    error(
                        migration.location,
                        QuestionnaireText.migrationQuestionHasNoOption.text(["questionID": .value(questionID), "new": .value(new)]))
                }
            }
            for removed in migration.removed where index[removed] != nil {
                error(
                    migration.location,
                    QuestionnaireText.migrationQuestionIsListedAsRemoved.text(["removed": .value(removed)]))
            }
        }
    }
}
