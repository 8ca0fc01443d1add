import Analytics
import AuditModel
import Foundation
import Report
import Rules
import Workspace

/// A report input with known numbers, and a customer whose name is an attack.
enum ReportFixture {
    static let metricsJSON = """
        {"as_of": "2026-11-20",
         "metrics": {"sales.revenue.all_history": 12345678.9, "sales.orders.all_history": 1500, "sales.customers.all_history": 420,
                     "sales.revenue_last_12m": 4000000, "sales.revenue_prev_12m": 3278688.52, "sales.growth_12m": 0.22,
                     "sales.orders_last_12m": 486, "sales.orders_prev_12m": 450, "sales.orders_growth_12m": 0.08,
                     "sales.avg_order_value_last_12m": 8230.452674897119, "sales.avg_order_value_prev_12m": 7285.97,
                     "sales.avg_order_value_growth_12m": 0.1296, "sales.gross_margin_last_12m": 0.231,
                     "sales.gross_margin_change_12m": -0.012, "customers.active_12m": 300, "customers.active_prev_12m": 280,
                     "customers.active_growth_12m": 0.0714, "customers.retained_12m": 200, "customers.lost_12m": 80,
                     "customers.new_12m": 70, "customers.reactivated_12m": 30, "retention.rate_12m": 0.7142857142857143,
                     "customers.median_purchase_interval_days": 21.8,
                     "pareto.top20_share": 0.78, "pareto.customers_for_80": 65,
                     "pareto.customers_for_80_share": 0.2167, "pareto.top_customer_share": 0.11, "quality.emails_invalid": 12,
                     "quality.orphan_sales_rows": 40, "quality.orphan_revenue": 350000, "quality.orphan_sales_share": 0.05,
                     "quality.duplicate_groups": 3},
         "unavailable": {"deals.win_rate": "no_rows"},
         "series": {"months": ["2026-09", "2026-10", "2026-11"], "revenue": [1000000, 1250000.5, -20000], "orders": [100, 120, 3],
                    "customers": [80, 90, 3], "new_customers": [5, 7, 0], "partial": [true, false, true]},
         "tables": {"abc": {"customers": [{"class": "A", "count": 65, "count_share": 0.2167, "revenue": 9800000, "revenue_share": 0.79}]},
                    "rfm_segments": [{"segment": "At risk", "customers": 40, "customer_share": 0.13, "revenue": 2000000, "revenue_share": 0.16, "revenue_last_12m": 600000},
                                     {"segment": "Champions", "customers": 30, "customer_share": 0.1, "revenue": 5000000, "revenue_share": 0.4, "revenue_last_12m": 2500000}],
                    "managers": [{"manager": "<b>Иванов</b>", "revenue": 5000000, "orders": 600, "customers": 90, "margin": 0.22, "share": 0.41, "last_sale_date": "2026-11-19", "idle": false},
                                 {"manager": "Петров", "revenue": 100000, "orders": 20, "customers": 8, "margin": null, "share": 0.01, "last_sale_date": "2026-05-02", "idle": true}],
                    "cohorts": [{"cohort": "2026-09", "size": 10, "active": [10, 4, 2]}, {"cohort": "2026-10", "size": 5, "active": [5, 1]}],
                    "portrait": [{"field": "city", "values": [{"value": "Казань", "customers": 30, "customer_share": 0.1, "revenue": 3000000, "revenue_share": 0.25, "over_index": 2.5}]}],
                    "typical_a_customer": [{"field": "city", "value": "Казань", "share": 0.4}, {"field": "age_band", "value": "25-34", "share": 0.02}],
                    "channels": [], "campaigns": [], "deal_stages": [],
                    "data_quality": [{"field": "email", "filled": 180, "fill_rate": 0.6, "valid": 168}, {"field": "birth_date", "filled": 30, "fill_rate": 0.1}],
                    "duplicate_groups": [{"group": 1, "customer_ids": ["C1", "C7"], "keys": ["tax_id"]}]},
         "periods": {"last_12m": {"from": "2025-11-21", "to": "2026-11-20"}, "prev_12m": {"from": "2024-11-21", "to": "2025-11-20"},
                     "previous_covered": true}}
        """

