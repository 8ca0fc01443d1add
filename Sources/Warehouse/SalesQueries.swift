import Analytics
import AuditModel

/// The SQL that computes the sales, Pareto and retention aggregates where the sale lines are, in
/// one engine's dialect: statements each bringing back one row, whose values, concatenated, are
/// read in the order ``SalesQueries/aggregates(asOf:)`` documents.
protocol SalesSQL {
    /// The table's columns (from the catalogue): an optional field is read when mapped or present.
    var present: Set<String> { get set }
    /// The table's column names.
    var columnsQuery: String { get }
    /// The latest sale date (the default as_of).
    var latestDate: String { get }
    /// The statements of the aggregates as of `asOf`.
    func aggregates(asOf: Day) -> [String]
    /// Per month (`Day.monthIndex`) with included lines, in order: the month, its revenue, its
    /// distinct order ids and its lines without an order id.
    func monthly(asOf: Day) -> String
    /// Per cohort (the month of a customer's first included purchase) and month: the cohort, the
    /// month and how many of its customers bought in that month.
    func cohorts(asOf: Day) -> String
    /// The included lines' totals by manager, channel, campaign and product, and those of the
    /// lines with neither a channel nor a campaign (``SaleGroup``): per group, the dimension, the
    /// name (NULL for the lines without one), then over all history and over the headline period
    /// the lines, revenue, the amount of the lines with a cost, the cost, those lines, the latest
    /// date, the distinct orders (a line without an order id counted as one) and customers.
    func groups(asOf: Day) -> [String]
    /// The sale lines' ids each stands for another (found in the customer list by tax id or name):
    /// applied to every line before anything is computed.
    var aliases: [String: String] { get set }
    /// The distinct customer ids of the sale lines that are none of `codes` (the listed ids).
    func unlisted(codes: [String]) -> SQLStatement
    /// One row: the included lines whose customer is not in `list`, their amount, and the listed
    /// customers with an included line (``CustomerLevelAggregates``).
    func listMatch(asOf: Day, list: CustomerListKeys) -> SQLStatement
    /// Per manager a customer is assigned to (the list's, else the one on their latest included
    /// line; NULL: none): the manager, the headline period's buyers, their revenue there, and all
    /// buyers' revenue (``CustomerLevelAggregates/Assigned``).
    func assigned(asOf: Day, list: CustomerListKeys?) -> SQLStatement
    /// One row: the headline revenue of `manager`'s assigned customers on the lines `manager` sold.
    func ownLines(asOf: Day, list: CustomerListKeys?, manager: String) -> SQLStatement
    /// One row: the customers of the managers who stopped on `stops`, each with the earliest stop
    /// of a manager who sold to them in the year before it, and their revenue over the `w` days
    /// before and after it (``DepartedAggregates``).
    func departed(asOf: Day, stops: [String: Day]) -> String
    /// One row: the sale lines dated after `day` (the round's date), as of any day.
    func linesAfter(_ day: Day) -> String
    /// The first ``StoredAnalysis/sampleLimit`` customers of each ranked sample set
    /// (``DatabaseSamples/customerSets``), in the order of the in-memory samples: the set, the
    /// customer, revenue over all history, the last and the previous 12 months, first and last
    /// purchase day, purchase days, the R, F and M scores, one purchase day or more (1/0), the
    /// customer's manager. `topManager` names the manager of `customers.top_manager`; `serving`
    /// the managers who serve (nil: the company sold nothing in the last 90 days).
    func customerSamples(asOf: Day, list: CustomerListKeys?, topManager: String?, serving: [String]?) -> SQLStatement
    /// The first sale lines of each sample set of lines (``DatabaseSamples/lineSets``), by date,
    /// customer and order: the set, the order, the customer, the date, the amount, the manager.
    func lineSamples(asOf: Day, list: CustomerListKeys?, roundDate: Day?) -> SQLStatement
    /// One row: the first positions of the customer list's records whose customer has no
    /// included line (an array), and how many there are.
    func withoutSales(asOf: Day, records: [(code: String, position: Int)]) -> SQLStatement
    /// Per portrait column (0-based) and value key of the listed customers (`keys`): those who
    /// bought in the headline period, their revenue there, and those of ABC class A on it
    /// (``PushedDownMetrics/PortraitRow``).
    func portrait(asOf: Day, keys: PortraitKeys) -> SQLStatement
    /// A page of the RFM table: the buyers by revenue (ties by id), from `offset`: the customer,
    /// days since the last purchase, purchase days, revenue, the R, F and M scores, one purchase day (1/0).
    func rfmPage(asOf: Day, offset: Int, limit: Int) -> String
    /// A page of the headline period's buyers by their revenue there (ties by id): the customer, the revenue.
    func headlinePage(asOf: Day, offset: Int, limit: Int) -> String
}

