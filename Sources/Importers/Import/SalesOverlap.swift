import AuditModel
import Foundation
import GRDB

/// A sales file that repeats sales already in the round: the 1C report, then the manager's
/// workbook of the same sales, would double the revenue without a word.
package struct SalesOverlap: Sendable, Equatable {
    /// The file name of the round's dataset the new lines repeat.
    package var otherFile: String
    /// The first and last day both files cover (ISO).
    package var from: String
    package var to: String
    /// Lines of the new file in that period, and how many of them are in the other dataset.
    package var lines: Int
    package var matching: Int
    /// Whether lines were compared by order id (otherwise by date, customer and amount).
    package var byOrderID: Bool

    /// The share of the new file's lines in the common period that the other dataset holds.
    package var share: Double { lines > 0 ? Double(matching) / Double(lines) : 0 }

    /// The smallest share of repeated lines refused: two files of different branches or
    /// channels share a period, but rarely a fifth of their lines.
    package static let refusedShare = 0.2

    /// The overlaps of dataset `dataset` with the other sales datasets of `round` that reach
    /// ``refusedShare`` (at least two lines): compared by order id when both have order ids,
    /// otherwise by date, customer and amount (to the kopeck), within the days both cover.
    static func find(db: Database, dataset: Int64, round: Int64) throws -> [SalesOverlap] {
        let others = try Row.fetchAll(
            db,
            sql: """
                SELECT id, file_name FROM dataset WHERE round_id = ? AND kind = 'sales' AND id <> ? ORDER BY id
                """, arguments: [round, dataset])
        var found: [SalesOverlap] = []
        for other in others {
            let otherID: Int64 = other["id"]
            guard
                let range = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT max(a.first, b.first) AS "from", min(a.last, b.last) AS "to" FROM
                          (SELECT min(date) AS first, max(date) AS last FROM sale WHERE dataset_id = ? AND date IS NOT NULL) a,
                          (SELECT min(date) AS first, max(date) AS last FROM sale WHERE dataset_id = ? AND date IS NOT NULL) b
                        """, arguments: [dataset, otherID]),
                let from: String = range["from"], let to: String = range["to"], from <= to
            else { continue }
            let withOrders =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM sale WHERE dataset_id = ? AND order_id IS NOT NULL)
                           AND EXISTS (SELECT 1 FROM sale WHERE dataset_id = ? AND order_id IS NOT NULL)
                        """, arguments: [dataset, otherID]) ?? false
            let lines =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM sale WHERE dataset_id = ? AND date BETWEEN ? AND ?",
                    arguments: [dataset, from, to]) ?? 0
            let matchSQL =
                withOrders
                ? """
                SELECT count(*) FROM sale n WHERE n.dataset_id = ?1 AND n.date BETWEEN ?3 AND ?4 AND n.order_id IN
                  (SELECT order_id FROM sale WHERE dataset_id = ?2 AND order_id IS NOT NULL)
                """
                : """
                SELECT count(*) FROM sale n WHERE n.dataset_id = ?1 AND n.date BETWEEN ?3 AND ?4 AND EXISTS
                  (SELECT 1 FROM sale o WHERE o.dataset_id = ?2 AND o.date = n.date AND o.customer_id = n.customer_id
                     AND round(o.amount * 100) = round(n.amount * 100))
                """
            let matching = try Int.fetchOne(db, sql: matchSQL, arguments: [dataset, otherID, from, to]) ?? 0
            let overlap = SalesOverlap(
                otherFile: other["file_name"], from: from, to: to, lines: lines, matching: matching, byOrderID: withOrders)
            if matching >= 2 && overlap.share >= refusedShare { found.append(overlap) }
        }
        return found
    }

    /// Why the import stops, and the two ways on.
    func refusal(file: String) -> LocalizedText {
        let name = (file as NSString).lastPathComponent
        let percent = String(format: "%.0f", share * 100)
        let how =
            byOrderID
            ? ImportText.byOrderId.text()
            : ImportText.byDateCustomerAndAmount.text()
        return ImportText.theSalesOfRepeatThoseOf.text([
            "name": .value(name), "otherFile": .value(otherFile), "from": .value(from), "to": .value(to), "matching": .value(matching),
            "lines": .value(lines), "percent": .value(percent), "how": .localized(how),
        ])
    }
}
