import AuditModel
import Foundation
import TestSupport
import Testing

/// The README's first command: the demo audit, from the example company's files to the report.
@Suite(.serialized) struct DemoTests {
    /// Σ of the "Сумма, руб." column of the example sales export, parsed here independently of
    /// the importer (`12 345,60` with no-break spaces, `;`-separated, UTF-8 with BOM).
    static func exampleSales() throws -> (revenue: Double, orders: Int, customers: Int) {
        let text = try String(contentsOfFile: CLI.packageRoot + "/examples/technosnab/sales.csv", encoding: .utf8)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: ";")
        let amount = try #require(header.firstIndex(of: "Сумма, руб.")), order = try #require(header.firstIndex(of: "Номер документа"))
        let customer = try #require(header.firstIndex(of: "Код клиента"))
        var revenue = 0.0
        var orders = Set<String>(), customers = Set<String>()
        for line in lines {
            let fields = line.components(separatedBy: ";")
            let number = fields[amount].filter { !$0.isWhitespace && $0 != "\u{00A0}" }.replacingOccurrences(of: ",", with: ".")
            revenue += try #require(Double(number), "\(line)")
            orders.insert(fields[order])
            customers.insert(fields[customer])
        }
        return (revenue, orders.count, customers.count)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theDemoWritesAReportWhoseNumbersComeFromTheExampleData() throws {
        let directory = TemporaryDirectory("crm-audit-demo")
        defer { directory.remove() }
        let run = try CLI.run(["demo", "--out", directory.path], language: "ru")
        #expect(run.status == 0, "\(run.stderr)")
        let reportPath = try #require(run.stdout.split(separator: "\n").last.map(String.init))
        #expect(reportPath == directory.path + "/report-ru.html")
        let html = try String(contentsOfFile: reportPath, encoding: .utf8)
        let english = try String(contentsOfFile: directory.file("report-en.html"), encoding: .utf8)

        let expected = try Self.exampleSales()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.file("report.json")))) as? [String: Any])
        let metrics = try #require((json["metrics"] as? [String: Any])?["metrics"] as? [String: Any])
        let revenue = try #require(metrics["sales.revenue.all_history"] as? Double)
        #expect(abs(revenue - expected.revenue) < 0.01)
        #expect(metrics["sales.orders.all_history"] as? Double == Double(expected.orders))
        #expect(metrics["sales.customers.all_history"] as? Double == Double(expected.customers))
        // The headline figures as the reader sees them, formatted per language.
        #expect(html.contains(Formatter(.ru).count(Double(expected.orders))))
        #expect(english.contains(Formatter(.en).count(Double(expected.orders))))
        let aov = expected.revenue / Double(expected.orders)
        #expect(html.contains(Formatter(.ru).money(aov, fractionDigits: 0)))
        // The monthly chart adds up to the revenue.
        #expect(abs(Self.chartSum(html, chart: "columns") - expected.revenue) < 1)
        // The story of the example data reaches the first page: the blocking goals finding.
        #expect(html.contains("Нет измеримых критериев успеха CRM-проекта"))
        #expect(english.contains("No measurable success criteria for the CRM project"))
        // The consultant's file (examples/technosnab/consultant.yaml): their summary leads page
        // one, their own finding sits among the findings, their comment under BASE-003.
        #expect(html.contains("Компания растёт, но держится на памяти и личных контактах менеджеров"))
        #expect(html.contains("Скидки в коммерческих предложениях дают без согласования"))
        #expect(english.contains("Discounts in quotations are given without approval"))
        #expect(html.contains("Риск не в человеке, а в том, что история работы с этими клиентами есть только у него."))
        #expect(english.contains("E. P. Morozova") || english.contains("Е. П. Морозова"), "the people interviewed are listed")
    }

    /// One definition of a lost customer, one number: the metric, the finding that quotes it, its
    /// sample list and the win-back segment of the configuration agree, and no RFM segment is
    /// called "lost". The summary's tiles are the headline period, computed here from the file.
    @Test(.enabled(if: CLI.isBuilt))
    func lostIsOneNumberAndTheTilesAreTheLastTwelveMonths() throws {
        let directory = TemporaryDirectory("crm-audit-demo")
        defer { directory.remove() }
        let run = try CLI.run(["demo", "--out", directory.path], language: "en")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.file("report.json")))) as? [String: Any])
        let document = try #require(json["metrics"] as? [String: Any])
        let metrics = try #require(document["metrics"] as? [String: Any])
        let lost = try #require(metrics["customers.lost_12m"] as? Double)
        #expect(lost > 0)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let churn = try #require(findings.first { $0["ruleID"] as? String == "RET-001" })
        #expect(churn["count"] as? Double == lost)
        #expect((churn["samples"] as? [String: Any])?["total"] as? Int == Int(lost))
        let segments = try #require((json["configuration"] as? [String: Any])?["segments"] as? [[String: Any]])
        let winBack = try #require(segments.first { $0["id"] as? String == "segment.lost" })
        #expect(winBack["baseline"] as? Double == lost)
        let rfm = try #require((document["tables"] as? [String: Any])?["rfm_segments"] as? [[String: Any]])
        #expect(!rfm.contains { ($0["segment"] as? String)?.lowercased().contains("lost") == true })
        #expect(!segments.contains { ($0["id"] as? String) == "rfm.lost" })
        #expect(metrics["rfm.lost"] == nil && metrics["customers.lost_share"] == nil)
        // Every figure called "lost" on the page is that one number.
        let english = try String(contentsOfFile: directory.file("report-en.html"), encoding: .utf8)
        #expect(english.contains("\(Formatter(.en).count(lost)) bought nothing in the last 12"))

        // The tiles: the 12 months to the last sale (2026-11-20), from the file itself.
        let headline = try Self.exampleSales(from: Day(iso: "2025-11-21")!, to: Day(iso: "2026-11-20")!)
        #expect(abs((metrics["sales.revenue_last_12m"] as? Double ?? 0) - headline.revenue) < 0.01)
        #expect(metrics["sales.orders_last_12m"] as? Double == Double(headline.orders))
        #expect(metrics["customers.active_12m"] as? Double == Double(headline.customers))
        #expect(english.contains("data-metric=\"sales.orders_last_12m\""))
        #expect(english.contains("<b>\(Formatter(.en).count(Double(headline.orders)))</b>"))
        #expect(english.contains("<b>\(Formatter(.en).money(headline.revenue / Double(headline.orders), fractionDigits: 0))</b>"))
    }

    /// The example sales of the days `from`…`to`, parsed independently of the importer.
    static func exampleSales(from: Day, to: Day) throws -> (revenue: Double, orders: Int, customers: Int) {
        let text = try String(contentsOfFile: CLI.packageRoot + "/examples/technosnab/sales.csv", encoding: .utf8)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").map(String.init)
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: ";")
        let amount = try #require(header.firstIndex(of: "Сумма, руб.")), order = try #require(header.firstIndex(of: "Номер документа"))
        let customer = try #require(header.firstIndex(of: "Код клиента")), date = try #require(header.firstIndex(of: "Дата"))
        var revenue = 0.0
        var orders = Set<String>(), customers = Set<String>()
        for line in lines {
            let fields = line.components(separatedBy: ";")
            let parts = fields[date].split(separator: ".")
            let day = try #require(parts.count == 3 ? Day(iso: "\(parts[2])-\(parts[1])-\(parts[0])") : nil, "\(line)")
            guard day >= from, day <= to else { continue }
            let number = fields[amount].filter { !$0.isWhitespace && $0 != "\u{00A0}" }.replacingOccurrences(of: ",", with: ".")
            revenue += try #require(Double(number), "\(line)")
            orders.insert(fields[order])
            customers.insert(fields[customer])
        }
        return (revenue, orders.count, customers.count)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func filesHoldingClientDataAreReadableByTheOwnerOnly() throws {
        let directory = TemporaryDirectory("crm-audit-demo")
        defer { directory.remove() }
        let run = try CLI.run(["demo", "--out", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["technosnab.crmaudit", "report-ru.html", "report-en.html", "report.json", "crm-configuration.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(name))
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode & 0o077 == 0, "\(name) has mode \(String(mode, radix: 8))")
        }
    }

    static func chartSum(_ html: String, chart: String) -> Double {
        guard let start = html.range(of: "data-chart=\"\(chart)\""), let end = html[start.upperBound...].range(of: "</svg>") else {
            return .nan
        }
        var sum = 0.0
        var rest = html[start.upperBound..<end.lowerBound]
        while let attribute = rest.range(of: "data-value=\"") {
            let number = rest[attribute.upperBound...].prefix { $0 != "\"" }
            sum += Double(number) ?? 0
            rest = rest[attribute.upperBound...]
        }
        return sum
    }
}

