import AuditModel
import GRDB

extension Workspace {
    /// Records that `round`'s sale lines are read from a client database described by
    /// `description` (JSON written by the Warehouse module: engine, host, database, user, table and
    /// columns; never a password), replacing an earlier one.
    package func setSalesSource(_ description: String, round: AuditRound) throws {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO round_source(round_id, description, connected_at) VALUES (?, ?, ?)",
                arguments: [round.id, description, Timestamp.now()])
        }
    }

    /// The description of the database holding `round`'s sale lines, or nil when they are imported
    /// from files.
    package func salesSource(round: AuditRound) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT description FROM round_source WHERE round_id = ?", arguments: [round.id])
        }
    }
}
