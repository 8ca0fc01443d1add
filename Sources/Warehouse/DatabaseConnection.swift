import Foundation

/// A connection that runs the audit's SQL where the client's lines are and brings back rows.
package protocol DatabaseConnection: AnyObject {
    /// Runs `sql` and returns its rows, each value as the database writes it in text (nil for NULL).
    func rows(_ sql: String) throws(WarehouseError) -> [[String?]]
    /// Bytes the queries brought back so far (what crossed the network, about).
    var bytesReceived: Int { get }
    /// Runs `statement`, sending its tables with it when it has some.
    func rows(_ statement: SQLStatement) throws(WarehouseError) -> [[String?]]
}

/// A statement and the small tables it reads that the audit sends with it (ClickHouse's external
/// data: the customer list's ids and managers); PostgreSQL's statements hold theirs as `VALUES`.
package struct SQLStatement: Sendable {
    /// A table sent with a statement: its name, ClickHouse structure (`code String, …`) and rows.
    package struct Table: Sendable {
        package var name: String
        package var structure: String
        package var rows: [[String?]]
    }

    package var sql: String
    package var tables: [Table] = []

    init(_ sql: String, tables: [Table] = []) {
        self.sql = sql
        self.tables = tables
    }
}

extension PostgresConnection: DatabaseConnection {
    package func rows(_ statement: SQLStatement) throws(WarehouseError) -> [[String?]] {
        guard statement.tables.isEmpty else { throw .unexpectedResult("tables sent to PostgreSQL") }
        return try rows(statement.sql)
    }
}

extension DatabaseSource {
    /// The longest a statement may run: ten minutes, or `CRM_AUDIT_DB_TIMEOUT` seconds (a client's
    /// DBA may allow more for a table of hundreds of millions of lines, or less).
    package static var statementTimeout: Duration {
        let seconds = ProcessInfo.processInfo.environment["CRM_AUDIT_DB_TIMEOUT"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        return .seconds(seconds ?? 600)
    }

    /// A connection to this source's engine. The password is never kept.
    /// - Parameters:
    ///   - readOnly: false only to load test data; the audit reads.
    ///   - timeout: the longest a statement may run (default: ``statementTimeout``).
    package func connect(password: String?, readOnly: Bool = true, timeout: Duration = DatabaseSource.statementTimeout)
        throws(WarehouseError)
        -> any DatabaseConnection
    {
        switch engine {
        case .postgresql: try PostgresConnection(self, password: password, readOnly: readOnly, timeout: timeout)
        case .clickhouse: try ClickHouseConnection(self, password: password, readOnly: readOnly, timeout: timeout)
        }
    }
}

/// With `CRM_AUDIT_TIMING=1`, each statement's time and its first words on standard error: what a
/// benchmark reads to see where a reading spends its time.
enum StatementTiming {
    static let isOn = ["1", "sql"].contains(ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"])
    /// `CRM_AUDIT_TIMING=sql` also prints each statement whole before it runs.
    static let printsStatements = ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "sql"

    static func measure<T>(_ sql: String, _ body: () throws(WarehouseError) -> T) throws(WarehouseError) -> T {
        guard isOn else { return try body() }
        if printsStatements { FileHandle.standardError.write(Data("statement: \(sql)\n".utf8)) }
        let clock = ContinuousClock(), start = clock.now
        defer {
            let words = sql.split(whereSeparator: \.isWhitespace).prefix(12).joined(separator: " ")
            FileHandle.standardError.write(Data("timing: statement \(clock.now - start): \(words)\n".utf8))
        }
        return try body()
    }
}