extension DemoTests {
    /// Page one leads with the company's position in business terms; the maturity score comes second.
    @Test(.enabled(if: CLI.isBuilt))
    func theSummaryLeadsWithThePositionAndPutsTheScoreSecond() throws {
        let directory = TemporaryDirectory("crm-audit-summary")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        for (language, words) in [
            (
                "ru",
                ["Выручка за 12 месяцев — 271,6", "+22,4", "к предыдущим 12 месяцам), валовая маржа 23", "потеряно 245 клиентов из 753"]
            ),
            (
                "en",
                [
                    "Revenue over the last 12 months: RUB 271.6", "+22.4", "on the 12 months before), gross margin 23",
                    "245 customers of the 753",
                ]
            ),
        ] {
            let html = try String(contentsOfFile: directory.file("report-\(language).html"), encoding: .utf8)
                .replacingOccurrences(of: "\u{00A0}", with: " ")
            let position = try #require(html.range(of: "id=\"position\""), "\(language)")
            let maturity = try #require(html.range(of: "id=\"maturity\""), "\(language)")
            #expect(position.lowerBound < maturity.lowerBound)
            let missing = words.filter { !html.contains($0) }
            #expect(missing.isEmpty, "\(language): \(missing)")
        }
    }
}

extension DemoTests {
    /// The example company is "not yet" ready for a CRM project: it has no measurable goals;
    /// budget, data, people and integration are conditions; the owner leads the project.
    @Test(.enabled(if: CLI.isBuilt))
    func theExampleIsNotYetReadyBecauseItHasNoGoals() throws {
        let directory = TemporaryDirectory("crm-audit-readiness")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let run = try CLI.run(["check", directory.file("technosnab.crmaudit"), "--format", "json", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let readiness = try #require(json["readiness"] as? [String: Any])
        #expect(readiness["verdict"] as? String == "not_yet")
        let gates = try #require(readiness["gates"] as? [[String: Any]])
        let statuses = Dictionary(
            uniqueKeysWithValues: gates.compactMap { gate in (gate["id"] as? String).map { ($0, gate["status"] as? String ?? "") } })
        #expect(
            statuses == [
                "sponsor": "condition", "goals": "blocked", "budget": "condition", "data": "condition", "people": "condition",
                "integration": "condition",
            ])
        let html = try String(contentsOfFile: directory.file("report-en.html"), encoding: .utf8)
        #expect(html.contains("data-verdict=\"not_yet\""))
    }
}
