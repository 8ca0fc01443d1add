import AuditModel

/// The SQL (PostgreSQL) that computes the sales and Pareto aggregates where the sale lines are:
/// three statements, each bringing back one row.
///
/// The lines are read as the importer reads a file: the customer id trimmed (a line without one,
/// or without an amount, is not a sale line), a line without a date is counted as unreadable, a
/// line after as_of is counted and left out; a line without an order id is an order of its own.
struct SalesQueries {
    let source: DatabaseSource

    /// `name` (or `schema.name`) as quoted identifiers.
    static func identifier(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            .joined(separator: ".")
    }

    /// The canonical lines: `c` customer, `d` date, `a` amount, `k` cost, `o` order.
    var lines: String {
        func column(_ field: SalesColumn) -> String { Self.identifier(source.column(field)) }
        let cost = source.columns[SalesColumn.cost.rawValue] == nil && !hasCost ? "NULL::float8" : "CAST(\(column(.cost)) AS float8)"
        let order =
            source.columns[SalesColumn.orderID.rawValue] == nil && !hasOrder
            ? "NULL::text" : "NULLIF(btrim(CAST(\(column(.orderID)) AS text)), '')"
        return """
            SELECT NULLIF(btrim(CAST(\(column(.customerID)) AS text)), '') AS c, CAST(\(column(.date)) AS date) AS d, \
            CAST(\(column(.amount)) AS float8) AS a, \(cost) AS k, \(order) AS o FROM \(Self.identifier(source.salesTable))
            """
    }

    /// Whether the table has the optional columns under their own names (set from the catalogue).
    var hasCost = false
    var hasOrder = false

    /// The table's columns, from the catalogue (to tell a missing optional column from a present one).
    var columnsQuery: String {
        let parts = source.salesTable.split(separator: ".").map(String.init)
        let table = parts.last ?? source.salesTable
        let schema = parts.count > 1 ? "table_schema = '\(parts[0].replacingOccurrences(of: "'", with: "''"))'" : "true"
        return
            "SELECT column_name FROM information_schema.columns WHERE table_name = '\(table.replacingOccurrences(of: "'", with: "''"))' AND \(schema)"
    }

    /// The latest sale date (the default as_of).
    var latestDate: String { "SELECT max(d) FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL" }

    private func counted(_ asOf: Day) -> String {
        """
        WITH l AS (SELECT * FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL), \
        i AS (SELECT c, d, a, k, o, DATE '\(asOf.iso)' - d AS age FROM l WHERE d <= DATE '\(asOf.iso)')
        """
    }

    /// One row: rows, revenue, orders, buyers, first, last, cost lines, their amount, cost, zero
    /// and negative amounts; per window (last 12, previous 12): revenue, orders, customers, cost
    /// lines, their amount, cost; then lines after as_of and lines without a date.
    func totals(asOf: Day) -> String {
        func window(_ condition: String) -> String {
            """
            coalesce(sum(a) FILTER (WHERE \(condition)), 0), \
            count(DISTINCT o) FILTER (WHERE \(condition)) + count(*) FILTER (WHERE o IS NULL AND \(condition)), \
            count(DISTINCT c) FILTER (WHERE \(condition)), \
            count(k) FILTER (WHERE \(condition)), coalesce(sum(a) FILTER (WHERE k IS NOT NULL AND \(condition)), 0), \
            coalesce(sum(k) FILTER (WHERE \(condition)), 0)
            """
        }
        return """
            \(counted(asOf)) SELECT count(*), coalesce(sum(a), 0), count(DISTINCT o) + count(*) FILTER (WHERE o IS NULL), \
            count(DISTINCT c), min(d), max(d), count(k), coalesce(sum(a) FILTER (WHERE k IS NOT NULL), 0), coalesce(sum(k), 0), \
            count(*) FILTER (WHERE a = 0), count(*) FILTER (WHERE a < 0), \
            \(window("age < 365")), \(window("age >= 365 AND age < 730")), \
            (SELECT count(*) FROM l WHERE d > DATE '\(asOf.iso)'), (SELECT count(*) FROM l WHERE d IS NULL) FROM i
            """
    }

    /// One row: N, total, the top ⌈0.2·N⌉'s revenue, the customers for 80 %, the largest
    /// customer's revenue and Σ share²; over the customers who bought in the headline period by
    /// their revenue there (`headline`), or over every buying customer by all their revenue.
    func pareto(asOf: Day, headline: Bool) -> String {
        let per =
            headline
            ? "SELECT c, sum(a) AS v FROM i WHERE age < 365 GROUP BY c"
            : "SELECT c, sum(a) AS v FROM i GROUP BY c"
        return """
            \(counted(asOf)), p AS (\(per)), \
            r AS (SELECT v, row_number() OVER (ORDER BY v DESC, c) AS pos, count(*) OVER () AS n, sum(v) OVER () AS total, \
            sum(v) OVER (ORDER BY v DESC, c ROWS UNBOUNDED PRECEDING) AS cumulative FROM p) \
            SELECT count(*), coalesce(max(total), 0), coalesce(sum(v) FILTER (WHERE pos <= ceil(0.2::float8 * n)), 0), \
            min(pos) FILTER (WHERE cumulative >= 0.8 * total), coalesce(max(v), 0), \
            coalesce(sum((v / NULLIF(total, 0)) * (v / NULLIF(total, 0))), 0) FROM r
            """
    }
}
