import ArgumentParser
import AuditModel
import Questionnaire
import Workspace

/// `answers WS list [QUESTION]`: every respondent's answer to each question they answered,
/// which one counts, and where they disagree.
struct AnswersListing {
    let store: Workspace
    let round: AuditRound
    let questionnaire: Questionnaire
    let language: Language

    func show(question only: String?) throws {
        let given = try store.respondentAnswers(round: round)
        let counting = Dictionary(try store.answers(round: round).map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        let chosen = try store.chosenAnswers(round: round)
        let disputed = Set(questionnaire.disagreements(among: given).map(\.questionID))
        let byQuestion = Dictionary(grouping: given, by: \.questionID)
        if let only, questionnaire.question(only) == nil {
            throw ValidationError(LocalizedText(ru: "в анкете нет вопроса «\(only)»", en: "the questionnaire has no question '\(only)'")[language])
        }
        let questions = questionnaire.questions.filter { only == nil ? byQuestion[$0.id] != nil : $0.id == only }
        guard !questions.isEmpty else {
            Terminal.print(LocalizedText(
                ru: "Ответов с именем респондента нет. Укажите, кто отвечает: interview --respondent, строка имени в книге Excel, столбец «респондент» в CSV.",
                en: "No answers name their respondent. Say who answers: interview --respondent, the name row of the workbook, a respondent column in CSV.")[language])
            return
        }
        for question in questions {
            let flag = disputed.contains(question.id) ? LocalizedText(ru: "  ⚠ ответы расходятся", en: "  ⚠ the answers disagree")[language] : ""
            Terminal.print("\(question.id) — \(question.text[language])\(flag)")
            for answer in byQuestion[question.id] ?? [] {
                let who = answer.respondent?.description ?? "—"
                let counts = counting[question.id].map { $0.respondent == answer.respondent && $0.value == answer.value } ?? false
                var mark = ""
                if counts {
                    mark = chosen.contains(question.id)
                        ? LocalizedText(ru: "  ← считается (выбран консультантом)", en: "  ← counts (chosen by the consultant)")[language]
                        : LocalizedText(ru: "  ← считается (последний ответ)", en: "  ← counts (the latest answer)")[language]
                }
                let note = answer.note.map { " — «\($0)»" } ?? ""
                Terminal.print("    \(who): \(question.display(answer.value, in: language))\(note)\(mark)")
            }
            if byQuestion[question.id] == nil, let answer = counting[question.id] {
                Terminal.print("    —: \(question.display(answer.value, in: language))")
            }
        }
        if !disputed.isEmpty && only == nil {
            Terminal.print(LocalizedText(
                ru: "Где ответы расходятся, считается последний; выберите нужный: answers РАБОЧИЙ_ФАЙЛ choose ВОПРОС --respondent ИМЯ",
                en: "Where the answers disagree, the latest counts; pick the right one: answers WORKSPACE choose QUESTION --respondent NAME")[language])
        }
    }
}
