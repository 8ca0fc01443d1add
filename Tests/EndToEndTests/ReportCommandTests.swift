import Foundation
import TestSupport
import Testing

/// `crm-audit report` and `crm-audit check` on the example company, as a consultant runs them.
@Suite(.serialized) struct ReportCommandTests {
    static let demo: (directory: TemporaryDirectory, workspace: String)? = {
        guard CLI.isBuilt else { return nil }
        let directory = TemporaryDirectory("crm-audit-report")
        guard (try? CLI.run(["demo", "--out", directory.path]))?.status == 0 else { return nil }
        return (directory, directory.file("technosnab.crmaudit"))
    }()

    func workspace() throws -> String { try #require(Self.demo?.workspace) }

    @Test(.enabled(if: CLI.isBuilt))
    func markdownAndJSONCarryTheSameVerdict() throws {
        let workspace = try workspace()
        let md = try #require(Self.demo?.directory.file("r.md")), json = try #require(Self.demo?.directory.file("r.json"))
        #expect(try CLI.run(["report", workspace, "--out", md, "--lang", "en"]).status == 0)
        #expect(try CLI.run(["report", workspace, "--out", json]).status == 0)
        let markdown = try String(contentsOfFile: md, encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let overall = try #require((object["scores"] as? [String: Any])?["overall"] as? Double)
        #expect(markdown.contains("**\(Int(overall.rounded())) / 100**"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func unknownSectionsAreAUsageError() throws {
        let run = try CLI.run(["report", try workspace(), "--out", "/tmp/x.html", "--sections", "summary,nonsense"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown section 'nonsense'"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func redactionHidesCustomerNamesAndContactsEverywhereInTheReport() throws {
        let directory = try #require(Self.demo?.directory)
        let json = directory.file("plain.json"), redacted = directory.file("redacted.html")
        #expect(try CLI.run(["report", try workspace(), "--out", json]).status == 0)
        #expect(try CLI.run(["report", try workspace(), "--out", redacted, "--redact"]).status == 0)
        // Every customer name, email and phone the unredacted report shows in its sample records…
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        var personal: Set<String> = []
        for finding in object["findings"] as? [[String: Any]] ?? [] {
            guard let samples = finding["samples"] as? [String: Any], let fields = samples["fields"] as? [String],
                let rows = samples["rows"] as? [[String]]
            else { continue }
            for row in rows {
                for (field, value) in zip(fields, row) where ["name", "email", "phone"].contains(field) && !value.isEmpty {
                    personal.insert(value)
                }
            }
        }
        #expect(personal.count >= 10)
        // …is gone from the redacted one, replaced by stable pseudonyms.
        let after = try String(contentsOfFile: redacted, encoding: .utf8)
        let survivors = personal.filter { after.contains(">\(HTMLEscape.text($0))<") }
        #expect(survivors.isEmpty, "survived redaction: \(survivors.sorted().prefix(5))")
        #expect(after.contains("Client-"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func pdfWithoutABrowserSaysHowToInstallOne() throws {
        let run = try CLI.run(
            ["report", try workspace(), "--out", "/tmp/crm-audit-none.pdf"],
            environment: ["CRM_AUDIT_CHROMIUM": "/nonexistent/chromium"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("apt-get install chromium-headless-shell"))
    }

    static var hasBrowser: Bool {
        ["/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    @Test(.enabled(if: CLI.isBuilt && hasBrowser))
    func pdfIsRenderedByHeadlessChromiumAsA4() throws {
        let pdf = try #require(Self.demo?.directory.file("report.pdf"))
        let run = try CLI.run(["report", try workspace(), "--out", pdf, "--lang", "ru"])
        #expect(run.status == 0, "\(run.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Data("%PDF".utf8)))
        #expect(data.count > 50_000)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func checkPrintsFindingsByIDAsJSON() throws {
        // The demo gave the consultant's layer once; the workspace keeps it for every later command.
        let run = try CLI.run(["check", try workspace(), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let byID = Dictionary(findings.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { $1 })
        #expect(byID["GOALS-001"]?["status"] as? String == "finding")
        #expect(byID["DP-003"]?["status"] as? String == "waived")
        #expect(byID["MKT-005"] == nil)
        let scores = try #require(object["scores"] as? [String: Any])
        #expect(scores["level"] as? Int == 1)
        #expect((scores["areas"] as? [String: Any])?.count == 13)
    }
}

/// The escaping the report applies to text, for looking values up in its HTML.
enum HTMLEscape {
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
