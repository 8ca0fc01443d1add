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

    @Option(help: "generic (plain UTF-8 exports) or technosnab (the bundled example company's messy exports).")
    var profile: String = "generic"

    @OptionGroup var output: OutputOptions

    func run() throws {
        guard let profile = SampleDataOptions.Profile(rawValue: profile) else {
            throw ValidationError(CLILanguage.current == .ru ? "--profile: ожидается generic или technosnab" : "--profile: expected generic or technosnab")
        }
        guard customers >= 1, orders >= 1 else {
            throw ValidationError(CLILanguage.current == .ru ? "--customers и --orders должны быть больше нуля" : "--customers and --orders must be positive")
        }
        let options = SampleDataOptions(customers: customers, orderLines: orders, seed: seed, profile: profile)
        let files = try SampleData.generate(into: out, options: options, guard: output.guarding(nil))
        say(LocalizedText(ru: "Записаны файлы: \(files.joined(separator: ", "))", en: "Wrote: \(files.joined(separator: ", "))"))
    }
}
