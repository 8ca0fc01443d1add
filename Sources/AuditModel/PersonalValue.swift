/// A personal identifier found in a round's data, with the column it came from.
public struct PersonalValue: Sendable, Hashable {
    /// The canonical column: `customer_id`, `name`, `tax_id`, `email`, `phone` or `birth_date`.
    public var field: String
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}
