import AuditModel
import Foundation
import Report
import Rules
import TestSupport
import Testing
import Workspace

@testable import Audit

/// What changed in the method between two rounds, so that a delta caused by the method is not
/// read as the client's progress.
@Suite struct MethodChangeTests {
    static func round(_ number: Int, questionnaire: String, rulesets: String) -> AuditRound {
        let parts = questionnaire.split(separator: "@").map(String.init)
        return AuditRound(
            id: Int64(number), number: number, date: Day(year: 2026, month: number, day: 1)!, status: .open,
            questionnaireID: parts.first, questionnaireVersion: parts.last, rulesets: rulesets)
    }

    static func finding(_ id: String, _ severity: Severity, points: Double = 5, area: String = "customer_base") -> Finding {
        Finding(
            ruleID: id, ruleset: "crm-core", area: area, title: LocalizedText(both: id), severity: severity, blocking: false,
            status: .finding, observed: nil, observedText: nil, expected: nil, count: nil, denominator: nil, samples: nil,
            pointsPossible: points, pointsLost: points, impact: .medium, effort: .medium, money: nil, evidence: nil,
            recommendation: LocalizedText(both: ""), missing: [], waiver: nil, previousStatus: nil)
    }

    @Test func namesEveryKindOfChange() {
        let change = RoundComparer.methodChange(
            from: Self.round(1, questionnaire: "crm-readiness@1.0.0", rulesets: "crm-core@1.0.0,industry-retail@1.0.0"),
            to: Self.round(2, questionnaire: "crm-readiness@1.1.0", rulesets: "crm-core@1.1.0,consultant@1.0.0"),
            before: ["A": Self.finding("A", .high), "B": Self.finding("B", .medium), "C": Self.finding("C", .low, points: 1)],
            after: ["A": Self.finding("A", .critical, points: 10), "C": Self.finding("C", .low, points: 2), "D": Self.finding("D", .low)])
        #expect(change.questionnaire == ["crm-readiness@1.0.0", "crm-readiness@1.1.0"])
        #expect(change.rulesetsRemoved == ["crm-core@1.0.0", "industry-retail@1.0.0"])
        #expect(change.rulesetsAdded == ["crm-core@1.1.0", "consultant@1.0.0"])
        #expect(change.rulesAdded == ["D"])
        #expect(change.rulesRemoved == ["B"])
        #expect(change.rulesReweighted == ["A: high → critical", "C: 1 → 2"])
        #expect(!change.isEmpty)
    }

    @Test func theSameMethodIsNoChange() {
        let change = RoundComparer.methodChange(
            from: Self.round(1, questionnaire: "crm-readiness@1.0.0", rulesets: "crm-core@1.0.0"),
            to: Self.round(2, questionnaire: "crm-readiness@1.0.0", rulesets: "crm-core@1.0.0"),
            before: ["A": Self.finding("A", .high)], after: ["A": Self.finding("A", .high)])
        #expect(change.isEmpty)
    }

    @Test func aGapWhoseRuleIsNoLongerAssessedIsNotCountedAsResolved() {
        var notEvaluable = Self.finding("A", .high)
        notEvaluable.status = .notEvaluable
        var ok = Self.finding("B", .high)
        ok.status = .ok
        let changes = RoundComparer.findingChanges(
            before: ["A": Self.finding("A", .high), "B": Self.finding("B", .high), "C": Self.finding("C", .medium)],
            after: ["A": notEvaluable, "B": ok])
        #expect(changes.resolved.map(\.ruleID) == ["B"])
        #expect(changes.gone.map(\.ruleID) == ["A", "C"])
        #expect(changes.gone.map(\.after) == [.notEvaluable, nil])
        #expect(changes.new.isEmpty && changes.persisting.isEmpty)
    }
}

/// Starting a round records its method in the same transaction that carries the answers over.
@Suite struct RoundStartTests {
    @Test func theNewRoundRecordsItsMethodAndCarriesTheAnswers() throws {
        let directory = TestSupport.TemporaryDirectory("crm-audit-round-start")
        defer { directory.remove() }
        let workspace = try Workspace.create(at: directory.file("w.crmaudit"), client: "X", roundDate: Day(year: 2026, month: 1, day: 10)!)
        let setup = try AuditSetup.load()
        try workspace.save(
            Answer(
                questionID: "dp_backup", value: .option("regular"), note: "seen the copy", source: .interview,
                answeredAt: "2026-01-10T10:00:00Z"), round: workspace.round())
        let (started, migration) = try RoundStart.start(workspace, date: Day(year: 2026, month: 7, day: 1)!, setup: setup)
        #expect(migration.isEmpty)
        #expect(started.round.number == 2 && started.carriedOver == 1)
        #expect(started.round.questionnaireID == setup.questionnaire.id)
        #expect(started.round.questionnaireVersion == setup.questionnaire.version)
        #expect(started.round.rulesets == setup.rulesets.references)
        let carried = try workspace.answers(round: started.round)
        #expect(carried.map(\.questionID) == ["dp_backup"])
        #expect(carried.first?.note == "seen the copy")
        #expect(carried.first?.source == .carriedOver && carried.first?.confirmed == false)
        #expect(try workspace.datasets(round: started.round).isEmpty)
    }
}
