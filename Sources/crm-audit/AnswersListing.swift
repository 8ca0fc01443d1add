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
            throw ValidationError(CLIText.answersNoSuchQuestion.render(["question": .text(only)], in: language))
        }
        let questions = questionnaire.questions.filter { only == nil ? byQuestion[$0.id] != nil : $0.id == only }
        guard !questions.isEmpty else {
            Terminal.print(CLIText.answersNoneNamed.render(in: language))
            return
        }
        for question in questions {
            let flag = disputed.contains(question.id) ? CLIText.answersDisagree.render(in: language) : ""
            Terminal.print("\(question.id) — \(question.text[language])\(flag)")
            for answer in byQuestion[question.id] ?? [] {
                let who = answer.respondent?.description ?? "—"
                let counts = counting[question.id].map { $0.respondent == answer.respondent && $0.value == answer.value } ?? false
                var mark = ""
                if counts {
                    mark =
                        chosen.contains(question.id)
                        ? CLIText.answersCountsChosen.render(in: language)
                        : CLIText.answersCountsLatest.render(in: language)
                }
                let note = answer.note.map { " — «\($0)»" } ?? ""
                Terminal.print("    \(who): \(question.display(answer.value, in: language))\(note)\(mark)")
            }
            if byQuestion[question.id] == nil, let answer = counting[question.id] {
                Terminal.print("    —: \(question.display(answer.value, in: language))")
            }
        }
        if !disputed.isEmpty && only == nil {
            Terminal.print(CLIText.answersChooseHint.render(in: language))
        }
    }
}
