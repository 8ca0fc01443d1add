import ArgumentParser
import AuditModel
import Importers

struct SampleDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-data",
        abstract: "Generate realistic customer and sales exports of any size (deterministic per seed). / Сгенерировать пример данных.")

    @Option(help: "The folder to write customers.csv, sales.csv and managers.csv into.")
    var out: String

    @Option(help: "Number of customers.")
    var customers: Int = 1_000

    @Option(help: "Number of sales lines (order lines).")
    var orders: Int = 10_000

    @Option(help: "Random seed: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(
        help:
            "generic (plain UTF-8 exports), healthy (the same of a well-run company, where the checks stay quiet) or technosnab (the bundled example company's messy exports)."
    )
    var profile: String = "generic"

    @Option(
        name: .customLong("problem"),
        help:
            "A problem to build into the company, for showing a check at work (repeatable): \(SampleDataOptions.Problem.allCases.map(\.rawValue).joined(separator: ", ")). / Проблема, встроенная в данные."
    )
    var problems: [String] = []

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let profile = SampleDataOptions.Profile(rawValue: profile) else {
            throw ValidationError(CLIText.sampleProfileExpected.render(in: CLILanguage.current))
        }
        guard customers >= 1, orders >= 1 else {
            throw ValidationError(CLIText.sampleCountsPositive.render(in: CLILanguage.current))
        }
        var options = SampleDataOptions(customers: customers, orderLines: orders, seed: seed, profile: profile)
        for name in problems {
            guard let problem = SampleDataOptions.Problem(rawValue: name) else {
                let known = SampleDataOptions.Problem.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    CLIText.sampleNoSuchProblem.render(["name": .text(name), "known": .text(known)], in: CLILanguage.current))
            }
            options.problems.insert(problem)
        }
        let files = try SampleData.generate(into: out, options: options, guard: output.guarding(nil))
        say(.sampleWrote, ["files": .text(files.joined(separator: ", "))])
    }
}
