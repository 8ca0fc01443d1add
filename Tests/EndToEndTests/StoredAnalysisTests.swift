import Analytics
import Audit
import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing
import Workspace

/// `check`, `config`, `report` and `compare` reuse the round's stored analysis while nothing it
/// depends on changed, and never a stale one.
@Suite struct StoredAnalysisTests {
    static let sales: [[String: String?]] = (1...40).map { index in
        [
            "order_id": "R\(index)", "customer_id": "C\(index % 8)",
            "date": Day(year: 2026, month: 11, day: 20)!.adding(days: -index * 9).iso,
            "amount": "1000", "manager": "M\(index % 3)",
        ]
    }

    /// Rewrites the stored analysis's revenue to `value`, keeping its fingerprint: a command that
    /// shows `value` read the stored analysis, one that shows the real revenue computed it.
    static func plant(revenue value: Double, in workspace: Workspace, round: AuditRound) throws {
        let text = try #require(
            try workspace.read { db in
                try String.fetchOne(db, sql: "SELECT analysis FROM metric_snapshot WHERE round_id = ?", arguments: [round.id])
            })
        var json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var document = try #require(json["document"] as? [String: Any])
        var metrics = try #require(document["metrics"] as? [String: Any])
        metrics["sales.revenue_last_12m"] = value
        document["metrics"] = metrics
        json["document"] = document
        let planted = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        try workspace.write { db in
            try db.execute(sql: "UPDATE metric_snapshot SET analysis = ? WHERE round_id = ?", arguments: [planted, round.id])
        }
    }

    static func revenue(_ assessment: Assessment) -> Double? { assessment.analysis.document["sales.revenue_last_12m"].number }

    @Test func theStoredAnalysisIsReusedWhileTheDataIsTheSameAndNeverOnceItChanged() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let setup = try AuditSetup.load(industry: "wholesale")
        try insertCanonicalRows(Self.sales, kind: .sales, into: workspace)
        let round = try workspace.round()
        let first = try AuditPipeline.assess(workspace, setup: setup)
        #expect(first.analysis is Analysis, "nothing stored yet: computed")
        #expect(Self.revenue(first) == 40_000)

        try Self.plant(revenue: 1, in: workspace, round: round)
        let again = try AuditPipeline.assess(workspace, setup: setup)
        #expect(again.analysis is StoredAnalysis)
        #expect(Self.revenue(again) == 1, "the same datasets and as-of day: the stored analysis is reused")
        #expect(again.findings.map(\.ruleID) == first.findings.map(\.ruleID))

        // Another as-of day: computed again.
        let earlier = try AuditPipeline.assess(workspace, setup: setup, asOf: Day(year: 2026, month: 10, day: 31))
        #expect(earlier.analysis is Analysis && Self.revenue(earlier) != 1)

        // A new dataset: computed again.
        _ = try AuditPipeline.assess(workspace, setup: setup)
        try Self.plant(revenue: 1, in: workspace, round: round)
        try insertCanonicalRows([["manager": "M9"]], kind: .managers, into: workspace)
        let afterImport = try AuditPipeline.assess(workspace, setup: setup)
        #expect(afterImport.analysis is Analysis && Self.revenue(afterImport) == 40_000)

        // A sale row edited by hand: computed again.
        try Self.plant(revenue: 1, in: workspace, round: round)
        try workspace.write { db in try db.execute(sql: "UPDATE sale SET amount = 2000 WHERE order_id = 'R1'") }
        let afterEdit = try AuditPipeline.assess(workspace, setup: setup)
        #expect(afterEdit.analysis is Analysis && Self.revenue(afterEdit) == 41_000)
    }

    @Test func aStoredSampleIsTheComputedOneCutToTheRulesLimit() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        try insertCanonicalRows(Self.sales, kind: .sales, into: workspace)
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        let stored = StoredAnalysis(analysis)
        for set in SampleSet.allCases {
            for limit in [0, 3, 100] {
                #expect(stored.sample(set, limit: limit) == analysis.sample(set, limit: limit), "\(set.rawValue) \(limit)")
            }
        }
        #expect(stored.paretoCurve == analysis.paretoCurve)
        let decoded = try JSONDecoder().decode(StoredAnalysis.self, from: try JSONEncoder().encode(stored))
        #expect(decoded == stored)
    }
}
