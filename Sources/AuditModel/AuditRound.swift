/// One dated audit of the client; repeated audits are later rounds of the same workspace.
public struct AuditRound: Sendable, Hashable, Codable {
    package enum Status: String, Sendable, Codable { case open, closed }

    /// Internal key of the round.
    package var id: Int64
    /// 1, 2, 3… in the order the rounds were started.
    package var number: Int
    package var date: Day
    package var status: Status
    package var questionnaireID: String?
    package var questionnaireVersion: String?
    /// The rulesets used, as `id@version` joined by commas.
    package var rulesets: String?

    package init(
        id: Int64, number: Int, date: Day, status: Status, questionnaireID: String?, questionnaireVersion: String?,
        rulesets: String?
    ) {
        self.id = id
        self.number = number
        self.date = date
        self.status = status
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.rulesets = rulesets
    }
}
