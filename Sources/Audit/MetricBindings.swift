import Analytics
import AuditModel
import Expressions

extension MetricDocument {
    /// The metrics as expressions see them: numbers, ISO dates as dates, other texts as
    /// strings, and the per-item metrics (``MetricCatalogue/breakdowns``) as tables.
    package var expressionValues: [String: Value] {
        var values: [String: Value] = [:]
        for (id, value) in metrics {
            switch value {
            case .number(let number): values[id] = .number(number)
            case .text(let text): values[id] = Day(iso: text).map(Value.date) ?? .string(text)
            case .null: values[id] = .null
            }
        }
        for definition in MetricCatalogue.breakdowns {
            values[definition.id] = breakdowns?[definition.id].map(Value.table) ?? .null
        }
        return values
    }
}
