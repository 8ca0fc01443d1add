import Foundation
import Testing
import TestSupport

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
    func redactionHidesCustomerContactsEverywhereInTheReport() throws {
        let directory = try #require(Self.demo?.directory)
        let plain = directory.file("plain.html"), redacted = directory.file("redacted.html")
        #expect(try CLI.run(["report", try workspace(), "--out", plain]).status == 0)
        #expect(try CLI.run(["report", try workspace(), "--out", redacted, "--redact"]).status == 0)
        let before = try String(contentsOfFile: plain, encoding: .utf8), after = try String(contentsOfFile: redacted, encoding: .utf8)
        // Emails from the sample tables of the unredacted report must all be gone.
        let emails = before.split(separator: ">").compactMap { part -> String? in
            let text = part.prefix { $0 != "<" }
            let parts = text.split(separator: "@")
            guard parts.count == 2, !text.contains(" "), let tld = parts[1].split(separator: ".").last, parts[1].contains("."),
                  tld.allSatisfy(\.isLetter) else { return nil }
            return String(text)
        }
        #expect(!emails.isEmpty)
        let survivors = emails.filter { !$0.hasSuffix("example.invalid") && after.contains(">\($0)<") }
        #expect(survivors.isEmpty, "survived redaction: \(survivors)")
        #expect(after.contains("@example.invalid"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func pdfWithoutABrowserSaysHowToInstallOne() throws {
        let run = try CLI.run(["report", try workspace(), "--out", "/tmp/crm-audit-none.pdf"],
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
