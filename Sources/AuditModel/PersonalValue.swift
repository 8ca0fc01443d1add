/// A personal identifier found in a round's data, with the column it came from.
package struct PersonalValue: Sendable, Hashable {
    /// The canonical column: `customer_id`, `name`, `tax_id`, `email`, `phone` or `birth_date`.
    package var field: String
    package var value: String

    package init(field: String, value: String) {
        self.field = field
        self.value = value
    }
}
