import AuditModel
import Foundation
import TestSupport
import Testing

/// A figure shown in two places is the same figure; a share is its part over its whole; money has
/// its period. Checked on the example company and on generated companies of different sizes, from
/// the documents a reader gets (`report --format json`, the HTML report, `check --format json`).
@Suite(.serialized) struct FigureConsistencyTests {
    /// A workspace for a generated company, audited with the example's answers.
    static func generatedCompany(seed: Int, customers: Int, orders: Int, in directory: TemporaryDirectory) throws -> String {
        let workspace = directory.file("ws.crmaudit")
        #expect(
            try CLI.run([
                "sample-data", "--out", directory.path, "--seed", String(seed), "--customers", String(customers),
                "--orders", String(orders),
            ]).status == 0)
        #expect(try CLI.run(["init", workspace, "--client", "Generated \(seed)"]).status == 0)
        #expect(try CLI.run(["answers", workspace, "import", CLI.packageRoot + "/examples/technosnab/answers.yaml"]).status == 0)
        for kind in ["customers", "managers", "sales"] {
            let run = try CLI.run(["import", workspace, directory.file("\(kind).csv"), "--as", kind])
            #expect(run.status == 0, "\(run.stderr)")
        }
        return workspace
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Checks one audited workspace: the report's JSON and HTML in both languages and `check`'s JSON.
    static func checkFigures(of workspace: String, in directory: TemporaryDirectory) throws {
        let reportJSON = directory.file("report-check.json")
        #expect(try CLI.run(["report", workspace, "--format", "json", "--out", reportJSON, "--force"]).status == 0)
        let report = try json(String(contentsOfFile: reportJSON, encoding: .utf8))
        let metrics = try #require((report["metrics"] as? [String: Any])?["metrics"] as? [String: Any])
        func value(_ id: String) throws -> Double { try #require(metrics[id] as? Double, "\(id) is missing") }
        func same(_ a: Double, _ b: Double, _ what: String) {
            #expect(abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)), "\(what): \(a) ≠ \(b)")
        }

        // Parts add up to their whole, on one window.
        same(
            try value("customers.new_12m") + value("customers.returning_12m"), try value("customers.active_12m"), "new + returning = active"
        )
        same(
            try value("customers.retained_12m") + value("customers.reactivated_12m"), try value("customers.returning_12m"),
            "retained + reactivated = returning")
        same(
            try value("customers.retained_12m") + value("customers.lost_12m"), try value("customers.active_prev_12m"),
            "retained + lost = active in the previous 12 months")
        same(
            try value("abc.customers.a_count") + value("abc.customers.b_count") + value("abc.customers.c_count"),
            try value("customers.active_12m"),
            "ABC classes are the buyers of the headline period")
        same(
            try value("abc.customers.a_revenue_share") + value("abc.customers.b_revenue_share") + value("abc.customers.c_revenue_share"), 1,
            "ABC revenue shares")
        // Shares are their part over their whole.
        same(try value("retention.rate_12m"), try value("customers.retained_12m") / value("customers.active_prev_12m"), "retention")
        same(try value("retention.churn_12m"), try 1 - value("retention.rate_12m"), "churn")
        same(
            try value("customers.active_12m_share"), try value("customers.active_12m") / value("sales.customers.all_history"),
            "active share")
        same(
            try value("pareto.customers_for_80_share"), try value("pareto.customers_for_80") / value("customers.active_12m"),
            "customers for 80 %")
        same(
            try value("sales.avg_order_value_last_12m"), try value("sales.revenue_last_12m") / value("sales.orders_last_12m"),
            "average order")
        same(try value("rfm.revenue_at_risk_share"), try value("rfm.revenue_at_risk") / value("sales.revenue_last_12m"), "revenue at risk")

        // Every figure the HTML marks with its metric is the metric's value, in both languages.
        for language in ["ru", "en"] {
            let page = directory.file("report-check-\(language).html")
            #expect(try CLI.run(["report", workspace, "--format", "html", "--lang", language, "--out", page, "--force"]).status == 0)
            let html = try String(contentsOfFile: page, encoding: .utf8)
            let marks = html.matches(of: #/data-metric="([a-z0-9_.]+)" data-value="([-0-9.e+]+)"/#)
            #expect(marks.count >= 10, "the tiles and the customer-flow table carry their metrics")
            for mark in marks {
                let id = String(mark.output.1)
                let shown = try #require(Double(String(mark.output.2)))
                same(shown, try value(id), "\(language) HTML \(id)")
            }
            // Every tile names its period.
            for tile in html.matches(of: #/class="kpi" data-metric="[a-z0-9_.]+" data-value="[^"]+"( data-period="[a-z0-9_]+")?/#) {
                #expect(tile.output.1 != nil, "a tile without its period: \(tile.output.0)")
            }
        }

        // Money at stake is a range with its period, and never more than what it rests on.
        let check = try CLI.run(["check", workspace, "--format", "json", "--lang", "en"])
        #expect(check.status == 0, "\(check.stderr)")
        for finding in try #require(try json(check.stdout)["findings"] as? [[String: Any]]) {
            guard let money = finding["money"] as? [String: Any] else { continue }
            let id = finding["id"] as? String ?? "?"
            let period = try #require(money["period"] as? String, "\(id): money without its period")
            let text = money["text"] as? String ?? ""
            #expect(text.contains(period == "last_12m" ? "last 12 months" : "previous 12 months"), "\(id): \(text)")
            let high = try #require(money["estimate_high"] as? Double), exposed = try #require(money["exposed"] as? Double)
            #expect(high <= exposed, "\(id)")
        }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theExampleCompanysFiguresAgreeWherePrintedTwice() throws {
        let directory = TemporaryDirectory("crm-audit-figures")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        try Self.checkFigures(of: directory.file("technosnab.crmaudit"), in: directory)
    }

    @Test(.enabled(if: CLI.isBuilt), arguments: [(3, 400, 4_000), (11, 1_500, 20_000)])
    func generatedCompaniesFiguresAgreeWherePrintedTwice(seed: Int, customers: Int, orders: Int) throws {
        let directory = TemporaryDirectory("crm-audit-figures-\(seed)")
        defer { directory.remove() }
        let workspace = try Self.generatedCompany(seed: seed, customers: customers, orders: orders, in: directory)
        #expect(try CLI.run(["metrics", workspace]).status == 0)
        try Self.checkFigures(of: workspace, in: directory)
    }
}
