import AuditModel
import Expressions
import Foundation

/// The metric values of a round's stored snapshot (written by the analytics engine as
/// `{"as_of": "…", "metrics": {"<id>": number|string|null, …}, "unavailable": {…}}`), as
/// expression values for prefill and validation.
package enum MetricSnapshot {
    /// The metrics of `document`; an unreadable document gives no metrics (so no prefill),
    /// never an error: the interview must work before any data is imported.
    /// Strings in `YYYY-MM-DD` form become dates.
    package static func values(from document: String?) -> [String: Value] {
        guard let document, let data = document.data(using: .utf8),
            let snapshot = try? JSONDecoder().decode(Document.self, from: data)
        else { return [:] }
        var result: [String: Value] = [:]
        for (id, value) in snapshot.metrics { result[id] = value.value }
        for id in snapshot.unavailable?.keys ?? [:].keys where result[id] == nil { result[id] = .null }
        return result
    }

    private struct Document: Decodable {
        var metrics: [String: JSONScalar]
        var unavailable: [String: JSONAny]?
    }

    private struct JSONAny: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    private struct JSONScalar: Decodable {
        var value: Value

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let text = try? container.decode(String.self) {
                value = Day(iso: text).map(Value.date) ?? .string(text)
            } else {
                value = .null  // objects and arrays are not scalar metrics
            }
        }
    }
}
