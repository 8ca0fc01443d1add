import AuditModel
import Expressions
import Rules
import Testing

@Suite struct ScorerTests {
    let areas = [
        ScoredArea(id: "goals", title: LocalizedText(both: "Goals"), weight: 3),
        ScoredArea(id: "customer_base", title: LocalizedText(both: "Base"), weight: 1),
    ]

    func findings(goals: AnswerValue, emailShare: Double) throws -> [Finding] {
        let ruleset = try load(goalsRule + "\n" + emailRule)
        let context = FixedContext(
            answers: ["success_criteria": goals, "uses_email": .bool(true)],
            metrics: ["dq.email_missing_share": .number(emailShare), "customers.count": .number(100)],
            roundDate: Day(ordinal: 20_000))
        return RuleEvaluator(policy: .standard).evaluate(ruleset.rules, in: context)
    }

    @Test func areaScoreBlendsAnswersAndRulesAndOverallIsWeighted() throws {
        let card = Scorer.score(
            findings: try findings(goals: .option("full"), emailShare: 0.12), areas: areas,
            maturity: [
                "goals": AnswerMaturity(score: 60, assessed: 4, relevant: 5, dontKnow: 1),
                "customer_base": AnswerMaturity(score: 80, assessed: 2, relevant: 2, dontKnow: 0),
            ],
            policy: .standard)
        let goals = try #require(card.areas.first { $0.area == "goals" })
        // GOALS-001 reads only an answer the questionnaire already scores: it counts once, in the
        // answers half, so the area is its answers' 60.
        #expect(goals.rulesScore == nil)
        #expect(goals.score == 60)
        let base = try #require(card.areas.first { $0.area == "customer_base" })
        // rules: warn loses 2.5 of 5 → 50; answers 80 → 65
        #expect(base.score == 65)
        #expect(card.overall == 61.25)  // (60 · 3 + 65 · 1) / 4
        #expect(card.level == 3)
        // goals: 1 rule + 5 questions; assessed 1 + 4 − 1 don't know
        #expect(goals.confidence == 4.0 / 6.0)
    }

    @Test func aBlockingFindingCapsTheLevel() throws {
        let card = Scorer.score(
            findings: try findings(goals: .option("none"), emailShare: 0.0), areas: areas,
            maturity: [
                "goals": AnswerMaturity(score: 100, assessed: 5, relevant: 5, dontKnow: 0),
                "customer_base": AnswerMaturity(score: 100, assessed: 2, relevant: 2, dontKnow: 0),
            ],
            policy: .standard)
        #expect(card.blockedBy == ["GOALS-001"])
        // goals: answers 100 (the answer-only rule scores nothing); base 100; overall 100 → level 5,
        // capped at 2 by the blocking finding.
        #expect(card.overall == 100)
        #expect(card.uncappedLevel == 5)
        #expect(card.level == 2)
    }

    @Test func nothingAssessedGivesNoScoreRatherThanZero() {
        let card = Scorer.score(findings: [], areas: areas, maturity: [:], policy: .standard)
        #expect(card.overall == nil)
        #expect(card.areas.allSatisfy { $0.score == nil && $0.confidence == 0 })
    }

    @Test func anAreaAssessedOnLessThanHalfItsInputsSaysSoInsteadOfAScore() {
        // Goals: 1 of 5 relevant questions answered ("don't know" on the rest): 20 % < 50 %.
        let card = Scorer.score(
            findings: [], areas: areas,
            maturity: [
                "goals": AnswerMaturity(score: 80, assessed: 5, relevant: 5, dontKnow: 4),
                "customer_base": AnswerMaturity(score: 60, assessed: 2, relevant: 2, dontKnow: 0),
            ],
            policy: .standard)
        let goals = card.areas.first { $0.area == "goals" }
        #expect(goals?.score == nil && goals?.insufficientEvidence == true)
        #expect(card.overall == 60, "the overall score leaves the unscored area out")
        #expect(card.areas.first { $0.area == "customer_base" }?.insufficientEvidence == false)
    }
}
