import AuditModel
import Foundation
import Importers
import Questionnaire

/// The questionnaire as a workbook a respondent fills in Excel or LibreOffice before the visit
/// (`answers export WS FILE.xlsx`), and reading it back (`answers import`).
///
/// The form sheet holds the respondent's name, role and date at the top, then every section
/// (a shaded band with its help) and its questions: the question, how to answer it, the answer
/// cell, a "don't know / not applicable" cell where the question allows them, and a comment.
/// Choices are drop-down lists of the options' labels; a multiple choice lists its options on
/// rows of their own, each marked "yes" when it applies; numbers and dates are checked by the
/// spreadsheet. The sheet is protected (only the shaded cells can be changed) and the
/// workbook's structure locked; an instructions sheet comes first. Question ids sit in a hidden
/// column, the lists and the questionnaire's id and version on a hidden sheet.
///
/// Reading takes the workbook as written or saved again by Excel or LibreOffice, all or
/// nothing: every problem is named by sheet and cell.
package enum AnswersWorkbook {
    /// Written into the hidden sheet, so that a workbook of another kind is recognised.
    static let schema = "crm-audit/answers-workbook/1"
    static let listsSheet = "Lists"
    /// The form's columns: id (hidden), question, how to answer, answer, non-answer, comment.
    enum Column: Int { case id, question, hint, answer, nonAnswer, comment }
    /// Rows of the respondent's name, role and date (1-based), and of the table's header.
    static let nameRow = 3, roleRow = 4, dateRow = 5, headerRow = 7

    static func formSheetName(_ language: Language) -> String { text.formSheet[language] }
    static func instructionsSheetName(_ language: Language) -> String { text.instructionsSheet[language] }

    // MARK: Writing

    /// The workbook's bytes: `questionnaire` in `language`, with `answers` filled in (a
    /// respondent's own earlier answers, or none for a blank form).
    package static func data(
        questionnaire: Questionnaire, answers: [Answer], respondent: Respondent?, client: String,
        language: Language
    ) throws -> Data {
        var builder = FormBuilder(language: language)
        let byID = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        builder.rows = [
            [.empty, .title(text.title[language] + (client.isEmpty ? "" : " — " + client))],
            [.empty, .text(questionnaire.title[language] + " · " + text.version[language] + " " + questionnaire.version)],
            [.empty, .bold(text.name[language]), .empty, .input(respondent?.name ?? "")],
            [.empty, .bold(text.role[language]), .empty, .input(respondent?.role ?? "")],
            [.empty, .bold(text.date[language]), .empty, .inputDate(nil)],
            [],
            [
                .bold("id"), .bold(text.question[language]), .bold(text.hint[language]), .bold(text.answer[language]),
                .bold(text.nonAnswer[language]), .bold(text.comment[language]),
            ],
        ]
        builder.validate(row: dateRow, column: .answer, kind: .date, prompt: nil, error: text.dateError[language])
        for section in questionnaire.sections {
            builder.rows.append([.empty, .band(section.title[language]), section.help.map { .text($0[language]) } ?? .empty])
            for question in section.questions { builder.add(question, answer: byID[question.id]) }
        }
        var form = SpreadsheetWriter.Sheet(name: formSheetName(language), rows: builder.rows, frozenRows: headerRow)
        form.widths = [12, 55, 40, 30, 22, 40]
        form.hiddenColumns = [Column.id.rawValue]
        form.validations = builder.validations
        form.protected = true
        var lists = SpreadsheetWriter.Sheet(name: listsSheet, rows: builder.listRows(questionnaire: questionnaire))
        lists.hidden = true
        lists.protected = true
        var instructions = SpreadsheetWriter.Sheet(
            name: instructionsSheetName(language),
            rows: text.instructions.map { [.text($0[language])] })
        instructions.rows.insert([.title(text.instructionsTitle[language])], at: 0)
        instructions.widths = [110]
        instructions.protected = true
        return try SpreadsheetWriter(sheets: [instructions, form, lists], lockedStructure: true).data()
    }

    /// Lays out the form's rows and collects the drop-down lists and checks.
    struct FormBuilder {
        let language: Language
        var rows: [[SpreadsheetWriter.Cell]] = []
        var validations: [SpreadsheetWriter.Validation] = []
        /// The lists the drop-downs take their values from, one column of the hidden sheet each.
        var lists: [[String]] = []

        init(language: Language) { self.language = language }

        /// The range of the hidden sheet holding `values` (added once).
        mutating func range(of values: [String]) -> String {
            let index =
                lists.firstIndex(of: values)
                ?? {
                    lists.append(values)
                    return lists.count - 1
                }()
            let column = SpreadsheetWriter.columnName(index)
            // Row 1 holds the workbook's kind, questionnaire and version.
            return "\(listsSheet)!$\(column)$2:$\(column)$\(values.count + 1)"
        }

        mutating func validate(row: Int, column: Column, kind: SpreadsheetWriter.Validation.Kind, prompt: String?, error: String) {
            validations.append(
                SpreadsheetWriter.Validation(
                    cell: SpreadsheetWriter.columnName(column.rawValue) + String(row), kind: kind, prompt: prompt, error: error))
        }

        mutating func add(_ question: Question, answer: Answer?) {
            let row = rows.count + 1
            let value = answer?.value
            let nonAnswers = AnswersWorkbook.nonAnswers(for: question).map { $0.label[language] }
            let nonAnswerCell: SpreadsheetWriter.Cell
            switch value {
            case .dontKnow?: nonAnswerCell = .input(text.dontKnow[language])
            case .notApplicable?: nonAnswerCell = .input(text.notApplicable[language])
            case .options(let ids)? where ids.isEmpty: nonAnswerCell = .input(text.noneOfThese[language])
            default: nonAnswerCell = nonAnswers.isEmpty ? .empty : .input("")
            }
            if !nonAnswers.isEmpty {
                validate(
                    row: row, column: .nonAnswer, kind: .list(range: range(of: nonAnswers)), prompt: nil,
                    error: text.listError[language])
            }
            let comment = SpreadsheetWriter.Cell.input(answer?.note ?? "")
            let questionText = question.text[language] + (question.required ? " *" : "")
            let hint = AnswersWorkbook.hint(for: question, language: language)
            switch question.type {
            case .multi:
                rows.append([.text(question.id), .bold(questionText), .text(hint), .text(text.markBelow[language]), nonAnswerCell, comment])
                let chosen: Set<String> = if case .options(let ids)? = value { Set(ids) } else { [] }
                let tick = range(of: [text.yes[language]])
                for option in question.options {
                    let optionRow = rows.count + 1
                    rows.append([
                        .text(question.id + ":" + option.id), .text("    • " + option.label[language]), .empty,
                        .input(chosen.contains(option.id) ? text.yes[language] : ""),
                    ])
                    validate(row: optionRow, column: .answer, kind: .list(range: tick), prompt: nil, error: text.tickError[language])
                }
                return
            case .single:
                validate(
                    row: row, column: .answer, kind: .list(range: range(of: question.options.map { $0.label[language] })),
                    prompt: nil, error: text.listError[language])
            case .yesNo:
                validate(
                    row: row, column: .answer, kind: .list(range: range(of: [text.yes[language], text.no[language]])),
                    prompt: nil, error: text.listError[language])
            case .scale:
                validate(row: row, column: .answer, kind: .whole(min: 1, max: 5), prompt: nil, error: text.scaleError[language])
            case .percent:
                validate(row: row, column: .answer, kind: .decimal(min: 0, max: 100), prompt: nil, error: text.percentError[language])
            case .number, .money:
                let (low, high) = AnswersWorkbook.bounds(of: question)
                validate(
                    row: row, column: .answer, kind: .decimal(min: low, max: high), prompt: nil,
                    error: AnswersWorkbook.numberError(low: low, high: high, language: language))
            case .date:
                validate(row: row, column: .answer, kind: .date, prompt: nil, error: text.dateError[language])
            case .text:
                break
            }
            rows.append([.text(question.id), .bold(questionText), .text(hint), answerCell(question, value), nonAnswerCell, comment])
        }

        func answerCell(_ question: Question, _ value: AnswerValue?) -> SpreadsheetWriter.Cell {
            switch value {
            case .option(let id)?: return .input(question.options.first { $0.id == id }?.label[language] ?? id)
            case .bool(let flag)?: return .input(flag ? text.yes[language] : text.no[language])
            case .number(let number)?: return .inputNumber(number)
            case .date(let day)?: return .inputDate(day)
            case .text(let value)?: return .input(value)
            default: return question.type == .date ? .inputDate(nil) : .input("")
            }
        }

        func listRows(questionnaire: Questionnaire) -> [[SpreadsheetWriter.Cell]] {
            let height = (lists.map(\.count).max() ?? 0) + 1
            var rows: [[SpreadsheetWriter.Cell]] = [[.text(schema), .text(questionnaire.id), .text(questionnaire.version)]]
            for index in 1..<max(height, 1) {
                rows.append(lists.map { index - 1 < $0.count ? .text($0[index - 1]) : .empty })
            }
            return rows
        }
    }

    /// The non-answers a question accepts, as the workbook offers them.
    static func nonAnswers(for question: Question) -> [(value: String, label: LocalizedText)] {
        var result: [(String, LocalizedText)] = []
        if question.allowsDontKnow { result.append(("dont_know", text.dontKnow)) }
        if question.allowsNotApplicable { result.append(("not_applicable", text.notApplicable)) }
        if question.type == .multi { result.append(("-", text.noneOfThese)) }
        return result
    }

    /// The bounds an error-level range validation of the questionnaire sets.
    static func bounds(of question: Question) -> (Double?, Double?) {
        for validation in question.validations where validation.severity == .error {
            if case .range(let low, let high) = validation.rule { return (low, high) }
        }
        return (nil, nil)
    }

    static func numberError(low: Double?, high: Double?, language: Language) -> String {
        let formatter = Formatter(language)
        switch (low, high) {
        case (let low?, let high?):
            return AuditText.enterANumberFromTo.text(["number": .value(formatter.number(low)), "number2": .value(formatter.number(high))])[
                language]
        case (let low?, nil):
            return AuditText.enterANumberOfAtLeast.text(["number": .value(formatter.number(low))])[language]
        default:
            return text.numberError[language]
        }
    }

    /// How to answer: the question's help, then the form of the answer.
    static func hint(for question: Question, language: Language) -> String {
        let form: LocalizedText =
            switch question.type {
            case .single: text.chooseOne
            case .multi: text.chooseSeveral
            case .yesNo: text.chooseYesNo
            case .scale: text.scale
            case .percent: text.percent
            case .number, .money: question.unit.map { AuditText.aNumber.text(["value": .localized($0)]) } ?? text.number
            case .date: text.dateForm
            case .text: text.freeText
            }
        let help = clientHelp(question.help[language])
        return help.isEmpty ? form[language] : help + "\n" + form[language]
    }

    /// The words a help sentence addressed to the consultant starts with ("Попросите показать
    /// экран", "Ask them to show…"): the interview's help is written for the consultant, and a
    /// client filling the form is not asked to ask themselves.
    static let consultantVerbs: Set<String> = [
        "Запишите", "Попросите", "Проверьте", "Сверьте", "Спросите", "Уточните",
        "Ask", "Check", "Write", "Record", "Compare",
    ]

    /// `help` without the sentences addressed to the consultant.
    static func clientHelp(_ help: String) -> String {
        // A sentence ends at . ! ? and any closing quotes or brackets right after it.
        var sentences: [String] = [], current = ""
        let characters = Array(help)
        var index = 0
        while index < characters.count {
            current.append(characters[index])
            if ".!?".contains(characters[index]) {
                while index + 1 < characters.count, "»\"”)".contains(characters[index + 1]) {
                    index += 1
                    current.append(characters[index])
                }
                sentences.append(current)
                current = ""
            }
            index += 1
        }
        sentences.append(current)
        return sentences.filter { sentence in
            let first = sentence.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            return !consultantVerbs.contains(first.trimmingCharacters(in: CharacterSet(charactersIn: ":,«\"")))
        }.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Reading

    /// Reads the answers of a filled workbook at `path`: every answer with its respondent (the
    /// name and role at the top, else `respondent`), checked against `questionnaire`.
    /// - Throws: an ``ImportError`` when the file is not a workbook that can be read.
    package static func read(path: String, questionnaire: Questionnaire, answeredAt: String, respondent fallback: Respondent?) throws
        -> (answers: [Answer], diagnostics: [Diagnostic], migration: MigrationReport)
    {
        var diagnostics: [Diagnostic] = []
        let file = (path as NSString).lastPathComponent
        // Which questionnaire and version the workbook was written for.
        var version = questionnaire.version
        if let about = try? XLSXRowSource(path: path, sheet: listsSheet), let first = try about.nextRow() {
            let fields = first.cells.map(\.display)
            if fields.first == schema, fields.count >= 3 {
                if fields[1] != questionnaire.id {
                    diagnostics.append(
                        Diagnostic(
                            at: SourceLocation(file: path, sheet: listsSheet, cell: "B1"),
                            AuditText.theWorkbookIsForQuestionnaireNot.text(["fields": .value(fields[1]), "id": .value(questionnaire.id)])))
                    return AnswersFile.check(
                        [], questionnaire: questionnaire, version: version, answeredAt: answeredAt, source: .workbook,
                        diagnostics: diagnostics)
                }
                version = fields[2]
            }
        }
        guard let (sheetName, source) = formSheet(path) else {
            diagnostics.append(
                Diagnostic(
                    at: SourceLocation(file: path),
                    AuditText.theWorkbookHasNoSheetOr.text([
                        "sheets": .quotedList(Language.allCases.map(formSheetName)), "file": .value(file),
                    ])))
            return AnswersFile.check(
                [], questionnaire: questionnaire, version: version, answeredAt: answeredAt, source: .workbook, diagnostics: diagnostics)
        }
        func place(_ column: Column, _ row: Int) -> SourceLocation {
            var location = SourceLocation(file: path, sheet: sheetName, cell: SpreadsheetWriter.columnName(column.rawValue) + String(row))
            location.line = row  // for sorting: problems are listed down the sheet
            location.column = column.rawValue + 1
            return location
        }
        var name = "", role = ""
        var entries: [AnswersFile.RawEntry] = []
        var ticks: [String: [String]] = [:]
        var pendingMulti: [String: (row: Int, nonAnswer: String, note: String?)] = [:]
        while let row = try source.nextRow() {
            func cell(_ column: Column) -> String {
                column.rawValue < row.cells.count ? cellText(row.cells[column.rawValue]) : ""
            }
            if row.line == nameRow { name = cell(.answer) }
            if row.line == roleRow { role = cell(.answer) }
            let id = cell(.id)
            guard row.line > headerRow, !id.isEmpty else { continue }
            let answer = cell(.answer), nonAnswer = cell(.nonAnswer), note = cell(.comment)
            if let colon = id.firstIndex(of: ":") {
                // An option row of a multiple choice: marked "yes" when the option applies.
                let questionID = String(id[..<colon]), optionID = String(id[id.index(after: colon)...])
                if isTick(answer) {
                    ticks[questionID, default: []].append(optionID)
                } else if !answer.isEmpty && !isUntick(answer) {
                    diagnostics.append(
                        Diagnostic(
                            at: place(.answer, row.line),
                            AuditText.markTheOptionWithYesOr.text(["answer": .value(answer)])))
                }
                continue
            }
            guard let question = questionnaire.question(id) else {
                entries.append(
                    AnswersFile.RawEntry(
                        questionID: id, text: answer.isEmpty ? nil : answer, note: note.isEmpty ? nil : note,
                        location: place(.answer, row.line)))
                continue
            }
            if question.type == .multi {
                pendingMulti[id] = (row.line, nonAnswer, note.isEmpty ? nil : note)
                continue
            }
            if !answer.isEmpty && !nonAnswer.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        at: place(.nonAnswer, row.line),
                        AuditText.bothAnAnswerAndAreGiven.text(["id": .value(id), "answer": .value(answer), "nonAnswer": .value(nonAnswer)])
                    ))
                continue
            }
            let given = nonAnswer.isEmpty ? answer : nonAnswerValue(nonAnswer)
            entries.append(
                AnswersFile.RawEntry(
                    questionID: id, text: given.isEmpty ? nil : given, note: note.isEmpty ? nil : note,
                    location: place(nonAnswer.isEmpty ? .answer : .nonAnswer, row.line)))
        }
        for (id, pending) in pendingMulti.sorted(by: { $0.value.row < $1.value.row }) {
            let chosen = ticks[id] ?? []
            if !chosen.isEmpty && !pending.nonAnswer.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        at: place(.nonAnswer, pending.row),
                        AuditText.optionsAreMarkedAndTooKeep.text(["id": .value(id), "nonAnswer": .value(pending.nonAnswer)])))
                continue
            }
            let given = pending.nonAnswer.isEmpty ? chosen.joined(separator: ", ") : nonAnswerValue(pending.nonAnswer)
            entries.append(
                AnswersFile.RawEntry(
                    questionID: id, text: given.isEmpty ? nil : given, note: pending.note,
                    location: place(pending.nonAnswer.isEmpty ? .answer : .nonAnswer, pending.row)))
        }
        var person = Respondent(name: name, role: role)
        if person == nil { person = fallback }
        if person == nil, entries.contains(where: { $0.text != nil }) {
            diagnostics.append(
                Diagnostic(
                    at: place(.answer, nameRow),
                    AuditText.whoFilledInTheFormIs.text([
                        "columnName": .value(SpreadsheetWriter.columnName(Column.answer.rawValue)), "nameRow": .value(nameRow),
                    ])))
        }
        for index in entries.indices { entries[index].respondent = person }
        return AnswersFile.check(
            entries, questionnaire: questionnaire, version: version, answeredAt: answeredAt, source: .workbook,
            diagnostics: diagnostics)
    }

    /// The form sheet (by either language's name) and a reader of its rows.
    static func formSheet(_ path: String) -> (String, XLSXRowSource)? {
        for language in Language.allCases {
            let name = formSheetName(language)
            if let source = try? XLSXRowSource(path: path, sheet: name) { return (name, source) }
        }
        return nil
    }

    /// A cell as the answer parser reads it: numbers without a thousands separator, dates ISO.
    static func cellText(_ cell: Cell) -> String {
        switch cell {
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15, let whole = Int64(exactly: value) { return String(whole) }
            return String(value)
        case .date(let day): return day.iso
        case .bool(let flag): return flag ? "yes" : "no"
        default: return cell.display.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The non-answer a label stands for, in either language.
    static func nonAnswerValue(_ label: String) -> String {
        let key = label.lowercased()
        for (value, text) in [("dont_know", text.dontKnow), ("not_applicable", text.notApplicable), ("-", text.noneOfThese)]
        where Language.allCases.contains(where: { text[$0].lowercased() == key }) {
            return value
        }
        return label  // the answer parser names what it does not understand
    }

    static func isTick(_ text: String) -> Bool {
        ["да", "yes", "x", "х", "✓", "v", "+", "1", "true", "истина"].contains(text.lowercased())
    }

    static func isUntick(_ text: String) -> Bool {
        ["нет", "no", "0", "-", "false", "ложь"].contains(text.lowercased())
    }

    // MARK: Texts

    static let text = Texts()

    struct Texts {
        let formSheet = AuditText.questionnaire.text()
        let instructionsSheet = AuditText.howToFillIn.text()
        let title = AuditText.questionnaireBeforeTheCustomerManagementAudit.text()
        let version = AuditText.version.text()
        let name = AuditText.yourName.text()
        let role = AuditText.yourPosition.text()
        let date = AuditText.dateFilledIn.text()
        let question = AuditText.questionRequired.text()
        let hint = AuditText.explanationAndHowToAnswer.text()
        let answer = AuditText.answer.text()
        let nonAnswer = AuditText.donTKnowNotApplicable.text()
        let comment = AuditText.comment.text()
        let markBelow = AuditText.markYesAtTheOptionsBelow.text()
        let yes = AuditText.yes.text()
        let no = AuditText.no.text()
        let dontKnow = AuditText.donTKnow.text()
        let notApplicable = AuditText.notApplicable.text()
        let noneOfThese = AuditText.noneOfThese.text()
        let chooseOne = AuditText.chooseOneOptionFromTheList.text()
        let chooseSeveral = AuditText.severalOptionsMayApply.text()
        let chooseYesNo = AuditText.yesOrNo.text()
        let scale = AuditText.aScoreFromNotAtAll.text()
        let percent = AuditText.aPercentFromTo.text()
        let number = AuditText.aNumber2.text()
        let dateForm = AuditText.aDate.text()
        let freeText = AuditText.yourOwnWords.text()
        let listError = AuditText.chooseAValueFromTheList.text()
        let tickError = AuditText.markTheOptionWithYesOr2.text()
        let scaleError = AuditText.enterAWholeNumberFromTo.text()
        let percentError = AuditText.enterAPercentFromTo.text()
        let numberError = AuditText.enterANumber.text()
        let dateError = AuditText.enterADateEG.text()
        let instructionsTitle = AuditText.howToFillInTheQuestionnaire.text()
        let instructions: [LocalizedText] = [
            AuditText.theQuestionnaireIsOnTheSheet.text(),
            AuditText.firstWriteYourNameAndPosition.text(),
            AuditText.optionsAreChosenFromTheList.text(),
            AuditText.ifYouDoNotKnowThe.text(),
            AuditText.writeNumbersAsDigitsWithoutUnits.text(),
            AuditText.aCommentMayGoWithAny.text(),
            AuditText.youNeedNotAnswerEverythingThe.text(),
            AuditText.saveTheFileInTheSame.text(),
            AuditText.theFileHoldsInformationAboutYour.text(),
        ]
    }
}
