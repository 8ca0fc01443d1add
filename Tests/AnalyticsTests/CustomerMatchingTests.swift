import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Analytics
@testable import Importers

/// Sale lines find their customer when the two files write the name differently.
@Suite struct CustomerMatchingTests {
    @Test func namesWrittenDifferentlyAreOneCustomer() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let customers = try directory.write(
            #"""
            Наименование;ИНН;Менеджер
            "ООО ""Ромашка""";7701234567;Иванов
            ИП Сидоров А.В.;;Петров
            Ёлка ЗАО;;Петров
            Альфа ООО;;Иванов
            "ООО ""Альфа""";;Петров
            """#, to: "customers.csv")
        let sales = try directory.write(
            #"""
            Дата;Клиент;Сумма
            01.11.2026;ООО «Ромашка»;100
            02.11.2026;ип сидоров а. в.;200
            03.11.2026;Акционерное общество «Елка»;300
            04.11.2026;7701234567;400
            05.11.2026;ООО «Альфа»;500
            06.11.2026;Бета;600
            07.11.2026;"ООО ""Ромашка""";700
            """#, to: "sales.csv")
        for (kind, path) in [(DatasetKind.customers, customers), (.sales, sales)] {
            _ = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: kind))
        }
        let analysis = try Analytics.analyse(workspace, round: try workspace.round())
        let matching = try #require(analysis.customerMatching)
        #expect(matching.byCode == 1 && matching.byTaxID == 1 && matching.byName == 3 && matching.unmatched == 2)
        #expect(matching.ambiguous == ["ООО «Альфа»"])
        #expect(analysis.document["quality.orphan_sales_rows"] == .number(2))
        #expect(analysis.document["quality.customers_without_sales"] == .number(2))
    }

    @Test func activitiesFindTheirCustomerAsSaleLinesDo() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let customers = try directory.write(
            "Код;Наименование;ИНН\nC1;ООО «Ромашка»;7701234567\nC2;ИП Сидоров А.В.;\nC3;Бета;\n", to: "customers.csv")
        let sales = try directory.write(
            "Дата;Код клиента;Сумма\n01.11.2026;C1;100\n02.11.2026;C2;200\n03.11.2026;C3;300\n", to: "sales.csv")
        // The CRM writes the customer by name, in its own way, or by tax id.
        let activities = try directory.write(
            #"""
            Дата;Клиент;Тип
            10.11.2026;"ООО ""Ромашка""";звонок
            11.11.2026;сидоров а. в.;встреча
            12.11.2026;Гамма;звонок
            """#, to: "activities.csv")
        for (kind, path) in [(DatasetKind.customers, customers), (.sales, sales), (.activities, activities)] {
            _ = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: kind))
        }
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-29"))
        #expect(analysis.document["activities.active_customers_touched_share"] == .number(2.0 / 3))
    }

    /// The example company's customer list with every name in the other quote style
    /// (`ООО «Х»` ↔ `"ООО ""Х"""`) gives the same metrics.
    @Test func theExampleGivesTheSameMetricsWithTheNamesQuotedTheOtherWay() throws {
        let example = repositoryPath("examples/technosnab")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(example)/customers.csv")))
        var transcoder = Transcoder(.windows1251)
        var utf8: [UInt8] = []
        bytes.withUnsafeBufferPointer { transcoder.transcode($0, into: &utf8) }
        let original = String(decoding: utf8, as: UTF8.self)
        let rewritten = original.components(separatedBy: "\r\n").map { line in
            line.components(separatedBy: ";").map(Self.otherQuoteStyle).joined(separator: ";")
        }.joined(separator: "\r\n")
        #expect(rewritten != original && rewritten.contains("\"ООО \"\"") && rewritten.contains("АО «"))

        var documents: [String] = []
        for customers in [original, rewritten] {
            let (workspace, directory) = try makeTestWorkspace()
            defer { directory.remove() }
            let list = try directory.write(customers, to: "customers.csv")
            for (kind, path) in [(DatasetKind.customers, list), (.sales, "\(example)/sales.csv"), (.managers, "\(example)/managers.csv")] {
                _ = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: kind))
            }
            let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-29"))
            documents.append(try analysis.document.jsonString())
        }
        #expect(documents[0] == documents[1])
    }

    /// `ООО «Х»` → `"ООО ""Х"""` and back.
    static func otherQuoteStyle(_ field: String) -> String {
        if field.contains("«") {
            return "\"" + field.replacingOccurrences(of: "«", with: "\"\"").replacingOccurrences(of: "»", with: "\"\"") + "\""
        }
        guard field.count > 2, field.hasPrefix("\""), field.hasSuffix("\"") else { return field }
        var inner = String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        var opening = true
        while let quote = inner.firstIndex(of: "\"") {
            inner.replaceSubrange(quote...quote, with: opening ? "«" : "»")
            opening.toggle()
        }
        return inner
    }
}
