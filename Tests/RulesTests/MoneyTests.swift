import AuditModel
import Expressions
import Rules
import Testing

/// An environment with the catalogue's money metrics and their periods.
private func moneyEnvironment(known: Set<String>? = nil) -> RuleEnvironment {
    var types = TypeEnvironment()
    for id in [
        "rfm.revenue_at_risk", "rfm.at_risk_customers", "rfm.revenue_at_risk_share", "quality.orphan_revenue",
        "customers.lost_revenue_prev_12m", "sales.revenue_last_12m",
    ] {
        types.metrics[id] = ReferenceType(.number)
    }
    // The analytics' catalogue gives these shapes in the tool; here they are stated.
    let shapes = [
        "rfm.revenue_at_risk": MetricShape(unit: .money, period: .last12m),
        "quality.orphan_revenue": MetricShape(unit: .money, period: .allHistory),
        "sales.revenue_last_12m": MetricShape(unit: .money, period: .last12m),
    ]
    var environment = RuleEnvironment(types: types, areas: ["retention"], sampleSets: [], metricShapes: shapes)
    environment.knownAssumptionIDs = known
    return environment
}

private func ruleset(assumptions: String = defaultAssumptions, money: String, id: String = "money") -> String {
    """
    schema: crm-audit/ruleset/1
    id: \(id)
    version: 1.0.0
    title: {ru: Деньги, en: Money}
    \(assumptions)
    rules:
      - id: RET-002
        area: retention
        severity: high
        title: {ru: Выручка под угрозой, en: Revenue at risk}
        value: "metric.rfm.revenue_at_risk_share"
        fail: "> 0.2"
    \(money)
        recommendation: {ru: Свяжитесь, en: Call them}
    """
}

private let defaultAssumptions = """
    assumptions:
      - id: at_risk_winback
        title: {ru: Доля удержания, en: Share kept}
        low: 0.2
        high: 0.3
        source: {ru: Ориентир консультанта, en: A consultant's range}
    """

private let atRiskMoney = """
        money:
          exposed: "metric.rfm.revenue_at_risk"
          period: last_12m
          customers: "metric.rfm.at_risk_customers"
          kind: recovery
          assumption: at_risk_winback
    """

@Suite struct MoneyAtStake {
    let day = Day(year: 2026, month: 11, day: 29)!

    func problems(_ text: String, known: Set<String>? = nil) -> [String] {
        RulesetLoader(environment: moneyEnvironment(known: known)).lint(text: text, file: "m.yaml").1.map { $0.formatted(in: .en) }
    }

