import AuditModel
import Foundation
import GRDB

extension Workspace {
    /// The answers of `round`, in the order they were given.
    public func answers(round: AuditRound) throws -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE round_id = ? ORDER BY answered_at, rowid", arguments: [round.id])
                .compactMap { row -> Answer? in
                    let json: String = row["value"]
                    guard let value = try? JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) else { return nil }
                    return Answer(questionID: row["question_id"], value: value, note: row["note"],
                                  source: AnswerSource(rawValue: row["source"]) ?? .interview,
                                  answeredAt: row["answered_at"], confirmed: row["confirmed"])
                }
        }
    }

    /// Saves one answer at once (replacing an earlier answer to the same question).
    public func save(_ answer: Answer, round: AuditRound) throws {
        try write { db in try Workspace.insert(answer, round: round, db) }
    }

    /// Removes the answer to `questionID`, if any.
    public func deleteAnswer(questionID: String, round: AuditRound) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM answer WHERE round_id = ? AND question_id = ?", arguments: [round.id, questionID])
        }
    }

    /// Saves many answers in one transaction: all of them or none.
    public func save(_ answers: [Answer], round: AuditRound) throws {
        try write { db in
            for answer in answers { try Workspace.insert(answer, round: round, db) }
        }
    }

    static func insert(_ answer: Answer, round: AuditRound, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(answer.value), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO answer(round_id, question_id, value, note, source, answered_at, confirmed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(round_id, question_id) DO UPDATE SET
                  value = excluded.value, note = excluded.note, source = excluded.source,
                  answered_at = excluded.answered_at, confirmed = excluded.confirmed
                """,
            arguments: [round.id, answer.questionID, json, answer.note, answer.source.rawValue, answer.answeredAt, answer.confirmed])
    }

    /// The questions of `round` skipped in the interview and not answered since, in the order skipped.
    public func skippedQuestions(round: AuditRound) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT question_id FROM interview_skip WHERE round_id = ? ORDER BY rowid", arguments: [round.id])
        }
    }

    /// Records that `questionID` was skipped (`true`) or is no longer (`false`: answered or re-offered).
    public func markSkipped(_ questionID: String, _ skipped: Bool, round: AuditRound) throws {
        try write { db in
            if skipped {
                try db.execute(sql: "INSERT OR IGNORE INTO interview_skip(round_id, question_id) VALUES (?, ?)", arguments: [round.id, questionID])
            } else {
                try db.execute(sql: "DELETE FROM interview_skip WHERE round_id = ? AND question_id = ?", arguments: [round.id, questionID])
            }
        }
    }
}
