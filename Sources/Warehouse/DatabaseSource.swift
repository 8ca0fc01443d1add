import AuditModel
import Foundation

/// A client database that holds a round's sale lines: where it is, who connects, and which table
/// (or view) holds what. Never a password: it comes from the environment when the database is read.
package struct DatabaseSource: Sendable, Hashable, Codable {
    /// The database engines the catalogue is computed in.
    package enum Engine: String, Sendable, Hashable, Codable {
        case postgresql
        /// Through its HTTP interface (port 8123 by default); the table may be `Distributed`.
        case clickhouse

        /// The engine's name as its makers write it.
        package var title: String {
            switch self {
            case .postgresql: "PostgreSQL"
            case .clickhouse: "ClickHouse"
            }
        }
    }

    package var engine: Engine
    package var host: String
    package var port: Int
    package var database: String
    package var user: String
    /// The table or view of the sale lines: `table` or `schema.table`.
    package var salesTable: String
    /// The column of each canonical sales field (`customer_id`, `date`, `amount`, `cost`,
    /// `order_id`, `product`, `manager`, `channel`, `campaign`) whose column is named otherwise; a
    /// field not listed is read from the column of its own name, and all but `customer_id`, `date`
    /// and `amount` may be absent.
    package var columns: [String: String]

    /// A source from a URL such as `postgresql://audit@db.example.ru:5432/sales` or
    /// `clickhouse://audit@ch.example.ru:8123/default` (ClickHouse's HTTP port).
    /// - Throws: ``WarehouseError`` for a URL that is not one, or that holds a password.
    package init(url: String, salesTable: String, columns: [String: String] = [:]) throws(WarehouseError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw .badURL(url)
        }
        switch scheme {
        case "postgresql", "postgres": engine = .postgresql
        case "clickhouse": engine = .clickhouse
        default: throw .unsupportedEngine(scheme)
        }
        guard components.password == nil else { throw .passwordInURL }
        guard let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty else { throw .badURL(url) }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw .badURL(url) }
        self.host = host
        port = components.port ?? (engine == .postgresql ? 5432 : 8123)
        self.database = database
        self.user = user
        self.salesTable = salesTable
        self.columns = columns
        for field in columns.keys where !SalesColumn.allCases.map(\.rawValue).contains(field) {
            throw .unknownField(field)
        }
    }

    /// The URL without a password, as it is shown and stored.
    package var url: String { "\(engine.rawValue)://\(user)@\(host):\(port)/\(database)" }

    /// The table's column that holds `field`.
    func column(_ field: SalesColumn) -> String { columns[field.rawValue] ?? field.rawValue }

    /// Whether `field` is read from a table whose columns are `present`: it is mapped, or a column
    /// of its own name is there.
    func reads(_ field: SalesColumn, present: Set<String>) -> Bool { columns[field.rawValue] != nil || present.contains(column(field)) }
}

/// The canonical sales fields the database computes with.
package enum SalesColumn: String, CaseIterable, Sendable {
    case customerID = "customer_id"
    case date
    case amount
    case cost
    case orderID = "order_id"
    case product, manager, channel, campaign

    /// Whether a sales table must have it: a customer, a date and an amount make a sale line.
    var isRequired: Bool { self == .customerID || self == .date || self == .amount }
}
