import AuditModel
import CLibPQ
import Foundation

/// One connection to a PostgreSQL database through libpq: read-only unless asked otherwise
/// (`default_transaction_read_only`), every statement under `statement_timeout`.
package final class PostgresConnection {
    private let connection: OpaquePointer
    private let url: String
    /// Bytes of the values the queries brought back (what crossed the network, about).
    package private(set) var bytesReceived = 0

    /// Connects to `source`. The password is `password`, else what libpq finds itself
    /// (`PGPASSWORD`, `~/.pgpass`); it is never kept.
    /// - Parameters:
    ///   - readOnly: false only to load test data; the audit reads.
    ///   - timeout: the longest a statement may run.
    package init(_ source: DatabaseSource, password: String?, readOnly: Bool = true, timeout: Duration = .seconds(600))
        throws(WarehouseError)
    {
        url = source.url
        let milliseconds = max(1, Int(timeout.components.seconds) * 1000 + Int(timeout.components.attoseconds / 1_000_000_000_000_000))
        var parameters: [(String, String)] = [
            ("host", source.host), ("port", String(source.port)), ("dbname", source.database), ("user", source.user),
            ("connect_timeout", "10"), ("application_name", "crm-audit"), ("client_encoding", "UTF8"),
            // The per-customer and per-order hash tables of a million lines outgrow the default
            // 4 MB and spill to disk; this session's own limit only. Dates written as text read
            // day first (01.02.2025 is the 1st of February), as the importer reads them.
            (
                "options",
                "-c statement_timeout=\(milliseconds) -c work_mem=128MB -c DateStyle=ISO,DMY"
                    + (readOnly ? " -c default_transaction_read_only=on" : "")
            ),
        ]
        if let password { parameters.append(("password", password)) }
        let keywords = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer {
            for pointer in keywords + values { free(pointer) }
        }
        // libpq reads both lists up to their terminating null.
        let connected = PQconnectdbParams(
            keywords.map { $0.map { UnsafePointer($0) } } + [nil], values.map { $0.map { UnsafePointer($0) } } + [nil], 0)
        guard let connected else { throw .connection(source.url, message: "out of memory") }
        guard PQstatus(connected) == CONNECTION_OK else {
            let message = Self.trimmed(PQerrorMessage(connected))
            PQfinish(connected)
            throw .connection(source.url, message: message)
        }
        connection = connected
    }

    deinit { PQfinish(connection) }

    /// Runs `sql` and returns its rows, each value as PostgreSQL writes it in text (nil for NULL).
    package func rows(_ sql: String) throws(WarehouseError) -> [[String?]] {
        try StatementTiming.measure(sql) { () throws(WarehouseError) in try run(sql) }
    }

    private func run(_ sql: String) throws(WarehouseError) -> [[String?]] {
        guard let result = PQexec(connection, sql) else { throw .query(url, message: Self.trimmed(PQerrorMessage(connection))) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw .query(url, message: Self.trimmed(PQresultErrorMessage(result)))
        }
        let count = Int(PQntuples(result)), fields = Int(PQnfields(result))
        var rows: [[String?]] = []
        rows.reserveCapacity(count)
        for row in 0..<count {
            var values: [String?] = []
            values.reserveCapacity(fields)
            for field in 0..<fields {
                if PQgetisnull(result, Int32(row), Int32(field)) != 0 {
                    values.append(nil)
                } else if let value = PQgetvalue(result, Int32(row), Int32(field)) {
                    bytesReceived += Int(PQgetlength(result, Int32(row), Int32(field)))
                    values.append(String(cString: value))
                } else {
                    values.append(nil)
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// `text` as an SQL string literal (quotes doubled by libpq for this connection's encoding).
    package func literal(_ text: String) -> String {
        guard let escaped = PQescapeLiteral(connection, text, text.utf8.count) else { return "NULL" }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }
}
