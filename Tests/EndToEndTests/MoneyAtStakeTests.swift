import AuditModel
import Foundation
import TestSupport
import Testing

/// Money at stake on the example company: every money figure is a range with its assumption and
/// the 12-month revenue it rests on, with that revenue's period; the all-history revenue of sales
/// without a customer card is a data-hygiene figure, not money at risk.
@Suite(.serialized) struct MoneyAtStakeTests {
    @Test(.enabled(if: CLI.isBuilt))
    func everyMoneyFigureOfTheExampleIsARangeWithItsPeriodAndAssumption() throws {
        let directory = TemporaryDirectory("crm-audit-money")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let run = try CLI.run(["check", directory.file("technosnab.crmaudit"), "--format", "json", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        var priced: [String: [String: Any]] = [:]
        for finding in findings {
            guard let money = finding["money"] as? [String: Any] else { continue }
            let id = finding["id"] as? String ?? "?"
            priced[id] = money
            let period = try #require(money["period"] as? String, "\(id): a money figure without its period")
            #expect(["last_12m", "prev_12m"].contains(period), "\(id): \(period) is not a year")
            let exposed = try #require(money["exposed"] as? Double), low = try #require(money["estimate_low"] as? Double)
            let high = try #require(money["estimate_high"] as? Double)
            let rateLow = try #require(money["rate_low"] as? Double), rateHigh = try #require(money["rate_high"] as? Double)
            #expect(low <= high && high <= exposed, "\(id): an estimate is a part of the exposed revenue")
            #expect(
                abs(low - Formatter.threeSignificant(exposed * rateLow)) < 1e-6
                    && abs(high - Formatter.threeSignificant(exposed * rateHigh)) < 1e-6)
            #expect(!(money["assumption"] as? String ?? "").isEmpty)
            let text = try #require(money["text"] as? String)
            #expect(text.contains(period == "last_12m" ? "over the last 12 months" : "over the previous 12 months"), "\(id): \(text)")
            #expect(!text.contains("≈"))
        }
        // The all-history revenue of orphan sales is no money at stake.
        #expect(priced["BASE-001"] == nil)
        let base001 = try #require(findings.first { $0["id"] as? String == "BASE-001" })
        #expect((base001["evidence"] as? String ?? "").contains("data-hygiene figure, not money at risk"))
        // RET-001 prices the defined lost customers (their previous-year revenue), not the RFM segments.
        let ret001 = try #require(priced["RET-001"])
        #expect(ret001["period"] as? String == "prev_12m")
        #expect(ret001["customers"] as? Double == (findings.first { $0["id"] as? String == "RET-001" }?["count"] as? Double))
        // The consultant's file overrides the win-back range (examples/technosnab/consultant.yaml).
        #expect(ret001["rate_low"] as? Double == 0.05 && ret001["rate_high"] as? Double == 0.08)

        for language in ["ru", "en"] {
            let page = try String(contentsOfFile: directory.file("report-\(language).html"), encoding: .utf8)
            #expect(page.contains("id=\"assumptions\""), "the method appendix lists the assumptions")
            // The client's copy: the assumption by its title, with the consultant's range (10–15 %).
            #expect(
                page.contains(
                    language == "ru" ? "Доля прошлогодней выручки потерянных клиентов" : "last-year revenue a win-back campaign recovers"))
            #expect(!page.contains("lost_customer_winback"))
            #expect(!page.contains("45,2 млн ₽ под угрозой") && !page.contains("RUB 45.2M at stake"))
        }
    }
}
