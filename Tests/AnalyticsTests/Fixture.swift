import AuditModel
import TestSupport
import Workspace

@testable import Analytics

/// The hand-computed fixture: 7 listed customers, 11 sale lines (one after as_of, one orphan,
/// one return, one zero, one without an order id), managers, campaigns, deals, activities.
/// Every expected value in the tests is worked out by hand in the comments next to it.
enum Fixture {
    static let asOf = Day(iso: "2025-06-30")!

    static let customers: [[String: String?]] = [
        [
            "customer_id": "C1", "name": "Альфа", "type": "company", "tax_id": "7700000001", "email": "a@alpha.ru",
            "phone": "+7 (912) 000-00-01", "birth_date": "1980-01-15", "gender": "male", "city": "Москва", "region": "Москва",
            "industry": "retail", "segment": "B2B", "source": "web", "manager": "Anna", "email_consent": "1",
        ],
        [
            "customer_id": "C2", "name": "Бета", "email": "beta@", "phone": "+7 (912) 345-67-89", "city": "Москва",
            "industry": "retail", "manager": "Boris", "email_consent": "0",
        ],
        ["customer_id": "C3", "name": "Гамма", "email": "gamma@gamma.ru", "phone": "8-912-345-67-89", "city": "Казань"],
        ["customer_id": "C4", "name": "Дельта", "phone": "12345", "city": "Казань"],
        [
            "customer_id": "C5", "name": "Эпсилон", "type": "person", "email": "eps@eps.com", "phone": "9123456780", "manager": "Vera",
            "birth_date": "2030-01-01",
        ],
        ["customer_id": "C6", "name": "ООО «Ромашка»", "tax_id": "7701234567", "manager": "Anna"],
        ["customer_id": "C7", "name": "Ромашка  ООО", "tax_id": "7701234568", "manager": "Anna"],
    ]

    static func sale(
        _ order: String?, _ customer: String, _ date: String, _ amount: String, cost: String? = nil,
        product: String? = nil, manager: String? = nil, channel: String? = nil, campaign: String? = nil
    )
        -> [String: String?]
    {
        [
            "order_id": order, "customer_id": customer, "date": date, "amount": amount, "cost": cost, "product": product,
            "manager": manager, "channel": channel, "campaign": campaign,
        ]
    }

    static let sales: [[String: String?]] = [
        sale("O1", "C1", "2025-06-10", "1000", cost: "600", product: "P1", manager: "Anna", channel: "web", campaign: "spring"),
        sale("O1", "C1", "2025-06-10", "500", cost: "300", product: "P2", manager: "Anna", channel: "web", campaign: "spring"),
        sale("O2", "C1", "2025-03-01", "800", product: "P1", manager: "Anna", channel: "web"),
        sale("O3", "C2", "2025-05-20", "700", cost: "400", product: "P2", manager: "Boris", channel: "shop"),
        sale("O4", "C2", "2024-01-15", "300", cost: "200", product: "P3", manager: "Gleb", channel: "shop"),
        sale("O5", "C3", "2023-12-01", "400", product: "P1", manager: "Boris"),
        sale("O6", "C3", "2024-08-01", "-100", product: "P1", manager: "Boris"),
        sale(nil, "C4", "2023-05-05", "200", product: "P3"),
        sale("O7", "X9", "2025-06-30", "100", product: "P2", manager: "Anna", channel: "web"),
        sale("O8", "C5", "2025-07-15", "999", product: "P1", manager: "Anna"),
        sale("O9", "C5", "2024-06-30", "0", product: "P3", manager: "Boris", channel: "shop"),
    ]

    static let managers: [[String: String?]] = [
        ["manager": "Anna"], ["manager": "Boris"], ["manager": "Vera"], ["manager": "Gleb", "left_at": "2024-06-01"],
    ]

    static let campaigns: [[String: String?]] = [
        ["campaign": "spring", "channel": "web", "cost": "500"], ["campaign": "autumn", "channel": "email", "cost": "200"],
    ]

    static let deals: [[String: String?]] = [
        ["deal_id": "D1", "created_at": "2025-01-01", "closed_at": "2025-01-31", "status": "won", "amount": "1000", "stage": "Won"],
        ["deal_id": "D2", "created_at": "2025-02-01", "closed_at": "2025-03-03", "status": "won", "amount": "400", "stage": "Won"],
        ["deal_id": "D3", "created_at": "2025-02-01", "closed_at": "2025-02-10", "status": "lost", "stage": "Lost"],
        ["deal_id": "D4", "created_at": "2025-01-15", "status": "open", "amount": "500", "stage": "Proposal"],
        ["deal_id": "D5", "created_at": "2025-06-01", "status": "open", "amount": "300", "stage": "Proposal"],
    ]

    static let activities: [[String: String?]] = [
        ["customer_id": "C1", "date": "2025-06-01"], ["customer_id": "C2", "date": "2024-01-01"],
        ["customer_id": "C9", "date": "2025-05-01"],
    ]

    /// A workspace holding the whole fixture; remove the directory when done.
    static func workspace(only kinds: Set<DatasetKind> = Set(DatasetKind.allCases)) throws -> (Workspace, TemporaryDirectory) {
        let (workspace, directory) = try makeTestWorkspace()
        let all: [(DatasetKind, [[String: String?]])] = [
            (.customers, customers), (.sales, sales), (.managers, managers), (.campaigns, campaigns), (.deals, deals),
            (.activities, activities),
        ]
        for (kind, rows) in all where kinds.contains(kind) {
            try insertCanonicalRows(rows, kind: kind, into: workspace)
        }
        return (workspace, directory)
    }

    static func analysis(only kinds: Set<DatasetKind> = Set(DatasetKind.allCases), asOf: Day? = Fixture.asOf) throws -> Analysis {
        let (workspace, directory) = try workspace(only: kinds)
        defer { directory.remove() }
        return try Analytics.analyse(workspace, round: try workspace.round(), asOf: asOf)
    }
}

/// Whether two numbers agree to 1e-9 (relative for large values).
func close(_ value: MetricValue, _ expected: Double) -> Bool {
    guard let number = value.number else { return false }
    return abs(number - expected) <= 1e-9 * max(1, abs(expected))
}