    static func metrics() throws -> MetricDocument {
        try JSONDecoder().decode(MetricDocument.self, from: Data(metricsJSON.utf8))
    }

    static let attack = "<script>alert(1)</script>"

    static func finding(_ id: String, severity: Severity, status: FindingStatus, money: Double? = nil, blocking: Bool = false) -> Finding {
        Finding(
            ruleID: id, ruleset: "crm-core@1.0.0", area: "customer_base", title: LocalizedText(ru: "Проблема \(id)", en: "Finding \(id)"),
            severity: severity, blocking: blocking, status: status, observed: 0.4, observedText: nil,
            expected: LocalizedText(ru: "проблема > 0.3", en: "fail > 0.3"), count: 120, denominator: 300,
            samples: SampleRecords(
                set: "customers.no_email", fields: ["customer_id", "name", "phone"],
                rows: [["C1", attack, "+79123456789"]], total: 120),
            pointsPossible: 5, pointsLost: status == .finding ? 5 : 0, impact: .high, effort: .low, money: money.map(estimate),
            evidence: LocalizedText(ru: "Нет email у 40 % клиентов (120 из 300).", en: "40% of customers have no email (120 of 300)."),
            recommendation: LocalizedText(ru: "Сделайте email обязательным.", en: "Make email required."),
            missing: [], waiver: nil, previousStatus: nil)
    }

    /// A test assumption: 20–30 % of the exposed revenue.
    static let assumption = Assumption(
        id: "test_winback", title: LocalizedText(ru: "Доля возврата", en: "Win-back share"), low: 0.2, high: 0.3,
        source: LocalizedText(ru: "Ориентир для теста", en: "A range for the test"), ruleset: "crm-core@1.0.0")

    /// A recovery estimate over the last 12 months on `exposed` revenue of 100 customers.
    static func estimate(_ exposed: Double) -> MoneyEstimate {
        MoneyEstimate(kind: .recovery, period: .last12m, exposed: exposed, customers: 100, assumption: assumption)
    }

    static func input() throws -> ReportInput {
        let findings = [
            finding("DQ-001", severity: .high, status: .finding, money: 600_000),
            finding("GOALS-001", severity: .critical, status: .finding, blocking: true),
            finding("MGR-001", severity: .medium, status: .warn, money: 5_000_000),
            finding("SEG-001", severity: .low, status: .ok),
        ]
        let areas = [ScoredArea(id: "customer_base", title: LocalizedText(ru: "Клиентская база", en: "Customer base"), weight: 1)]
        let card = Scorer.score(
            findings: findings, areas: areas,
            maturity: ["customer_base": AnswerMaturity(score: 40, assessed: 3, relevant: 4, dontKnow: 1)], policy: .standard)
        return ReportInput(
            engagement: Engagement(
                client: "ООО «Ромашка» \(attack)", industry: "опт", consultant: "И. Петров", createdAt: "2026-11-01T10:00:00Z"),
            round: AuditRound(
                id: 1, number: 1, date: Day(year: 2026, month: 11, day: 29)!, status: .open, questionnaireID: "crm-readiness",
                questionnaireVersion: "1.0.0", rulesets: "crm-core@1.0.0"),
            metrics: try metrics(), paretoCurve: (0...100).map { min(1, Double($0) / 100 * 3.9) }, findings: findings, scores: card,
            configuration: RecommendedConfiguration(),
            answers: [
                AnswerRow(
                    section: LocalizedText(ru: "Цели", en: "Goals"), questionID: "goals",
                    question: LocalizedText(ru: "Есть цели?", en: "Goals?"),
                    answer: LocalizedText(ru: "Нет", en: "No"), note: attack, source: .interview, confirmed: true)
            ],
            datasets: [],
            method: MethodInfo(questionnaire: "crm-readiness@1.0.0", rulesets: ["crm-core@1.0.0"], policy: .standard, rulesEvaluated: 4),
            generatedAt: "2026-11-29T12:00:00Z")
    }
}
