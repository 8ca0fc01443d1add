import AuditModel
import Rules

/// Replaces customer names, emails and phones with stable pseudonyms (the same input always
/// gives the same pseudonym, so a reader can still follow one customer through the report).
enum Redaction {
    /// Sample fields that hold personal data.
    static let personalFields: Set<String> = ["name", "email", "phone", "customer_name", "contact", "birth_date"]

    static func apply(to input: ReportInput, enabled: Bool) -> ReportInput {
        guard enabled else { return input }
        var redacted = input
        redacted.findings = input.findings.map { finding in
            var finding = finding
            if var samples = finding.samples {
                let personal = samples.fields.enumerated().filter { personalFields.contains($0.element) }.map(\.offset)
                samples.rows = samples.rows.map { row in
                    var row = row
                    for index in personal where index < row.count && !row[index].isEmpty {
                        row[index] = pseudonym(row[index], field: samples.fields[index])
                    }
                    return row
                }
                finding.samples = samples
            }
            return finding
        }
        return redacted
    }

    static func pseudonym(_ value: String, field: String) -> String {
        let digest = String(SHA256.hex(Array(value.lowercased().utf8)).prefix(6)).uppercased()
        switch field {
        case "email": return "client-\(digest.lowercased())@example.invalid"
        case "phone": return "+7 ••• ••• \(digest.prefix(2))-\(digest.dropFirst(2).prefix(2))"
        case "birth_date": return "••.••.••••"
        default: return "Client-\(digest)"
        }
    }
}
