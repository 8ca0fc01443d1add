import Audit
import AuditModel
import Foundation
import Rules
import TestSupport
import Testing

/// The plan takes the initiatives the round's gaps call for and orders them so that none starts
/// before what it depends on has ended; its business case traces to the audit's figures.
@Suite struct ProjectPlanTests {
    static let spec = PlanSpec(
        dayRate: 20_000...40_000,
        initiatives: [
            initiative("frame", always: true, weeks: 2),
            initiative("base", causes: ["no-single-base"], weeks: 4, after: ["frame"]),
            initiative("protection", causes: ["data-unprotected"], weeks: 3, after: ["frame"]),
            initiative("platform", always: true, weeks: 6, after: ["frame", "base"]),
            initiative("integration", causes: ["no-accounting-exchange"], weeks: 6, after: ["platform"]),
            initiative("reports", causes: ["no-management-figures"], weeks: 3, after: ["integration"]),
        ])

    static func initiative(_ id: String, causes: [String] = [], always: Bool = false, weeks: Int, after: [String] = []) -> InitiativeSpec {
        InitiativeSpec(
            id: id, title: LocalizedText(both: id), scope: LocalizedText(both: id), causes: causes, always: always,
            owner: LocalizedText(both: "owner"), weeks: weeks, effortDays: 2...5, dependsOn: after, kpis: [],
            location: SourceLocation(file: "plan.yaml"))
    }

    /// The cause groups of gaps `rules`, each rule a symptom of `cause`.
    static func group(_ cause: String, _ rules: [String]) -> CauseGroup {
        let findings = rules.map { id in
            var finding = Finding(
                ruleID: id, ruleset: "core", area: "a", title: LocalizedText(both: id), severity: .high, blocking: false, status: .finding,
                observed: nil, observedText: nil, expected: nil, count: nil, denominator: nil, samples: nil, pointsPossible: 0,
                pointsLost: 0, impact: .high, effort: .low, money: nil, evidence: nil, recommendation: LocalizedText(both: ""),
                missing: [], waiver: nil, previousStatus: nil)
            finding.cause = cause
            return finding
        }
        let root = RootCause(
            id: cause, title: LocalizedText(both: cause), explanation: LocalizedText(both: "-"), recommendation: LocalizedText(both: "-"))
        return CauseRanking.rank(findings, causes: [cause: root])[0]
    }

    @Test func onlyInitiativesWithGapsOrAlwaysNeededArePlanned() {
        let plan = ProjectPlan.build(
            Self.spec, causes: [Self.group("no-single-base", ["BASE-001"]), Self.group("no-management-figures", ["REP-001"])])
        #expect(plan.initiatives.map(\.spec.id) == ["frame", "base", "platform", "reports"])
        #expect(plan.initiatives.first { $0.spec.id == "base" }?.findings == ["BASE-001"])
    }

    @Test func noInitiativeStartsBeforeItsPrerequisitesEndEvenThroughOnesLeftOut() throws {
        let plan = ProjectPlan.build(
            Self.spec, causes: [Self.group("no-single-base", ["BASE-001"]), Self.group("no-management-figures", ["REP-001"])])
        let byID = Dictionary(uniqueKeysWithValues: plan.initiatives.map { ($0.spec.id, $0) })
        for item in plan.initiatives {
            for dependency in item.spec.dependsOn {
                if let before = byID[dependency] {
                    #expect(before.endWeek <= item.startWeek, "\(item.spec.id) starts before \(dependency) ends")
                }
            }
        }
        // Reports wait for integration, which is not planned; integration waited for the platform.
        let reports = try #require(byID["reports"]), platform = try #require(byID["platform"])
        #expect(reports.startWeek == platform.endWeek)
        #expect(plan.weeks == 2 + 4 + 6 + 3)
    }

    @Test func costIsEffortTimesTheDayRate() {
        let plan = ProjectPlan.build(Self.spec, causes: [])
        #expect(plan.initiatives.map(\.spec.id) == ["frame", "platform"])
        let low: Double = 2 * 2 * 20_000, high: Double = 2 * 5 * 40_000
        #expect(plan.cost == low...high)
    }

