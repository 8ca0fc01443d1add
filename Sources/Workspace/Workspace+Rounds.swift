import AuditModel
import Foundation
import GRDB

/// What starting a new round did.
package struct StartedRound: Sendable, Hashable {
    /// The new round.
    package var round: AuditRound
    /// The round it follows.
    package var previous: AuditRound
    /// Answers carried over from `previous`, each marked "to confirm".
    package var carriedOver: Int
}

/// The questionnaire and rulesets a round is assessed with.
package struct RoundMethod: Sendable, Hashable {
    package var questionnaireID: String
    package var questionnaireVersion: String
    /// `id@version` of each ruleset layer, joined by commas.
    package var rulesets: String

    package init(questionnaireID: String, questionnaireVersion: String, rulesets: String) {
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.rulesets = rulesets
    }
}

extension Workspace {
    /// Starts the next round dated `date`, in one transaction: the previous round is closed, its
    /// answers are carried over as a starting point (source `carried_over`, not confirmed, notes
    /// kept), and the round records `method` (else the previous round's questionnaire). Data is
    /// not carried over: each round imports its own, and earlier rounds keep theirs.
    ///
    /// - Parameter carry: maps the previous round's answers before they are stored (e.g. a
    ///   questionnaire migration); every answer it returns is stored as carried over and unconfirmed.
    /// - Throws: ``WorkspaceError/roundDateBeforePrevious(path:date:previous:)`` when `date` is
    ///   earlier than the latest round's date; nothing is written then.
    @discardableResult
    package func startRound(date: Day, method: RoundMethod? = nil, carry: (([Answer]) throws -> [Answer])? = nil) throws -> StartedRound {
        let previous = try round()
        guard date >= previous.date else {
            throw WorkspaceError.roundDateBeforePrevious(path: path, date: date, previous: previous.date)
        }
        let carried = try carry?(answers(round: previous)) ?? answers(round: previous)
        let id = try write { db -> Int64 in
            try db.execute(sql: "UPDATE round SET status = 'closed' WHERE id = ?", arguments: [previous.id])
            try db.execute(
                sql: """
                    INSERT INTO round(number, date, status, questionnaire_id, questionnaire_version, rulesets, created_at)
                    VALUES (?, ?, 'open', ?, ?, ?, ?)
                    """,
                arguments: [
                    previous.number + 1, date.iso, method?.questionnaireID ?? previous.questionnaireID,
                    method?.questionnaireVersion ?? previous.questionnaireVersion, method?.rulesets, Timestamp.now(),
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql:
                    "INSERT INTO ruleset_layer(round_id, position, file_name, content) SELECT ?, position, file_name, content FROM ruleset_layer WHERE round_id = ?",
                arguments: [id, previous.id])
            let round = AuditRound(
                id: id, number: previous.number + 1, date: date, status: .open, questionnaireID: nil,
                questionnaireVersion: nil, rulesets: nil)
            for answer in carried {
                var copy = answer
                copy.source = .carriedOver
                copy.confirmed = false
                try Workspace.insert(copy, round: round, db)
            }
            return id
        }
        guard let started = try rounds().first(where: { $0.id == id }) else {
            throw WorkspaceError.noRound(path: path, number: previous.number + 1)
        }
        return StartedRound(round: started, previous: try round(number: previous.number), carriedOver: carried.count)
    }

    /// How many answers of `round` are carried over and still to confirm.
    package func unconfirmedAnswerCount(round: AuditRound) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE round_id = ? AND confirmed = 0", arguments: [round.id]) ?? 0
        }
    }
}
