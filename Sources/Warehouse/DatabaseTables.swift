import AuditModel
import Foundation

/// A client's table read whole for an import (the customer list, the managers): its columns as
/// the header and every row as text, written to a CSV only its owner can read, so that the
/// importer maps, checks and stores it as it does an export.
package enum DatabaseTables {
    /// Writes table `source.salesTable` of `source` to `path` (`;`-separated, every value quoted,
    /// UTF-8, the columns' names as the header; created readable by the owner only).
    /// - Returns: the number of rows written.
    /// - Throws: ``WarehouseError/tableNotFound(_:)`` for a table the account cannot see, or what
    ///   the database says.
    @discardableResult
    package static func export(_ source: DatabaseSource, password: String?, to path: String) throws -> Int {
        let connection = try source.connect(password: password)
        let header = try connection.rows(columnsQuery(source)).compactMap { $0.first ?? nil }
        guard !header.isEmpty else { throw WarehouseError.tableNotFound(source.salesTable) }
        let select: String
        switch source.engine {
        case .postgresql:
            select =
                "SELECT \(header.map { "CAST(\(SalesQueries.quoted($0)) AS text)" }.joined(separator: ", ")) FROM "
                + SalesQueries.identifier(source.salesTable)
        case .clickhouse:
            select =
                "SELECT \(header.map { "toString(`\($0.replacingOccurrences(of: "`", with: "\\`"))`)" }.joined(separator: ", ")) FROM "
                + ClickHouseSalesQueries.identifier(source.salesTable)
        }
        let rows = try connection.rows(select)
        func quoted(_ value: String?) -> String { "\"" + (value ?? "").replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = header.map(quoted).joined(separator: ";") + "\n"
        for row in rows { text += row.map(quoted).joined(separator: ";") + "\n" }
        try PrivateFile.write(Data(text.utf8), to: path)
        return rows.count
    }

    /// The table's columns in their order.
    private static func columnsQuery(_ source: DatabaseSource) -> String {
        switch source.engine {
        case .postgresql:
            let table = SalesQueries.identifier(source.salesTable).replacingOccurrences(of: "'", with: "''")
            return
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('\(table)') AND attnum > 0 AND NOT attisdropped ORDER BY attnum"
        case .clickhouse:
            let parts = source.salesTable.split(separator: ".").map(String.init)
            let database = parts.count > 1 ? ClickHouseSalesQueries.literal(parts[0]) : "currentDatabase()"
            return
                "SELECT name FROM system.columns WHERE database = \(database) AND table = \(ClickHouseSalesQueries.literal(parts.last ?? source.salesTable))"
        }
    }
}
