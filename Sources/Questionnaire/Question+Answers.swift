import AuditModel
import Expressions
import Foundation

/// Why an answer is refused (severity error) or flagged (warning, note).
package struct AnswerProblem: Error, Sendable, Hashable {
    package var severity: Diagnostic.Severity
    package var message: LocalizedText

    package init(_ message: LocalizedText) {
        self.init(.error, message)
    }

    package init(_ severity: Diagnostic.Severity, _ message: LocalizedText) {
        self.severity = severity
        self.message = message
    }
}

extension Question {
    /// Reads an answer typed by a person or found in a file.
    ///
    /// Choices: the option's number (1-based), id or label in either language; several for
    /// `multi`, separated by commas or spaces. Yes/no: `1`/`2`, yes/no, да/нет. Numbers may use
    /// a decimal comma and spaces between thousands; `0` or `-` chooses none of a multi's options; percent may end with `%`. Dates:
    /// `YYYY-MM-DD` or `DD.MM.YYYY`. "Don't know" (`dont_know`, не знаю) and "not applicable"
    /// (`not_applicable`, n/a, неприменимо) where the question allows them.
    package func parseAnswer(_ input: String) -> Result<AnswerValue, AnswerProblem> {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .failure(AnswerProblem(QuestionnaireText.emptyAnswer.text())) }
        switch Question.state(text) {
        case .dontKnow?:
            return allowsDontKnow
                ? .success(.dontKnow)
                : .failure(
                    AnswerProblem(
                        QuestionnaireText.thisQuestionDoesNotAcceptDon.text()))
        case .notApplicable?:
            return allowsNotApplicable
                ? .success(.notApplicable)
                : .failure(
                    AnswerProblem(
                        QuestionnaireText.thisQuestionDoesNotAcceptNot.text()))
        default: break
        }
        switch type {
        case .single:
            guard let option = findOption(text) else { return .failure(unknownOption(text)) }
            return .success(.option(option.id))
        case .multi:
            if text == "0" || text == "-" || text == "—" { return .success(.options([])) }  // none of these
            let pieces = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
                .flatMap { piece -> [Substring] in
                    // "1 3 4" is three numbers; "Excel and 1C" is one label.
                    let words = piece.split(separator: " ")
                    return words.allSatisfy { Int($0) != nil } ? words : [piece]
                }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var chosen = Set<String>()
            for piece in pieces {
                guard let option = findOption(piece) else { return .failure(unknownOption(piece)) }
                chosen.insert(option.id)
            }
            return .success(.options(options.map(\.id).filter(chosen.contains)))
        case .yesNo:
            switch text.lowercased() {
            case "1", "y", "yes", "true", "д", "да": return .success(.bool(true))
            case "2", "n", "no", "false", "н", "нет": return .success(.bool(false))
            default: return .failure(AnswerProblem(QuestionnaireText.answerYesOrNoOr.text()))
            }
        case .scale:
            guard let number = Int(text), (1...5).contains(number) else {
                return .failure(AnswerProblem(QuestionnaireText.enterAWholeNumberFromTo.text()))
            }
            return .success(.number(Double(number)))
        case .number, .money, .percent:
            guard let number = Question.number(text) else {
                return .failure(AnswerProblem(QuestionnaireText.isNotANumber.text(["text": .value(text)])))
            }
            if type == .percent, !(0...100).contains(number) {
                return .failure(AnswerProblem(QuestionnaireText.aPercentMustBeFromTo.text()))
            }
            return .success(.number(number))
        case .text:
            return .success(.text(text))
        case .date:
            guard let day = Question.day(text) else {
                return .failure(
                    AnswerProblem(QuestionnaireText.enterADateYyyyMmDd.text()))
            }
            return .success(.date(day))
        }
    }

    /// Whether `value` has the right shape for this question (type, known options, allowed
    /// non-answers); nil when it does.
    package func conformance(of value: AnswerValue) -> AnswerProblem? {
        switch (type, value) {
        case (_, .dontKnow):
            return allowsDontKnow
                ? nil : AnswerProblem(QuestionnaireText.donTKnowIsNotAccepted.text())
        case (_, .notApplicable):
            return allowsNotApplicable
                ? nil : AnswerProblem(QuestionnaireText.notApplicableIsNotAccepted.text())
        case (.single, .option(let id)):
            return option(id) == nil ? unknownOption(id) : nil
        case (.multi, .options(let ids)):
            return ids.first { option($0) == nil }.map(unknownOption)
        case (.yesNo, .bool), (.text, .text), (.date, .date):
            return nil
        case (.scale, .number(let number)):
            return (1...5).contains(number) && number == number.rounded()
                ? nil
                : AnswerProblem(QuestionnaireText.aScaleAnswerIsAWhole.text())
        case (.percent, .number(let number)):
            return (0...100).contains(number)
                ? nil : AnswerProblem(QuestionnaireText.aPercentMustBeFromTo.text())
        case (.number, .number(let number)), (.money, .number(let number)):
            return number.isFinite ? nil : AnswerProblem(QuestionnaireText.invalidNumber.text())
        default:
            return AnswerProblem(
                QuestionnaireText.theAnswerDoesNotFitA.text(["type": .value(type.rawValue)]))
        }
    }

    /// The question's own checks (`validate`) of `value`, given the other answers and metrics
    /// in `bindings`. An error blocks the answer; warnings and notes do not. Non-answers and
    /// checks that come out null (e.g. no metric to compare with) pass.
    package func validate(_ value: AnswerValue, bindings: Bindings = Bindings()) -> [AnswerProblem] {
        if let problem = conformance(of: value) { return [problem] }
        guard !value.isNonAnswer else { return [] }
        var problems: [AnswerProblem] = []
        for validation in validations {
            let passed: Bool
            switch validation.rule {
            case .range(let low, let high):
                guard case .number(let number) = value else { continue }
                passed = (low.map { number >= $0 } ?? true) && (high.map { number <= $0 } ?? true)
            case .pattern(let pattern):
                // A pattern that does not compile was refused by lint; one built in code passes.
                guard case .text(let text) = value, let compiled = try? TextPattern(pattern) else { continue }
                passed = compiled.matches(text)
            case .expression(let expression):
                var local = bindings
                local.locals["value"] = Value(answer: value)
                passed = expression.evaluate(with: local).value != .bool(false)
            }
            if !passed { problems.append(AnswerProblem(validation.severity, validation.message)) }
        }
        return problems
    }

    /// Units written in the questionnaire in their counting form ("лет", "клиентов", "дней"),
    /// with the forms a number takes, so that an answer reads "3 года", "1 200 клиентов", "21 день".
    static let unitForms: [String: String] = [
        "лет": "год|года|лет", "клиентов": "клиент|клиента|клиентов", "дней": "день|дня|дней",
        "years": "year|years", "customers": "customer|customers", "days": "day|days",
    ]

    /// `unit` in the form that agrees with `number` (unchanged when it is not a known counting form).
    static func agreeing(_ unit: String, with number: Double, _ language: Language) -> String {
        guard let forms = unitForms[unit] else { return unit }
        return Plural.form(number, forms, language)
    }

    /// The answer as a person reads it: option labels, yes/no, numbers with the unit.
    package func display(_ value: AnswerValue, in language: Language) -> String {
        switch value {
        case .option(let id): return option(id)?.label[language] ?? id
        case .options(let ids):
            if ids.isEmpty { return QuestionnaireText.noneOfThese.text()[language] }
            return ids.map { option($0)?.label[language] ?? $0 }.joined(separator: "; ")
        case .bool(let flag): return (flag ? QuestionnaireText.yes.text() : QuestionnaireText.no.text())[language]
        case .number(let number):
            let text = Question.format(number)
            switch type {
            case .percent: return text + " %"
            case .money: return Formatter(language).money(number)
            case .scale: return text + " / 5"
            default: return unit.map { text + " " + Self.agreeing($0[language], with: number, language) } ?? text
            }
        case .text(let text): return text
        case .date(let day): return day.iso
        case .dontKnow: return QuestionnaireText.donTKnow.text()[language]
        case .notApplicable: return QuestionnaireText.notApplicable.text()[language]
        }
    }

    /// The answer as written in an answers file (option ids, numbers, ISO dates).
    package func fileText(_ value: AnswerValue) -> String {
        switch value {
        case .option(let id): id
        case .options(let ids): ids.isEmpty ? "-" : ids.joined(separator: ", ")
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): Question.format(number)
        case .text(let text): text
        case .date(let day): day.iso
        case .dontKnow: "dont_know"
        case .notApplicable: "not_applicable"
        }
    }

    private func findOption(_ text: String) -> AnswerOption? {
        if let number = Int(text), (1...options.count).contains(number) { return options[number - 1] }
        let key = text.lowercased()
        return options.first { option in
            option.id == key || Language.allCases.contains { option.label[$0].lowercased() == key }
        }
    }

    private func unknownOption(_ text: String) -> AnswerProblem {
        AnswerProblem(
            QuestionnaireText.noOptionEnterANumberFrom.text([
                "text": .value(text), "count": .value(options.count), "options": .value(options.map(\.id).joined(separator: ", ")),
            ])
        )
    }

    static func state(_ text: String) -> AnswerValue? {
        switch text.lowercased() {
        case "dont_know", "don't know", "dont know", "не знаю", "?": .dontKnow
        case "not_applicable", "not applicable", "n/a", "na", "неприменимо", "не применимо": .notApplicable
        default: nil
        }
    }

    static func number(_ text: String) -> Double? {
        var cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "₽", with: "")
        cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        guard let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }

    static func day(_ text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        let parts = text.split(separator: ".")
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15, let whole = Int64(checked: number) { return String(whole) }
        return String(number)
    }
}
