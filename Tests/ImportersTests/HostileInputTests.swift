import AuditModel
import Foundation
import GRDB
import TestSupport
import Testing
import Workspace
import ZIPFoundation

@testable import Importers

/// Damaged copies of the fixtures, and random bytes, in every format the importer reads: each
/// gives a report or one of the project's typed errors naming the file, never a crash.
///
/// The generators are seeded (the same inputs on every run). They stay clear of damage that is
/// tracked elsewhere: a run of ten or more digits (an XLSX row number near Int.max traps the row
/// reader; wider numbers are being bounded at import) is not fed.
@Suite struct HostileInputTests {
    static let copiesPerFixture = 60

    @Test func damagedCSVExportsGiveAReportOrAClearError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var seeds = try ["excel_1251.csv", "excel_unicode.txt"].map { try Array(Data(contentsOf: URL(fileURLWithPath: fixture($0)))) }
        for name in ["sales.csv", "customers.csv"] {
            seeds.append(try firstLines(12, of: repositoryPath("examples/technosnab/" + name)))
        }
        var mutator = ByteMutator(seed: 17_001)
        var failures: [String] = []
        for (index, copy) in damagedCopies(of: seeds, with: &mutator).enumerated() {
            let path = try writeBytes(copy, to: "damaged-\(index).csv", in: directory)
            failures += [.sales, .customers].compactMap { problem(dryRun: path, as: $0) }
        }
        #expect(failures == [])
    }

    @Test func damagedCSVExportsImportAllOrNothing() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let round = try workspace.round()
        let seed = try firstLines(8, of: repositoryPath("examples/technosnab/sales.csv"))
        var mutator = ByteMutator(seed: 17_002)
        var failures: [String] = []
        for index in 0..<8 {
            let path = try writeBytes(harmlessCopy(of: seed, with: &mutator), to: "damaged-\(index).csv", in: directory)
            var options = ImportOptions(kind: .sales)
            options.skipBadRows = index % 2 == 0
            options.replace = true
            let before = try stored(in: workspace)
            do {
                let report = try Importer.importFile(path, into: workspace, round: round, options: options)
                if report.rowsStored + report.rowsRejected != report.rowsRead { failures.append("#\(index): rows lost: \(report)") }
            } catch {
                if let problem = unclearError(error, file: path) { failures.append(problem) }
                if try stored(in: workspace) != before { failures.append("#\(index): a failed import stored something") }
            }
        }
        #expect(failures == [])
    }

    /// How many datasets and sale rows the workspace holds.
    func stored(in workspace: Workspace) throws -> [Int] {
        try workspace.read { db in
            try ["dataset", "sale"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1 }
        }
    }

    @Test func damagedXMLExportsGiveAReportOrAClearError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let names = ["1c_sales.xml", "customers_flat.xml", "broken.xml", "xxe.xml", "billion_laughs.xml", "param_entities.xml"]
        let seeds = try names.map { try Array(Data(contentsOf: URL(fileURLWithPath: fixture($0)))) }
        let mapping = try MappingFile.load(path: fixture("1c_sales.mapping.yaml"), kind: .sales)
        var mutator = ByteMutator(seed: 17_003)
        var failures: [String] = []
        for (index, copy) in damagedCopies(of: seeds, with: &mutator, count: 30).enumerated() {
            let path = try writeBytes(copy, to: "damaged-\(index).xml", in: directory)
            failures += [
                problem(dryRun: path, as: .sales), problem(dryRun: path, as: .customers),
                problem(dryRun: path, as: .sales, mapping: mapping),
            ].compactMap { $0 }
        }
        #expect(failures == [])
    }

    @Test func workbooksWithDamagedPartsGiveAReportOrAClearError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var mutator = ByteMutator(seed: 17_004)
        var failures: [String] = []
        for name in ["openpyxl_sales.xlsx", "xlsxwriter_sales.xlsx", "xlsxwriter_1904.xlsx"] {
            let parts = try workbookParts(fixture(name))
            let xmlParts = parts.keys.filter { $0.hasPrefix("xl/") && $0.hasSuffix(".xml") }.sorted()
            for index in 0..<Self.copiesPerFixture {
                guard let part = xmlParts.randomElement(using: &mutator.generator), let bytes = parts[part] else { continue }
                var damaged = parts
                damaged[part] = harmlessCopy(of: bytes, with: &mutator)
                let path = try writeBytes(try storedZIP(damaged), to: "\(name)-\(index).xlsx", in: directory)
                failures += [.sales, .customers].compactMap { problem(dryRun: path, as: $0) }
            }
        }
        #expect(failures == [])
    }

    @Test func damagedWorkbookFilesGiveAClearError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let names = ["openpyxl_sales.xlsx", "xlsxwriter_1904.xlsx", "truncated.xlsx", "zip_without_workbook.xlsx"]
        let seeds = try names.map { try Array(Data(contentsOf: URL(fileURLWithPath: fixture($0)))) }
        var mutator = ByteMutator(seed: 17_005)
        var failures: [String] = []
        for (index, copy) in damagedCopies(of: seeds, with: &mutator, count: 25).enumerated() {
            let path = try writeBytes(copy, to: "damaged-\(index).xlsx", in: directory)
            failures += [.sales].compactMap { problem(dryRun: path, as: $0) }
        }
        #expect(failures == [])
    }

    @Test(arguments: ["csv", "txt", "xml", "xlsx"])
    func randomBytesGiveAClearError(extension: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var mutator = ByteMutator(seed: 17_006)
        var failures: [String] = []
        for index in 0..<60 {
            var bytes = mutator.randomBytes(length: Int.random(in: 0...600, using: &mutator.generator))
            // Each format's first bytes, so that random content reaches each reader.
            switch (`extension`, index % 3) {
            case ("xml", 0): bytes = Array("<?xml version=\"1.0\"?><a>".utf8) + bytes
            case ("xlsx", 0): bytes = [0x50, 0x4B, 0x03, 0x04] + bytes
            default: break
            }
            let path = try writeBytes(bytes, to: "random-\(index).\(`extension`)", in: directory)
            failures += [.sales, .customers].compactMap { problem(dryRun: path, as: $0) }
        }
        #expect(failures == [])
    }

    @Test func damagedMappingFilesGiveAClearErrorOrAreApplied() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let seeds = [
            try Array(Data(contentsOf: URL(fileURLWithPath: fixture("1c_sales.mapping.yaml")))),
            Array(
                """
                header_row: 1
                encoding: utf-8
                delimiter: ";"
                date_order: dd.mm
                columns:
                  customer_id: Код клиента
                  amount: 5
                  cost: ~
                """.utf8),
        ]
        let csv = try directory.write("Дата;Код клиента;Клиент;Менеджер;Сумма\n01.11.2026;К-1;ООО «А»;Иванов;1 200,50\n", to: "sales.csv")
        let xml = try fixture("1c_sales.xml")
        var mutator = ByteMutator(seed: 17_007)
        var failures: [String] = []
        for (index, copy) in damagedCopies(of: seeds, with: &mutator).enumerated() {
            let path = try writeBytes(copy, to: "mapping-\(index).yaml", in: directory)
            for kind in [DatasetKind.sales, .customers] {
                let mapping: MappingFile
                do {
                    mapping = try MappingFile.load(path: path, kind: kind)
                } catch {
                    if let problem = unclearError(error, file: path) { failures.append(problem) }
                    continue
                }
                let data = mapping.xmlRecords == nil ? csv : xml
                if let problem = problem(dryRun: data, as: kind, mapping: mapping, mappingFile: path) { failures.append(problem) }
            }
        }
        #expect(failures == [])
    }

    // MARK: Helpers

    /// What is wrong with a dry run of `path`, or nil when it gave a report whose problems point
    /// at their lines, or a clear error naming the file (or the mapping file).
    func problem(dryRun path: String, as kind: DatasetKind, mapping: MappingFile? = nil, mappingFile: String? = nil) -> String? {
        var options = ImportOptions(kind: kind)
        options.mapping = mapping
        do {
            let report = try Importer.dryRun(path, options: options)
            if let bad = report.problems.first(where: { $0.location.file != path || $0.location.line == nil }) {
                return "a row problem without its file and line: \(bad.formatted(in: .en))"
            }
            return nil
        } catch {
            guard let problem = unclearError(error, file: path) else { return nil }
            if let mappingFile, unclearError(error, file: mappingFile) == nil { return nil }
            return "\(path) as \(kind): \(problem)"
        }
    }

    /// The first `count` lines of the file at `path`, as bytes (the examples are in UTF-8 and Windows-1251).
    func firstLines(_ count: Int, of path: String) throws -> [UInt8] {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        return Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(count).joined(separator: [0x0A]))
    }

    /// `count` damaged copies of each seed, clear of the damage tracked elsewhere.
    func damagedCopies(of seeds: [[UInt8]], with mutator: inout ByteMutator, count: Int = copiesPerFixture) -> [[UInt8]] {
        seeds.flatMap { seed in (0..<count).map { _ in harmlessCopy(of: seed, with: &mutator) } }
    }

    /// A damaged copy of `seed` without a run of ten or more digits (see the suite's note).
    func harmlessCopy(of seed: [UInt8], with mutator: inout ByteMutator) -> [UInt8] {
        while true {
            let copy = mutator.mutate(seed)
            if !hasLongDigitRun(copy) { return copy }
        }
    }

    func hasLongDigitRun(_ bytes: [UInt8], length: Int = 10) -> Bool {
        var run = 0
        for byte in bytes {
            run = (0x30...0x39).contains(byte) ? run + 1 : 0
            if run >= length { return true }
        }
        return false
    }

    /// The entries of the workbook at `path`.
    func workbookParts(_ path: String) throws -> [String: [UInt8]] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            parts[entry.path] = bytes
        }
        return parts
    }

    /// `parts` as a ZIP archive with stored (uncompressed) entries.
    func storedZIP(_ parts: [String: [UInt8]]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return Array(archive.data ?? Data())
    }
}
