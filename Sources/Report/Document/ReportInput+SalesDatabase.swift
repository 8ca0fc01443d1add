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

    /// The executive summary's word on a round read in the client's database: which checks could
    /// not be made because they need figures the database does not compute (nil for files, or
    /// when every check could be made).
    func salesDatabaseSummary(in language: Language) -> String? {
        guard let database = salesDatabase else { return nil }
        let notComputed = Set(metrics.unavailable.filter { $0.value == PushedDownMetrics.notComputedInDatabase.code }.keys)
        let blocked = findings.filter { finding in
            finding.status == .notEvaluable && finding.missing.contains { $0.kind == .metric && notComputed.contains($0.id) }
        }
        let titles = blocked.map { $0.title[language] }
        return ReportText.salesDatabaseSummary.render(
            [
                "engine": .text(database.engine), "table": .text(database.table), "count": .count(blocked.count),
                "checks": .quotedList(titles),
            ], in: language)
    }

    /// What a section that matches sales to the customer list says when it has nothing to show:
    /// that the database did not compute it, or that there is no data.
    func emptySalesSectionNote(in language: Language) -> String {
        (salesDatabase == nil ? ReportText.noData : ReportText.sectionNotInDatabase)[language]
    }

    /// What the metric table shows for a metric without a value: why, when the client's database
    /// did not compute it; a dash otherwise (the reasons of the others are in the findings).
    func missingValue(_ id: String, in language: Language) -> String {
        metrics.unavailable[id] == PushedDownMetrics.notComputedInDatabase.code ? ReportText.notInDatabaseValue[language] : "—"
    }
}
