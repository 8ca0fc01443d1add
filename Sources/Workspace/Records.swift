import AuditModel

/// The client engagement a workspace belongs to.
public struct Engagement: Sendable, Hashable, Codable {
    public var client: String
    public var industry: String?
    public var consultant: String?
    public var createdAt: String

    public init(client: String, industry: String?, consultant: String?, createdAt: String) {
        self.client = client
        self.industry = industry
        self.consultant = consultant
        self.createdAt = createdAt
    }
}

/// A file imported into a round.
public struct DatasetRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var roundID: Int64
    public var kind: DatasetKind
    public var fileName: String
    public var sha256: String
    public var format: String
    public var rowsRead: Int
    public var rowsStored: Int
    public var rowsRejected: Int
    public var importedAt: String
    /// The column mapping used, as JSON (source column → canonical field).
    public var mapping: String?
}

/// A stored score of one area (or `overall`) in a round.
public struct StoredScore: Sendable, Hashable, Codable {
    public var area: String
    public var score: Double?
    public var level: Int?
    public var confidence: Double?

    public init(area: String, score: Double?, level: Int?, confidence: Double?) {
        self.area = area
        self.score = score
        self.level = level
        self.confidence = confidence
    }
}

/// A stored finding: its key columns and the full record as JSON.
public struct StoredFinding: Sendable, Hashable, Codable {
    public var ruleID: String
    public var status: String
    public var severity: String
    public var area: String
    public var document: String

    public init(ruleID: String, status: String, severity: String, area: String, document: String) {
        self.ruleID = ruleID
        self.status = status
        self.severity = severity
        self.area = area
        self.document = document
    }
}