/// The SQL for PostgreSQL.
///
/// The lines are read as the importer reads a file: the customer id trimmed (a line without one,
/// or without an amount, is not a sale line), a line without a date is counted as unreadable, a
/// line after as_of is counted and left out; a line without an order id is an order of its own.
struct SalesQueries: SalesSQL {
    let source: DatabaseSource

    /// A table `name` (or `schema.name`) as quoted identifiers.
    static func identifier(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { quoted(String($0)) }.joined(separator: ".")
    }

    /// One name (a column's: it may hold a dot) as a quoted identifier.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The canonical lines: `c` customer, `d` date, `a` amount, `k` cost, `o` order.
    var lines: String {
        func column(_ field: SalesColumn) -> String { Self.quoted(source.column(field)) }
        func text(_ field: SalesColumn) -> String {
            source.reads(field, present: present) ? "NULLIF(btrim(CAST(\(column(field)) AS text)), '')" : "NULL::text"
        }
        let cost = source.reads(.cost, present: present) ? "CAST(\(column(.cost)) AS float8)" : "NULL::float8"
        let read = """
            SELECT \(text(.customerID)) AS c, CAST(\(column(.date)) AS date) AS d, CAST(\(column(.amount)) AS float8) AS a, \
            \(cost) AS k, \(text(.orderID)) AS o, \(text(.manager)) AS mg, \(text(.channel)) AS ch, \(text(.campaign)) AS cp, \
            \(text(.product)) AS pr FROM \(Self.identifier(source.salesTable))
            """
        guard !aliases.isEmpty else { return read }
        let pairs = aliases.sorted { $0.key < $1.key }.map { "(\(Self.literal($0.key)), \(Self.literal($0.value)))" }
        return """
            SELECT coalesce(al.target, x.c) AS c, x.d, x.a, x.k, x.o, x.mg, x.ch, x.cp, x.pr FROM (\(read)) AS x \
            LEFT JOIN (VALUES \(pairs.joined(separator: ", "))) AS al(name, target) ON al.name = x.c
            """
    }

    var present: Set<String> = []
    var aliases: [String: String] = [:]

    /// A buyer's RFM score of `value` (``Computation/quintileScores(_:)``) over the rows of the
    /// query: 1 + ⌊5·p⌋ (at most 5) of its percentile rank p, from the values strictly lower and tied.
    static func score(_ value: String) -> String {
        """
        CASE WHEN count(*) OVER () <= 1 THEN 3 ELSE least(5, 1 + (5 * (2 * (rank() OVER (ORDER BY \(value)) - 1) \
        + count(*) OVER (PARTITION BY \(value)) - 1)) / (2 * (count(*) OVER () - 1))) END
        """
    }

    /// `text` as a string literal (standard-conforming strings, the default since PostgreSQL 9.1).
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// The customer list as a table `list(code, manager)`.
    private func list(_ list: CustomerListKeys?) -> String {
        guard let list, !list.codes.isEmpty else { return "list(code, manager) AS (SELECT NULL::text, NULL::text WHERE false)" }
        let rows = zip(list.codes, list.managers).map { code, manager in
            "(\(Self.literal(code)), \(manager.map(Self.literal) ?? "NULL::text"))"
        }
        return "list(code, manager) AS (VALUES \(rows.joined(separator: ", ")))"
    }

    /// The included lines with their age in days.
    private func includedLines(asOf: Day) -> String {
        """
        s AS (SELECT c, d, a, o, mg, DATE '\(asOf.iso)' - d AS age FROM (\(lines)) AS l \
        WHERE c IS NOT NULL AND a IS NOT NULL AND d <= DATE '\(asOf.iso)')
        """
    }

