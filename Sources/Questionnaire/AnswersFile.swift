import AuditModel
import Expressions
import Foundation
import Yams

/// Answer files: a round's answers as YAML (`schema: crm-audit/answers/1`) or as CSV (question
/// id, question, answer, note: for a client to fill in Excel beforehand).
public enum AnswersFile {
    /// The `schema:` line of an answers file in YAML.
    public static let schema = "crm-audit/answers/1"

    /// The formats an answers file is read from and written to.
    public enum Format: String, Sendable, CaseIterable {
        case yaml, csv

        /// The format named by a file's extension (`.csv`, else YAML).
        package init(path: String) {
            self = path.lowercased().hasSuffix(".csv") ? .csv : .yaml
        }
    }

    /// What an import stored.
    package struct ImportSummary: Sendable {
        package var stored: Int
        /// Warnings and notes (validation warnings, answers kept for removed questions).
        package var diagnostics: [Diagnostic]
        package var migration: MigrationReport
    }

    // MARK: Export

    /// The answers as a file: every question of the questionnaire in order (empty where
    /// unanswered, so the file doubles as a blank form), then answers to questions this
    /// version does not have under `kept:` (YAML) so that nothing is lost.
    public static func export(
        _ answers: [Answer], questionnaire: Questionnaire, format: Format, language: Language,
        heading: String? = nil
    ) -> String {
        var byID: [String: Answer] = [:]
        for answer in answers { byID[answer.questionID] = answer }
        switch format {
        case .yaml: return exportYAML(byID, questionnaire, language, heading)
        case .csv: return exportCSV(byID, questionnaire, language)
        }
    }

