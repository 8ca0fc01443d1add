import AuditModel
import Foundation

/// One question the people interviewed answered materially differently, as the report shows it.
package struct DisagreementRow: Sendable, Hashable, Codable {
    /// One person's answer.
    package struct View: Sendable, Hashable, Codable {
        package var respondent: Respondent?
        package var answer: LocalizedText
        package var note: String?
        /// The answer the audit counts.
        package var counts: Bool

        /// "И. И. Смирнов (генеральный директор)".
        package var who: String { respondent?.description ?? "—" }

        package init(respondent: Respondent?, answer: LocalizedText, note: String?, counts: Bool) {
            self.respondent = respondent
            self.answer = answer
            self.note = note
            self.counts = counts
        }
    }

    package var questionID: String
    package var question: LocalizedText
    package var views: [View]

    package init(questionID: String, question: LocalizedText, views: [View]) {
        self.questionID = questionID
        self.question = question
        self.views = views
    }
}

/// The texts of the disagreements block (in the beliefs section).
enum DisagreementText {
    static let title = ReportText.whereThePeopleInterviewedDisagree.text()
    static let lead = ReportText.differentPeopleAnsweredTheseQuestionsDifferently.text()
    static let question = ReportText.question2.text()
    static let answers = ReportText.whoSaidWhat.text()
    static let data = ReportText.theDataShows.text()

    /// A person's note as a quotation: in «», unless it is quoted already (a note often is).
    static func quoted(_ note: String) -> String {
        let text = note.trimmingCharacters(in: .whitespaces)
        return ["«", "\"", "“", "„"].contains(where: text.hasPrefix) ? text : "«" + text + "»"
    }
}
