import Foundation
import TestSupport
import Testing

/// The bundled questionnaire warns, at the answer's line, where the answers contradict each
/// other or the data, and still stores them (a warning is for the consultant to check).
@Suite struct BundledAnswerWarningsTests {
    @Test(.enabled(if: CLI.isBuilt))
    func contradictoryAnswersAreStoredWithAWarningAtTheirLine() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let workspace = directory.file("w.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "X"]).status == 0)
        let answers = """
            schema: crm-audit/answers/1
            questionnaire: crm-readiness
            version: 1.1.0
            answers:
              company_managers_count: 9
              org_crm_users: 3
              org_sales_turnover_12m: 30
            """
        let file = try directory.write(answers, to: "a.yaml")
        let run = try CLI.run(["answers", workspace, "import", file])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Imported 3 answers"))
        #expect(run.stderr.contains("a.yaml:6:3: warning:") && run.stderr.contains("Fewer CRM users than sales managers"))
        #expect(run.stderr.contains("a.yaml:7:3: warning:") && run.stderr.contains("More than twice today's number of managers left"))
    }
}
