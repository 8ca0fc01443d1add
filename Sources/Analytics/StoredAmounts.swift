import AuditModel
import GRDB
import Workspace

/// An amount or cost in the workspace that no import stores: not a number, not finite, or beyond
/// ±10^15 (``NumberLimits/amountMagnitude``). Imports refuse such values, so it was written by
/// hand or the file is damaged; the analysis stops rather than carry an infinity into the
/// metrics, where it could not be stored or shown.
package struct StoredAmountError: AuditError, Equatable {
    /// The workspace file.
    package var workspace: String
    /// `sale.amount`, `sale.cost`, `deal.amount` or `campaign.cost`.
    package var column: String
    /// The dataset's file and the line in it, when the row could be found.
    package var file: String?
    package var line: Int?
    /// The value as SQLite holds it.
    package var value: String

    package var location: SourceLocation? { SourceLocation(file: workspace) }

    package func message(in language: Language) -> String {
        var arguments: [String: MessageArgument] = ["column": .text(column), "value": .text(value), "workspace": .text(workspace)]
        let key: AnalyticsText
        switch (file, line) {
        case (let file?, let line?):
            key = .storedAmountAtLine
            arguments["file"] = .text(file)
            arguments["line"] = .value(line)
        case (let file?, nil):
            key = .storedAmountFromFile
            arguments["file"] = .text(file)
        default:
            key = .storedAmount
        }
        return key.render(arguments, in: language)
    }
}

/// Checks the amounts and costs the analysis reads from a workspace.
enum StoredAmounts {
    /// Whether an amount read from the workspace may be used.
    @inline(__always)
    static func isUsable(amount: Double) -> Bool { NumberLimits.isAmount(amount) }

    /// Throws ``StoredAmountError`` for the first sale line whose amount or cost cannot be used.
    /// - Complexity: O(n) in the number of lines (0.7 ms a million, see ``NumberLimits/areAmounts(_:nanAllowed:)``).
    static func check(_ sales: SaleLines, workspace: Workspace, round: AuditRound) throws {
        let amountsUsable = NumberLimits.areAmounts(sales.amount)
        guard amountsUsable, NumberLimits.areAmounts(sales.cost, nanAllowed: true) else {
            let field = amountsUsable ? "cost" : "amount"
            throw try RoundData.reading(workspace) { db in
                try locate(table: "sale", field: field, round: round.id, in: db, workspace: workspace.path)
            }
        }
    }

    /// A REAL column's value: the number, nil for NULL, NaN for anything that is not a number
    /// (text or a blob written by hand), which ``isUsable(amount:)`` then refuses. GRDB's typed
    /// subscript would stop the program on such a value.
    static func number(_ row: Row, _ index: Int) -> Double? {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .null: return nil
        case .int64(let integer): return Double(integer)
        case .double(let double): return double
        case .string, .blob: return .nan
        }
    }

    /// The error for the first row of `table` in `round` whose `field` is not a usable amount,
    /// with its dataset's file and line when SQLite finds it.
    static func locate(table: String, field: String, round: Int64, in db: Database, workspace: String) throws -> StoredAmountError {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT d.file_name, t.source_line, CAST(t.\(field) AS TEXT)
                FROM \(table) t LEFT JOIN dataset d ON d.id = t.dataset_id
                WHERE t.round_id = ? AND t.\(field) IS NOT NULL
                  AND (typeof(t.\(field)) NOT IN ('real', 'integer') OR NOT (abs(t.\(field)) <= ?))
                ORDER BY t.row_id LIMIT 1
                """, arguments: [round, NumberLimits.amountMagnitude])
        var error = StoredAmountError(workspace: workspace, column: "\(table).\(field)", file: nil, line: nil, value: "?")
        if let row {
            let file: DatabaseValue = row[0], line: DatabaseValue = row[1], value: DatabaseValue = row[2]
            if case .string(let name) = file.storage { error.file = name }
            if case .int64(let number) = line.storage { error.line = Int(clamping: number) }
            if case .string(let text) = value.storage { error.value = text.count > 40 ? String(text.prefix(37)) + "…" : text }
        }
        return error
    }
}