    func customerSamples(asOf: Day, list: CustomerListKeys?, topManager: String?, serving: [String]?) -> SQLStatement {
        let limit = StoredAnalysis.sampleLimit
        func set(_ id: SampleSet, order: String, _ condition: String) -> String {
            "SELECT '\(id.rawValue)' AS id, c, row_number() OVER (ORDER BY \(order) DESC, c COLLATE \"C\") AS pos FROM scored WHERE \(condition)"
        }
        var sets = [
            set(.customersAtRisk, order: "revenue", "frequency > 1 AND r <= 2 AND f >= 3"),
            set(.customersLost, order: "w1", "b1 AND NOT b0"), set(.customersTop, order: "w0", "b0"),
            set(
                .customersOverdueRegulars, order: "w0",
                "b0 AND frequency >= 3 AND in_season AND (DATE '\(asOf.iso)' - last)::float8 > greatest(2 * (last - first)::float8 / (frequency - 1), 30)"
            ),
            set(.customersKeyDecliners, order: "w1 - w0", "c IN (SELECT c FROM keys) AND w0 < 0.7 * w1"),
        ]
        if let topManager { sets.append(set(.customersOfTopManager, order: "w0", "b0 AND assigned = \(Self.literal(topManager))")) }
        if let serving {
            // Served by nobody: no manager, or one who is not among those serving.
            let condition =
                serving.isEmpty
                ? "b0" : "b0 AND (assigned IS NULL OR assigned NOT IN (\(serving.map(Self.literal).joined(separator: ", "))))"
            sets.append(set(.customersUnserved, order: "w0", condition))
        }
        return SQLStatement(
            """
            WITH \(self.list(list)), \(includedLines(asOf: asOf)), \
            buyers AS (SELECT c, sum(a) AS revenue, coalesce(sum(a) FILTER (WHERE age < 365), 0) AS w0, \
            coalesce(sum(a) FILTER (WHERE age >= 365 AND age < 730), 0) AS w1, bool_or(age < 365) AS b0, \
            bool_or(age >= 365 AND age < 730) AS b1, min(d) AS first, max(d) AS last, count(DISTINCT d) AS frequency, \
            bool_or(age >= 320 AND age < 410) AS in_season, \
            (array_agg(mg ORDER BY d DESC, mg COLLATE "C" DESC) FILTER (WHERE mg IS NOT NULL))[1] AS last_manager FROM s GROUP BY c), \
            scored AS (SELECT b.*, \(Self.score("b.last")) AS r, \(Self.score("b.frequency")) AS f, \(Self.score("b.revenue")) AS m, \
            coalesce(list.manager, b.last_manager) AS assigned FROM buyers AS b LEFT JOIN list ON list.code = b.c), \
            keys AS (SELECT c FROM (SELECT c, row_number() OVER (ORDER BY w1 DESC, c COLLATE "C") AS pos, count(*) OVER () AS n \
            FROM scored WHERE b1 AND w1 > 0) AS k WHERE pos <= ceil(0.2::float8 * n)), \
            sets AS (\(sets.joined(separator: " UNION ALL "))) \
            SELECT sets.id, x.c, x.revenue, x.w0, x.w1, x.first, x.last, x.frequency, x.r, x.f, x.m, (x.frequency = 1)::int, x.assigned \
            FROM sets JOIN scored AS x ON x.c = sets.c WHERE sets.pos <= \(limit) ORDER BY sets.id, sets.pos
            """)
    }

    func lineSamples(asOf: Day, list: CustomerListKeys?, roundDate: Day?) -> SQLStatement {
        var sets = ["SELECT '\(SampleSet.salesNonPositive.rawValue)' AS id, o, c, d, a, mg FROM s WHERE a <= 0"]
        if let list, !list.codes.isEmpty {
            sets.append("SELECT '\(SampleSet.salesOrphans.rawValue)', o, c, d, a, mg FROM s WHERE c NOT IN (SELECT code FROM list)")
        }
        if let roundDate {
            sets.append(
                "SELECT '\(SampleSet.salesFutureDates.rawValue)', o, c, d, a, mg FROM (\(lines)) AS l "
                    + "WHERE c IS NOT NULL AND a IS NOT NULL AND d > DATE '\(roundDate.iso)'")
        }
        return SQLStatement(
            """
            WITH \(self.list(list)), \(includedLines(asOf: asOf)) \
            SELECT id, o, c, d, a, mg FROM (SELECT *, row_number() OVER (PARTITION BY id ORDER BY d, c COLLATE "C", o COLLATE "C") AS pos \
            FROM (\(sets.joined(separator: " UNION ALL "))) AS x) AS y WHERE pos <= \(StoredAnalysis.sampleLimit) ORDER BY id, pos
            """)
    }

    func rfmPage(asOf: Day, offset: Int, limit: Int) -> String {
        return """
            WITH \(includedLines(asOf: asOf)), \
            buyers AS (SELECT c, sum(a) AS revenue, max(d) AS last, count(DISTINCT d) AS frequency FROM s GROUP BY c), \
            scored AS (SELECT c, DATE '\(asOf.iso)' - last AS recency, frequency, revenue, \(Self.score("last")) AS r, \
            \(Self.score("frequency")) AS f, \(Self.score("revenue")) AS m FROM buyers) \
            SELECT c, recency, frequency, revenue, r, f, m, (frequency = 1)::int FROM scored \
            ORDER BY revenue DESC, c COLLATE "C" LIMIT \(limit) OFFSET \(offset)
            """
    }

