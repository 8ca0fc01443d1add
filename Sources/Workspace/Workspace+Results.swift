import AuditModel
import GRDB

extension Workspace {
    /// The datasets imported into `round`, oldest first.
    package func datasets(round: AuditRound) throws -> [DatasetRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dataset WHERE round_id = ? ORDER BY id", arguments: [round.id]).compactMap { row in
                // Decoded with checks: a value edited by hand is a clear error, not a trap.
                func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
                    try row.stored(column, of: "dataset", in: path)
                }
                guard let kind = DatasetKind(rawValue: try value("kind") as String) else { return nil }
                return DatasetRecord(
                    id: try value("id"), roundID: try value("round_id"), kind: kind, fileName: try value("file_name"),
                    sha256: try value("sha256"), format: try value("format"), rowsRead: try value("rows_read"),
                    rowsStored: try value("rows_stored"), rowsRejected: try value("rows_rejected"),
                    importedAt: try value("imported_at"), mapping: try value("mapping"))
            }
        }
    }

    /// Stores the metric document computed for `round`, replacing an earlier one, with the
    /// reusable analysis (JSON) and the fingerprint of the inputs it was computed from.
    package func saveMetrics(document: String, asOf: Day, round: AuditRound, analysis: (fingerprint: String, json: String)? = nil) throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO metric_snapshot(round_id, as_of, computed_at, document, fingerprint, analysis)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [round.id, asOf.iso, Timestamp.now(), document, analysis?.fingerprint, analysis?.json])
        }
    }

    /// The reusable analysis stored for `round` when it was computed from the inputs of
    /// `fingerprint`, if any.
    package func storedAnalysis(round: AuditRound, fingerprint: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT analysis FROM metric_snapshot WHERE round_id = ? AND fingerprint = ?",
                arguments: [round.id, fingerprint])
        }
    }

    /// The metric document stored for `round`, if any.
    package func metricsDocument(round: AuditRound) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT document FROM metric_snapshot WHERE round_id = ?", arguments: [round.id])
        }
    }

    /// Replaces the findings and scores of `round` — and, when given, its consultant's ruleset
    /// layers and the method it was assessed with — in one transaction: either all of it is
    /// stored or, when a value cannot be (``UnstorableResult``), the round stays as it was.
    package func saveAssessment(
        findings: [StoredFinding], scores: [StoredScore], round: AuditRound,
        layers: [StoredRulesetLayer]? = nil, method: AssessmentMethod? = nil
    ) throws {
        try write { db in
            // Checked inside the transaction: a refusal rolls back whatever was written before it.
            for score in scores {
                for value in [score.score, score.confidence] where !(value?.isFinite ?? true) {
                    throw UnstorableResult(
                        workspace: path,
                        what: WorkspaceText.theScoreOfArea.text([
                            "area": .value(score.area), "value": .value(value.map { String($0) } ?? ""),
                        ]))
                }
            }
            for finding in findings where finding.document.isEmpty {
                throw UnstorableResult(
                    workspace: path,
                    what: WorkspaceText.theFindingOfRuleAnEmpty.text(["ruleID": .value(finding.ruleID)]))
            }
            try db.execute(sql: "DELETE FROM finding WHERE round_id = ?", arguments: [round.id])
            try db.execute(sql: "DELETE FROM score WHERE round_id = ?", arguments: [round.id])
            for finding in findings {
                try db.execute(
                    sql: "INSERT INTO finding(round_id, rule_id, status, severity, area, document) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [round.id, finding.ruleID, finding.status, finding.severity, finding.area, finding.document])
            }
            for score in scores {
                try db.execute(
                    sql: "INSERT INTO score(round_id, area, score, level, confidence) VALUES (?, ?, ?, ?, ?)",
                    arguments: [round.id, score.area, score.score, score.level, score.confidence])
            }
            if let layers { try Workspace.replaceRulesetLayers(layers, round: round, db) }
            if let method {
                try db.execute(
                    sql:
                        "UPDATE round SET questionnaire_id = COALESCE(?, questionnaire_id), questionnaire_version = COALESCE(?, questionnaire_version), rulesets = COALESCE(?, rulesets) WHERE id = ?",
                    arguments: [method.questionnaireID, method.questionnaireVersion, method.rulesets, round.id])
            }
        }
    }

    package func findings(round: AuditRound) throws -> [StoredFinding] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM finding WHERE round_id = ? ORDER BY rule_id", arguments: [round.id]).map { row in
                StoredFinding(
                    ruleID: try row.stored("rule_id", of: "finding", in: path), status: try row.stored("status", of: "finding", in: path),
                    severity: try row.stored("severity", of: "finding", in: path), area: try row.stored("area", of: "finding", in: path),
                    document: try row.stored("document", of: "finding", in: path))
            }
        }
    }

    package func scores(round: AuditRound) throws -> [StoredScore] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM score WHERE round_id = ? ORDER BY area", arguments: [round.id]).map { row in
                StoredScore(
                    area: try row.stored("area", of: "score", in: path), score: try row.stored("score", of: "score", in: path),
                    level: try row.stored("level", of: "score", in: path), confidence: try row.stored("confidence", of: "score", in: path))
            }
        }
    }
}
