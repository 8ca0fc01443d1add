import ArgumentParser
import Audit
import AuditModel
import Report
import Workspace

/// `crm-audit compare WORKSPACE [A B]`: what changed between two assessed rounds.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two rounds: score deltas, findings resolved/new/persisting, metrics, answers, method. / Сравнить раунды.",
        discussion: """
            Compares the stored assessments (run `crm-audit check` on each round first). Without round numbers, the \
            last two assessed rounds are compared. When the questionnaire or rulesets changed, the method changes are \
            listed and the areas they touch are marked, so that a delta caused by a new rule is not read as progress.
            Сравнивает сохранённые оценки раундов; без номеров — два последних оценённых раунда.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, html }

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "Two round numbers (default: the last two assessed rounds).")
    var rounds: [Int] = []

    @Option(help: "table, json or html.")
    var format: OutputFormat = .table

    @Option(help: "Write to this file (mode 0600) instead of standard output.")
    var out: String?

    @Option(help: "ru or en (default: the CLI language).")
    var lang: Language?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard rounds.isEmpty || rounds.count == 2 else {
            throw ValidationError(CLIText.compareRoundCount.render(in: CLILanguage.current))
        }
    }

    func run() throws {
        let language = lang ?? CLILanguage.current
        if let out { try output.guarding(workspace).check(out, expecting: format == .json ? nil : .mark) }
        let store = try openWorkspace(workspace)
        let comparison: RoundComparison
        if rounds.count == 2 {
            comparison = try RoundComparer.compare(store, rounds: rounds[0], rounds[1])
        } else {
            let (from, to) = try RoundComparer.defaultRounds(store)
            comparison = try RoundComparer.compare(store, from: from, to: to)
        }
        let text: String
        switch format {
        case .table:
            text =
                ComparisonRenderer.table(comparison, language: language)
                // A file of it carries crm-audit's mark, so that the next comparison may replace it.
                + (out == nil ? "" : "\n\n(\(OutputSignature.comment))")
        case .json: text = try ComparisonRenderer.json(comparison)
        case .html:
            let history = try AuditHistory.summaries(store, upTo: comparison.to.number)
            text = ComparisonRenderer.html(comparison, history: history, client: try store.engagement().client, language: language)
        }
        if let out {
            try PrivateFile.write(text.hasSuffix("\n") ? text : text + "\n", to: out, guard: output.guarding(workspace))
            say(CLIText.comparisonWritten.text(["out": .value(out)]))
        } else {
            format == .table ? Terminal.print(text) : Terminal.printDocument(text)
        }
    }
}
