import Analytics
import AuditModel

extension ReportInput {
    /// The client database the sale lines were read in, as the data sources name it
    /// (`PostgreSQL database «sales» on db.example.ru, table «orders»`); nil for files.
    func salesDatabaseName(in language: Language) -> String? {
        guard let database = salesDatabase else { return nil }
        return ReportText.salesDatabaseName.render(
            [
                "engine": .text(database.engine), "database": .text(database.database), "host": .text(database.host),
                "table": .text(database.table),
            ], in: language)
    }

    /// What reading the sale lines in the database means for the metrics: computed there, and how
    /// many are not computed there yet (shown as not available).
    func salesDatabaseNote(in language: Language) -> String? {
        guard salesDatabase != nil else { return nil }
        let missing = metrics.unavailable.values.filter { $0 == PushedDownMetrics.notComputedInDatabase.code }.count
        return ReportText.salesDatabaseNote.render(["count": .count(missing)], in: language)
    }
}