    private static func exportYAML(_ answers: [String: Answer], _ questionnaire: Questionnaire, _ language: Language, _ heading: String?)
        -> String
    {
        var lines = ["# " + OutputSignature.comment]
        if let heading { lines.append("# " + heading.replacingOccurrences(of: "\n", with: " ")) }
        lines.append(
            QuestionnaireText.answerAnOptionIdOrA.text()[language])
        lines += ["schema: \(schema)", "questionnaire: \(questionnaire.id)", "version: \(questionnaire.version)", "answers:"]
        for section in questionnaire.sections {
            lines.append("  # ── \(section.title[language]) ──")
            for question in section.questions {
                lines.append("  # \(question.text[language].replacingOccurrences(of: "\n", with: " "))")
                if question.type.hasOptions {
                    lines.append("  #   " + question.options.map { "\($0.id) = \($0.label[language])" }.joined(separator: "; "))
                }
                lines.append(contentsOf: entry(question.id, answers[question.id], question))
            }
        }
        let kept = answers.values.filter { questionnaire.question($0.questionID) == nil }.sorted { $0.questionID < $1.questionID }
        if !kept.isEmpty {
            lines.append(
                QuestionnaireText.answersToQuestionsThisVersionOf.text()[language])
            lines.append("kept:")
            for answer in kept { lines.append(contentsOf: entry(answer.questionID, answer, nil)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func entry(_ id: String, _ answer: Answer?, _ question: Question?) -> [String] {
        guard let answer else { return ["  \(id): ~"] }
        let value = yamlValue(answer.value)
        let note = answer.note.flatMap { $0.isEmpty ? nil : $0 }
        guard note != nil || answer.respondent != nil else { return ["  \(id): \(value)"] }
        var lines = ["  \(id):", "    answer: \(value)"]
        if let note { lines.append("    note: \(quote(note))") }
        if let respondent = answer.respondent {
            lines.append("    respondent: \(quote(respondent.name))")
            if let role = respondent.role { lines.append("    role: \(quote(role))") }
        }
        return lines
    }

    private static func yamlValue(_ value: AnswerValue) -> String {
        switch value {
        case .option(let id): id
        case .options(let ids): ids.isEmpty ? "\"-\"" : "[" + ids.joined(separator: ", ") + "]"
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): Question.format(number)
        case .text(let text): quote(text)
        case .date(let day): day.iso
        case .dontKnow: "dont_know"
        case .notApplicable: "not_applicable"
        }
    }

    /// A double-quoted YAML string.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The answers CSV's column names.
    static let csvHeader = (
        id: QuestionnaireText.questionId.text(), section: QuestionnaireText.section.text(),
        question: QuestionnaireText.question.text(), options: QuestionnaireText.options.text(),
        answer: QuestionnaireText.answer.text(), note: QuestionnaireText.note.text(),
        respondent: QuestionnaireText.respondent.text(), role: QuestionnaireText.role.text()
    )
    /// The names the respondent's and role's columns are read under.
    static let csvRespondentNames = ["respondent", "респондент", "кто ответил"]
    static let csvRoleNames = ["role", "должность", "роль"]

    private static func exportCSV(_ answers: [String: Answer], _ questionnaire: Questionnaire, _ language: Language) -> String {
        // One language per header; the reader takes either.
        let header = [
            Self.csvHeader.id, Self.csvHeader.section, Self.csvHeader.question, Self.csvHeader.options,
            Self.csvHeader.answer, Self.csvHeader.note, Self.csvHeader.respondent, Self.csvHeader.role,
        ].map { $0[language] }
        // UTF-8 with a BOM and ';' so that Excel in a Russian locale opens it as columns.
        var text = "\u{FEFF}" + CSVFormat.excel.line(header.map(CSVField.text))
        for section in questionnaire.sections {
            for question in section.questions {
                let options =
                    question.type.hasOptions
                    ? question.options.map { "\($0.id) = \($0.label[language])" }.joined(separator: " | ")
                    : question.type == .yesNo ? "yes | no" : ""
                let answer = answers[question.id]
                text += CSVFormat.excel.line([
                    .text(question.id), .text(section.title[language]), .text(question.text[language]), .text(options),
                    answer.map { csvField($0.value, question) } ?? .text(""), .text(answer?.note ?? ""),
                    .text(answer?.respondent?.name ?? ""), .text(answer?.respondent?.role ?? ""),
                ])
            }
        }
        return text
    }

    /// An answer as a CSV field: a text answer is the person's own text, neutralised against
    /// formulas (``readCSV`` restores it); the rest (numbers, option ids, dates, `-` for none)
    /// the tool formats itself, written as they are so that `-5` stays a number in Excel.
    private static func csvField(_ value: AnswerValue, _ question: Question) -> CSVField {
        if case .text = value { return .text(question.fileText(value)) }
        return .formatted(question.fileText(value))
    }

    // MARK: Import

    /// One answer read from a file, before validation.
    package struct RawEntry {
        package var questionID: String
        package var text: String?
        /// For a YAML list: the items.
        package var items: [String]?
        package var note: String?
        package var location: SourceLocation
        /// Who gave it: the file's `respondent:` (YAML), a row's columns (CSV), a workbook's header.
        package var respondent: Respondent? = nil

        package init(
            questionID: String, text: String?, items: [String]? = nil, note: String?, location: SourceLocation,
            respondent: Respondent? = nil
        ) {
            self.questionID = questionID
            self.text = text
            self.items = items
            self.note = note
            self.location = location
            self.respondent = respondent
        }
    }

    /// Reads, checks and stores the answers of `path` into `round`: all of them, or none when
    /// any is wrong. Every bad answer is reported with its line.
    /// - Throws: a ``DiagnosticList`` with every problem, when there is an error.
    @discardableResult
    package static func importFile(
        _ path: String, into store: any AnswerStore, round: AuditRound, questionnaire: Questionnaire,
        format: Format? = nil, respondent: Respondent? = nil
    ) throws -> ImportSummary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([
                Diagnostic(
                    at: SourceLocation(file: path),
                    QuestionnaireText.cannotReadItDoesNotExist2.text(["path": .value(path)]))
            ])
        }
        // Russian Excel saves CSV in Windows-1251, and others with a byte-order mark: read them
        // as the data importer does.
        let text = TextEncoding.decodeWholeFile([UInt8](data)).text
        let (answers, diagnostics, report) = read(
            text: text, file: path, format: format ?? Format(path: path), questionnaire: questionnaire,
            answeredAt: Timestamp.now(), respondent: respondent)
        return try Self.store(answers, diagnostics: diagnostics, migration: report, into: store, round: round, questionnaire: questionnaire)
    }

    /// Stores answers read from a file (any format): all of them, or none when a diagnostic is
    /// an error.
    /// - Throws: a ``DiagnosticList`` with every problem, when there is an error.
    package static func store(
        _ answers: [Answer], diagnostics: [Diagnostic], migration: MigrationReport, into store: any AnswerStore,
        round: AuditRound, questionnaire: Questionnaire
    ) throws -> ImportSummary {
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticList(diagnostics) }
        try questionnaire.attach(to: store, round: round)
        try store.save(keepingUnchanged(answers, stored: store.answers(round: round)), round: round)
        return ImportSummary(stored: answers.count, diagnostics: diagnostics, migration: migration)
    }