    func headlinePage(asOf: Day, offset: Int, limit: Int) -> String {
        """
        WITH \(includedLines(asOf: asOf)) SELECT c, sum(a) AS w0 FROM s WHERE age < 365 GROUP BY c \
        ORDER BY w0 DESC, c COLLATE "C" LIMIT \(limit) OFFSET \(offset)
        """
    }

    func portrait(asOf: Day, keys: PortraitKeys) -> SQLStatement {
        let values = keys.rows.map { "(\(Self.literal($0.code)), ARRAY[\($0.keys.map(String.init).joined(separator: ","))]::int[])" }
        return SQLStatement(
            """
            WITH keys(code, k) AS (VALUES \(values.joined(separator: ", "))), \(includedLines(asOf: asOf)), \
            buyers AS (SELECT c, coalesce(sum(a) FILTER (WHERE age < 365), 0) AS w0, bool_or(age < 365) AS b0 FROM s GROUP BY c), \
            ranked AS (SELECT c, coalesce(sum(w0) OVER (ORDER BY w0 DESC, c COLLATE "C" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) \
            AS before, sum(w0) OVER () AS total FROM buyers WHERE b0), \
            classed AS (SELECT b.c, b.b0, b.w0, coalesce(r.total > 0 AND r.before < 0.8 * r.total, false) AS is_a \
            FROM buyers AS b LEFT JOIN ranked AS r USING (c)) \
            SELECT u.position - 1, u.value_key, count(*) FILTER (WHERE coalesce(x.b0, false)), coalesce(sum(x.w0), 0), \
            count(*) FILTER (WHERE coalesce(x.is_a, false)) FROM keys LEFT JOIN classed AS x ON x.c = keys.code \
            CROSS JOIN LATERAL unnest(keys.k) WITH ORDINALITY AS u(value_key, position) GROUP BY u.position, u.value_key
            """)
    }

    func withoutSales(asOf: Day, records: [(code: String, position: Int)]) -> SQLStatement {
        let values = records.map { "(\(Self.literal($0.code)), \($0.position))" }.joined(separator: ", ")
        return SQLStatement(
            """
            WITH records(code, position) AS (VALUES \(values)), \(includedLines(asOf: asOf)) \
            SELECT array_to_string((array_agg(position ORDER BY position))[1:\(StoredAnalysis.sampleLimit)], ','), count(*) \
            FROM records WHERE code NOT IN (SELECT c FROM s)
            """)
    }

    func unlisted(codes: [String]) -> SQLStatement {
        let values = codes.map { "(\(Self.literal($0)))" }.joined(separator: ", ")
        return SQLStatement(
            """
            SELECT DISTINCT c FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL \
            AND c NOT IN (SELECT code FROM (VALUES \(values)) AS list(code))
            """)
    }

    func listMatch(asOf: Day, list: CustomerListKeys) -> SQLStatement {
        SQLStatement(
            """
            WITH \(self.list(list)), \(includedLines(asOf: asOf)) \
            SELECT count(*) FILTER (WHERE NOT listed), coalesce(sum(a) FILTER (WHERE NOT listed), 0), \
            (SELECT count(DISTINCT c) FROM s WHERE c IN (SELECT code FROM list)) \
            FROM (SELECT a, c IN (SELECT code FROM list) AS listed FROM s) AS x
            """)
    }

    func assigned(asOf: Day, list: CustomerListKeys?) -> SQLStatement {
        SQLStatement(
            """
            WITH \(self.list(list)), \(includedLines(asOf: asOf)), \
            buyers AS (SELECT c, sum(a) AS revenue, coalesce(sum(a) FILTER (WHERE age < 365), 0) AS revenue_w0, bool_or(age < 365) AS bought, \
            (array_agg(mg ORDER BY d DESC, mg COLLATE "C" DESC) FILTER (WHERE mg IS NOT NULL))[1] AS last_manager FROM s GROUP BY c), \
            assigned AS (SELECT b.c, b.revenue, b.revenue_w0, b.bought, coalesce(list.manager, b.last_manager) AS manager \
            FROM buyers AS b LEFT JOIN list ON list.code = b.c) \
            SELECT manager, count(*) FILTER (WHERE bought), coalesce(sum(revenue_w0) FILTER (WHERE bought), 0), \
            coalesce(sum(revenue), 0) FROM assigned GROUP BY manager ORDER BY manager
            """)
    }

