/// A connection that runs the audit's SQL where the client's lines are and brings back rows.
package protocol DatabaseConnection: AnyObject {
    /// Runs `sql` and returns its rows, each value as the database writes it in text (nil for NULL).
    func rows(_ sql: String) throws(WarehouseError) -> [[String?]]
    /// Bytes the queries brought back so far (what crossed the network, about).
    var bytesReceived: Int { get }
}

extension PostgresConnection: DatabaseConnection {}

extension DatabaseSource {
    /// A connection to this source's engine. The password is never kept.
    /// - Parameters:
    ///   - readOnly: false only to load test data; the audit reads.
    ///   - timeout: the longest a statement may run.
    package func connect(password: String?, readOnly: Bool = true, timeout: Duration = .seconds(600)) throws(WarehouseError)
        -> any DatabaseConnection
    {
        switch engine {
        case .postgresql: try PostgresConnection(self, password: password, readOnly: readOnly, timeout: timeout)
        case .clickhouse: try ClickHouseConnection(self, password: password, readOnly: readOnly, timeout: timeout)
        }
    }
}