    /// `imported` with every answer whose value and note equal the stored one replaced by the
    /// stored answer (its source and time: an answer given in the interview and exported, then
    /// imported back unchanged, was still given in the interview), confirmed — importing a file
    /// is the consultant's confirmation of what it holds.
    static func keepingUnchanged(_ imported: [Answer], stored: [Answer]) -> [Answer] {
        let byQuestion = Dictionary(stored.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        return imported.map { answer in
            guard var existing = byQuestion[answer.questionID], existing.respondent == answer.respondent, existing.value == answer.value,
                (existing.note ?? "") == (answer.note ?? "")
            else { return answer }
            existing.confirmed = true
            return existing
        }
    }

    /// Reads and checks answer-file `text` (no storing).
    public static func read(
        text: String, file: String, format: Format, questionnaire: Questionnaire, answeredAt: String,
        respondent: Respondent? = nil
    )
        -> (answers: [Answer], diagnostics: [Diagnostic], migration: MigrationReport)
    {
        var diagnostics: [Diagnostic] = []
        var version = questionnaire.version
        var entries: [RawEntry]
        switch format {
        case .yaml: entries = readYAML(text, file, questionnaire, &diagnostics, &version)
        case .csv: entries = readCSV(text, file, &diagnostics)
        }
        if let respondent {
            for index in entries.indices where entries[index].respondent == nil { entries[index].respondent = respondent }
        }
        return check(
            entries, questionnaire: questionnaire, version: version, answeredAt: answeredAt, source: .file, diagnostics: diagnostics)
    }

    /// Checks raw entries against `questionnaire` (answers of `version`, migrated): the answers
    /// and every problem, at its place.
    package static func check(
        _ entries: [RawEntry], questionnaire: Questionnaire, version: String, answeredAt: String, source: AnswerSource,
        diagnostics: [Diagnostic]
    ) -> (answers: [Answer], diagnostics: [Diagnostic], migration: MigrationReport) {
        var diagnostics = diagnostics
        let plan = MigrationPlan(questionnaire: questionnaire, from: version)
        var report = MigrationReport(fromVersion: version, toVersion: questionnaire.version)
        var answers: [Answer] = []
        var seen: [String: SourceLocation] = [:]
        var values: [String: AnswerValue] = [:]  // validations compare with the first respondent's
        var pending: [(Question, AnswerValue, RawEntry)] = []
        for entry in entries {
            var id = entry.questionID
            if let renamed = plan.renamed[id] {
                report.renamed.append(.init(from: id, to: renamed))
                id = renamed
            }
            let key = id + "\u{0}" + (entry.respondent?.name ?? "")
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        at: entry.location,
                        QuestionnaireText.isAlreadyAnswered.text([
                            "id": .value(id),
                            "place": .inEach { first.place(in: $0) },
                        ])))
                continue
            }
            seen[key] = entry.location
            guard let question = questionnaire.question(id) else {
                if plan.removed.contains(id) {
                    guard let raw = entry.text ?? entry.items?.joined(separator: ", ") else { continue }
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: entry.location,
                            QuestionnaireText.questionWasRemovedInVersionThe.text([
                                "id": .value(id), "version": .value(questionnaire.version),
                            ])))
                    answers.append(
                        Answer(
                            questionID: id, value: .text(raw), note: entry.note, source: source, answeredAt: answeredAt,
                            respondent: entry.respondent))
                    report.orphaned.append(id)
                } else {
                    let near = questionnaire.questions.map(\.id).min { editDistance($0, id) < editDistance($1, id) }
                        .flatMap { editDistance($0, id) <= 3 ? $0 : nil }
                    diagnostics.append(
                        Diagnostic(
                            at: entry.location,
                            near.map {
                                QuestionnaireText.questionnaireHasNoQuestionNear.text([
                                    "questionnaire": .text(questionnaire.id), "id": .text(id), "near": .text($0),
                                ])
                            }
                                ?? QuestionnaireText.questionnaireHasNoQuestion.text([
                                    "questionnaire": .text(questionnaire.id), "id": .text(id),
                                ])))
                }
                continue
            }
            var raw = entry.items?.joined(separator: ", ") ?? entry.text
            if let codes = plan.recoded[id], let current = raw {
                raw = current.split(separator: ",").map { piece in
                    let token = piece.trimmingCharacters(in: .whitespaces)
                    if let new = codes[token] {
                        report.recoded.append(.init(question: id, from: token, to: new))
                        return new
                    }
                    return token
                }.joined(separator: ", ")
            }
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { continue }  // no answer: skipped
            switch question.parseAnswer(raw) {
            case .failure(let problem):
                diagnostics.append(Diagnostic(at: entry.location, problem.message.map { "«\(id)»: " + $0 }))
            case .success(let value):
                if values[id] == nil { values[id] = value }
                pending.append((question, value, entry))
            }
        }
        // Validations may compare with other answers, so they run once every answer is read.
        let bindings = Bindings(answers: values)
        for (question, value, entry) in pending {
            for problem in question.validate(value, bindings: bindings) {
                diagnostics.append(Diagnostic(problem.severity, at: entry.location, problem.message.map { "«\(question.id)»: " + $0 }))
            }
            answers.append(
                Answer(
                    questionID: question.id, value: value, note: entry.note, source: source, answeredAt: answeredAt,
                    respondent: entry.respondent))
        }
        return (answers, QuestionnaireLoader.sorted(diagnostics), report)
    }

    private static func readYAML(
        _ text: String, _ file: String, _ questionnaire: Questionnaire, _ diagnostics: inout [Diagnostic],
        _ version: inout String
    ) -> [RawEntry] {
        let source: YAMLSource
        do throws(Diagnostic) {
            source = try YAMLSource(text: text, file: file)
        } catch {
            diagnostics.append(error)
            return []
        }
        var reader = NodeReader(source: source, text: text)
        let what = QuestionnaireText.answersFile.text()
        defer { diagnostics += reader.diagnostics }
        guard
            let fields = reader.mapping(
                source.root, what,
                allowed: [
                    "schema", "questionnaire", "version", "client", "round", "respondent",
                    "answers", "kept",
                ])
        else { return [] }
        // `respondent: {name: …, role: …}` (or just a name): who gave every answer of the file.
        var fileRespondent: Respondent?
        if let node = fields["respondent"] {
            if let name = node.scalar?.string {
                fileRespondent = Respondent(name: name)
            } else if let person = reader.mapping(node, QuestionnaireText.respondent.text(), allowed: ["name", "role"]) {
                fileRespondent = Respondent(name: person["name"]?.scalar?.string ?? "", role: person["role"]?.scalar?.string)
            }
            if fileRespondent == nil {
                reader.error(
                    node, QuestionnaireText.respondentGiveANameAndA.text()
                )
            }
        }
        if let schema = reader.string(fields, "schema", required: true, what), schema != AnswersFile.schema {
            reader.error(
                fields["schema"] ?? source.root,
                QuestionnaireText.unknownFormatExpected.text(["schema": .value(schema), "schema2": .value(AnswersFile.schema)]))
        }
        if let id = reader.string(fields, "questionnaire", required: true, what), id != questionnaire.id {
            reader.error(
                fields["questionnaire"] ?? source.root,
                QuestionnaireText.theAnswersAreToQuestionnaireNot.text(["id": .value(id), "id2": .value(questionnaire.id)]))
        }
        if let given = reader.string(fields, "version", what) {
            if SemanticVersion(given) == nil {
                reader.error(
                    fields["version"] ?? source.root,
                    QuestionnaireText.versionMustLookLike2.text(["given": .value(given)]))
            } else {
                version = given
            }
        }
        if let kept = fields["kept"] {
            reader.warning(
                kept,
                QuestionnaireText.theKeptSectionAnswersToRemoved.text())
        }
        guard let answersNode = fields["answers"] else {
            reader.error(source.root, QuestionnaireText.theKeyAnswersIsMissing.text())
            return []
        }
        guard case .mapping(let mapping) = answersNode else {
            if answersNode.scalar == nil || answersNode.scalar?.string.isEmpty == false {
                reader.error(
                    answersNode,
                    QuestionnaireText.answersExpectedAMappingQuestionId.text())
            }
            return []
        }
        var entries: [RawEntry] = []
        for (key, value) in mapping {
            guard let id = key.scalar?.string else { continue }
            var entry = RawEntry(
                questionID: id, text: nil, items: nil, note: nil, location: reader.location(key), respondent: fileRespondent)
            var valueNode = value
            if case .mapping = value {
                guard
                    let item = reader.mapping(
                        value, QuestionnaireText.answer2.text(["id": .value(id)]),
                        allowed: ["answer", "note", "respondent", "role"])
                else { continue }
                entry.note = item["note"]?.scalar?.string
                if let name = item["respondent"]?.scalar?.string {
                    entry.respondent = Respondent(name: name, role: item["role"]?.scalar?.string)
                }
                guard let answer = item["answer"] else {
                    entries.append(entry)
                    continue
                }
                valueNode = answer
            }
            switch valueNode {
            case .scalar(let scalar):
                let isNull = scalar.style == .plain && ["", "~", "null"].contains(scalar.string)
                entry.text = isNull ? nil : scalar.string
            case .sequence(let items):
                entry.items = items.compactMap { $0.scalar?.string }
            default:
                reader.error(
                    valueNode, QuestionnaireText.anAnswerIsAValueOr.text(["id": .value(id)]))
                continue
            }
            entries.append(entry)
        }
        return entries
    }

    private static func readCSV(_ text: String, _ file: String, _ diagnostics: inout [Diagnostic]) -> [RawEntry] {
        let (records, unclosedQuote) = CSVReader.records(text)
        if let unclosedQuote {
            diagnostics.append(
                Diagnostic(
                    at: SourceLocation(file: file, line: unclosedQuote),
                    QuestionnaireText.theQuoteOpenedOnThisLine.text()))
            return []
        }
        guard let header = records.first else {
            diagnostics.append(Diagnostic(at: SourceLocation(file: file, line: 1), QuestionnaireText.theFileIsEmpty.text()))
            return []
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let idColumn = column(["question_id", "id", "id вопроса", "id_вопроса"]),
            let answerColumn = column(["answer", "ответ"])
        else {
            diagnostics.append(
                Diagnostic(
                    at: SourceLocation(file: file, line: header.line),
                    QuestionnaireText.theHeaderNeedsTheColumnsQuestion.text()))
            return []
        }
        let noteColumn = column(["note", "примечание", "заметка", "комментарий", "comment"])
        let respondentColumn = column(csvRespondentNames), roleColumn = column(csvRoleNames)
        var entries: [RawEntry] = []
        for record in records.dropFirst() {
            let fields = record.fields
            guard fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            let location = SourceLocation(file: file, line: record.line)
            guard idColumn < fields.count, !fields[idColumn].trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.append(Diagnostic(at: location, QuestionnaireText.theQuestionIdIsMissing.text()))
                continue
            }
            // The export put a ' before text that a spreadsheet would run as a formula: dropped here.
            let answer = answerColumn < fields.count ? CSVFormat.restoringNeutralised(fields[answerColumn]) : ""
            let note = noteColumn.flatMap { $0 < fields.count ? CSVFormat.restoringNeutralised(fields[$0]) : nil }.flatMap {
                $0.isEmpty ? nil : $0
            }
            func field(_ column: Int?) -> String? { column.flatMap { $0 < fields.count ? fields[$0] : nil } }
            entries.append(
                RawEntry(
                    questionID: fields[idColumn].trimmingCharacters(in: .whitespaces),
                    text: answer.isEmpty ? nil : answer, items: nil, note: note, location: location,
                    respondent: field(respondentColumn).flatMap { Respondent(name: $0, role: field(roleColumn)) }))
        }
        return entries
    }
}

