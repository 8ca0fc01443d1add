import Foundation
import TestSupport
import Testing

/// `crm-audit report --redact`: the pseudonymised copy a consultant may send outside the client.
/// No customer name, code, tax id, phone or e-mail of the exports may appear in any format,
/// whether the exports key customers by a code or, as many do, by their names.
@Suite(.serialized) struct RedactionCLITests {
    enum Keys: String, CaseIterable, Sendable { case codes, names }

    /// Sample exports (customers with tax ids, phones and e-mails), keyed by customer code or,
    /// rewritten, by customer name as an export without codes is.
    static func exports(keyedBy keys: Keys) throws -> (directory: TemporaryDirectory, personal: Set<String>) {
        let directory = TemporaryDirectory("crm-audit-redaction-\(keys.rawValue)")
        let run = try CLI.run(["sample-data", "--out", directory.path, "--customers", "150", "--orders", "2500", "--seed", "7"])
        #expect(run.status == 0, "\(run.stderr)")
        let customers = try String(contentsOfFile: directory.file("customers.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(customers.first)
        let columns = ["Код клиента", "Наименование", "ИНН", "Телефон", "Email"].compactMap { header.firstIndex(of: $0) }
        #expect(columns.count == 5)
        var personal: Set<String> = []
        var nameByCode: [String: String] = [:]
        for row in customers.dropFirst() where row.count == header.count {
            for index in columns where !row[index].isEmpty { personal.insert(Self.unquoted(row[index])) }
            nameByCode[row[columns[0]]] = row[columns[1]]
        }
        if keys == .names {
            // The customer list without its code column, the sales naming the customer.
            let list = customers.map { row in row.enumerated().filter { $0.offset != columns[0] }.map(\.element).joined(separator: ";") }
            try list.joined(separator: "\n").write(toFile: directory.file("customers.csv"), atomically: true, encoding: .utf8)
            let sales = try String(contentsOfFile: directory.file("sales.csv"), encoding: .utf8).split(separator: "\n")
            let salesHeader = sales.first.map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) } ?? []
            let code = try #require(salesHeader.firstIndex(of: "Код клиента"))
            let rewritten = sales.enumerated().map { offset, line -> String in
                var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                if offset == 0 {
                    fields[code] = "Клиент"
                } else if code < fields.count {
                    fields[code] = nameByCode[fields[code]] ?? fields[code]
                }
                return fields.joined(separator: ";")
            }
            try rewritten.joined(separator: "\n").write(toFile: directory.file("sales.csv"), atomically: true, encoding: .utf8)
        }
        return (directory, personal)
    }

    static func unquoted(_ field: String) -> String {
        guard field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    /// The forms a value takes in HTML, Markdown and JSON.
    static func forms(of value: String) -> [String] {
        [value, HTMLEscape.text(value), value.replacingOccurrences(of: "\"", with: "\\\"")]
    }

    @Test(.enabled(if: CLI.isBuilt), arguments: Keys.allCases)
    func noPersonalIdentifierSurvivesInAnyFormat(keys: Keys) throws {
        let (directory, personal) = try Self.exports(keyedBy: keys)
        let workspace = directory.file("w.crmaudit")
        #expect(try CLI.run(["init", workspace, "--client", "ООО «Тест»", "--industry", "wholesale"]).status == 0)
        // The example's answers make the lost-customer check list its customers.
        #expect(try CLI.run(["answers", workspace, "import", CLI.packageRoot + "/examples/technosnab/answers.yaml"]).status == 0)
        for (file, kind) in [("customers.csv", "customers"), ("sales.csv", "sales")] {
            let run = try CLI.run(["import", workspace, directory.file(file), "--as", kind])
            #expect(run.status == 0, "\(run.stderr)")
        }
        // The plain copy shows customers (else the test proves nothing)…
        let plain = directory.file("plain.json")
        #expect(try CLI.run(["report", workspace, "--out", plain]).status == 0)
        let plainText = try String(contentsOfFile: plain, encoding: .utf8)
        #expect(personal.filter { value in Self.forms(of: value).contains { plainText.contains($0) } }.count >= 20)
        // …and no redacted copy, in any format or language, shows any of them.
        for (format, language) in [("html", "ru"), ("md", "ru"), ("json", "en"), ("html", "en")] {
            let out = directory.file("redacted-\(language).\(format)")
            let run = try CLI.run(["report", workspace, "--out", out, "--redact", "--lang", language])
            #expect(run.status == 0, "\(run.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            let survivors = personal.filter { value in Self.forms(of: value).contains { text.contains($0) } }
            #expect(survivors.isEmpty, "\(format)/\(language) shows: \(survivors.sorted().prefix(5))")
            if format != "json" { #expect(text.contains("Pseudonymised copy") || text.contains("Псевдонимизированная копия")) }
        }
    }
}
