import GRDB
import Workspace

enum GRDBRows {
    static func fetch(_ db: Database, _ sql: String) throws -> [[String: String]] {
        try Row.fetchAll(db, sql: sql).map { row in
            var out: [String: String] = [:]
            for (column, value) in row {
                switch value.storage {
                case .null: out[column] = nil
                case .int64(let number): out[column] = String(number)
                case .double(let number): out[column] = String(number)
                case .string(let text): out[column] = text
                case .blob: out[column] = "<blob>"
                }
            }
            return out
        }
    }
}

/// Whether the workspace's writer connection still enforces foreign keys.
func writerEnforcesForeignKeys(_ workspace: Workspace) throws -> Bool {
    try workspace.write { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1 }
}
