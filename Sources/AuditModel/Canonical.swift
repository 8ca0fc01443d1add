/// The kinds of client data the audit imports, each mapped onto one canonical table.
public enum DatasetKind: String, CaseIterable, Sendable, Codable, Hashable {
    case customers, sales, managers, deals, activities, campaigns

    /// The canonical fields of this kind, in their documented order.
    package var fields: [FieldSpec] { CanonicalModel.fields(of: self) }

    /// The workspace table holding this kind's rows.
    package var tableName: String {
        switch self {
        case .customers: "customer"
        case .sales: "sale"
        case .managers: "manager"
        case .deals: "deal"
        case .activities: "activity"
        case .campaigns: "campaign"
        }
    }

    package var title: LocalizedText {
        switch self {
        case .customers: ModelText.customers.text()
        case .sales: ModelText.sales.text()
        case .managers: ModelText.managers.text()
        case .deals: ModelText.deals.text()
        case .activities: ModelText.activities.text()
        case .campaigns: ModelText.campaigns.text()
        }
    }
}

/// How a canonical field's values are read and stored.
package enum FieldType: Sendable, Hashable {
    /// Free text, stored trimmed.
    case text
    /// A decimal number (money, quantity), stored as REAL.
    case number
    /// A calendar day, stored as ISO `YYYY-MM-DD`.
    case date
    /// Yes or no, stored as 0 or 1.
    case boolean
    /// One of a closed set of codes, stored as the code.
    case code([String])
}

/// One canonical field: its name, type and whether a row needs it.
package struct FieldSpec: Sendable, Hashable {
    package var name: String
    package var type: FieldType
    package var required: Bool

    package init(_ name: String, _ type: FieldType = .text, required: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
    }
}

/// The canonical model every import maps onto.
package enum CanonicalModel {
    package static func fields(of kind: DatasetKind) -> [FieldSpec] {
        switch kind {
        case .customers:
            [
                FieldSpec("customer_id", required: true), FieldSpec("name"),
                FieldSpec("type", .code(["company", "person"])), FieldSpec("tax_id"), FieldSpec("email"),
                FieldSpec("phone"), FieldSpec("birth_date", .date), FieldSpec("gender", .code(["male", "female"])),
                FieldSpec("city"), FieldSpec("region"), FieldSpec("industry"), FieldSpec("segment"),
                FieldSpec("source"), FieldSpec("manager"), FieldSpec("created_at", .date),
                FieldSpec("email_consent", .boolean),
            ]
        case .sales:
            [
                FieldSpec("order_id"), FieldSpec("customer_id", required: true),
                FieldSpec("date", .date, required: true), FieldSpec("amount", .number, required: true),
                FieldSpec("cost", .number), FieldSpec("quantity", .number), FieldSpec("product"),
                FieldSpec("category"), FieldSpec("manager"), FieldSpec("channel"), FieldSpec("campaign"),
            ]
        case .managers:
            [
                FieldSpec("manager", required: true), FieldSpec("department"),
                FieldSpec("hired_at", .date), FieldSpec("left_at", .date),
            ]
        case .deals:
            [
                FieldSpec("deal_id", required: true), FieldSpec("customer_id"),
                // A deal in its first stage (prospecting) has no engage/created date yet in many CRMs.
                FieldSpec("created_at", .date), FieldSpec("closed_at", .date),
                FieldSpec("stage"), FieldSpec("status", .code(["open", "won", "lost"])),
                FieldSpec("amount", .number), FieldSpec("manager"), FieldSpec("source"),
            ]
        case .activities:
            [
                FieldSpec("activity_id"), FieldSpec("customer_id"), FieldSpec("date", .date, required: true),
                FieldSpec("type"), FieldSpec("manager"),
            ]
        case .campaigns:
            [
                FieldSpec("campaign", required: true), FieldSpec("channel"), FieldSpec("cost", .number),
                FieldSpec("start_date", .date), FieldSpec("end_date", .date),
            ]
        }
    }
}
