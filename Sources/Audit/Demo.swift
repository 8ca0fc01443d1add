import Analytics
import AuditModel
import Foundation
import Importers
import Questionnaire
import Report
import Workspace

/// The bundled example audit: ООО «ТехноСнаб» from `examples/technosnab`, run through every
/// stage into a folder.
package enum Demo {
    /// What the demo wrote.
    package struct Result: Sendable {
        package var workspace: String
        package var reports: [String]
        package var configuration: String
        package var assessment: Assessment
    }

    package static let company = "ООО «ТехноСнаб»"
    /// The audit's date: the data runs to 2026-11-20.
    package static let roundDate = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)

    /// Builds a fresh workspace in `directory` from the example's exports and answers, assesses
    /// it, and writes the report in both languages (HTML), its JSON and the configuration.
    ///
    /// The folder may hold an earlier demo: its workspace (a crm-audit workspace of the example
    /// company) and files are replaced. Any other file in the way — another workspace, a file
    /// crm-audit did not write — is refused before anything is written, unless `force`.
    /// - Parameter log: receives one line per stage, in the caller's language.
    package static func run(into directory: String, language: Language, force: Bool = false, log: (String) -> Void) throws -> Result {
        guard let examples = ContentLocator.folder("examples") else { throw ContentLocator.NotFound(folder: "examples") }
        let source = examples + "/technosnab"
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let path = directory + "/technosnab.crmaudit"
        let outputGuard = OutputGuard(workspace: path, force: force)
        let reportFiles = [language] + Language.allCases.filter { $0 != language }
        // Refused before anything is replaced: the HTML reports by their mark; the JSON files, whose
        // keys are known once written, are judged then.
        for language in reportFiles {
            try outputGuard.check(directory + "/report-\(language.rawValue).html", expecting: .mark)
            try outputGuard.check(directory + "/lists-\(language.rawValue).xlsx")
        }
        for output in [directory + "/report.json", directory + "/crm-configuration.json"] { try outputGuard.check(output) }
        try checkEarlierDemoWorkspace(path, force: force)
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        let workspace = try Workspace.create(
            at: path, client: company, industry: "wholesale",
            consultant: "А. В. Демидов", roundDate: roundDate)
        let round = try workspace.round()
        log(AuditText.workspace.text(["path": .value(path)])[language])
        for (file, kind) in [("customers.csv", DatasetKind.customers), ("sales.csv", .sales), ("managers.csv", .managers)] {
            let input = source + "/" + file
            guard FileManager.default.fileExists(atPath: input) else { continue }
            let report = try Importer.importFile(input, into: workspace, round: round, options: ImportOptions(kind: kind))
            let rows = Formatter(language).count(Double(report.rowsStored), .rows)
            log(
                AuditText.imported.text(["file": .value(file), "rows": .value(rows), "title": .localized(kind.title)])[
                    language])
        }
        let setup = try AuditSetup.load(for: workspace, round: round, rules: [source + "/consultant.yaml"])
        // The head of sales first, then the owner: the owner's answers count (the latest given),
        // and where the two differ the report shows both.
        let salesHead = source + "/answers-sales-head.yaml"
        if FileManager.default.fileExists(atPath: salesHead) {
            try AnswersFile.importFile(salesHead, into: workspace, round: round, questionnaire: setup.questionnaire)
        }
        let answers = try AnswersFile.importFile(
            source + "/answers.yaml", into: workspace, round: round, questionnaire: setup.questionnaire)
        log(AuditText.questionnaireAnswers.text(["stored": .value(answers.stored)])[language])
        let assessment = try AuditPipeline.assess(workspace, setup: setup)
        let input = try assessment.reportInput(workspace: workspace)
        // The lists to act on, in full (the stored analysis keeps a sample's first records only).
        let lists = ActionLists(
            findings: input.findings,
            analysis: try Analytics.analyse(workspace, round: round, asOf: assessment.analysis.asOfDay))
        var reports: [String] = []
        for reportLanguage in reportFiles {
            let listsFile = "lists-\(reportLanguage.rawValue).xlsx"
            try PrivateFile.write(try lists.workbook(language: reportLanguage), to: directory + "/" + listsFile, guard: outputGuard)
            let file = directory + "/report-\(reportLanguage.rawValue).html"
            var options = ReportOptions(language: reportLanguage)
            options.actionLists = (listsFile, Set(lists.lists.map(\.ruleID)))
            try PrivateFile.write(ReportRenderer.html(input, options: options), to: file, guard: outputGuard)
            reports.append(file)
        }
        let json = directory + "/report.json"
        try PrivateFile.write(try ReportRenderer.json(input, options: ReportOptions(language: language)), to: json, guard: outputGuard)
        let configuration = directory + "/crm-configuration.json"
        try PrivateFile.write(try ConfigurationExport.json(assessment.configuration), to: configuration, guard: outputGuard)
        return Result(workspace: path, reports: reports + [json], configuration: configuration, assessment: assessment)
    }

    /// Refuses to delete a file at the demo workspace's path that is not an earlier demo's
    /// workspace (a crm-audit workspace of the example company), unless `force`.
    private static func checkEarlierDemoWorkspace(_ path: String, force: Bool) throws {
        guard !force, FileManager.default.fileExists(atPath: path) else { return }
        let isEarlierDemo = (try? Workspace.open(at: path).engagement().client) == company
        if !isEarlierDemo { throw OutputRefusal.notOurs(path: path, database: true) }
    }
}