    func ownLines(asOf: Day, list: CustomerListKeys?, manager: String) -> SQLStatement {
        SQLStatement(
            """
            WITH \(self.list(list)), \(includedLines(asOf: asOf)), \
            buyers AS (SELECT c, (array_agg(mg ORDER BY d DESC, mg COLLATE "C" DESC) FILTER (WHERE mg IS NOT NULL))[1] AS last_manager \
            FROM s GROUP BY c), \
            theirs AS (SELECT b.c FROM buyers AS b LEFT JOIN list ON list.code = b.c \
            WHERE coalesce(list.manager, b.last_manager) = \(Self.literal(manager))) \
            SELECT coalesce(sum(a), 0) FROM s WHERE age < 365 AND mg = \(Self.literal(manager)) AND c IN (SELECT c FROM theirs)
            """)
    }

    func linesAfter(_ day: Day) -> String {
        "SELECT count(*) FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL AND d > DATE '\(day.iso)'"
    }

    func departed(asOf: Day, stops: [String: Day]) -> String {
        let rows = stops.sorted { $0.key < $1.key }.map { "(\(Self.literal($0.key)), DATE '\($0.value.iso)')" }
        return """
            WITH stops(manager, stop) AS (VALUES \(rows.joined(separator: ", "))), \(includedLines(asOf: asOf)), \
            customers AS (SELECT s.c, min(stops.stop) AS stop FROM s JOIN stops ON stops.manager = s.mg \
            WHERE s.d > stops.stop - 365 AND s.d <= stops.stop GROUP BY s.c), \
            windows AS (SELECT c, stop, least(365, DATE '\(asOf.iso)' - stop) AS w FROM customers) \
            SELECT (SELECT count(*) FROM customers), coalesce(sum(s.a) FILTER (WHERE s.d > w.stop - w.w AND s.d <= w.stop), 0), \
            coalesce(sum(s.a) FILTER (WHERE s.d > w.stop AND s.d <= w.stop + w.w), 0) FROM s JOIN windows AS w ON w.c = s.c
            """
    }

    /// The table's columns, from the catalogue: the table found as the queries find it (the
    /// session's `search_path` for a name without a schema); none when there is no such table.
    var columnsQuery: String {
        let table = Self.identifier(source.salesTable).replacingOccurrences(of: "'", with: "''")
        return "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass('\(table)') AND attnum > 0 AND NOT attisdropped"
    }

    /// The latest sale date (the default as_of).
    var latestDate: String { "SELECT max(d) FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL" }

    /// The included lines with their month.
    private func included(asOf: Day) -> String {
        """
        SELECT c, a, o, (date_part('year', d)::int * 12 + date_part('month', d)::int - 1) AS m FROM (\(lines)) AS l \
        WHERE c IS NOT NULL AND a IS NOT NULL AND d <= DATE '\(asOf.iso)'
        """
    }

    func monthly(asOf: Day) -> String {
        "SELECT m, sum(a), count(DISTINCT o), count(*) FILTER (WHERE o IS NULL) FROM (\(included(asOf: asOf))) AS i GROUP BY m ORDER BY m"
    }

    /// Each customer's months (hashed, not sorted: a window over the distinct pairs sorted ten
    /// million lines' worth of text for minutes), joined with their first.
    func cohorts(asOf: Day) -> String {
        """
        WITH months AS MATERIALIZED (SELECT c, m FROM (\(included(asOf: asOf))) AS i GROUP BY c, m) \
        SELECT f.cohort, months.m, count(*) FROM months JOIN (SELECT c, min(m) AS cohort FROM months GROUP BY c) AS f ON f.c = months.c \
        GROUP BY f.cohort, months.m ORDER BY f.cohort, months.m
        """
    }

    func groups(asOf: Day) -> [String] {
        func totals(_ condition: String) -> String {
            """
            count(*) FILTER (WHERE \(condition)), coalesce(sum(a) FILTER (WHERE \(condition)), 0), \
            coalesce(sum(a) FILTER (WHERE \(condition) AND k IS NOT NULL), 0), coalesce(sum(k) FILTER (WHERE \(condition)), 0), \
            count(k) FILTER (WHERE \(condition)), max(d) FILTER (WHERE \(condition)), \
            count(DISTINCT o) FILTER (WHERE \(condition)) + count(*) FILTER (WHERE \(condition) AND o IS NULL), \
            count(DISTINCT c) FILTER (WHERE \(condition))
            """
        }
        return [
            """
            SELECT CASE WHEN GROUPING(mg) = 0 THEN 'manager' WHEN GROUPING(ch) = 0 AND GROUPING(cp) = 0 THEN 'unknown_source' \
            WHEN GROUPING(ch) = 0 THEN 'channel' WHEN GROUPING(cp) = 0 THEN 'campaign' ELSE 'product' END, coalesce(mg, ch, cp, pr), \
            \(totals("true")), \(totals("h")) FROM (SELECT c, d, a, k, o, mg, ch, cp, pr, d > DATE '\(asOf.iso)' - 365 AS h \
            FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL AND d <= DATE '\(asOf.iso)') AS s \
            GROUP BY GROUPING SETS ((mg), (ch), (cp), (pr), (ch, cp)) \
            HAVING GROUPING(ch) + GROUPING(cp) <> 0 OR (ch IS NULL AND cp IS NULL)
            """
        ]
    }

