import AuditModel
import Foundation
import TestSupport
import Testing

/// Each data check fires on a generated company built to show its problem and stays quiet on a
/// well-run one (`sample-data --profile healthy`, then `--problem NAME`), run as a consultant
/// runs them: generate, import, `check --format json`.
@Suite(.serialized) struct ProblemProfileTests {
    /// The data checks whose problem a generated company can carry, with the problem.
    static let checks: [(problem: String, rule: String)] = [
        ("departed-manager", "REP-009"), ("overdue-regulars", "RET-010"), ("key-decline", "KEY-010"),
        ("bad-tax-ids", "BASE-015"), ("tax-id-duplicates", "BASE-016"), ("margin-spread", "REP-010"),
        ("one-channel", "MKT-008"), ("new-customers-leave", "RET-009"), ("overloaded-managers", "REP-011"),
        ("stalled-deals", "SALES-009"), ("stalled-deals", "SALES-014"), ("deals-after-payment", "SALES-010"),
        ("untouched-key-accounts", "KEY-011"),
    ]

    /// The status of every rule for a healthy company with `problems` built in.
    static func statuses(problems: [String]) throws -> [String: String] {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let workspace = directory.file("ws.crmaudit")
        let generate = try CLI.run(
            [
                "sample-data", "--out", directory.path, "--profile", "healthy", "--customers", "800",
                "--orders", "12000",
            ] + problems.flatMap { ["--problem", $0] })
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(try CLI.run(["init", workspace, "--client", "Healthy", "--date", "2026-11-25"]).status == 0)
        for kind in ["customers", "managers", "sales", "deals", "activities"] {
            let run = try CLI.run(["import", workspace, directory.file("\(kind).csv"), "--as", kind])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let check = try CLI.run(["check", workspace, "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        var statuses: [String: String] = [:]
        for finding in findings {
            if let id = finding["id"] as? String, let status = finding["status"] as? String { statuses[id] = status }
        }
        return statuses
    }

    @Test func aWellRunCompanyPassesEveryDataCheck() throws {
        let statuses = try Self.statuses(problems: [])
        for rule in Set(Self.checks.map(\.rule)).union(["SALES-011", "SALES-005"]) {
            #expect(statuses[rule] == "ok", "\(rule) on the healthy company: \(statuses[rule] ?? "absent")")
        }
    }

    @Test(arguments: checks)
    func theCheckFindsTheProblemBuiltIn(problem: String, rule: String) throws {
        let status = try Self.statuses(problems: [problem])[rule]
        #expect(status == "finding" || status == "warn", "\(rule) with \(problem): \(status ?? "absent")")
    }

    @Test func anUnknownProblemIsRefusedWithTheListOfKnownOnes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let run = try CLI.run(["sample-data", "--out", directory.path, "--problem", "everything-wrong"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("everything-wrong") && run.stderr.contains("departed-manager"))
    }
}
