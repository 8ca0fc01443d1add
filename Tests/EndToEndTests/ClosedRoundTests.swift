import Foundation
import TestSupport
import Testing

/// A closed round is history: reading it again (a report of round 1 after round 2 began, even with
/// other rules) changes nothing it stored.
@Suite struct ClosedRoundTests {
    @Test(.enabled(if: CLI.isBuilt))
    func reportingAClosedRoundLeavesItsStoredAssessmentAsItWas() throws {
        let directory = TemporaryDirectory("crm-audit-closed")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit")
        #expect(try CLI.run(["round", "new", workspace, "--date", "2027-05-25"]).status == 0)
        func roundOne() throws -> [String: Any] {
            let history = try CLI.run(["history", workspace, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
            return try #require((object["rounds"] as? [[String: Any]])?.first)
        }
        let before = try roundOne()
        let lenient = try directory.write(
            """
            schema: crm-audit/ruleset/1
            id: lenient
            version: 1.0.0
            title: {ru: Мягкий, en: Lenient}
            disable: [GOALS-001, BASE-001, BASE-003, RET-001]
            """, to: "lenient.yaml")
        let report = try CLI.run(["report", workspace, "--round", "1", "--rules", lenient, "--out", directory.file("r1.html")])
        #expect(report.status == 0, "\(report.stderr)")
        let after = try roundOne()
        #expect(after["overall"] as? Double == before["overall"] as? Double)
        #expect((after["rulesets"] as? [String]) == (before["rulesets"] as? [String]))
        let canonical = { (object: [String: Any]) in try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }
        #expect(try canonical(after) == canonical(before))
    }
}