/// The renames, re-codes and removals that take answers of one version to the current one.
struct MigrationPlan {
    var renamed: [String: String] = [:]
    var recoded: [String: [String: String]] = [:]
    var removed: Set<String> = []

    init(questionnaire: Questionnaire, from version: String) {
        guard version != questionnaire.version, let from = SemanticVersion(version) else { return }
        for step in questionnaire.migrations where VersionRange(step.from)?.contains(from) == true {
            for (old, new) in step.renamed {
                // Chain renames: a → b in one step and b → c in a later one give a → c.
                for (key, value) in renamed where value == old { renamed[key] = new }
                renamed[old] = new
            }
            for (question, codes) in step.recoded { recoded[question, default: [:]].merge(codes) { $1 } }
            removed.formUnion(step.removed)
        }
    }
}

/// A small RFC 4180 reader: `;`, `,` or tab (guessed from the header), quoted fields,
/// doubled quotes, line breaks inside quotes, a UTF-8 BOM.
enum CSVReader {
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records of `input`, and the line of a quote that is never closed (the last record
    /// then runs to the end of the file).
    static func records(_ input: String) -> (records: [Record], unclosedQuoteLine: Int?) {
        var text = Substring(input)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: Character =
            [";", "\t", ","].max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count } ?? ";"
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var quoteLine = 1
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let held = pending {
                pending = nil
                return held
            }
            return iterator.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where atFieldStart:
                quoted = true
                quoteLine = line
                atFieldStart = false
            case delimiter:
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\n", "\r\n", "\r":
                fields.append(field)
                records.append(Record(fields: fields, line: recordLine))
                fields = []
                field = ""
                atFieldStart = true
                line += 1
                recordLine = line
            default:
                field.append(character)
                atFieldStart = false
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(fields: fields, line: recordLine))
        }
        return (records, quoted ? quoteLine : nil)
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
        var current = [i] + Array(repeating: 0, count: y.count)
        for j in 1...y.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[y.count]
}
