import AuditModel
import Rules
import Testing

/// The consultant's words for the report, in their layer's `report:` block.
@Suite struct ConsultantNotesTests {
    let block = """
        rules: []
        report:
          summary: {ru: "Итог", en: "Summary"}
          scope: {ru: "Объём", en: "Scope"}
          interviewees:
            - {name: "И. Смирнов", role: {ru: "директор", en: "director"}}
          findings:
            BASE-003: {comment: {ru: "Комментарий", en: "Comment"}}
            MKT-002: {hide: true, reason: {ru: "Не для опта", en: "Not for wholesale"}}
        """

    @Test func theReportBlockIsRead() throws {
        let ruleset = try RulesetLoader(environment: beliefEnvironment()).load(text: beliefRuleset(block), file: "c.yaml")
        let notes = try #require(ruleset.notes)
        #expect(notes.summary?.en == "Summary")
        #expect(notes.interviewees.first?.name == "И. Смирнов")
        #expect(notes.findings["BASE-003"]?.comment?.ru == "Комментарий")
        #expect(notes.findings["MKT-002"]?.hidden == true)
    }

    @Test func aLaterLayerReplacesWhatItSaysAndKeepsTheRest() throws {
        let loader = RulesetLoader(environment: beliefEnvironment())
        let first = try loader.load(text: beliefRuleset(block), file: "a.yaml")
        let second = try loader.load(
            text: beliefRuleset(
                """
                rules: []
                report:
                  summary: {ru: "Новый итог", en: "New summary"}
                  findings:
                    BASE-003: {hide: true, reason: {ru: "Снято", en: "Withdrawn"}}
                """), file: "b.yaml")
        let notes = RulesetStack([first, second]).notes
        #expect(notes.summary?.en == "New summary")
        #expect(notes.scope?.en == "Scope")
        #expect(notes.findings["BASE-003"]?.hidden == true)
        #expect(notes.findings["MKT-002"]?.hidden == true)
    }

    @Test func hidingAFindingNeedsAReason() {
        let problems = RulesetLoader(environment: beliefEnvironment()).lint(
            text: beliefRuleset(
                """
                rules: []
                report:
                  findings:
                    MKT-002: {hide: true}
                """), file: "c.yaml"
        ).1.map { $0.formatted(in: .en) }
        #expect(problems.contains { $0.contains("'reason'") }, "\(problems)")
    }

    @Test func aNoteOnARuleNoBundledSetHasIsAWarning() {
        var environment = beliefEnvironment()
        environment.knownRuleIDs = ["BASE-003"]
        let problems = RulesetLoader(environment: environment).lint(
            text: beliefRuleset(
                """
                rules: []
                report:
                  findings:
                    BASE-0003: {comment: {ru: "к", en: "c"}}
                """), file: "c.yaml"
        ).1.map { $0.formatted(in: .en) }
        #expect(problems.contains { $0.contains("no bundled ruleset has a rule 'BASE-0003'") }, "\(problems)")
    }
}
