import ArgumentParser
import Warehouse

/// Where a client database holds the sale lines: `--source`, `--sales-table`, `--column`.
struct DatabaseSourceOptions: ParsableArguments {
    @Option(
        help: """
            A client database holding the sale lines: postgresql://USER@HOST:PORT/DATABASE or \
            clickhouse://USER@HOST:HTTP-PORT/DATABASE (no password: it is read from CRM_AUDIT_DB_PASSWORD, or for \
            PostgreSQL PGPASSWORD). The metrics are computed by the database; only aggregates come back.
            """)
    var source: String?

    @Option(help: "With --source: the table or view of the sale lines (table or schema.table; a Distributed table in ClickHouse).")
    var salesTable: String?

    @Option(
        help: "With --source: a sales field read from a column named otherwise, FIELD=COLUMN (repeatable), e.g. customer_id=client_code.")
    var column: [String] = []

    /// Whether any of the options is given.
    var isGiven: Bool { source != nil || salesTable != nil || !column.isEmpty }

    /// The source the options describe, nil when `--source` is not given.
    func databaseSource() throws -> DatabaseSource? {
        guard let source else { return nil }
        guard let salesTable else { throw ValidationError(CLIText.sourceNeedsASalesTable.text()[CLILanguage.current]) }
        var columns: [String: String] = [:]
        for pair in column {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError(CLIText.columnExpectsFieldEqualsColumn.render(["value": .text(pair)], in: CLILanguage.current))
            }
            columns[parts[0]] = parts[1]
        }
        return try DatabaseSource(url: source, salesTable: salesTable, columns: columns)
    }

    /// Throws unless `--source` and `--sales-table` come together and `--column` only with them.
    func validatePairing() throws {
        if (source == nil) != (salesTable == nil) || (source == nil && !column.isEmpty) {
            throw ValidationError(CLIText.sourceNeedsASalesTable.text()[CLILanguage.current])
        }
    }
}
