import Analytics
import AuditModel
import Foundation
import Rules

/// Makes the pseudonymised copy of a report: every personal identifier of the round's data
/// (customer names whatever the key, customer codes, tax ids, e-mails, phones, birth dates) is
/// replaced by a stable pseudonym wherever it appears — sample records, tables, chart labels,
/// evidence sentences, answers and notes — in every format, because every format renders the
/// same ``ReportInput``. Within one copy the same value always gives the same pseudonym, so a
/// reader can still follow one customer through the report; pseudonyms are keyed digests
/// (HMAC-SHA-256 under a random key made for the copy and never written), so they cannot be
/// reversed by hashing candidate codes or names, and two copies cannot be joined.
///
/// Three passes, each catching what the one before cannot:
/// 1. sample columns that hold personal data, by column name;
/// 2. the round's own identifiers (``PersonalValue``), found in any text of the report as whole
///    words, case-insensitively;
/// 3. patterns that identify a person whatever the data says: e-mail addresses, international
///    phone numbers, and 10- or 12-digit numbers (a company's or a sole trader's ИНН).
enum Redaction {
    /// Sample fields that hold personal data.
    static let personalFields: Set<String> = [
        "customer_id", "name", "email", "phone", "customer_name", "contact", "birth_date", "tax_id", "address",
    ]

    /// The sentence the cover of a redacted copy carries.
    static let notice = ReportText.pseudonymisedCopyCustomerNamesAndCodes.text()

    static func apply(to input: ReportInput, options: ReportOptions) -> ReportInput {
        guard options.redact else { return input }
        var redacted = input
        let pseudonyms = Pseudonyms(key: options.pseudonymKey)
        redacted.findings = input.findings.map { redactSamples($0, pseudonyms) }
        let matcher = PersonalValueMatcher(options.personalValues, pseudonyms: pseudonyms)
        // Every text of the input, whatever section shows it: the input is walked as JSON, so a
        // field added to the report later is covered without touching this file. A customer
        // named like one of the report's own words ("High", "round") would turn a key or an
        // enum value into something the input cannot decode; the second pass then leaves keys
        // and lowercase identifiers alone, and the last resort drops what it cannot clean.
        for strict in [true, false] {
            if let swept = try? sweep(redacted, with: matcher, strict: strict) { return swept }
        }
        redacted.findings = redacted.findings.map { finding in
            var finding = finding
            finding.samples = nil
            finding.evidence = finding.evidence.map { $0.map(matcher.redact) }
            return finding
        }
        redacted.causes = redacted.causes.map { group in
            var group = group
            group.symptoms = group.symptoms.map { symptom in
                var symptom = symptom
                symptom.samples = nil
                symptom.evidence = symptom.evidence.map { $0.map(matcher.redact) }
                return symptom
            }
            return group
        }
        redacted.metrics.tables = MetricTables()
        redacted.metrics.breakdowns = nil
        return redacted
    }

    static func redactSamples(_ finding: Finding, _ pseudonyms: Pseudonyms) -> Finding {
        var finding = finding
        guard var samples = finding.samples else { return finding }
        let personal = samples.fields.enumerated().filter { personalFields.contains($0.element) }.map(\.offset)
        samples.rows = samples.rows.map { row in
            var row = row
            for index in personal where index < row.count && !row[index].isEmpty {
                row[index] = pseudonyms.pseudonym(row[index], field: samples.fields[index])
            }
            return row
        }
        finding.samples = samples
        return finding
    }

    /// Encodes the input, replaces personal data in every string (and, when `strict`, every key:
    /// tables are keyed by customer), and decodes it back.
    static func sweep(_ input: ReportInput, with matcher: PersonalValueMatcher, strict: Bool) throws -> ReportInput {
        let data = try JSONEncoder().encode(input)
        let tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let cleaned = try JSONSerialization.data(withJSONObject: walk(tree, matcher, strict: strict), options: [.fragmentsAllowed])
        return try JSONDecoder().decode(ReportInput.self, from: cleaned)
    }

    private static func walk(_ node: Any, _ matcher: PersonalValueMatcher, strict: Bool) -> Any {
        switch node {
        case let text as String:
            return strict || !isIdentifier(text) ? matcher.redact(text) : text
        case let array as [Any]:
            return array.map { walk($0, matcher, strict: strict) }
        case let object as [String: Any]:
            var result: [String: Any] = [:]
            for (key, value) in object { result[strict ? matcher.redact(key) : key] = walk(value, matcher, strict: strict) }
            return result
        default:
            return node
        }
    }

    /// `high`, `not_evaluable`, `sales.revenue_last_12m`: the report's own codes.
    private static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2E || $0 == 0x2D }
    }

}

/// Keyed pseudonyms: the same value and key give the same pseudonym; without the key a
/// pseudonym says nothing about its value.
struct Pseudonyms: Sendable {
    let key: [UInt8]

    /// The pseudonym of `value` shown in a column (or found as) `field`.
    func pseudonym(_ value: String, field: String) -> String {
        let digest = String(SHA256.hmacHex(key: key, message: Array(value.lowercased().utf8)).prefix(8)).uppercased()
        switch field {
        case "email": return "client-\(digest.lowercased())@example.invalid"
        case "phone": return "+7 ••• ••• \(digest.prefix(2))-\(digest.dropFirst(2).prefix(2))"
        case "birth_date": return "••.••.••••"
        case "tax_id": return "ИНН-\(digest.prefix(6))"
        default: return "Client-\(digest)"
        }
    }
}
