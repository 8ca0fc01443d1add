/// Where a round's answers are kept: what the interview and the answers import read and
/// write. The workspace is the store the tool uses; the questionnaire engine sees only this
/// protocol, so it neither links SQLite nor needs a file to be tested.
///
/// Every method that writes is one transaction: all of it is stored, or nothing.
package protocol AnswerStore: Sendable {
    /// The answers that count in `round`, one per question.
    func answers(round: AuditRound) throws -> [Answer]
    /// Every respondent's own answer, several per question where several people answered.
    func respondentAnswers(round: AuditRound) throws -> [Answer]
    /// Stores one answer.
    func save(_ answer: Answer, round: AuditRound) throws
    /// Stores several answers at once.
    func save(_ answers: [Answer], round: AuditRound) throws
    /// The questions the consultant skipped in `round`.
    func skippedQuestions(round: AuditRound) throws -> [String]
    /// Marks a question skipped, or no longer skipped.
    func markSkipped(_ questionID: String, _ skipped: Bool, round: AuditRound) throws
    /// The round's metric document (JSON), when its data has been analysed.
    func metricsDocument(round: AuditRound) throws -> String?
    /// Records which questionnaire (and rulesets) the round's answers follow.
    func recordMethod(round: AuditRound, questionnaireID: String?, questionnaireVersion: String?, rulesets: String?) throws
}
