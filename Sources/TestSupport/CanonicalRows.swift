import AuditModel
import GRDB
import Workspace

/// Inserts canonical rows straight into a workspace round, as the importer would store them.
///
/// Values are given as text and stored by the field's type: numbers as REAL, booleans as 0/1,
/// dates and text as given; a missing or nil value is NULL. Each call records one dataset.
package func insertCanonicalRows(
    _ rows: [[String: String?]], kind: DatasetKind, into workspace: Workspace, round: AuditRound? = nil,
    fileName: String? = nil
) throws {
    let round = try round ?? workspace.round()
    let fields = kind.fields
    try workspace.write { db in
        try db.execute(
            sql: """
                INSERT INTO dataset(round_id, kind, file_name, sha256, format, rows_read, rows_stored, rows_rejected, imported_at)
                VALUES (?, ?, ?, ?, 'test', ?, ?, 0, '2026-11-29T00:00:00Z')
                """,
            arguments: [
                round.id, kind.rawValue, fileName ?? "\(kind.rawValue).csv", "test-\(kind.rawValue)-\(Int.random(in: 0..<Int.max))",
                rows.count, rows.count,
            ])
        let datasetID = db.lastInsertedRowID
        let columns = ["round_id", "dataset_id", "source_line"] + fields.map(\.name)
        let parameters = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(kind.tableName)(\(columns.joined(separator: ", "))) VALUES (\(parameters))")
        for (offset, row) in rows.enumerated() {
            var values: [(any DatabaseValueConvertible)?] = [round.id, datasetID, offset + 2]
            for field in fields {
                guard let text = row[field.name] ?? nil else {
                    values.append(nil)
                    continue
                }
                switch field.type {
                case .number: values.append(Double(text) ?? 0)
                case .boolean: values.append(text == "1" || text == "true" ? 1 : 0)
                case .text, .date, .code: values.append(text)
                }
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }
}
