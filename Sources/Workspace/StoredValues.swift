import AuditModel
import GRDB

/// A value in the workspace that is not of its column's type (text where a count belongs, say):
/// the file was edited by hand or is damaged. Reported with the table and column, instead of
/// GRDB's typed subscript stopping the program.
package struct StoredValueUnreadable: AuditError, Equatable {
    /// The workspace file.
    package var workspace: String
    package var table: String
    package var column: String
    /// The value as SQLite holds it (shortened).
    package var value: String

    package var location: SourceLocation? { SourceLocation(file: workspace) }

    package func message(in language: Language) -> String {
        WorkspaceText.storedValueOfWrongType.render(
            ["table": .text(table), "column": .text(column), "value": .text(value)], in: language)
    }
}

extension Row {
    /// The value of `column` as `Value`, or ``StoredValueUnreadable`` when the workspace holds
    /// something else there (GRDB's `row[column]` would stop the program).
    func stored<Value: DatabaseValueConvertible>(_ column: String, of table: String, in workspace: String) throws -> Value {
        do {
            return try decode(Value.self, forColumn: column)
        } catch {
            let raw: DatabaseValue = self[column]
            var text = raw.description
            if case .string(let string) = raw.storage { text = string }
            throw StoredValueUnreadable(
                workspace: workspace, table: table, column: column,
                value: text.count > 40 ? String(text.prefix(37)) + "…" : text)
        }
    }
}