    @Test func aPlanWithAnUnknownPrerequisiteOrACycleIsRefusedWhereItIsWritten() {
        let text = """
            schema: crm-audit/ruleset/1
            id: own
            version: 1.0.0
            title: {ru: Свой, en: Own}
            causes:
              - {id: c, title: {ru: Ц, en: C}, explanation: {ru: Ц, en: C}, recommendation: {ru: Ц, en: C}}
            plan:
              day_rate: {low: 1, high: 2}
              initiatives:
                - {id: a, causes: [c], title: {ru: А, en: A}, scope: {ru: А, en: A}, owner: {ru: А, en: A}, weeks: 1, effort_days: {low: 1, high: 2}, depends_on: [b]}
                - {id: b, always: true, title: {ru: Б, en: B}, scope: {ru: Б, en: B}, owner: {ru: Б, en: B}, weeks: 1, effort_days: {low: 1, high: 2}, depends_on: [a]}
                - {id: d, always: true, title: {ru: Д, en: D}, scope: {ru: Д, en: D}, owner: {ru: Д, en: D}, weeks: 1, effort_days: {low: 1, high: 2}, depends_on: [zzz]}
            rules: []
            """
        let (_, diagnostics) = RulesetLoader(environment: AuditSetup.ruleEnvironment(for: nil)).lint(text: text, file: "own.yaml")
        let messages = diagnostics.map { $0.formatted(in: .en) }
        #expect(messages.contains { $0.hasPrefix("own.yaml:10:") && $0.contains("depends on itself") }, "\(messages)")
        #expect(
            messages.contains { $0.hasPrefix("own.yaml:12:") && $0.contains("depends on 'zzz', which the plan does not define") },
            "\(messages)")
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theExamplesPlanRespectsItsDependenciesAndItsBusinessCaseTracesToTheAudit() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit")
        let run = try CLI.run(["plan", workspace, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let initiatives = try #require((object["plan"] as? [String: Any])?["initiatives"] as? [[String: Any]])
        #expect(initiatives.count >= 6)
        var end: [String: Int] = [:]
        for item in initiatives {
            let spec = try #require(item["spec"] as? [String: Any])
            end[try #require(spec["id"] as? String)] = item["end_week"] as? Int
        }
        for item in initiatives {
            let spec = try #require(item["spec"] as? [String: Any])
            let start = try #require(item["start_week"] as? Int)
            for dependency in spec["depends_on"] as? [String] ?? [] {
                if let finished = end[dependency] { #expect(finished <= start, "\(spec["id"] ?? "") before \(dependency)") }
            }
        }
        // The clean-up comes before the platform's pilot, so that migration moves a clean base.
        let order = initiatives.compactMap { ($0["spec"] as? [String: Any])?["id"] as? String }
        let base = try #require(order.firstIndex(of: "base")), platform = try #require(order.firstIndex(of: "platform"))
        #expect(base < platform)
        // Value is the margin on the recoverable revenue the causes estimate.
        let report = try CLI.run(["report", workspace, "--format", "json", "--out", directory.file("r.json")])
        #expect(report.status == 0)
        let business = try #require(object["business_case"] as? [String: Any])
        let value = try #require(business["value"] as? [[String: Any]])
        #expect(value.contains { $0["id"] as? String == "no-retention-work" })
        let costs = try #require(business["costs"] as? [[String: Any]])
        #expect(Set(costs.compactMap { $0["id"] as? String }).isSuperset(of: ["licences", "services"]))
        let csv = try CLI.run(["plan", workspace, "--format", "csv", "--lang", "ru"])
        #expect(csv.stdout.hasPrefix("id,title,owner,start_week,end_week"))
        let table = try CLI.run(["plan", workspace, "--lang", "ru"])
        #expect(table.stdout.contains("Окупаемость:") && table.stdout.contains("Потери, от которых защищает проект"))
    }
}

/// Generated companies of other sizes and industries, audited without answers: the plan, the
/// shortlist and the specification still come out, built from what the data shows.
@Suite(.serialized) struct GeneratedCompanyProjectTests {
    @Test(.enabled(if: CLI.isBuilt), arguments: [("retail", 400, 6000), ("manufacturing", 3000, 40000)])
    func aGeneratedCompanyGetsAPlanAShortlistAndASpecification(industry: String, customers: Int, orders: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let workspace = directory.file("ws.crmaudit")
        #expect(
            try CLI.run(["sample-data", "--out", directory.path, "--customers", String(customers), "--orders", String(orders)]).status == 0)
        #expect(try CLI.run(["init", workspace, "--client", "Generated", "--industry", industry]).status == 0)
        for kind in ["customers", "managers", "sales"] {
            #expect(try CLI.run(["import", workspace, directory.file("\(kind).csv"), "--as", kind]).status == 0)
        }
        let plan = try CLI.run(["plan", workspace, "--format", "json"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let ids = ((object["plan"] as? [String: Any])?["initiatives"] as? [[String: Any]] ?? []).compactMap {
            ($0["spec"] as? [String: Any])?["id"] as? String
        }
        #expect(ids.first == "frame" && ids.contains("platform"))
        let platforms = try CLI.run(["platforms", workspace, "--format", "json"])
        #expect(platforms.status == 0)
        let shortlist = try #require(try JSONSerialization.jsonObject(with: Data(platforms.stdout.utf8)) as? [String: Any])
        #expect(!((shortlist["ranked"] as? [Any]) ?? []).isEmpty)
        let config = try CLI.run(["config", workspace, "--out", directory.file("spec.xlsx")])
        #expect(config.status == 0, "\(config.stderr)")
    }
}
