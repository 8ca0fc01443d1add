import AuditModel
import Foundation

/// One question the people interviewed answered materially differently, as the report shows it.
public struct DisagreementRow: Sendable, Hashable, Codable {
    /// One person's answer.
    public struct View: Sendable, Hashable, Codable {
        public var respondent: Respondent?
        public var answer: LocalizedText
        public var note: String?
        /// The answer the audit counts.
        public var counts: Bool

        /// "И. И. Смирнов (генеральный директор)".
        public var who: String { respondent?.description ?? "—" }

        public init(respondent: Respondent?, answer: LocalizedText, note: String?, counts: Bool) {
            self.respondent = respondent
            self.answer = answer
            self.note = note
            self.counts = counts
        }
    }

    public var questionID: String
    public var question: LocalizedText
    public var views: [View]

    public init(questionID: String, question: LocalizedText, views: [View]) {
        self.questionID = questionID
        self.question = question
        self.views = views
    }
}

/// The texts of the disagreements block (in the beliefs section).
enum DisagreementText {
    static let title = LocalizedText(ru: "Где мнения сотрудников расходятся", en: "Where the people interviewed disagree")
    static let lead = LocalizedText(
        ru:
            "На эти вопросы разные сотрудники ответили по-разному. Расхождение — само по себе признак риска: участники проекта CRM видят компанию неодинаково, и это нужно обсудить до выбора системы. Отмеченный ✓ ответ учтён в оценке.",
        en:
            "Different people answered these questions differently. The disagreement is a risk in itself: the people behind the CRM project do not see the company the same way, and that needs settling before a system is chosen. The answer marked ✓ is the one the assessment counts."
    )
    static let question = LocalizedText(ru: "Вопрос", en: "Question")
    static let answers = LocalizedText(ru: "Кто что ответил", en: "Who said what")
    static let data = LocalizedText(ru: "По данным", en: "The data shows")

    /// A person's note as a quotation: in «», unless it is quoted already (a note often is).
    static func quoted(_ note: String) -> String {
        let text = note.trimmingCharacters(in: .whitespaces)
        return ["«", "\"", "“", "„"].contains(where: text.hasPrefix) ? text : "«" + text + "»"
    }
}
