import Analytics
import Audit
import AuditModel
import Foundation
import Questionnaire
import Rules
import TestSupport
import Testing

/// The bundled questionnaire and rulesets load cleanly together, and every bundled rule proves
/// itself with its own tests.
@Suite struct BundledRulesTests {
    static func setup() throws -> AuditSetup {
        setenv("CRM_AUDIT_HOME", CLI.packageRoot, 1)
        return try AuditSetup.load(industry: "wholesale")
    }

    @Test func theBundledRulesetsLoadAgainstTheQuestionnaireAndTheCatalogue() throws {
        let setup = try Self.setup()
        #expect(setup.rulesets.layers.map(\.id).contains("crm-core"))
        #expect(setup.rulesets.rules.count >= 40)
    }

    /// Every bundled industry layers over the core set and brings rules of its own.
    @Test(arguments: ["wholesale", "retail", "b2b-services", "manufacturing"])
    func everyBundledIndustryLoadsOverTheCore(industry: String) throws {
        setenv("CRM_AUDIT_HOME", CLI.packageRoot, 1)
        let setup = try AuditSetup.load(industry: industry)
        #expect(setup.rulesets.layers.map(\.id) == ["crm-core", "industry-" + industry])
        #expect(
            setup.rulesets.rules.contains { $0.ruleset.hasPrefix("industry-" + industry) }, "\(Set(setup.rulesets.rules.map(\.ruleset)))")
        let results = RuleTestRunner.run(setup.rulesets.rules, policy: setup.rulesets.policy, on: Day(year: 2026, month: 11, day: 29)!)
        #expect(results.allSatisfy { $0.passed })
    }

    @Test func everyBundledRuleCarriesTestsAndPassesThem() throws {
        let setup = try Self.setup()
        for rule in setup.rulesets.rules {
            #expect(rule.tests.count >= 2, "\(rule.id) needs a test where it fires and one where it does not")
            let statuses = Set(rule.tests.map(\.expect))
            #expect(statuses.contains(.finding) || statuses.contains(.warn), "\(rule.id) has no test where it fires")
            #expect(statuses.contains(.ok) || statuses.contains(.notApplicable), "\(rule.id) has no test where it holds")
        }
        let results = RuleTestRunner.run(setup.rulesets.rules, policy: setup.rulesets.policy, on: Day(year: 2026, month: 11, day: 29)!)
        for failure in results where !failure.passed {
            Issue.record("\(failure.location): \(failure.ruleID) expected \(failure.expected.rawValue), got \(failure.actual.rawValue)")
        }
        #expect(results.count > 100)
    }

    /// A belief row states one period; every metric it measures is on that period in the
    /// catalogue (`pareto.top20_share` is the last 12 months, `quality.orphan_sales_share` the
    /// whole history), so the row's period and its figure cannot drift apart.
    @Test func everyBeliefStatesThePeriodOfTheMetricsItMeasures() throws {
        let setup = try Self.setup()
        // Churn (`change_12m`: bought in the previous 12 months, not in the last 12) is stated
        // as a yearly rate ending on as_of: the belief table's "12 months to as_of".
        let expected: [MetricPeriod: BeliefPeriod] = [
            .last12m: .last12Months, .change12m: .last12Months,
            .allHistory: .wholeHistory, .asOf: .asOf,
        ]
        var checked = 0
        for rule in setup.rulesets.rules {
            guard let belief = rule.belief else { continue }
            for reference in belief.measured.references where reference.kind == .metric {
                let definition = MetricCatalogue.definition(of: reference.id) ?? MetricCatalogue.breakdown(reference.id)
                let period = try #require(definition?.period, "\(rule.id): \(reference.id) is not in the catalogue")
                #expect(
                    expected[period] == belief.period,
                    "\(rule.id) says \(belief.period.rawValue) but \(reference.id) is \(period.rawValue)")
                checked += 1
            }
        }
        #expect(checked >= 10)
    }

    @Test func everyAreaOfTheQuestionnaireHasRules() throws {
        let setup = try Self.setup()
        let covered = Set(setup.rulesets.rules.map(\.area))
        for area in setup.questionnaire.areas {
            #expect(covered.contains(area.id), "no rule checks area \(area.id)")
        }
    }

    @Test func rulesThatConfrontAnswersWithDataExist() throws {
        let setup = try Self.setup()
        let confronting = setup.rulesets.rules.filter { rule in
            let references = rule.expressions.flatMap(\.references)
            return references.contains { $0.kind == .answer } && references.contains { $0.kind == .metric }
        }
        #expect(confronting.count >= 8)
    }

    @Test(.enabled(if: CLI.isBuilt))
    func lintAcceptsTheBundledContentAndRejectsABrokenCopy() throws {
        let clean = try CLI.run(["lint", "questionnaires", "rulesets"])
        #expect(clean.status == 0, "\(clean.stderr)")
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let core = try String(contentsOfFile: CLI.packageRoot + "/rulesets/crm-core.yaml", encoding: .utf8)
        let broken = core.replacingOccurrences(of: "metric.pareto.top20_share > 0.7", with: "metric.pareto.top21_share > 0.7")
        let path = try directory.write(broken, to: "broken.yaml")
        let run = try CLI.run(["lint", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.yaml:"))
        #expect(run.stderr.contains("unknown metric 'pareto.top21_share'; did you mean 'pareto.top20_share'?"))
    }

    @Test(.enabled(if: CLI.isBuilt))
    func rulesTestCommandReportsPassesAndFailures() throws {
        let passing = try CLI.run(["rules", "test"])
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stdout.contains(" passed, 0 failed"))
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let core = try String(contentsOfFile: CLI.packageRoot + "/rulesets/crm-core.yaml", encoding: .utf8)
        let wrong = core.replacingOccurrences(
            of: "{given: {metrics: {managers.dependency: 0.41, managers.with_sales_12m: 9}}, expect: finding}",
            with: "{given: {metrics: {managers.dependency: 0.41, managers.with_sales_12m: 9}}, expect: ok}")
        let failing = try CLI.run(["rules", "test", try directory.write(wrong, to: "core.yaml")])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("test of rule BASE-003 failed: expected ok, got finding"))
    }

    /// A passed bundled check reads as a strength in both languages (issue 15).
    @Test func everyBundledRulePhrasesItsStrengthInBothLanguagesOrNone() throws {
        let rules = try AuditSetup.load(industry: "wholesale").rulesets.rules
        for rule in rules {
            guard let strength = rule.strength else { continue }
            #expect(!strength.ru.isEmpty && !strength.en.isEmpty && strength.ru != strength.en, "\(rule.id)")
        }
        #expect(rules.filter { $0.strength != nil }.count * 10 >= rules.count * 9, "most rules phrase a strength")
    }
}
