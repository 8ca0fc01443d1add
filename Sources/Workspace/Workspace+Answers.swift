import AuditModel
import Foundation
import GRDB

extension Workspace {
    /// The answers of `round` that count (one per question), in the order they were given.
    package func answers(round: AuditRound) throws -> [Answer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM answer WHERE round_id = ? ORDER BY answered_at, rowid", arguments: [round.id])
                .compactMap(Self.answer)
        }
    }

    /// Every respondent's answers in `round` (several per question when several people answered
    /// it), by question, then respondent.
    package func respondentAnswers(round: AuditRound) throws -> [Answer] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM respondent_answer WHERE round_id = ? ORDER BY question_id, respondent",
                arguments: [round.id]
            ).compactMap(Self.answer)
        }
    }

    /// The questions of `round` whose answer that counts the consultant chose among respondents'.
    package func chosenAnswers(round: AuditRound) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: "SELECT question_id FROM answer WHERE round_id = ? AND chosen = 1", arguments: [round.id]))
        }
    }

    private static func answer(_ row: Row) -> Answer? {
        let json: String = row["value"]
        guard let value = try? JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8)) else { return nil }
        let name: String? = row["respondent"]
        return Answer(
            questionID: row["question_id"], value: value, note: row["note"],
            source: AnswerSource(rawValue: row["source"]) ?? .interview,
            answeredAt: row["answered_at"], confirmed: row.hasColumn("confirmed") ? row["confirmed"] : true,
            respondent: name.flatMap { Respondent(name: $0, role: row["respondent_role"]) })
    }

    /// Makes `respondent`'s answer to `questionID` the one that counts, whatever is given later,
    /// until another is chosen.
    /// - Throws: ``WorkspaceError/noSuchRespondentAnswer`` when that person did not answer it.
    package func choose(questionID: String, respondent name: String, round: AuditRound) throws {
        try write { db in
            // Names compared without case in any alphabet (SQLite's lower() knows only ASCII).
            let given = try Row.fetchAll(
                db, sql: "SELECT * FROM respondent_answer WHERE round_id = ? AND question_id = ? ORDER BY respondent",
                arguments: [round.id, questionID]
            ).compactMap(Self.answer)
            let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let answer = given.first(where: { $0.respondent?.name.lowercased() == wanted }) else {
                throw WorkspaceError.noSuchRespondentAnswer(
                    question: questionID, respondent: name, known: given.compactMap(\.respondent?.name))
            }
            try Workspace.insertCounting(answer, chosen: true, round: round, db)
        }
    }

    /// Saves one answer at once (replacing an earlier answer to the same question).
    package func save(_ answer: Answer, round: AuditRound) throws {
        try write { db in try Workspace.insert(answer, round: round, db) }
    }

    /// Removes the answer to `questionID`, if any: `respondent`'s only (the one that counts too
    /// when it was theirs), or, with none given, every answer to it.
    package func deleteAnswer(questionID: String, respondent: Respondent? = nil, round: AuditRound) throws {
        try write { db in
            if let respondent {
                try db.execute(
                    sql: "DELETE FROM respondent_answer WHERE round_id = ? AND question_id = ? AND respondent = ?",
                    arguments: [round.id, questionID, respondent.name])
                try db.execute(
                    sql: "DELETE FROM answer WHERE round_id = ? AND question_id = ? AND respondent = ?",
                    arguments: [round.id, questionID, respondent.name])
            } else {
                try db.execute(
                    sql: "DELETE FROM respondent_answer WHERE round_id = ? AND question_id = ?", arguments: [round.id, questionID])
                try db.execute(sql: "DELETE FROM answer WHERE round_id = ? AND question_id = ?", arguments: [round.id, questionID])
            }
        }
    }

    /// Saves many answers in one transaction: all of them or none.
    package func save(_ answers: [Answer], round: AuditRound) throws {
        try write { db in
            for answer in answers { try Workspace.insert(answer, round: round, db) }
        }
    }

    /// Stores `answer`: a respondent's answer is kept beside the others' to the same question
    /// and becomes the one that counts unless the consultant chose another person's; an answer
    /// with no respondent simply becomes the one that counts.
    static func insert(_ answer: Answer, round: AuditRound, _ db: Database) throws {
        if let respondent = answer.respondent {
            try db.execute(
                sql: """
                    INSERT INTO respondent_answer(round_id, question_id, respondent, respondent_role, value, note, source, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(round_id, question_id, respondent) DO UPDATE SET
                      respondent_role = excluded.respondent_role, value = excluded.value, note = excluded.note,
                      source = excluded.source, answered_at = excluded.answered_at
                    """,
                arguments: [
                    round.id, answer.questionID, respondent.name, respondent.role, try json(answer.value), answer.note,
                    answer.source.rawValue, answer.answeredAt,
                ])
            let chosenFromOther =
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT respondent FROM answer WHERE round_id = ? AND question_id = ? AND chosen = 1
                        """, arguments: [round.id, answer.questionID]
                ).map { $0 != respondent.name } ?? false
            if chosenFromOther { return }
        }
        try insertCounting(answer, chosen: false, round: round, db)
    }

    private static func insertCounting(_ answer: Answer, chosen: Bool, round: AuditRound, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO answer(round_id, question_id, value, note, source, answered_at, confirmed, respondent, respondent_role, chosen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(round_id, question_id) DO UPDATE SET
                  value = excluded.value, note = excluded.note, source = excluded.source,
                  answered_at = excluded.answered_at, confirmed = excluded.confirmed,
                  respondent = excluded.respondent, respondent_role = excluded.respondent_role, chosen = excluded.chosen
                """,
            arguments: [
                round.id, answer.questionID, try json(answer.value), answer.note, answer.source.rawValue, answer.answeredAt,
                answer.confirmed, answer.respondent?.name, answer.respondent?.role, chosen,
            ])
    }

    private static func json(_ value: AnswerValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The questions of `round` skipped in the interview and not answered since, in the order skipped.
    package func skippedQuestions(round: AuditRound) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT question_id FROM interview_skip WHERE round_id = ? ORDER BY rowid", arguments: [round.id])
        }
    }

    /// Records that `questionID` was skipped (`true`) or is no longer (`false`: answered or re-offered).
    package func markSkipped(_ questionID: String, _ skipped: Bool, round: AuditRound) throws {
        try write { db in
            if skipped {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO interview_skip(round_id, question_id) VALUES (?, ?)", arguments: [round.id, questionID])
            } else {
                try db.execute(sql: "DELETE FROM interview_skip WHERE round_id = ? AND question_id = ?", arguments: [round.id, questionID])
            }
        }
    }
}
