import AuditModel
import GRDB

/// The workspace schema, as named migrations. A released migration is never edited: a change
/// is a new migration appended here.
enum Schema {
    /// `PRAGMA application_id` of a workspace: "CRMA".
    static let applicationID: Int32 = 0x4352_4D41

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(
                sql: """
                    CREATE TABLE engagement (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        client TEXT NOT NULL,
                        industry TEXT,
                        consultant TEXT,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE round (
                        id INTEGER PRIMARY KEY,
                        number INTEGER NOT NULL UNIQUE,
                        date TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
                        questionnaire_id TEXT,
                        questionnaire_version TEXT,
                        rulesets TEXT,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE answer (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        question_id TEXT NOT NULL,
                        value TEXT NOT NULL,
                        note TEXT,
                        source TEXT NOT NULL,
                        answered_at TEXT NOT NULL,
                        confirmed INTEGER NOT NULL DEFAULT 1,
                        PRIMARY KEY (round_id, question_id)
                    );
                    CREATE TABLE dataset (
                        id INTEGER PRIMARY KEY,
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        kind TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        format TEXT NOT NULL,
                        rows_read INTEGER NOT NULL,
                        rows_stored INTEGER NOT NULL,
                        rows_rejected INTEGER NOT NULL,
                        imported_at TEXT NOT NULL,
                        mapping TEXT,
                        UNIQUE (round_id, kind, sha256)
                    );
                    CREATE TABLE metric_snapshot (
                        round_id INTEGER PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE,
                        as_of TEXT NOT NULL,
                        computed_at TEXT NOT NULL,
                        document TEXT NOT NULL
                    );
                    CREATE TABLE finding (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        rule_id TEXT NOT NULL,
                        status TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        area TEXT NOT NULL,
                        document TEXT NOT NULL,
                        PRIMARY KEY (round_id, rule_id)
                    );
                    CREATE TABLE score (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        area TEXT NOT NULL,
                        score REAL,
                        level INTEGER,
                        confidence REAL,
                        PRIMARY KEY (round_id, area)
                    );
                    """)
            // The canonical data tables: one row per imported record, with the dataset and
            // source line it came from. Dates are ISO `YYYY-MM-DD` text, numbers REAL.
            for kind in DatasetKind.allCases {
                let columns = kind.fields.map { field -> String in
                    let type: String
                    switch field.type {
                    case .number: type = "REAL"
                    case .boolean: type = "INTEGER"
                    case .text, .date, .code: type = "TEXT"
                    }
                    return "\(field.name) \(type)\(field.required ? " NOT NULL" : "")"
                }
                try db.execute(
                    sql: """
                        CREATE TABLE \(kind.tableName) (
                            row_id INTEGER PRIMARY KEY,
                            round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                            dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
                            source_line INTEGER NOT NULL,
                            \(columns.joined(separator: ",\n    "))
                        )
                        """)
                try db.execute(sql: "CREATE INDEX \(kind.tableName)_round ON \(kind.tableName)(round_id, dataset_id)")
            }
        }
        // A consultant's own ruleset layers (overrides, disabled rules, waivers) belong to the
        // engagement: stored with the round, carried into the next, so every command and every
        // copy of the workspace assesses with the same method.
        migrator.registerMigration("v2-ruleset-layers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ruleset_layer (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        file_name TEXT NOT NULL,
                        content TEXT NOT NULL,
                        PRIMARY KEY (round_id, position)
                    )
                    """)
        }
        migrator.registerMigration("v3-sale-columns") { db in
            // A compact copy of each sales dataset's lines, written by the import beside the rows
            // (see SaleColumns); the rows stay the canonical record.
            let blobs = SaleColumns.blobColumns.map { "\($0) BLOB NOT NULL" }.joined(separator: ",\n    ")
            try db.execute(
                sql: """
                    CREATE TABLE sale_columns (
                        dataset_id INTEGER PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        format INTEGER NOT NULL,
                        line_count INTEGER NOT NULL,
                        first_row INTEGER NOT NULL,
                        last_row INTEGER NOT NULL,
                        \(blobs)
                    )
                    """)
            // A sale row edited or deleted by hand makes its dataset's copy stale: drop it. (A row
            // added by hand moves the dataset's last row id past the copy's: see SaleColumns.load.)
            try db.execute(
                sql: """
                    CREATE TRIGGER sale_edited AFTER UPDATE ON sale BEGIN
                        DELETE FROM sale_columns WHERE dataset_id IN (OLD.dataset_id, NEW.dataset_id);
                    END
                    """)
            try db.execute(
                sql: """
                    CREATE TRIGGER sale_deleted AFTER DELETE ON sale
                    WHEN EXISTS (SELECT 1 FROM sale_columns WHERE dataset_id = OLD.dataset_id) BEGIN
                        DELETE FROM sale_columns WHERE dataset_id = OLD.dataset_id;
                    END
                    """)
        }
        migrator.registerMigration("v4-stored-analysis") { db in
            // What check, config and report reuse of the round's analysis, and the digest of the
            // inputs it was computed from (Analytics.inputFingerprint).
            try db.execute(sql: "ALTER TABLE metric_snapshot ADD COLUMN fingerprint TEXT")
            try db.execute(sql: "ALTER TABLE metric_snapshot ADD COLUMN analysis TEXT")
            // A row edited or deleted by hand changes the data under the same datasets: the
            // stored analysis no longer fits it.
            for kind in DatasetKind.allCases {
                for event in ["UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(kind.tableName)_\(event.lowercased())_stales_analysis AFTER \(event) ON \(kind.tableName)
                            WHEN EXISTS (SELECT 1 FROM metric_snapshot WHERE round_id = OLD.round_id AND fingerprint IS NOT NULL) BEGIN
                                UPDATE metric_snapshot SET fingerprint = NULL WHERE round_id = OLD.round_id;
                            END
                            """)
                }
            }
        }
        migrator.registerMigration("v5-interview-skips") { db in
            // Questions skipped in the interview ("s"), so that a resumed interview asks them at
            // the end, as it would have, rather than first.
            try db.execute(
                sql: """
                    CREATE TABLE interview_skip (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        question_id TEXT NOT NULL,
                        PRIMARY KEY (round_id, question_id)
                    )
                    """)
        }
        migrator.registerMigration("v6-respondents") { db in
            // Who gave each answer: every respondent's answer to a question is kept (people
            // disagree, and the disagreement is evidence); `answer` holds the one that counts,
            // with its respondent and whether the consultant chose it.
            try db.execute(
                sql: """
                    ALTER TABLE answer ADD COLUMN respondent TEXT;
                    ALTER TABLE answer ADD COLUMN respondent_role TEXT;
                    ALTER TABLE answer ADD COLUMN chosen INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE respondent_answer (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        question_id TEXT NOT NULL,
                        respondent TEXT NOT NULL,
                        respondent_role TEXT,
                        value TEXT NOT NULL,
                        note TEXT,
                        source TEXT NOT NULL,
                        answered_at TEXT NOT NULL,
                        PRIMARY KEY (round_id, question_id, respondent)
                    );
                    """)
        }
        migrator.registerMigration("v7-database-sources") { db in
            // A round whose sale lines stay in the client's database: where they are (engine, host,
            // database, user, table, column names — never a password), as JSON the Warehouse
            // module reads.
            try db.execute(
                sql: """
                    CREATE TABLE round_source (
                        round_id INTEGER PRIMARY KEY REFERENCES round(id) ON DELETE CASCADE,
                        description TEXT NOT NULL,
                        connected_at TEXT NOT NULL
                    )
                    """)
        }
        return migrator
    }
}
