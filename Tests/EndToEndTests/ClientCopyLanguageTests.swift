import AuditModel
import Foundation
import TestSupport
import Testing

/// The client's copy speaks the client's language only: no field, metric or question ids, no
/// commands, no English words in the Russian copy and no Russian in the English one — except
/// what the client's own data and the people interviewed wrote (names, products, their words).
@Suite(.serialized) struct ClientCopyLanguageTests {
    /// The words of the example's exports (any script) and the Cyrillic words of its answers and
    /// of the consultant's file: the client's and the consultant's own words, shown as written.
    static func dataWords() throws -> Set<String> {
        let folder = CLI.packageRoot + "/examples/technosnab"
        var words = Set<String>()
        for file in ["customers.csv", "sales.csv", "managers.csv"] {
            // The customer list is in Windows-1251, as Russian Excel saves it.
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file)")))
            words.formUnion(Self.words(TextEncoding.decodeWholeFile(bytes).text))
        }
        for file in ["answers.yaml", "answers-sales-head.yaml", "consultant.yaml"] {
            words.formUnion(Self.words(try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)).filter { !Self.isLatin($0) })
        }
        // The engagement's consultant, as `crm-audit demo` records it.
        words.formUnion(Self.words("А. В. Демидов"))
        // Product names from the platform catalogue, written as their vendors write them.
        let catalogue = try String(contentsOfFile: CLI.packageRoot + "/platforms/crm-platforms.yaml", encoding: .utf8)
        for line in catalogue.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("name:") {
            words.formUnion(Self.words(String(line)).filter { $0 != "name" })
        }
        return words
    }

    /// The words of `text`, lower case.
    static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
    }

    static func isLatin(_ word: String) -> Bool { word.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }
    static func isCyrillic(_ word: String) -> Bool { word.unicodeScalars.contains { ("\u{0400}"..."\u{04FF}").contains($0) } }

    /// The visible text of an HTML report: no styles, scripts or chart markup, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in ["<style[\\s\\S]*?</style>", "<script[\\s\\S]*?</script>", "<svg[\\s\\S]*?</svg>", "<[^>]+>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", "\u{00A0}"), ("&amp;", "&")]
        {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    /// Latin words a Russian business text uses as they are.
    static let latinInRussian: Set<String> = [
        "crm", "abc", "rfm", "email", "e", "mail", "excel", "roi", "utm", "kpi", "sla", "ip",
        "a", "b", "c", "r", "f", "m", "sha", "api", "pdf", "xyz", "nps", "vip", "b2b", "b2c", "ltv", "utc",
        // Brand names written as their owners write them.
        "whatsapp", "telegram", "viber", "ozon", "wildberries",
    ]

    @Test(.enabled(if: CLI.isBuilt))
    func theClientCopyHasNoIdsAndNoWordsOfTheOtherLanguage() throws {
        let directory = TemporaryDirectory("crm-audit-language")
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let data = try Self.dataWords()
        for language in ["ru", "en"] {
            let html = try String(contentsOfFile: directory.file("report-\(language).html"), encoding: .utf8)
            var text = Self.visibleText(html)
            // Traceability the client may check stays: file checksums and the method's versioned ids.
            text = text.replacingOccurrences(of: #"SHA-256: [0-9a-f]{64}"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"\b[a-z][a-z0-9-]*@[0-9][0-9.]*"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: #"\b[\w-]+\.(csv|xlsx|xml)\b"#, with: " ", options: .regularExpression)
            // Field and question ids (`tax_id`, `ret_churn_estimate`), metric ids (`sales.revenue_last_12m`), commands.
            let ids = Self.matches(#"\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+\.[a-z_0-9]+(?:\.[a-z_0-9]+)*\b"#, in: text).filter { $0 != "e.g" }
            #expect(ids.isEmpty, "\(language): ids in the client copy: \(Set(ids).sorted())")
            #expect(!text.contains("crm-audit "), "\(language): a command in the client copy")
            // Finding references (`BASE-003`) name the finding in both languages.
            let findingReferences = Set(Self.matches(#"\b[A-Z]+-[0-9]{3}\b"#, in: text).flatMap(Self.words))
            let foreign = Self.words(text).filter { word in
                guard !data.contains(word), !findingReferences.contains(word) else { return false }
                if language == "ru" {
                    // Finding references (`BASE-003`) and abbreviations are upper case.
                    // A format shown by example (`+7xxxxxxxxxx`) is no word.
                    return Self.isLatin(word) && !Self.latinInRussian.contains(word) && !word.allSatisfy { $0.isNumber || $0 == "x" }
                }
                return Self.isCyrillic(word)
            }
            #expect(foreign.isEmpty, "\(language): words of the other language: \(Set(foreign).sorted())")
        }
    }
}
