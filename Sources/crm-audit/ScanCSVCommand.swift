import ArgumentParser
import AuditModel
import Foundation
import Importers

/// `crm-audit scan-csv FILE`: reads a delimited file record by record and counts, nothing else.
/// Used by the import benchmark to measure CSV parsing alone (hidden from the help).
struct ScanCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-csv",
        abstract: "Count the records and fields of a CSV file (parsing speed check). / Подсчитать записи CSV.",
        shouldDisplay: false)

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let scan = try CSVScan.run(path: file)
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(scan.bytes) / 1_000_000
        say(
            LocalizedText(
                both: String(
                    format: "records=%d fields=%d bytes=%d seconds=%.3f MB/s=%.1f",
                    scan.records, scan.fields, scan.bytes, seconds, megabytes / max(seconds, 1e-9))))
    }
}