    @Test func aFindingCarriesTheExposedRevenueItsPeriodAndTheRangeOfItsAssumption() throws {
        let set = try RulesetLoader(environment: moneyEnvironment()).load(text: ruleset(money: atRiskMoney), file: "m.yaml")
        let stack = RulesetStack([set])
        let metrics: [String: Value] = [
            "rfm.revenue_at_risk_share": .number(0.25), "rfm.revenue_at_risk": .number(17_312_000),
            "rfm.at_risk_customers": .number(100),
        ]
        let finding = RuleEvaluator(policy: .standard, assumptions: stack.assumptions)
            .evaluate(try #require(stack.rules.first), in: FixedContext(answers: [:], metrics: metrics, roundDate: day))
        let money = try #require(finding.money)
        #expect(money.exposed == 17_312_000, "the exposed amount is the exact sum of the data")
        #expect(money.period == .last12m)
        #expect(money.customers == 100)
        #expect(money.kind == .recovery)
        #expect(money.assumption.id == "at_risk_winback")
        #expect(abs(money.low - 3_462_400) < 0.01 && abs(money.high - 5_193_600) < 0.01)
        #expect(
            money.text(.en) == "RUB\u{00A0}3.46–5.19M (20–30% of RUB\u{00A0}17.3M of revenue over the last 12 months, 100\u{00A0}customers)"
        )
        #expect(
            money.text(.ru)
                == "3,46–5,19\u{00A0}млн\u{00A0}₽ (20–30\u{00A0}% от 17,3\u{00A0}млн\u{00A0}₽ выручки за последние 12 месяцев, 100\u{00A0}клиентов)"
        )
    }

    @Test func aConsultantLayerOverridesAnAssumptionByItsID() throws {
        let loader = RulesetLoader(environment: moneyEnvironment())
        let core = try loader.load(text: ruleset(money: atRiskMoney), file: "core.yaml")
        let consultant = try loader.load(
            text: """
                schema: crm-audit/ruleset/1
                id: consultant
                version: 1.0.0
                title: {ru: Консультант, en: Consultant}
                assumptions:
                  - id: at_risk_winback
                    title: {ru: Доля удержания по кампании 2025, en: Share kept in the 2025 campaign}
                    low: 0.35
                    high: 0.4
                    source: {ru: Итоги кампании 2025 года, en: The 2025 campaign's results}
                rules: []
                """, file: "consultant.yaml")
        let stack = RulesetStack([core, consultant])
        let assumption = try #require(stack.assumptions["at_risk_winback"])
        #expect(assumption.low == 0.35 && assumption.high == 0.4)
        #expect(assumption.ruleset == "consultant@1.0.0")
        #expect(stack.unknownAssumptions.isEmpty)
    }

    @Test func anUnknownAssumptionIsAnErrorAtItsPlace() {
        let found = problems(
            ruleset(assumptions: "", money: atRiskMoney.replacingOccurrences(of: "at_risk_winback", with: "at_risk_winbak")),
            known: ["at_risk_winback"])
        #expect(
            found.contains {
                $0.hasPrefix("m.yaml:18:19: error: 'assumption': no assumption 'at_risk_winbak'")
                    && $0.contains("did you mean 'at_risk_winback'")
            }, "\(found)")
    }

    @Test func theStackFindsAnAssumptionNoLayerDeclares() throws {
        let set = try RulesetLoader(environment: moneyEnvironment()).load(
            text: ruleset(assumptions: "", money: atRiskMoney), file: "m.yaml")
        #expect(RulesetStack([set]).unknownAssumptions.map(\.assumption) == ["at_risk_winback"])
    }

    @Test func anAllHistoryAmountCannotBeShownAsAYearsMoneyAtStake() {
        let found = problems(
            ruleset(money: atRiskMoney.replacingOccurrences(of: "metric.rfm.revenue_at_risk\"", with: "metric.quality.orphan_revenue\"")))
        #expect(
            found.contains {
                $0.contains("'exposed': the metric quality.orphan_revenue covers all_history but the money block states last_12m")
            })
    }

    @Test func aMoneyBlockMustStateAYearPeriodAndAValidRange() {
        #expect(
            problems(ruleset(money: atRiskMoney.replacingOccurrences(of: "period: last_12m", with: "period: all_history")))
                .contains { $0.contains("'period': expected one of: last_12m, prev_12m") })
        #expect(
            problems(ruleset(money: atRiskMoney.replacingOccurrences(of: "      period: last_12m\n", with: "")))
                .contains { $0.contains("'period'") && $0.contains("missing") },
            "\(problems(ruleset(money: atRiskMoney.replacingOccurrences(of: "      period: last_12m\n", with: ""))))")
        #expect(
            problems(ruleset(assumptions: defaultAssumptions.replacingOccurrences(of: "high: 0.3", with: "high: 30"), money: atRiskMoney))
                .contains { $0.contains("'low' and 'high' are shares from 0 to 1") })
    }

    @Test func theOldSingleFigureFieldIsRefusedWithTheWayForward() {
        let found = problems(ruleset(money: "    money_at_stake: \"metric.rfm.revenue_at_risk\""))
        #expect(found.contains { $0.contains("'money_at_stake' is replaced by a 'money:' block") })
    }

    @Test func estimatesHaveThreeSignificantFigures() {
        #expect(Formatter.threeSignificant(3_456_789) == 3_460_000)
        #expect(Formatter.threeSignificant(17_312_000) == 17_300_000)
        #expect(Formatter.threeSignificant(0.012345) == 0.0123)
        #expect(Formatter.threeSignificant(999.6) == 1000)
        #expect(Formatter(.en).estimateRange(low: 950_000, high: 1_230_000) == "RUB\u{00A0}0.95–1.23M")
        #expect(Formatter(.ru).estimate(216_412_345) == "≈\u{00A0}216\u{00A0}млн\u{00A0}₽")
    }
}

/// KPI targets follow from the current value and say how; a growth target is never below the
/// growth already reached.
@Suite struct KPITargets {
    @Test func aGrowthTargetIsNeverBelowTheCurrentGrowth() {
        let item = ConfigItem(
            id: "kpi.sales.growth_12m", title: LocalizedText(both: "Growth"), metric: "sales.growth_12m", unit: .change, baseline: 0.224,
            target: "+10 %")
        #expect(item.targetText?.en == "+22.4% — no lower than the growth already reached (the usual +10 % is below it)")
        let slow = ConfigItem(
            id: "kpi.sales.growth_12m", title: LocalizedText(both: "Growth"), metric: "sales.growth_12m", unit: .change, baseline: 0.03,
            target: "+10 %")
        #expect(slow.targetText?.en == "+10% (now +3%)")
    }

    @Test func relativeTargetsAreWorkedOutFromTheBaseline() {
        let customers = ConfigItem(
            id: "k", title: LocalizedText(both: "New"), metric: "customers.new_12m", unit: .customers, baseline: 281, target: "+10 %")
        #expect(customers.targetText?.ru == "309\u{00A0}клиентов (+10 % к текущему значению: 281\u{00A0}клиент)")
        let retention = ConfigItem(
            id: "k", title: LocalizedText(both: "R"), metric: "retention.rate_12m", unit: .share, baseline: 0.675, target: "+10 pp")
        #expect(retention.targetText?.en == "77.5% (the current 67.5% +10 pp)")
        let risk = ConfigItem(
            id: "k", title: LocalizedText(both: "Risk"), metric: "rfm.revenue_at_risk_share", unit: .share, baseline: 0.2, target: "−30 %")
        #expect(risk.targetText?.en.hasPrefix("14%") == true)
        let absolute = ConfigItem(
            id: "k", title: LocalizedText(both: "Dep"), metric: "managers.dependency", unit: .share, baseline: 0.357, target: "< 25 %")
        #expect(absolute.targetText == nil, "an absolute target is shown as written")
    }
}
