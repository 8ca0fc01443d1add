import Analytics
import AuditModel

/// The SQL (ClickHouse, from 18.16 on) that computes the same aggregates as ``SalesQueries``, in
/// the same order, for a table that may be `Distributed` over several shards.
///
/// Each aggregation reads the table directly (never a subquery over it), so that every shard
/// aggregates its own lines and the server that was asked only merges the partial results: the
/// totals in one statement, the per-customer sums in the other, whose small result is ranked with
/// arrays (18.16 has no window functions; `arrayCumSum` over the sorted revenues gives the
/// cumulative shares).
struct ClickHouseSalesQueries: SalesSQL {
    let source: DatabaseSource
    var present: Set<String> = []
    var aliases: [String: String] = [:]

    /// `name` (or `database.name`) as quoted identifiers.
    static func identifier(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { "`" + escaped(String($0), quote: "`") + "`" }
            .joined(separator: ".")
    }

    /// `text` as a string literal.
    static func literal(_ text: String) -> String { "'" + escaped(text, quote: "'") + "'" }

    private static func escaped(_ text: String, quote: Character) -> String {
        var result = ""
        for character in text {
            if character == "\\" || character == quote { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private func column(_ field: SalesColumn) -> String { "`" + Self.escaped(source.column(field), quote: "`") + "`" }

    /// A text column trimmed of spaces around it, NULL when nothing is left.
    private func trimmed(_ field: SalesColumn) -> String {
        "nullIf(replaceRegexpAll(toString(\(column(field))), '^ +| +$', ''), '')"
    }

    /// An optional text field: trimmed, or NULL when the table does not have it.
    private func text(_ field: SalesColumn) -> String {
        source.reads(field, present: present) ? trimmed(field) : "CAST(NULL AS Nullable(String))"
    }

    private var table: String { Self.identifier(source.salesTable) }

    /// A sale line: one with a customer id and an amount.
    private var valid: String { "isNotNull(\(trimmed(.customerID))) AND isNotNull(toFloat64(\(column(.amount))))" }

    /// The expressions of a line, as of `asOf`.
    private struct Line {
        var customer, amount, cost, order, date, day, dated, included, after, undated, season: String
        var windows: [String]
    }

    private func line(asOf: Day) -> Line {
        let asOfDate = "toDate(\(Self.literal(asOf.iso)))"
        let date = "toDate(\(column(.date)))"
        let day = "toInt32(ifNull(\(date), \(asOfDate)))"
        let dated = "isNotNull(\(date))"
        let age = "(toInt32(\(asOfDate)) - \(day))"
        let cost = source.reads(.cost, present: present) ? "toFloat64(\(column(.cost)))" : "CAST(NULL AS Nullable(Float64))"
        let order = text(.orderID)
        var customer = trimmed(.customerID)
        if !aliases.isEmpty {
            let pairs = aliases.sorted { $0.key < $1.key }
            let from = pairs.map { Self.literal($0.key) }.joined(separator: ", ")
            let to = pairs.map { Self.literal($0.value) }.joined(separator: ", ")
            customer =
                "if(isNull(\(customer)), NULL, transform(assumeNotNull(\(customer)), [\(from)], [\(to)], assumeNotNull(\(customer))))"
        }
        return Line(
            customer: customer, amount: "assumeNotNull(toFloat64(\(column(.amount))))", cost: cost, order: order,
            date: date, day: day, dated: dated, included: "(\(dated) AND \(age) >= 0)", after: "(\(dated) AND \(age) < 0)",
            undated: "(NOT \(dated))", season: "(\(dated) AND \(age) >= 320 AND \(age) < 410)",
            windows: ["(\(dated) AND \(age) >= 0 AND \(age) < 365)", "(\(dated) AND \(age) >= 365 AND \(age) < 730)"])
    }

    var columnsQuery: String {
        let parts = source.salesTable.split(separator: ".").map(String.init)
        let database = parts.count > 1 ? Self.literal(parts[0]) : "currentDatabase()"
        return "SELECT name FROM system.columns WHERE database = \(database) AND table = \(Self.literal(parts.last ?? source.salesTable))"
    }

    var latestDate: String {
        let date = "toDate(\(column(.date)))"
        return
            "SELECT if(countIf(isNotNull(\(date))) = 0, NULL, maxIf(assumeNotNull(\(date)), isNotNull(\(date)))) FROM \(table) WHERE \(valid)"
    }

    /// A line's month (`Day.monthIndex`), for an included line.
    private func month(_ l: Line) -> String { "(toYear(assumeNotNull(\(l.date))) * 12 + toMonth(assumeNotNull(\(l.date))) - 1)" }

    func monthly(asOf: Day) -> String {
        let l = line(asOf: asOf)
        return """
            SELECT \(month(l)) AS crm_m, sum(\(l.amount)), uniqExactIf(assumeNotNull(\(l.order)), isNotNull(\(l.order))), \
            countIf(isNull(\(l.order))) FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_m ORDER BY crm_m
            """
    }

    func cohorts(asOf: Day) -> String {
        let l = line(asOf: asOf)
        // Each customer's months on the shards; the cohorts counted where they meet.
        return """
            SELECT cohort, crm_m, count() FROM (SELECT \(l.customer) AS crm_c, min(\(month(l))) AS cohort, \
            groupUniqArray(\(month(l))) AS months FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c) \
            ARRAY JOIN months AS crm_m GROUP BY cohort, crm_m ORDER BY cohort, crm_m
            """
    }

    /// The customer list, sent with the statements that read it: each listed id and its manager.
    private func listTable(_ list: CustomerListKeys?) -> SQLStatement.Table {
        SQLStatement.Table(
            name: "crm_list", structure: "code String, manager Nullable(String)",
            rows: list.map { zip($0.codes, $0.managers).map { [$0, $1] } } ?? [])
    }

    func unlisted(codes: [String]) -> SQLStatement {
        SQLStatement(
            """
            SELECT crm_c FROM (SELECT \(trimmed(.customerID)) AS crm_c FROM \(table) WHERE \(valid) GROUP BY crm_c) \
            WHERE crm_c NOT IN (SELECT code FROM crm_list)
            """,
            tables: [SQLStatement.Table(name: "crm_list", structure: "code String", rows: codes.map { [$0] })])
    }

    func listMatch(asOf: Day, list: CustomerListKeys) -> SQLStatement {
        let l = line(asOf: asOf)
        // Per customer on the shards; matched with the list where they meet.
        return SQLStatement(
            """
            SELECT sumIf(crm_n, listed = 0), sumIf(revenue, listed = 0), countIf(listed = 1) FROM (SELECT crm_n, revenue, \
            crm_c IN (SELECT code FROM crm_list) AS listed FROM (SELECT \(l.customer) AS crm_c, count() AS crm_n, \
            sum(\(l.amount)) AS revenue FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c))
            """, tables: [listTable(list)])
    }

    /// A line's day and manager as one text whose greatest is the latest day's greatest name: the
    /// day in six digits, then the name. (`argMax` over a tuple kept a generic state per customer
    /// and ran out of the query's memory at ten million lines.)
    private func latest(_ l: Line) -> String { "concat(toString(\(l.day) + 100000), ifNull(\(text(.manager)), ''))" }

    /// Each buyer with their manager: the list's, else the one on their latest line (ties: the
    /// greater name), computed per customer on the shards and matched with the list where they meet.
    private func assignedCustomers(_ l: Line) -> String {
        let manager = text(.manager), headline = l.windows[0]
        let perCustomer = """
            SELECT assumeNotNull(\(l.customer)) AS crm_c, sum(\(l.amount)) AS revenue, sumIf(\(l.amount), \(headline)) AS revenue_w0, \
            toUInt8(ifNull(max(\(headline)), 0)) AS bought, nullIf(substring(maxIf(\(latest(l)), isNotNull(\(manager))), 7), '') AS last_manager \
            FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c
            """
        return """
            SELECT crm_c, revenue, revenue_w0, bought, if(listed = 1 AND isNotNull(list_manager), list_manager, last_manager) AS crm_manager \
            FROM (\(perCustomer)) ANY LEFT JOIN (SELECT code AS crm_c, manager AS list_manager, toUInt8(1) AS listed \
            FROM crm_list) USING crm_c
            """
    }

    func assigned(asOf: Day, list: CustomerListKeys?) -> SQLStatement {
        SQLStatement(
            """
            SELECT crm_manager, countIf(bought = 1), sumIf(revenue_w0, bought = 1), sum(revenue) \
            FROM (\(assignedCustomers(line(asOf: asOf)))) GROUP BY crm_manager ORDER BY crm_manager
            """, tables: [listTable(list)])
    }

    func ownLines(asOf: Day, list: CustomerListKeys?, manager: String) -> SQLStatement {
        let l = line(asOf: asOf)
        // The manager's customers are found on the server asked (the list is there); GLOBAL sends
        // them to the shards.
        return SQLStatement(
            """
            SELECT sum(\(l.amount)) FROM \(table) WHERE \(valid) AND \(l.windows[0]) AND \(text(.manager)) = \(Self.literal(manager)) \
            AND assumeNotNull(\(l.customer)) GLOBAL IN (SELECT crm_c FROM (\(assignedCustomers(l))) WHERE crm_manager = \(Self.literal(manager)))
            """, tables: [listTable(list)])
    }

    /// The scores (1–5, ``Computation/quintileScores(_:)``) of array `x`, in its order: computed on
    /// the sorted values, then put back in place by sorting them by the positions sorted by value.
    private static func scores(_ x: String) -> String {
        let sorted = "arraySort(\(x))", n = "length(\(x))"
        return """
            arraySort((s, i) -> i, arrayMap((j, k, t) -> if(\(n) <= 1, 3, least(5, 1 + intDiv(5 * (2 * (j - k) + k + t - 2), \
            greatest(2 * (\(n) - 1), 1)))), arrayEnumerate(\(sorted)), arrayEnumerateUniq(\(sorted)), \
            arrayReverse(arrayEnumerateUniq(arrayReverse(\(sorted))))), arraySort((i, v) -> v, arrayEnumerate(\(x)), \(x)))
            """
    }

    func customerSamples(asOf: Day, list: CustomerListKeys?, topManager: String?, serving: [String]?) -> SQLStatement {
        let l = line(asOf: asOf)
        let manager = text(.manager)
        let asOfDay = "toInt32(toDate(\(Self.literal(asOf.iso))))"
        // Each customer on the shards; their figures gathered where they meet, scored with arrays,
        // spread back to one row per customer (a NULL manager is '' in the arrays: groupArray
        // skips NULLs).
        let perCustomer = """
            SELECT assumeNotNull(\(l.customer)) AS crm_c, sum(\(l.amount)) AS revenue, sumIf(\(l.amount), \(l.windows[0])) AS w0, \
            sumIf(\(l.amount), \(l.windows[1])) AS w1, toUInt8(ifNull(max(\(l.windows[0])), 0)) AS b0, \
            toUInt8(ifNull(max(\(l.windows[1])), 0)) AS b1, min(\(l.day)) AS first, max(\(l.day)) AS last, \
            uniqExact(\(l.day)) AS frequency, toUInt8(ifNull(max(\(l.season)), 0)) AS in_season, \
            substring(maxIf(\(latest(l)), isNotNull(\(manager))), 7) AS last_manager \
            FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c
            """
        let gathered = """
            SELECT groupArray((crm_c, revenue, w0, w1, b0, b1, first, last, frequency, in_season, last_manager)) AS buyers \
            FROM (\(perCustomer))
            """
        func column(_ index: Int) -> String { "arrayMap(x -> tupleElement(x, \(index)), buyers)" }
        // Last year's key accounts: the top ⌈20 %⌉ of its buyers by revenue there (ties by id), as the
        // last of them.
        let scored = """
            SELECT buyers, \(Self.scores(column(8))) AS rs, \(Self.scores(column(9))) AS fs, \(Self.scores(column(2))) AS ms, \
            arraySort(x -> (-tupleElement(x, 1), tupleElement(x, 2)), arrayFilter(x -> tupleElement(x, 3) = 1 AND tupleElement(x, 1) > 0, \
            arrayMap(x -> (tupleElement(x, 4), tupleElement(x, 1), tupleElement(x, 6)), buyers))) AS previous_ranked, \
            if(length(previous_ranked) = 0, (toFloat64(0), '', toUInt8(0)), previous_ranked[toUInt32(ceil(0.2 * length(previous_ranked)))]) AS key_last \
            FROM (\(gathered))
            """
        let rows = """
            SELECT tupleElement(b, 1) AS crm_c, tupleElement(b, 2) AS revenue, tupleElement(b, 3) AS w0, tupleElement(b, 4) AS w1, \
            tupleElement(b, 5) AS b0, tupleElement(b, 6) AS b1, tupleElement(b, 7) AS first, tupleElement(b, 8) AS last, \
            tupleElement(b, 9) AS frequency, tupleElement(b, 10) AS in_season, nullIf(tupleElement(b, 11), '') AS last_manager, \
            r, f, m, length(previous_ranked) > 0 AND tupleElement(b, 6) = 1 AND tupleElement(b, 4) > 0 \
            AND (tupleElement(b, 4) > tupleElement(key_last, 1) OR (tupleElement(b, 4) = tupleElement(key_last, 1) \
            AND tupleElement(b, 1) <= tupleElement(key_last, 2))) AS is_key \
            FROM (\(scored)) ARRAY JOIN buyers AS b, rs AS r, fs AS f, ms AS m
            """
        let joined = """
            SELECT *, if(listed = 1 AND isNotNull(list_manager), list_manager, last_manager) AS assigned FROM (\(rows)) \
            ANY LEFT JOIN (SELECT code AS crm_c, manager AS list_manager, toUInt8(1) AS listed FROM crm_list) USING crm_c
            """
        var sets: [(SampleSet, String)] = [
            (.customersAtRisk, "frequency > 1 AND r <= 2 AND f >= 3"), (.customersLost, "b1 = 1 AND b0 = 0"), (.customersTop, "b0 = 1"),
            (
                .customersOverdueRegulars,
                "b0 = 1 AND frequency >= 3 AND in_season = 1 AND \(asOfDay) - last > greatest(2 * (last - first) / (frequency - 1), 30)"
            ),
            (.customersKeyDecliners, "is_key AND w0 < 0.7 * w1"),
        ]
        if let topManager { sets.append((.customersOfTopManager, "b0 = 1 AND assigned = \(Self.literal(topManager))")) }
        if let serving {
            let names = serving.map(Self.literal).joined(separator: ", ")
            sets.append((.customersUnserved, serving.isEmpty ? "b0 = 1" : "b0 = 1 AND (isNull(assigned) OR assigned NOT IN (\(names)))"))
        }
        let membership = sets.map { "if(ifNull(\($0.1), 0), '\($0.0.rawValue)', '')" }.joined(separator: ", ")
        let order = """
            multiIf(crm_set = '\(SampleSet.customersAtRisk.rawValue)', revenue, crm_set = '\(SampleSet.customersLost.rawValue)', w1, \
            crm_set = '\(SampleSet.customersKeyDecliners.rawValue)', w1 - w0, w0)
            """
        let epoch = "toDate('1970-01-01')"
        return SQLStatement(
            """
            SELECT crm_set, crm_c, revenue, w0, w1, \(epoch) + first, \(epoch) + last, frequency, r, f, m, toUInt8(frequency = 1), assigned \
            FROM (SELECT *, arrayJoin(arrayFilter(x -> x != '', [\(membership)])) AS crm_set FROM (\(joined))) \
            ORDER BY crm_set, \(order) DESC, crm_c LIMIT \(StoredAnalysis.sampleLimit) BY crm_set
            """, tables: [listTable(list)])
    }

    func lineSamples(asOf: Day, list: CustomerListKeys?, roundDate: Day?) -> SQLStatement {
        let l = line(asOf: asOf)
        let fields = "\(l.order) AS o, \(l.customer) AS c, \(l.date) AS d, \(l.amount) AS a, \(text(.manager)) AS mg"
        var sets = [
            "SELECT '\(SampleSet.salesNonPositive.rawValue)' AS crm_set, \(fields) FROM \(table) WHERE \(valid) AND \(l.included) AND \(l.amount) <= 0"
        ]
        if let list, !list.codes.isEmpty {
            // The list is on the server asked; GLOBAL sends it to the shards.
            sets.append(
                "SELECT '\(SampleSet.salesOrphans.rawValue)' AS crm_set, \(fields) FROM \(table) WHERE \(valid) AND \(l.included) "
                    + "AND \(l.customer) GLOBAL NOT IN (SELECT code FROM crm_list)")
        }
        if let roundDate {
            sets.append(
                "SELECT '\(SampleSet.salesFutureDates.rawValue)' AS crm_set, \(fields) FROM \(table) WHERE \(valid) AND \(l.dated) "
                    + "AND \(l.day) > toInt32(toDate(\(Self.literal(roundDate.iso))))")
        }
        return SQLStatement(
            """
            SELECT crm_set, o, c, d, a, mg FROM (\(sets.joined(separator: " UNION ALL "))) \
            ORDER BY crm_set, d, c, o LIMIT \(StoredAnalysis.sampleLimit) BY crm_set
            """, tables: list.map { [listTable($0)] } ?? [])
    }

    func rfmPage(asOf: Day, offset: Int, limit: Int) -> String {
        let l = line(asOf: asOf)
        let perCustomer = """
            SELECT assumeNotNull(\(l.customer)) AS crm_c, sum(\(l.amount)) AS revenue, max(\(l.day)) AS last, \
            uniqExact(\(l.day)) AS frequency FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c
            """
        let asOfDay = "toInt32(toDate(\(Self.literal(asOf.iso))))"
        return """
            SELECT tupleElement(b, 1), \(asOfDay) - tupleElement(b, 3), tupleElement(b, 4), tupleElement(b, 2), r, f, m, \
            toUInt8(tupleElement(b, 4) = 1) FROM (SELECT buyers, \
            \(Self.scores("arrayMap(x -> tupleElement(x, 3), buyers)")) AS rs, \(Self.scores("arrayMap(x -> tupleElement(x, 4), buyers)")) AS fs, \
            \(Self.scores("arrayMap(x -> tupleElement(x, 2), buyers)")) AS ms FROM (SELECT groupArray((crm_c, revenue, last, frequency)) AS buyers \
            FROM (\(perCustomer)))) ARRAY JOIN buyers AS b, rs AS r, fs AS f, ms AS m \
            ORDER BY tupleElement(b, 2) DESC, tupleElement(b, 1) LIMIT \(offset), \(limit)
            """
    }

    func headlinePage(asOf: Day, offset: Int, limit: Int) -> String {
        let l = line(asOf: asOf)
        return """
            SELECT assumeNotNull(\(l.customer)) AS crm_c, sum(\(l.amount)) AS w0 FROM \(table) WHERE \(valid) AND \(l.windows[0]) \
            GROUP BY crm_c ORDER BY w0 DESC, crm_c LIMIT \(offset), \(limit)
            """
    }

    func portrait(asOf: Day, keys: PortraitKeys) -> SQLStatement {
        let l = line(asOf: asOf)
        let perCustomer = """
            SELECT assumeNotNull(\(l.customer)) AS crm_c, sumIf(\(l.amount), \(l.windows[0])) AS w0, \
            toUInt8(ifNull(max(\(l.windows[0])), 0)) AS b0 FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_c
            """
        // Class A is a prefix of the headline buyers ranked by revenue (ties by id): its last
        // customer, with the total, decides each one's class.
        let threshold = """
            SELECT (total, if(a_count = 0, toFloat64(0), tupleElement(ranked[a_count], 1)), if(a_count = 0, '', tupleElement(ranked[a_count], 2)), \
            a_count) FROM (SELECT ranked, total, arrayCount(b -> b < 0.8 * total, befores) AS a_count FROM (SELECT ranked, \
            arraySum(arrayMap(x -> tupleElement(x, 1), ranked)) AS total, \
            arrayPushFront(arrayPopBack(arrayCumSum(arrayMap(x -> tupleElement(x, 1), ranked))), 0) AS befores \
            FROM (SELECT arraySort(x -> (-tupleElement(x, 1), tupleElement(x, 2)), groupArrayIf((w0, crm_c), b0 = 1)) AS ranked \
            FROM (\(perCustomer)))))
            """
        let joined = """
            SELECT k, b0, w0, b0 = 1 AND tupleElement(th, 1) > 0 AND tupleElement(th, 4) > 0 AND (w0 > tupleElement(th, 2) \
            OR (w0 = tupleElement(th, 2) AND code <= tupleElement(th, 3))) AS is_a \
            FROM (SELECT code, k, b0, w0, (\(threshold)) AS th FROM crm_keys ANY LEFT JOIN (SELECT crm_c AS code, w0, b0 \
            FROM (\(perCustomer))) USING code)
            """
        return SQLStatement(
            """
            SELECT crm_column - 1, value_key, countIf(b0 = 1), sum(w0), countIf(is_a) FROM (\(joined)) \
            ARRAY JOIN k AS value_key, arrayEnumerate(k) AS crm_column GROUP BY crm_column, value_key
            """,
            tables: [
                SQLStatement.Table(
                    name: "crm_keys", structure: "code String, k Array(Int32)",
                    rows: keys.rows.map { [$0.code, "[" + $0.keys.map(String.init).joined(separator: ",") + "]"] })
            ])
    }

    func withoutSales(asOf: Day, records: [(code: String, position: Int)]) -> SQLStatement {
        let l = line(asOf: asOf)
        return SQLStatement(
            """
            SELECT arrayStringConcat(arrayMap(x -> toString(x), arraySlice(arraySort(groupArray(position)), 1, \(StoredAnalysis.sampleLimit))), ','), \
            count() FROM crm_records WHERE code NOT IN (SELECT \(l.customer) FROM \(table) WHERE \(valid) AND \(l.included))
            """,
            tables: [
                SQLStatement.Table(
                    name: "crm_records", structure: "code String, position UInt32", rows: records.map { [$0.code, String($0.position)] })
            ])
    }

    func linesAfter(_ day: Day) -> String {
        let date = "toDate(\(column(.date)))"
        return
            "SELECT countIf(isNotNull(\(date)) AND assumeNotNull(\(date)) > toDate(\(Self.literal(day.iso)))) FROM \(table) WHERE \(valid)"
    }

    func departed(asOf: Day, stops: [String: Day]) -> String {
        let l = line(asOf: asOf)
        // Earliest stop first: a customer goes with the first stop whose manager sold to them.
        let ordered = stops.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        var perCustomer: [String] = []
        for (index, stop) in ordered.enumerated() {
            let day = "toInt32(toDate(\(Self.literal(stop.value.iso))))"
            let window = min(365, asOf.ordinal - stop.value.ordinal)
            perCustomer += [
                "maxIf(1, \(l.included) AND \(text(.manager)) = \(Self.literal(stop.key)) AND \(l.day) > \(day) - 365 AND \(l.day) <= \(day)) AS sold\(index)",
                "sumIf(\(l.amount), \(l.included) AND \(l.day) > \(day) - \(window) AND \(l.day) <= \(day)) AS before\(index)",
                "sumIf(\(l.amount), \(l.included) AND \(l.day) > \(day) AND \(l.day) <= \(day) + \(window)) AS after\(index)",
            ]
        }
        let indices = ordered.indices
        func pick(_ name: String) -> String {
            "multiIf(" + indices.map { "sold\($0) = 1, \(name)\($0)" }.joined(separator: ", ") + ", 0)"
        }
        let any = indices.map { "sold\($0)" }.joined(separator: " + ")
        return """
            SELECT countIf(\(any) > 0), sum(\(pick("before"))), sum(\(pick("after"))) FROM (SELECT \(l.customer) AS crm_c, \
            \(perCustomer.joined(separator: ", ")) FROM \(table) WHERE \(valid) GROUP BY crm_c)
            """
    }

    func groups(asOf: Day) -> [String] {
        let l = line(asOf: asOf)
        let epoch = "toDate('1970-01-01')"
        func totals(_ condition: String) -> String {
            """
            countIf(\(condition)), sumIf(\(l.amount), \(condition)), sumIf(\(l.amount), \(condition) AND isNotNull(\(l.cost))), \
            ifNull(sumIf(\(l.cost), \(condition)), 0), countIf(\(condition) AND isNotNull(\(l.cost))), \
            if(countIf(\(condition)) = 0, NULL, \(epoch) + maxIf(\(l.day), \(condition))), \
            uniqExactIf(assumeNotNull(\(l.order)), \(condition) AND isNotNull(\(l.order))) + countIf(\(condition) AND isNull(\(l.order))), \
            uniqExactIf(\(l.customer), \(condition))
            """
        }
        let both = "\(totals("1")), \(totals(l.windows[0]))"
        // One aggregation per dimension, each read on the shards, each a statement of its own: the
        // distinct orders and customers of all four at once went past the query's memory at ten
        // million lines.
        let dimensions: [(String, SalesColumn)] = [
            ("manager", .manager), ("channel", .channel), ("campaign", .campaign), ("product", .product),
        ]
        let grouped = dimensions.map { name, field in
            "SELECT '\(name)' AS crm_dimension, \(text(field)) AS crm_key, \(both) FROM \(table) WHERE \(valid) AND \(l.included) GROUP BY crm_key"
        }
        let unknown = """
            SELECT 'unknown_source' AS crm_dimension, CAST(NULL AS Nullable(String)) AS crm_key, \(both) FROM \(table) \
            WHERE \(valid) AND \(l.included) AND isNull(\(text(.channel))) AND isNull(\(text(.campaign))) GROUP BY crm_key
            """
        return grouped + [unknown]
    }

    func aggregates(asOf: Day) -> [String] {
        let l = line(asOf: asOf)
        let epoch = "toDate('1970-01-01')"
        let included = l.included
        var totals = [
            "countIf(\(included))", "sumIf(\(l.amount), \(included))", "countIf(\(included) AND isNull(\(l.order)))",
            "if(countIf(\(included)) = 0, NULL, \(epoch) + minIf(\(l.day), \(included)))",
            "if(countIf(\(included)) = 0, NULL, \(epoch) + maxIf(\(l.day), \(included)))",
            "countIf(\(included) AND isNotNull(\(l.cost)))", "sumIf(\(l.amount), \(included) AND isNotNull(\(l.cost)))",
            "ifNull(sumIf(\(l.cost), \(included)), 0)", "countIf(\(included) AND \(l.amount) = 0)",
            "countIf(\(included) AND \(l.amount) < 0)",
        ]
        for window in l.windows {
            totals += [
                "sumIf(\(l.amount), \(window))", "countIf(\(window) AND isNull(\(l.order)))",
                "countIf(\(window) AND isNotNull(\(l.cost)))", "sumIf(\(l.amount), \(window) AND isNotNull(\(l.cost)))",
                "ifNull(sumIf(\(l.cost), \(window)), 0)",
            ]
        }
        totals += ["countIf(\(l.after))", "countIf(\(l.undated))"]
        // Distinct orders among the included lines, and in each window (a line without an order
        // id is an order of its own: counted by the caller from the lines above).
        for condition in [included] + l.windows {
            totals.append("uniqExactIf(assumeNotNull(\(l.order)), \(condition) AND isNotNull(\(l.order)))")
        }
        let totalsQuery = "SELECT \(totals.joined(separator: ", ")) FROM \(table) WHERE \(valid)"

        // Per customer, on the shards.
        let perCustomer = """
            SELECT \(l.customer) AS crm_c, countIf(\(included)) AS crm_n, sumIf(\(l.amount), \(included)) AS revenue, \
            sumIf(\(l.amount), \(l.windows[0])) AS revenue_w0, sumIf(\(l.amount), \(l.windows[1])) AS revenue_w1, \
            max(\(l.windows[0])) AS in_w0, max(\(l.windows[1])) AS in_w1, minIf(\(l.day), \(included)) AS first, \
            maxIf(\(l.day), \(included)) AS last, uniqExactIf(\(l.day), \(included)) AS frequency, \
            max(\(l.season)) AS in_season \
            FROM \(table) WHERE \(valid) GROUP BY crm_c HAVING crm_n > 0
            """
        let asOfDay = "toInt32(toDate(\(Self.literal(asOf.iso))))"
        // The customers' figures, the two revenue rankings and the sorted purchase intervals.
        let collected = """
            SELECT count() AS buyers, countIf(in_w0 = 1) AS buyers_w0, countIf(in_w1 = 1) AS buyers_w1, \
            arrayReverseSort(groupArrayIf(revenue_w0, in_w0 = 1)) AS headline, arrayReverseSort(groupArray(revenue)) AS history, \
            countIf(frequency >= 2) AS repeaters, \
            arraySort(groupArrayIf((last - first) / (frequency - 1), frequency >= 2)) AS intervals, \
            countIf(in_w0 = 1 AND in_w1 = 0 AND first > \(asOfDay) - 365) AS new12, \
            countIf(in_w0 = 1 AND in_w1 = 0 AND first <= \(asOfDay) - 365) AS reactivated, \
            countIf(in_w1 = 1 AND in_w0 = 1) AS retained, countIf(in_w1 = 1 AND in_w0 = 0) AS lost, \
            sumIf(revenue_w0, in_w1 = 1 AND in_w0 = 1) AS kept, sumIf(revenue_w1, in_w1 = 1 AND in_w0 = 0) AS lost_revenue, \
            sumIf(revenue_w1, in_w1 = 1) AS previous_revenue, countIf(in_w1 = 1 AND first > \(asOfDay) - 730) AS new_previous, \
            countIf(in_w1 = 1 AND in_w0 = 1 AND first > \(asOfDay) - 730) AS new_previous_retained, \
            arraySort(x -> (-tupleElement(x, 1), tupleElement(x, 3)), \
            groupArrayIf((revenue_w1, revenue_w0, crm_c), in_w1 = 1 AND revenue_w1 > 0)) AS previous_ranked, \
            countIf(in_w0 = 1 AND frequency >= 3 AND in_season = 1 AND \
            \(asOfDay) - last > greatest(2 * (last - first) / (frequency - 1), 30)) AS overdue, \
            sumIf(revenue_w0, in_w0 = 1 AND frequency >= 3 AND in_season = 1 AND \
            \(asOfDay) - last > greatest(2 * (last - first) / (frequency - 1), 30)) AS overdue_revenue, \
            sumIf(revenue_w0, in_w0 = 1) AS active_revenue \
            FROM (\(perCustomer))
            """
        let totalled = """
            SELECT *, arraySum(headline) AS headline_total, arraySum(history) AS history_total, length(intervals) AS m, \
            arrayCumSum(headline) AS headline_cumulative, length(headline) AS headline_n, \
            arrayPushFront(arrayPopBack(arrayCumSum(headline)), 0) AS headline_before, \
            arrayPushFront(arrayPopBack(arrayCumSum(history)), 0) AS history_before, \
            arraySlice(previous_ranked, 1, toUInt32(ceil(0.2 * length(previous_ranked)))) AS key_accounts FROM (\(collected))
            """
        // N, total, the top ⌈0.2·N⌉'s revenue, the customers for 80 %, the largest, Σ share².
        func pareto(_ ranked: String, _ total: String) -> [String] {
            [
                "length(\(ranked))", total, "arraySum(arraySlice(\(ranked), 1, toUInt32(ceil(0.2 * length(\(ranked))))))",
                "nullIf(arrayFirstIndex(x -> x >= 0.8 * \(total), arrayCumSum(\(ranked))), 0)",
                "if(length(\(ranked)) = 0, 0, \(ranked)[1])",
                "if(\(total) = 0, 0, arraySum(arrayMap(x -> (x / \(total)) * (x / \(total)), \(ranked))))",
            ]
        }
        // The median as PostgreSQL's percentile_cont(0.5): the middle value, or between the two.
        let median = """
            if(m = 0, NULL, if(m % 2 = 1, intervals[intDiv(m + 1, 2)], \
            intervals[intDiv(m, 2)] + (intervals[intDiv(m, 2) + 1] - intervals[intDiv(m, 2)]) * 0.5))
            """
        // The headline Pareto curve: the running sum at the top ⌈p/100·N⌉ customers, p = 0…100.
        // (18.16 drops a subquery's column that only a lambda reads: both are read outside it too.)
        let curve = """
            if(headline_n = 0 OR length(headline_cumulative) = 0, '', arrayStringConcat(arrayMap(p -> toString(\
            if(ceil(p / 100 * headline_n) = 0, 0, headline_cumulative[toUInt32(ceil(p / 100 * headline_n))])), range(101)), ','))
            """
        let customers =
            ["buyers", "buyers_w0", "buyers_w1"] + pareto("headline", "headline_total") + pareto("history", "history_total")
            + [
                "repeaters", median, "new12", "reactivated", "retained", "lost", "kept", "lost_revenue", "previous_revenue",
                "new_previous", "new_previous_retained", curve,
                // Last year's top 20 % (previous revenue, last revenue) and the overdue regulars.
                "length(key_accounts)", "arraySum(arrayMap(x -> tupleElement(x, 1), key_accounts))",
                "arraySum(arrayMap(x -> tupleElement(x, 2), key_accounts))",
                "arraySum(arrayMap(x -> greatest(0, tupleElement(x, 1) - tupleElement(x, 2)), key_accounts))",
                "arrayCount(x -> tupleElement(x, 2) < 0.7 * tupleElement(x, 1), key_accounts)", "overdue", "overdue_revenue",
                "active_revenue",
            ] + abc("headline") + abc("history")
        return [totalsQuery, "SELECT \(customers.joined(separator: ", ")) FROM (\(totalled))", rfm(perCustomer)]
    }

    /// A ranking's ABC classes (``SalesQueries/aggregates(asOf:)``): per class, its customers,
    /// their revenue and the smallest, from the running sum before each customer.
    private func abc(_ ranking: String) -> [String] {
        let total = "\(ranking)_total", before = "\(ranking)_before"
        return [
            "b < 0.8 * \(total)", "b >= 0.8 * \(total) AND b < 0.95 * \(total)", "b >= 0.95 * \(total)",
        ].flatMap { condition in
            let members = "arrayFilter((v, b) -> \(condition), \(ranking), \(before))"
            return [
                "arrayCount(b -> \(condition), \(before))", "arraySum(\(members))",
                "if(length(\(members)) = 0, NULL, arrayReduce('min', \(members)))",
            ]
        }
    }

    /// The buyers' RFM score combinations as one text (``SalesQueries/aggregates(asOf:)``): each
    /// customer scored with arrays — the values sorted, each one's equals before and after it
    /// (`arrayEnumerateUniq`) giving the values strictly lower and tied —, then counted by
    /// combination.
    private func rfm(_ perCustomer: String) -> String {
        let row = ["r", "f", "m", "single", "customers", "revenue", "revenue_w0"].map { "toString(\($0))" }
            .joined(separator: ", ',', ")
        return """
            SELECT arrayStringConcat(groupArray(concat(\(row))), ';') FROM (SELECT r, f, m, single, count() AS customers, \
            sum(revenue_c) AS revenue, sum(revenue_w0_c) AS revenue_w0 FROM (SELECT \(Self.scores("lasts")) AS r_scores, \
            \(Self.scores("frequencies")) AS f_scores, \(Self.scores("revenues")) AS m_scores, arrayMap(x -> toUInt8(x = 1), frequencies) AS singles, \
            revenues, revenues_w0 FROM (SELECT groupArray(last) AS lasts, groupArray(frequency) AS frequencies, \
            groupArray(revenue) AS revenues, groupArray(revenue_w0) AS revenues_w0 FROM (\(perCustomer)))) \
            ARRAY JOIN r_scores AS r, f_scores AS f, m_scores AS m, singles AS single, revenues AS revenue_c, revenues_w0 AS revenue_w0_c \
            GROUP BY r, f, m, single ORDER BY r, f, m, single)
            """
    }
}
