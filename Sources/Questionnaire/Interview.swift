import AuditModel
import Expressions
import Foundation

/// Where an interview reads the consultant's input and writes the questions.
package protocol InterviewConsole {
    /// The next line typed (without its newline); nil at the end of input.
    mutating func readLine() -> String?
    /// Writes `text` as is (the interview adds newlines itself).
    mutating func write(_ text: String)
    /// True on a terminal: colours are used only then.
    var isTerminal: Bool { get }
    /// The terminal's width in columns, to wrap long texts at word boundaries; 0 for no wrapping.
    var width: Int { get }
    /// Told before each question is asked (so that an interruption can say where it stopped).
    mutating func willAsk(_ question: Question, section: String)
}

extension InterviewConsole {
    package var width: Int { 0 }
    package mutating func willAsk(_ question: Question, section: String) {}
}

/// How an interview run ended.
package enum InterviewOutcome: Sendable, Equatable {
    /// Every shown question has an answer, or was skipped twice.
    case finished
    /// The consultant typed `q`.
    case quit
    /// Standard input ended (a script ran out of answers).
    case endOfInput
}

/// A terminal interview over one round: asks the shown, unanswered questions in order and
/// saves every answer the moment it is given.
///
/// Keys at the prompt: an option's number, id or label, or the typed value; Enter accepts the
/// proposed (prefilled) or current answer; `?` help (the question's and its section's), `b`
/// back, `d` don't know, `x` not applicable, `s` skip for now (asked again at the end), `n`
/// note, `q` quit; in a later round, `a` confirms every answer carried over in the section.
package struct Interview {
    package let questionnaire: Questionnaire
    package let store: any AnswerStore
    package let round: AuditRound
    package let language: Language
    /// When set, only this section's questions are asked.
    package let sectionID: String?
    /// The stored answers, by question id.
    package private(set) var answers: [String: Answer]
    /// The round's metrics, for prefill and validation.
    package let metrics: [String: Value]
    /// Who is answering: every answer is saved as theirs, and the questions they have not
    /// answered are asked even when someone else has.
    package let respondent: Respondent?

    /// Prepares an interview; reads the round's answers and metric snapshot.
    /// - Throws: ``QuestionnaireError/unknownSection(id:questionnaire:)``,
    ///   ``QuestionnaireError/roundClosed(round:)``, workspace errors.
    package init(
        questionnaire: Questionnaire, store: any AnswerStore, round: AuditRound, language: Language, sectionID: String? = nil,
        respondent: Respondent? = nil
    ) throws {
        if round.status == .closed { throw QuestionnaireError.roundClosed(round: round.number) }
        if let sectionID, questionnaire.section(sectionID) == nil {
            throw QuestionnaireError.unknownSection(id: sectionID, questionnaire: questionnaire.id)
        }
        self.questionnaire = questionnaire
        self.store = store
        self.round = round
        self.language = language
        self.sectionID = sectionID
        self.respondent = respondent
        var stored: [String: Answer] = [:]
        let given =
            try respondent.map { person in
                try store.respondentAnswers(round: round).filter { $0.respondent?.name == person.name }
            } ?? store.answers(round: round)
        for answer in given { stored[answer.questionID] = answer }
        answers = stored
        metrics = MetricSnapshot.values(from: try store.metricsDocument(round: round))
    }

    /// True when `questionID` still needs the consultant: no answer yet, or an answer carried
    /// over from the previous round that is not confirmed.
    func needsAnswer(_ questionID: String) -> Bool {
        guard let answer = answers[questionID] else { return true }
        return !answer.confirmed
    }

    /// The answers that fit the questionnaire, as values.
    var values: [String: AnswerValue] {
        questionnaire.usableAnswers(Array(answers.values))
    }

    /// The questions shown now (skip logic re-evaluated on the current answers).
    func shownQuestions() -> [Question] {
        questionnaire.relevantQuestions(answers: values, metrics: metrics).filter { sectionID == nil || $0.sectionID == sectionID }
    }

    /// Asks every shown question that has no answer or a carried-over answer still to confirm,
    /// in order (resuming at the first one), then the skipped ones once more. A carried-over
    /// answer is confirmed with Enter or replaced by typing a new one.
    package mutating func run(console: inout some InterviewConsole) throws -> InterviewOutcome {
        // Skipped in an earlier sitting: asked at the end, as they would have been.
        var skipped: [String] = try store.skippedQuestions(round: round)
        var reoffered = Set<String>()
        var history: [String] = []
        var pendingBack: String?
        while true {
            let shown = shownQuestions()
            var next: Question?
            if let back = pendingBack, let question = questionnaire.question(back) {
                next = question
                pendingBack = nil
            } else if let question = shown.first(where: { needsAnswer($0.id) && !skipped.contains($0.id) && !reoffered.contains($0.id) }) {
                next = question
            } else if let id = skipped.first(where: { id in needsAnswer(id) && shown.contains { $0.id == id } }),
                let question = questionnaire.question(id)
            {
                skipped.removeAll { $0 == id }
                reoffered.insert(id)
                try store.markSkipped(id, false, round: round)
                next = question
            }
            guard let question = next else {
                finish(shown: shown, console: &console)
                return .finished
            }
            switch try ask(question, shown: shown, console: &console) {
            case .answered:
                history.append(question.id)
            case .skipped:
                if !reoffered.contains(question.id) {
                    skipped.append(question.id)
                    try store.markSkipped(question.id, true, round: round)
                }
                history.append(question.id)
            case .back:
                if let previous = history.popLast() {
                    pendingBack = previous
                } else if let index = shown.firstIndex(where: { $0.id == question.id }), index > 0 {
                    // Resumed or started mid-way: back is the previous shown question.
                    pendingBack = shown[index - 1].id
                } else {
                    say(&console, QuestionnaireText.thisIsTheFirstQuestion.text(), style: .dim)
                    pendingBack = question.id
                }
            case .quit:
                say(
                    &console,
                    QuestionnaireText.answersAreSavedRunTheSame.text())
                return .quit
            case .endOfInput:
                return .endOfInput
            }
        }
    }

    /// Asks one question (`--question ID`), shown or not, and returns.
    /// - Throws: ``QuestionnaireError/unknownQuestion(id:questionnaire:)``.
    package mutating func edit(questionID: String, console: inout some InterviewConsole) throws -> InterviewOutcome {
        guard let question = questionnaire.question(questionID) else {
            throw QuestionnaireError.unknownQuestion(id: questionID, questionnaire: questionnaire.id)
        }
        let shown = shownQuestions()
        if !shown.contains(where: { $0.id == questionID }) {
            say(
                &console,
                QuestionnaireText.noteWithTheCurrentAnswersThis.text(),
                style: .warning)
        }
        switch try ask(question, shown: shown, console: &console) {
        case .endOfInput: return .endOfInput
        case .quit, .back, .skipped: return .quit
        case .answered: return .finished
        }
    }

    enum Step { case answered, skipped, back, quit, endOfInput }

    /// Confirms every answer carried over from the last round in `sectionID` that is still to
    /// confirm and shown; returns how many.
    mutating func confirmSection(_ sectionID: String, shown: [Question]) throws -> Int {
        let now = Timestamp.now()
        var confirmed: [Answer] = []
        for question in shown where question.sectionID == sectionID {
            guard var answer = answers[question.id], !answer.confirmed else { continue }
            answer.confirmed = true
            answer.answeredAt = now
            confirmed.append(answer)
        }
        try store.save(confirmed, round: round)  // one transaction
        for answer in confirmed { answers[answer.questionID] = answer }
        return confirmed.count
    }

    private mutating func ask(_ question: Question, shown: [Question], console: inout some InterviewConsole) throws -> Step {
        console.willAsk(question, section: questionnaire.section(question.sectionID)?.title[language] ?? question.sectionID)
        present(question, shown: shown, console: &console)
        let current = answers[question.id]
        var note = current?.note
        let proposal = proposedAnswer(for: question)
        if let current, !current.confirmed {
            say(
                &console,
                QuestionnaireText.lastRoundAnswer.text([
                    "ending": .inEach { Interview.ending(question.display(current.value, in: $0)) }
                ]),
                style: .accent)
            if let note = current.note, !note.isEmpty {
                say(&console, QuestionnaireText.lastRoundNote.text(["note": .value(note)]), style: .dim)
            }
            if let proposal, proposal != current.value {
                say(
                    &console,
                    QuestionnaireText.thisRoundDataSays.text([
                        "ending": .inEach { Interview.ending(question.display(proposal, in: $0)) }
                    ]), style: .warning)
            }
            let remaining = shown.filter { $0.sectionID == question.sectionID && answers[$0.id]?.confirmed == false }.count
            say(
                &console,
                remaining > 1
                    ? QuestionnaireText.confirmCarriedOverAll.text(["count": .count(remaining)])
                    : QuestionnaireText.confirmCarriedOver.text(),
                style: .accent)
        } else if current == nil, let proposal {
            say(
                &console,
                QuestionnaireText.proposedFromTheDataPressEnter.text([
                    "display": .inEach { question.display(proposal, in: $0) }
                ]),
                style: .accent)
        }
        while true {
            console.write(style("> ", .accent, console))
            guard let typed = console.readLine() else { return .endOfInput }
            // What was typed, without control characters or escape sequences (a pasted answer may hold them).
            let line = TerminalText.sanitised(typed, multiline: false)
            if !console.isTerminal { console.write(style(line, .plain, console) + "\n") }  // a readable transcript when piped
            let input = line.trimmingCharacters(in: .whitespaces)
            var value: AnswerValue
            var source = AnswerSource.interview
            switch input.lowercased() {
            case "?":
                // The question's help, then its section's: why the section matters and what to ask for.
                say(&console, question.help, style: .dim)
                if let sectionHelp = questionnaire.section(question.sectionID)?.help {
                    let title = questionnaire.section(question.sectionID)?.title[language] ?? question.sectionID
                    say(
                        &console, QuestionnaireText.section3.text(["title": .value(title), "sectionHelp": .localized(sectionHelp)]),
                        style: .dim)
                }
                continue
            case "b": return .back
            case "q": return .quit
            case "a" where current?.confirmed == false:
                let count = try confirmSection(question.sectionID, shown: shown)
                say(
                    &console,
                    QuestionnaireText.confirmedTheSectionCarriedOver.text(["count": .value(count)]),
                    style: .dim)
                return .answered
            case "s": return .skipped
            case "n":
                console.write(style(QuestionnaireText.note2.text()[language], .accent, console))
                guard let typedNote = console.readLine() else { return .endOfInput }
                let text = TerminalText.sanitised(typedNote, multiline: false)
                if !console.isTerminal { console.write(style(text, .plain, console) + "\n") }
                note = text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text.trimmingCharacters(in: .whitespaces)
                if var stored = answers[question.id] {
                    stored.note = note
                    try store.save(stored, round: round)
                    answers[question.id] = stored
                    say(&console, QuestionnaireText.noteSaved.text(), style: .dim)
                } else {
                    say(
                        &console, QuestionnaireText.theNoteWillBeSavedWith.text(),
                        style: .dim)
                }
                continue
            case "d":
                guard question.allowsDontKnow else {
                    say(
                        &console,
                        QuestionnaireText.thisQuestionDoesNotAcceptDon2.text(),
                        style: .error)
                    continue
                }
                value = .dontKnow
            case "x":
                guard question.allowsNotApplicable else {
                    say(
                        &console,
                        QuestionnaireText.thisQuestionDoesNotAcceptNot2.text(),
                        style: .error)
                    continue
                }
                value = .notApplicable
            case "":
                if let current {
                    if current.note != note || !current.confirmed {
                        var updated = current
                        updated.note = note
                        if !current.confirmed {
                            updated.confirmed = true
                            updated.answeredAt = Timestamp.now()
                        }
                        try store.save(updated, round: round)
                        answers[question.id] = updated
                    }
                    return .answered
                }
                guard let proposal else {
                    say(
                        &console,
                        QuestionnaireText.typeAnAnswerOrACommand.text(),
                        style: .error)
                    continue
                }
                value = proposal
                source = .prefill
            default:
                switch question.parseAnswer(input) {
                case .success(let parsed): value = parsed
                case .failure(let problem):
                    say(&console, problem.message, style: .error)
                    continue
                }
            }
            let problems = question.validate(value, bindings: bindings())
            for problem in problems {
                say(&console, problem.message, style: problem.severity == .error ? .error : .warning)
            }
            if problems.contains(where: { $0.severity == .error }) { continue }
            let answer = Answer(
                questionID: question.id, value: value, note: note, source: source, answeredAt: Timestamp.now(),
                respondent: respondent)
            try store.save(answer, round: round)
            answers[question.id] = answer
            return .answered
        }
    }

    private func bindings() -> Bindings {
        Bindings(answers: values, metrics: metrics)
    }

    /// The prefill expression's value, when it has one that fits the question.
    func proposedAnswer(for question: Question) -> AnswerValue? {
        guard let prefill = question.prefill else { return nil }
        let value = prefill.evaluate(with: bindings()).value
        let answer: AnswerValue? =
            switch (question.type, value) {
            case (.single, .string(let id)): .option(id)
            case (.multi, .set(let ids)): .options(question.options.map(\.id).filter(ids.contains))
            case (.yesNo, .bool(let flag)): .bool(flag)
            case (.scale, .number(let number)), (.percent, .number(let number)): .number(number)
            case (.number, .number(let number)), (.money, .number(let number)): .number((number * 100).rounded() / 100)
            case (.text, .string(let text)): .text(text)
            case (.date, .date(let day)): .date(day)
            default: nil
            }
        guard let answer, question.conformance(of: answer) == nil else { return nil }
        return answer
    }

    private func present(_ question: Question, shown: [Question], console: inout some InterviewConsole) {
        let position = (shown.firstIndex { $0.id == question.id } ?? shown.count) + 1
        let done = shown.filter { !needsAnswer($0.id) }.count
        let percent = shown.isEmpty ? 100 : done * 100 / shown.count
        let section = questionnaire.section(question.sectionID)?.title[language] ?? question.sectionID
        let progress = QuestionnaireText.questionOfDone.text([
            "position": .value(position), "count": .value(shown.count), "percent": .value(percent),
        ])[language]
        console.write("\n" + style("── \(section) ── \(progress)", .dim, console) + "\n")
        console.write(style(question.text[language], .bold, console) + style("  [\(question.id)]", .dim, console) + "\n")
        for (index, option) in question.options.enumerated() {
            console.write(style("  \(index + 1). \(option.label[language])", .plain, console) + "\n")
        }
        if question.type == .yesNo {
            console.write(QuestionnaireText.yesNo.text()[language])
        }
        if let hint = hint(for: question) { console.write(style("  " + hint, .dim, console) + "\n") }
        var keys = [QuestionnaireText.help.text(), QuestionnaireText.bBack.text()]
        if question.allowsDontKnow { keys.append(QuestionnaireText.dDonTKnow.text()) }
        if question.allowsNotApplicable { keys.append(QuestionnaireText.xNotApplicable.text()) }
        keys += [
            QuestionnaireText.sSkip.text(), QuestionnaireText.nNote.text(),
            QuestionnaireText.qQuit.text(),
        ]
        console.write(style("  [" + keys.map { $0[language] }.joined(separator: " · ") + "]", .dim, console) + "\n")
        if let current = answers[question.id], current.confirmed {
            let text = question.display(current.value, in: language)
            console.write(
                style(
                    QuestionnaireText.currentAnswerEnterKeepsIt.text(["text": .value(text)])[
                        language],
                    .accent, console) + "\n")
            if let note = current.note {
                console.write(style(QuestionnaireText.note3.text()[language] + note, .dim, console) + "\n")
            }
        }
    }

    private func hint(for question: Question) -> String? {
        let key: QuestionnaireText
        switch question.type {
        case .multi: key = .hintMulti
        case .scale: key = .hintScale
        case .number, .money:
            guard let unit = question.unit else { return QuestionnaireText.hintNumber.render(in: language) }
            return QuestionnaireText.hintNumberWithUnit.render(["unit": .localized(unit)], in: language)
        case .percent: key = .hintPercent
        case .date: key = .hintDate
        case .text: key = .hintText
        default: return nil
        }
        return key.render(in: language)
    }

    private func finish(shown: [Question], console: inout some InterviewConsole) {
        let answered = shown.filter { !needsAnswer($0.id) }.count
        say(
            &console,
            QuestionnaireText.interviewCompleteOfQuestionsAnswered.text(["answered": .value(answered), "count": .value(shown.count)]),
            style: .bold)
        let missing = shown.filter { $0.required && answers[$0.id] == nil }.map(\.id)
        let unconfirmed = shown.filter { answers[$0.id]?.confirmed == false }.map(\.id)
        if !unconfirmed.isEmpty {
            say(
                &console,
                QuestionnaireText.lastRoundAnswersStillTo.text(["unconfirmed": .value(unconfirmed.joined(separator: ", "))]),
                style: .warning)
        }
        if !missing.isEmpty {
            say(
                &console,
                QuestionnaireText.requiredQuestionsStillUnansweredAnswerThem.text(["missing": .value(missing.joined(separator: ", "))]),
                style: .warning)
        }
    }

    enum Style { case plain, bold, dim, accent, error, warning }

    private func say(_ console: inout some InterviewConsole, _ text: LocalizedText, style kind: Style = .plain) {
        console.write(style(Interview.wrap(text[language], width: console.width), kind, console) + "\n")
    }

    /// `text` ending a sentence: with a full stop, unless it ends with one already ("5 чел.").
    static func ending(_ text: String) -> String {
        text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") ? text : text + "."
    }

    /// `text` broken into lines of at most `width` characters at spaces (0: unchanged).
    static func wrap(_ text: String, width: Int) -> String {
        guard width > 20, text.count > width else { return text }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// `text` as it goes to the console: without escape sequences or other controls (an answer,
    /// a note, a name or a questionnaire's text from a file cannot drive the terminal), then
    /// coloured on a terminal. Every text the interview writes passes here.
    private func style(_ text: String, _ kind: Style, _ console: some InterviewConsole) -> String {
        let text = TerminalText.sanitised(text)
        guard console.isTerminal else { return text }
        let code =
            switch kind {
            case .plain: ""
            case .bold: "\u{1B}[1m"
            case .dim: "\u{1B}[2m"
            case .accent: "\u{1B}[36m"
            case .error: "\u{1B}[31m"
            case .warning: "\u{1B}[33m"
            }
        return code.isEmpty ? text : code + text + "\u{1B}[0m"
    }
}
