import ArgumentParser
import Audit
import AuditModel
import Workspace

/// Options shared by the commands that assess a round.
struct AssessmentOptions: ParsableArguments {
    @Option(help: "The round to assess (default: the latest).")
    var round: Int?

    @Option(name: .customLong("as-of"), help: "Assess the data as of YYYY-MM-DD (default: the latest sale date).")
    var asOf: String?

    @Option(help: "The questionnaire: a bundled id or a YAML file (default: crm-readiness).")
    var questionnaire: String?

    @Option(
        name: .customLong("rules"),
        help:
            "Your own ruleset layered over the bundled ones (repeatable); stored with the round, so later commands and rounds use it without repeating it."
    )
    var rules: [String] = []

    /// Opens the workspace and assesses the round.
    func assess(_ path: String) throws -> (Workspace, Assessment) {
        let workspace = try openWorkspace(path)
        let setup = try AuditSetup.load(
            for: workspace, round: try workspace.round(number: round), questionnaire: questionnaire, rules: rules)
        let assessment = try AuditPipeline.assess(workspace, round: round, setup: setup, asOf: try parseDay(asOf, option: "--as-of"))
        return (workspace, assessment)
    }
}
