import AuditModel
import Foundation
import Testing
import TestSupport

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
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.file("report.json")))) as? [String: Any])
        let metrics = try #require((json["metrics"] as? [String: Any])?["metrics"] as? [String: Any])
        let revenue = try #require(metrics["sales.revenue"] as? Double)
        #expect(abs(revenue - expected.revenue) < 0.01)
        #expect(metrics["sales.orders"] as? Double == Double(expected.orders))
        #expect(metrics["sales.customers"] as? Double == Double(expected.customers))
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
        guard let start = html.range(of: "data-chart=\"\(chart)\""), let end = html[start.upperBound...].range(of: "</svg>") else { return .nan }
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
