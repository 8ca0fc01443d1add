import AuditModel
import Foundation
import GRDB

/// What starting a new round did.
public struct StartedRound: Sendable, Hashable {
    /// The new round.
    public var round: AuditRound
    /// The round it follows.
    public var previous: AuditRound
    /// Answers carried over from `previous`, each marked "to confirm".
    public var carriedOver: Int
}

extension Workspace {
    /// Starts the next round dated `date`, in one transaction: the previous round is closed, its
    /// answers are carried over as a starting point (source `carried_over`, not confirmed, notes
    /// kept), and the new round starts with the previous round's questionnaire recorded, so that
    /// the carried answers can be migrated when a newer questionnaire version is attached. Data
    /// is not carried over: each round imports its own, and earlier rounds keep theirs.
    ///
    /// - Throws: ``WorkspaceError/roundDateBeforePrevious(path:date:previous:)`` when `date` is
    ///   earlier than the latest round's date.
    @discardableResult
    public func startRound(date: Day) throws -> StartedRound {
        let previous = try round()
        guard date >= previous.date else {
            throw WorkspaceError.roundDateBeforePrevious(path: path, date: date, previous: previous.date)
        }
        let (id, carried) = try write { db -> (Int64, Int) in
            try db.execute(sql: "UPDATE round SET status = 'closed' WHERE id = ?", arguments: [previous.id])
            try db.execute(
                sql: """
                    INSERT INTO round(number, date, status, questionnaire_id, questionnaire_version, created_at)
                    VALUES (?, ?, 'open', ?, ?, ?)
                    """,
                arguments: [previous.number + 1, date.iso, previous.questionnaireID, previous.questionnaireVersion, Timestamp.now()])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO answer(round_id, question_id, value, note, source, answered_at, confirmed)
                    SELECT ?, question_id, value, note, ?, answered_at, 0 FROM answer WHERE round_id = ? ORDER BY answered_at, rowid
                    """,
                arguments: [id, AnswerSource.carriedOver.rawValue, previous.id])
            return (id, db.changesCount)
        }
        guard let started = try rounds().first(where: { $0.id == id }) else { throw WorkspaceError.noRound(path: path, number: previous.number + 1) }
        return StartedRound(round: started, previous: try round(number: previous.number), carriedOver: carried)
    }

    /// How many answers of `round` are carried over and still to confirm.
    public func unconfirmedAnswerCount(round: AuditRound) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer WHERE round_id = ? AND confirmed = 0", arguments: [round.id]) ?? 0
        }
    }
}
