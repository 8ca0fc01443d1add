import AuditModel

/// The client engagement a workspace belongs to.
package struct Engagement: Sendable, Hashable, Codable {
    package var client: String
    package var industry: String?
    package var consultant: String?
    package var createdAt: String

    package init(client: String, industry: String?, consultant: String?, createdAt: String) {
        self.client = client
        self.industry = industry
        self.consultant = consultant
        self.createdAt = createdAt
    }
}

/// A file imported into a round.
package struct DatasetRecord: Sendable, Hashable, Codable {
    package var id: Int64
    package var roundID: Int64
    package var kind: DatasetKind
    package var fileName: String
    package var sha256: String
    package var format: String
    package var rowsRead: Int
    package var rowsStored: Int
    package var rowsRejected: Int
    package var importedAt: String
    /// The column mapping used, as JSON (source column → canonical field).
    package var mapping: String?
}

/// A stored score of one area (or `overall`) in a round.
package struct StoredScore: Sendable, Hashable, Codable {
    package var area: String
    package var score: Double?
    package var level: Int?
    package var confidence: Double?

    package init(area: String, score: Double?, level: Int?, confidence: Double?) {
        self.area = area
        self.score = score
        self.level = level
        self.confidence = confidence
    }
}

/// A stored finding: its key columns and the full record as JSON.
package struct StoredFinding: Sendable, Hashable, Codable {
    package var ruleID: String
    package var status: String
    package var severity: String
    package var area: String
    package var document: String

    package init(ruleID: String, status: String, severity: String, area: String, document: String) {
        self.ruleID = ruleID
        self.status = status
        self.severity = severity
        self.area = area
        self.document = document
    }
}
