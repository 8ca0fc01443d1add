import AuditModel
import GRDB

/// A consultant's own ruleset file, stored with a round.
package struct StoredRulesetLayer: Sendable, Hashable {
    /// The file's name when it was given (for messages).
    package var fileName: String
    /// The YAML text.
    package var content: String

    package init(fileName: String, content: String) {
        self.fileName = fileName
        self.content = content
    }
}

extension Workspace {
    /// The consultant's ruleset layers of `round`, in order.
    package func rulesetLayers(round: AuditRound) throws -> [StoredRulesetLayer] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT file_name, content FROM ruleset_layer WHERE round_id = ? ORDER BY position",
                arguments: [round.id]
            ).map { StoredRulesetLayer(fileName: $0["file_name"], content: $0["content"]) }
        }
    }

    /// Replaces the consultant's ruleset layers of `round` (all or nothing).
    package func saveRulesetLayers(_ layers: [StoredRulesetLayer], round: AuditRound) throws {
        try write { db in try Workspace.replaceRulesetLayers(layers, round: round, db) }
    }

    static func replaceRulesetLayers(_ layers: [StoredRulesetLayer], round: AuditRound, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM ruleset_layer WHERE round_id = ?", arguments: [round.id])
        for (position, layer) in layers.enumerated() {
            try db.execute(
                sql: "INSERT INTO ruleset_layer(round_id, position, file_name, content) VALUES (?, ?, ?, ?)",
                arguments: [round.id, position, layer.fileName, layer.content])
        }
    }
}