    /// One statement, one row: the lines are aggregated by customer, by order and in total in one
    /// scan (`GROUPING SETS`, hashed), their distinct (customer, day) pairs in a second, narrow one
    /// (a `(c, d)` grouping set carrying every sum took twice as long), and the small per-customer
    /// and per-order results give the distinct counts, the two Pareto rankings and the retention
    /// counts.
    ///
    /// The row: rows, revenue, lines without an order id, first and last date, cost lines, their
    /// amount, cost, zero and negative amounts; per window (last 12, previous 12): revenue, lines
    /// without an order id, cost lines, their amount, cost; lines after as_of, lines without a
    /// date; distinct orders in all, in each window; buyers, customers active in each window; then
    /// for the headline period and for all history: N, total, the top ⌈0.2·N⌉'s revenue, the
    /// customers for 80 %, the largest customer's revenue and Σ share²; then the retention counts
    /// (``RetentionAggregates``: repeaters, median interval, new, reactivated, retained, lost, kept
    /// and lost revenue, the previous window's revenue, its new customers and those retained); last
    /// the headline Pareto curve's running sums, comma-separated (``ParetoCurve/counts(buyers:)``);
    /// last year's key accounts (``KeyAccountAggregates``) and the overdue regulars
    /// (``OverdueAggregates``); the customers' ABC classes on the headline period and on all history
    /// (per class: customers, revenue, smallest revenue); last, the buyers' RFM score combinations
    /// as one text (``RFMAggregates``).
    func aggregates(asOf: Day) -> [String] {
        let included = "age >= 0"
        let windows = ["age >= 0 AND age < 365", "age >= 365 AND age < 730"]
        var sums = [
            "count(*) FILTER (WHERE \(included)) AS n", "coalesce(sum(a) FILTER (WHERE \(included)), 0) AS revenue",
            "count(*) FILTER (WHERE \(included) AND o IS NULL) AS lone", "min(d) FILTER (WHERE \(included)) AS first",
            "max(d) FILTER (WHERE \(included)) AS last", "count(k) FILTER (WHERE \(included)) AS cost_lines",
            "coalesce(sum(a) FILTER (WHERE k IS NOT NULL AND \(included)), 0) AS cost_amount",
            "coalesce(sum(k) FILTER (WHERE \(included)), 0) AS cost",
            "count(*) FILTER (WHERE \(included) AND a = 0) AS zero", "count(*) FILTER (WHERE \(included) AND a < 0) AS negative",
        ]
        for (index, window) in windows.enumerated() {
            sums += [
                "coalesce(sum(a) FILTER (WHERE \(window)), 0) AS revenue_w\(index)",
                "count(*) FILTER (WHERE \(window) AND o IS NULL) AS lone_w\(index)",
                "count(k) FILTER (WHERE \(window)) AS cost_lines_w\(index)",
                "coalesce(sum(a) FILTER (WHERE k IS NOT NULL AND \(window)), 0) AS cost_amount_w\(index)",
                "coalesce(sum(k) FILTER (WHERE \(window)), 0) AS cost_w\(index)", "coalesce(bool_or(\(window)), false) AS in_w\(index)",
            ]
        }
        sums += ["count(*) FILTER (WHERE age < 0) AS after", "count(*) FILTER (WHERE d IS NULL) AS undated"]
        // Bought at this time of year a year ago (45 days either side): the overdue regulars' season.
        sums.append("coalesce(bool_or(age >= 320 AND age < 410), false) AS in_season")
        // Each period's customers ranked by revenue (ties by id), with the running sum; then the
        // ranking's figures.
        func pareto(_ name: String, value: String, condition: String) -> String {
            """
            \(name)_ranked AS (SELECT v, row_number() OVER (ORDER BY v DESC, c) AS pos, count(*) OVER () AS count, \
            sum(v) OVER () AS total, sum(v) OVER (ORDER BY v DESC, c ROWS UNBOUNDED PRECEDING) AS cumulative \
            FROM (SELECT c, \(value) AS v FROM customers WHERE \(condition)) AS p), \
            \(name) AS (SELECT count(*) AS n, coalesce(max(total), 0) AS total, \
            coalesce(sum(v) FILTER (WHERE pos <= ceil(0.2::float8 * count)), 0) AS top, \
            min(pos) FILTER (WHERE cumulative >= 0.8 * total) AS k, coalesce(max(v), 0) AS largest, \
            coalesce(sum((v / NULLIF(total, 0)) * (v / NULLIF(total, 0))), 0) AS hhi FROM \(name)_ranked)
            """
        }
        // The headline Pareto curve: the running sum at the top ⌈p/100·N⌉ customers, p = 0…100
        // (ParetoCurve.counts), as one text.
        let curve = """
            curve AS (SELECT string_agg(coalesce(r.cumulative, 0)::text, ',' ORDER BY t.p) AS points \
            FROM (SELECT p, ceil(p::float8 / 100 * (SELECT count(*) FROM headline_ranked))::bigint AS pos \
            FROM generate_series(0, 100) AS p) AS t LEFT JOIN headline_ranked AS r ON r.pos = t.pos)
            """
        // Each buyer's RFM scores (``Computation/quintileScores(_:)``: the values strictly lower
        // and tied, by recency — the latest day —, frequency and revenue), counted by combination
        // of scores, as one text: r,f,m,single,customers,revenue,revenue_w0 per combination, ';' between.
        let rfm = """
            rfm_scored AS (SELECT \(Self.score("last")) AS r, \(Self.score("frequency")) AS f, \(Self.score("revenue")) AS m, \
            (frequency = 1)::int AS single, revenue, revenue_w0 FROM customers), \
            rfm AS (SELECT coalesce(string_agg(concat_ws(',', r, f, m, single, customers, revenue, revenue_w0), ';' \
            ORDER BY r, f, m, single), '') AS segments FROM (SELECT r, f, m, single, count(*) AS customers, sum(revenue) AS revenue, \
            sum(revenue_w0) AS revenue_w0 FROM rfm_scored GROUP BY r, f, m, single) AS combinations)
            """
        // Each period's customers ranked by revenue; a customer's ABC class is the one open before
        // it is added (A until the running sum reaches 80 % of the total, B until 95 %): the
        // classes' customers, revenue and smallest revenue, headline period then all history.
        func abc(_ name: String, value: String, condition: String) -> String {
            """
            \(name)_abc_ranked AS (SELECT v, coalesce(sum(v) OVER (ORDER BY v DESC, c ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) \
            AS before, sum(v) OVER () AS total FROM (SELECT c, \(value) AS v FROM customers WHERE \(condition)) AS p), \
            \(name)_abc AS (SELECT \((0..<3).map { abcClass(name, $0) }.joined(separator: ", ")) FROM \(name)_abc_ranked)
            """
        }
        func abcClass(_ name: String, _ klass: Int) -> String {
            let condition =
                ["before < 0.8 * total", "before >= 0.8 * total AND before < 0.95 * total", "before >= 0.95 * total"][klass]
            return """
                count(*) FILTER (WHERE \(condition)) AS n\(klass), coalesce(sum(v) FILTER (WHERE \(condition)), 0) AS revenue\(klass), \
                min(v) FILTER (WHERE \(condition)) AS min\(klass)
                """
        }
        let abcColumns = ["headline_abc", "history_abc"].flatMap { name in
            (0..<3).flatMap { ["\(name).n\($0)", "\(name).revenue\($0)", "\(name).min\($0)"] }
        }
        let total =
            ["n", "revenue", "lone", "first", "last", "cost_lines", "cost_amount", "cost", "zero", "negative"]
            + (0..<2).flatMap { ["revenue_w\($0)", "lone_w\($0)", "cost_lines_w\($0)", "cost_amount_w\($0)", "cost_w\($0)"] }
            + ["after", "undated"]
        return [
            """
            WITH s AS (SELECT c, d, a, k, o, DATE '\(asOf.iso)' - d AS age FROM (\(lines)) AS l WHERE c IS NOT NULL AND a IS NOT NULL), \
            g AS MATERIALIZED (SELECT GROUPING(c, o) AS grouping_set, c, o, \(sums.joined(separator: ", ")) \
            FROM s GROUP BY GROUPING SETS ((c), (o), ())), \
            totals AS (SELECT * FROM g WHERE grouping_set = 3), \
            days AS (SELECT c, count(*) AS frequency FROM (SELECT DISTINCT c, d FROM s WHERE age >= 0) AS purchase_days GROUP BY c), \
            customers AS (SELECT c, revenue, revenue_w0, revenue_w1, in_w0, in_w1, in_season, first, last, frequency \
            FROM g JOIN days USING (c) WHERE grouping_set = 1 AND n > 0), \
            orders AS (SELECT count(*) AS n, count(*) FILTER (WHERE in_w0) AS n0, count(*) FILTER (WHERE in_w1) AS n1 \
            FROM g WHERE grouping_set = 2 AND o IS NOT NULL AND n > 0), \
            retention AS (SELECT count(*) FILTER (WHERE frequency >= 2) AS repeaters, \
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (last - first)::float8 / (frequency - 1)) FILTER (WHERE frequency >= 2) AS median, \
            count(*) FILTER (WHERE in_w0 AND NOT in_w1 AND first > DATE '\(asOf.iso)' - 365) AS new12, \
            count(*) FILTER (WHERE in_w0 AND NOT in_w1 AND first <= DATE '\(asOf.iso)' - 365) AS reactivated, \
            count(*) FILTER (WHERE in_w1 AND in_w0) AS retained, count(*) FILTER (WHERE in_w1 AND NOT in_w0) AS lost, \
            coalesce(sum(revenue_w0) FILTER (WHERE in_w1 AND in_w0), 0) AS kept, \
            coalesce(sum(revenue_w1) FILTER (WHERE in_w1 AND NOT in_w0), 0) AS lost_revenue, \
            coalesce(sum(revenue_w1) FILTER (WHERE in_w1), 0) AS previous_revenue, \
            count(*) FILTER (WHERE in_w1 AND first > DATE '\(asOf.iso)' - 730) AS new_previous, \
            count(*) FILTER (WHERE in_w1 AND in_w0 AND first > DATE '\(asOf.iso)' - 730) AS new_previous_retained FROM customers), \
            buyers AS (SELECT count(*) AS n, count(*) FILTER (WHERE in_w0) AS n0, count(*) FILTER (WHERE in_w1) AS n1 FROM customers), \
            \(pareto("headline", value: "revenue_w0", condition: "in_w0")), \(pareto("history", value: "revenue", condition: "true")), \
            \(curve), \
            keys AS (SELECT count(*) AS n, coalesce(sum(revenue_w1), 0) AS before, coalesce(sum(revenue_w0), 0) AS after, \
            coalesce(sum(greatest(0, revenue_w1 - revenue_w0)), 0) AS lost, count(*) FILTER (WHERE revenue_w0 < 0.7 * revenue_w1) AS down30 \
            FROM (SELECT revenue_w0, revenue_w1, row_number() OVER (ORDER BY revenue_w1 DESC, c) AS pos, count(*) OVER () AS count \
            FROM customers WHERE in_w1 AND revenue_w1 > 0) AS ranked WHERE pos <= ceil(0.2::float8 * count)), \
            overdue AS (SELECT count(*) FILTER (WHERE late) AS n, coalesce(sum(revenue_w0) FILTER (WHERE late), 0) AS revenue_late, \
            coalesce(sum(revenue_w0), 0) AS revenue FROM (SELECT revenue_w0, frequency >= 3 AND in_season AND \
            (DATE '\(asOf.iso)' - last)::float8 > greatest(2 * (last - first)::float8 / (frequency - 1), 30) AS late \
            FROM customers WHERE in_w0) AS regulars), \
            \(abc("headline", value: "revenue_w0", condition: "in_w0")), \(abc("history", value: "revenue", condition: "true")), \(rfm) \
            SELECT \(total.map { "totals.\($0)" }.joined(separator: ", ")), orders.n, orders.n0, orders.n1, buyers.n, buyers.n0, buyers.n1, \
            headline.n, headline.total, headline.top, headline.k, headline.largest, headline.hhi, \
            history.n, history.total, history.top, history.k, history.largest, history.hhi, \
            retention.repeaters, retention.median, retention.new12, retention.reactivated, retention.retained, retention.lost, \
            retention.kept, retention.lost_revenue, retention.previous_revenue, retention.new_previous, retention.new_previous_retained, \
            curve.points, keys.n, keys.before, keys.after, keys.lost, keys.down30, overdue.n, overdue.revenue_late, overdue.revenue, \
            \(abcColumns.joined(separator: ", ")), rfm.segments \
            FROM totals, orders, buyers, headline, history, retention, curve, keys, overdue, headline_abc, history_abc, rfm
            """
        ]
    }
}
