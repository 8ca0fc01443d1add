import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Importers

@Suite struct SampleDataTests {
    @Test func theSameSeedGivesTheSameFilesAndTheLineCountAsked() throws {
        let first = TemporaryDirectory(), second = TemporaryDirectory(), other = TemporaryDirectory()
        defer {
            first.remove()
            second.remove()
            other.remove()
        }
        let options = SampleDataOptions(customers: 300, orderLines: 2_000, seed: 7)
        let a = try SampleData.generate(into: first.path, options: options)
        let b = try SampleData.generate(into: second.path, options: options)
        var changed = options
        changed.seed = 8
        let c = try SampleData.generate(into: other.path, options: changed)
        for (x, y) in zip(a, b) { #expect(try fileSHA256(x) == fileSHA256(y)) }
        #expect(try fileSHA256(a[1]) != fileSHA256(c[1]))
        let sales = try readAll(a[1])
        #expect(sales.count == 2_001)
    }

    @Test func generatedFilesImportCleanly() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let files = try SampleData.generate(
            into: directory.file("data"), options: SampleDataOptions(customers: 200, orderLines: 1_500, seed: 3))
        let round = try workspace.round()
        let customers = try Importer.importFile(files[0], into: workspace, round: round, options: ImportOptions(kind: .customers))
        let sales = try Importer.importFile(files[1], into: workspace, round: round, options: ImportOptions(kind: .sales))
        let managers = try Importer.importFile(files[2], into: workspace, round: round, options: ImportOptions(kind: .managers))
        #expect(customers.rowsRejected == 0 && sales.rowsRejected == 0 && managers.rowsRejected == 0)
        #expect(sales.rowsStored == 1_500)
        // Rows are stored in file order, each with its line (many rows per INSERT, none lost).
        let lines = try rows(workspace, "SELECT source_line FROM sale ORDER BY row_id").compactMap { $0["source_line"].flatMap(Int.init) }
        #expect(lines == Array(2...1_501))
        #expect(customers.mapping.missing.isEmpty)
    }
}

/// The bundled example company: its committed files are what the generator makes, they import
/// with the default options, and they carry the story the rules are meant to find.
@Suite struct TechnosnabExampleTests {
    let customersFile = repositoryPath("examples/technosnab/customers.csv")
    let salesFile = repositoryPath("examples/technosnab/sales.csv")

    @Test func theCommittedFilesAreReproducedByTheGenerator() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let files = try SampleData.generate(into: directory.path, options: .technosnab)
        #expect(try fileSHA256(files[0]) == fileSHA256(customersFile))
        #expect(try fileSHA256(files[1]) == fileSHA256(salesFile))
        #expect(try fileSHA256(files[2]) == fileSHA256(repositoryPath("examples/technosnab/managers.csv")))
    }

    @Test func theExampleImportsWithDefaultsAndTellsItsStory() throws {
        let (workspace, directory) = try makeTestWorkspace(client: "ООО «ТехноСнаб»")
        defer { directory.remove() }
        let round = try workspace.round()
        let customers = try Importer.importFile(customersFile, into: workspace, round: round, options: ImportOptions(kind: .customers))
        let sales = try Importer.importFile(salesFile, into: workspace, round: round, options: ImportOptions(kind: .sales))
        #expect(customers.rowsRejected == 0 && sales.rowsRejected == 0)
        // A 3 MB file read in 1 MiB chunks fingerprints as `sha256sum` does.
        #expect(sales.sha256 == "5c0663f9f695ead08245bfae39576066ba1c063f1238dca05e9700b48424d329")
        #expect(customers.notes.first?.en.contains("windows-1251") == true)
        #expect(customers.mapping.headerLine == 4)
        #expect((1_150...1_300).contains(customers.rowsStored))
        #expect((14_000...16_000).contains(sales.rowsStored))

        func number(_ sql: String) throws -> Double {
            try #require(try rows(workspace, sql).first?["v"].flatMap(Double.init))
        }
        // Revenue concentration: the top 20% of customers bring 75–82%.
        let top20 = try number(
            """
            WITH r AS (SELECT customer_id, SUM(amount) a FROM sale GROUP BY customer_id),
                 ranked AS (SELECT a, ROW_NUMBER() OVER (ORDER BY a DESC) n, COUNT(*) OVER () c FROM r)
            SELECT SUM(CASE WHEN n <= c * 0.2 THEN a END) / SUM(a) AS v FROM ranked
            """)
        #expect((0.75...0.82).contains(top20), "\(top20)")
        // One star manager holds about 35%.
        let star = try number("SELECT MAX(s) AS v FROM (SELECT SUM(amount) / (SELECT SUM(amount) FROM sale) s FROM sale GROUP BY manager)")
        #expect((0.31...0.39).contains(star), "\(star)")
        // Two managers idle for 90+ days before 2026-11-20.
        let idle = try number("SELECT COUNT(*) AS v FROM (SELECT manager FROM sale GROUP BY manager HAVING MAX(date) < '2026-08-22')")
        #expect(idle == 2)
        // About 30% of once-active customers lost.
        let lost = try number("SELECT AVG(last < '2025-11-20') AS v FROM (SELECT MAX(date) last FROM sale GROUP BY customer_id)")
        #expect((0.25...0.35).contains(lost), "\(lost)")
        // Gaps in the customer data.
        #expect((0.35...0.45).contains(try number("SELECT AVG(email IS NULL) AS v FROM customer")))
        #expect((0.85...0.95).contains(try number("SELECT AVG(birth_date IS NULL) AS v FROM customer")))
        #expect(try number("SELECT AVG(segment IS NULL) AS v FROM customer") > 0.75)
        #expect(try number("SELECT AVG(industry IS NULL) AS v FROM customer") > 0.75)
        #expect((0.75...0.85).contains(try number("SELECT AVG(channel IS NULL) AS v FROM sale")))
        // About 6% of revenue from customers missing from the list.
        let unknown = try #require(sales.unknownCustomers)
        #expect((0.05...0.07).contains(unknown.amount / unknown.totalAmount))
        // Duplicates: the same ИНН twice.
        #expect(
            try number(
                "SELECT COUNT(*) AS v FROM (SELECT tax_id FROM customer WHERE tax_id IS NOT NULL GROUP BY tax_id HAVING COUNT(*) > 1)") >= 5
        )
    }
}
