import Analytics
import Audit
import AuditModel
import Expressions
import Rules
import Testing

/// The answers shape the recommended configuration through the ruleset's `configuration:` block.
@Suite struct AnswerDrivenConfiguration {
    let block = """
        configuration:
          pipeline_stages: "answer.stages"
          stalled_after_days: "max(7, 2 * answer.cycle_days)"
          kpis:
            goal_question: goals
            by_goal:
              grow_sales:
                - {id: kpi.sales.growth_12m, metric: sales.growth_12m, target: "+10 %", title: {ru: Рост выручки, en: Revenue growth}}
              retain_customers:
                - {id: kpi.retention.rate_12m, metric: retention.rate_12m, target: "+10 pp", title: {ru: Удержание, en: Retention}}
            default:
              - {id: kpi.retention.rate_12m, metric: retention.rate_12m, target: "+10 pp", title: {ru: Удержание, en: Retention}}
        rules:
          - id: BASE-001
            area: customer_base
            severity: high
            title: {ru: Нет этапов, en: No stages}
            when: "answer.cycle_days > 0"
            recommendation: {ru: Опишите этапы., en: Define the stages.}
            recommends:
              - {section: pipeline, id: stage.lead, title: {ru: Лид, en: Lead}}
              - {section: kpis, id: kpi.retention.rate_12m, metric: retention.rate_12m, title: {ru: Удержание, en: Retention}}
        """

    let document = MetricDocument(
        asOf: Day(year: 2026, month: 11, day: 20)!,
        metrics: ["sales.growth_12m": .number(0.05), "retention.rate_12m": .number(0.675)],
        unavailable: [:], series: MonthlySeries(), tables: MetricTables())

    func configuration(_ answers: [String: AnswerValue]) throws -> RecommendedConfiguration {
        let ruleset = try RulesetLoader(environment: configurationEnvironment()).load(text: configurationRuleset(block), file: "c.yaml")
        let stack = RulesetStack([ruleset])
        let findings = RuleEvaluator(policy: .standard).evaluate(
            stack.rules, in: FixedContext(answers: answers, metrics: [:], roundDate: document.asOf))
        return ConfigurationBuilder.build(
            rules: stack.rules, findings: findings, metrics: document, answers: answers, spec: stack.configuration)
    }

    @Test func theStagesTheCompanyNamesBecomeThePipelineInTheirOrder() throws {
        let result = try configuration(["stages": .text("запрос, расчёт -> счёт; оплата\nотгрузка, Оплата."), "cycle_days": .number(14)])
        #expect(result.pipeline.map(\.title.ru) == ["Запрос", "Расчёт", "Счёт", "Оплата", "Отгрузка"])
        #expect(result.pipeline.first?.reasons == ["BASE-001"], "the finding that called for a pipeline stays its reason")
        #expect(result.pipeline.first?.detail?.en == "stage 1 of 5, as the company names it")
    }

    @Test func theStatedCycleSetsWhenADealIsStalled() throws {
        let result = try configuration(["cycle_days": .number(14)])
        let alert = try #require(result.automations.first { $0.id == "automation.stalled_deal" })
        #expect(
            alert.detail?.ru
                == "задача руководителю, если сделка не переходит на следующий этап 28 дней; цикл сделки, по словам компании, — 14 дней")
        #expect(
            alert.detail?.en
                == "a task for the sales head when a deal has not moved to the next stage for 28 days; the company states a sales cycle of 14 days"
        )
        #expect(result.pipeline.map(\.id) == ["stage.lead"], "without stated stages the finding's template stays")
        let short = try configuration(["cycle_days": .number(1)])
        #expect(short.automations.first { $0.id == "automation.stalled_deal" }?.detail?.ru.contains("7 дней") == true, "at least a week")
        #expect(try configuration([:]).automations.isEmpty, "no stated cycle, no alert")
    }

    @Test func theGoalsChooseAndOrderTheKPIs() throws {
        let retainFirst = try configuration(["goals": .options(["retain_customers", "grow_sales"]), "cycle_days": .number(14)])
        #expect(retainFirst.kpis.map(\.id) == ["kpi.retention.rate_12m", "kpi.sales.growth_12m"])
        #expect(retainFirst.kpis.first?.reasons == ["BASE-001"], "a KPI a finding also asks for keeps the finding")
        #expect(retainFirst.kpis.first?.baseline == 0.675)
        let growOnly = try configuration(["goals": .options(["grow_sales"]), "cycle_days": .number(14)])
        #expect(growOnly.kpis.map(\.id) == ["kpi.sales.growth_12m", "kpi.retention.rate_12m"], "the goal's KPI first, then the finding's")
        #expect(growOnly.kpis.first?.detail?.en == "the company's goal: \"grow_sales\"")
        let unanswered = try configuration([:])
        #expect(unanswered.kpis.map(\.id) == ["kpi.retention.rate_12m"], "the default KPIs")
    }

    @Test func theBlockIsChecked() {
        let broken = block.replacingOccurrences(of: "retain_customers:", with: "retain_customer:")
            .replacingOccurrences(of: "metric: sales.growth_12m", with: "metric: sales.growth")
            .replacingOccurrences(of: "goal_question: goals", with: "goal_question: stages")
        let found = RulesetLoader(environment: configurationEnvironment()).lint(text: configurationRuleset(broken), file: "c.yaml").1.map {
            $0.formatted(in: .en)
        }
        #expect(found.contains { $0.contains("goal_question: 'stages' must be a multiple-choice (multi) question") })
        #expect(found.contains { $0.contains("unknown metric 'sales.growth'; did you mean 'sales.growth_12m'?") }, "\(found)")
        let wrongOption = block.replacingOccurrences(of: "retain_customers:", with: "retain_customer:")
        let options = RulesetLoader(environment: configurationEnvironment()).lint(text: configurationRuleset(wrongOption), file: "c.yaml").1
            .map {
                $0.formatted(in: .en)
            }
        #expect(
            options.contains {
                $0.contains("c.yaml:13:")
                    && $0.contains("question 'goals' has no option 'retain_customer'; did you mean 'retain_customers'?")
            })
    }

    @Test func theLastLayerThatDeclaresABlockWins() throws {
        let loader = RulesetLoader(environment: configurationEnvironment())
        let first = try loader.load(text: configurationRuleset(block), file: "a.yaml")
        let second = try loader.load(text: configurationRuleset("rules: []"), file: "b.yaml")
        #expect(RulesetStack([first, second]).configuration?.goalQuestion == "goals")
        #expect(RulesetStack([second]).configuration == nil)
    }
}
