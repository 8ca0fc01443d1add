import AuditModel
import Foundation
import TestSupport
import Testing
import Workspace

@testable import Analytics
@testable import Importers

/// Deal exports of the CRMs clients use import without a mapping file, their stages read as
/// won, lost or open, and the deal metrics come out of them.
@Suite struct CRMExportTests {
    /// Imports the fixture `name` (Tests/ImportersTests/Fixtures/crm) as deals and analyses the round.
    static func analyse(_ name: String, asOf: String) throws -> (ImportReport, Analysis) {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = repositoryPath("Tests/ImportersTests/Fixtures/crm/\(name)")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .deals))
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: asOf))
        return (report, analysis)
    }

    /// The public B2B "sales pipeline" opportunities: deal_stage Won/Lost/Engaging/Prospecting,
    /// prospecting deals without an engage date or account.
    @Test func aB2BSalesPipelineImportsWithoutAMappingFile() throws {
        let (report, analysis) = try Self.analyse("sales_pipeline.csv", asOf: "2017-12-31")
        #expect(report.rowsStored == 10 && report.rowsRejected == 0)
        #expect(
            Set(report.mapping.assignments.map(\.field)) == [
                "deal_id", "manager", "customer_id", "stage", "created_at", "closed_at", "amount",
            ])
        let document = analysis.document
        #expect(document["deals.count"] == .number(10))
        #expect(document["deals.win_rate"] == .number(4.0 / 6))
        // Won: 132, 137, 133 and 135 days from engage to close.
        #expect(document["deals.avg_cycle_days"] == .number(134.25))
        #expect(document["deals.open"] == .number(4))
        #expect(document["deals.stale_open"] == .number(2))
        let stages = Dictionary(uniqueKeysWithValues: document.tables.dealStages.map { ($0.stage, ($0.status, $0.deals)) })
        #expect(stages["Won"]?.0 == "won" && stages["Lost"]?.0 == "lost")
        #expect(stages["Engaging"]?.0 == "open" && stages["Prospecting"]?.1 == 2)
    }

    @Test func amoCRMStagesReadAsWonLostAndOpen() throws {
        let (report, analysis) = try Self.analyse("amocrm_deals.csv", asOf: "2026-11-30")
        #expect(report.rowsStored == 5)
        #expect(analysis.document["deals.win_rate"] == .number(2.0 / 3))
        #expect(analysis.document["deals.avg_cycle_days"] == .number(15))
        #expect(analysis.document["deals.open"] == .number(2) && analysis.document["deals.stale_open"] == .number(1))
    }

    @Test(arguments: [
        ("bitrix24_deals.csv", 10.0), ("salesforce_opportunities.csv", 29.0), ("hubspot_deals.csv", 20.0),
        ("pipedrive_deals.csv", 10.0), ("zoho_deals.csv", 20.0), ("1c_crm_deals.csv", 10.0),
    ])
    func otherCRMsExportsGiveTheWinRateAndCycle(name: String, cycle: Double) throws {
        let (report, analysis) = try Self.analyse(name, asOf: "2026-11-30")
        #expect(report.rowsStored == 3 && report.rowsRejected == 0)
        #expect(analysis.document["deals.win_rate"] == .number(0.5))
        #expect(analysis.document["deals.avg_cycle_days"] == .number(cycle))
        #expect(analysis.document["deals.open"] == .number(1))
    }

    @Test func stageWordsOfTheVendorsAreStatuses() {
        for (word, code) in [
            ("Успешно реализовано", "won"), ("Закрыто и не реализовано", "lost"), ("Сделка успешна", "won"),
            ("Сделка провалена", "lost"), ("Closed Won", "won"), ("closedlost", "lost"), ("closedwon", "won"),
            ("Won", "won"), ("Lost", "lost"), ("Closed-Lost to Competition", "lost"), ("Выиграна", "won"),
            ("Проиграна", "lost"), ("Отложена", "open"),
        ] {
            #expect(CodeReader.parse(word, field: "status", codes: ["open", "won", "lost"]) == code, "\(word)")
        }
    }
}

extension CRMExportTests {
    /// Bitrix24's activities ("Дела"): type, company, owner, start and completion dates.
    @Test func crmActivitiesImportWithoutAMappingFile() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = repositoryPath("Tests/ImportersTests/Fixtures/crm/bitrix24_activities.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .activities))
        #expect(report.rowsStored == 3 && report.rowsRejected == 0)
        let fields = Dictionary(uniqueKeysWithValues: report.mapping.assignments.map { ($0.field, $0.header) })
        #expect(fields["activity_id"] == "ID" && fields["type"] == "Тип дела" && fields["customer_id"] == "Компания")
        #expect(fields["manager"] == "Ответственный" && fields["date"] == "Дата начала")
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-29"))
        #expect(analysis.document["activities.count"] == .number(3) && analysis.document["activities.last_90d"] == .number(3))
    }
}

extension CRMExportTests {
    /// A shop CRM's order export (RetailCRM-style: order number, date of placing, buyer, status,
    /// order method) lists cancelled and returned orders beside sold ones: they are not sales.
    @Test func cancelledAndReturnedOrdersOfAnOrderExportAreNotSales() throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = repositoryPath("Tests/ImportersTests/Fixtures/crm/retailcrm_orders.csv")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .sales))
        #expect(report.rowsStored == 2 && report.rowsRejected == 0)
        #expect(report.nonDataRows.count(.cancelled) == 2)
        #expect(report.nonDataRows.examples.filter { $0.kind == .cancelled }.map(\.line) == [3, 5])
        let fields = Dictionary(uniqueKeysWithValues: report.mapping.assignments.map { ($0.field, $0.header) })
        #expect(fields["date"] == "Дата оформления" && fields["channel"] == "Способ оформления" && fields["customer_id"] == "Покупатель")
        let analysis = try Analytics.analyse(workspace, round: try workspace.round(), asOf: Day(iso: "2026-11-30"))
        #expect(analysis.document["sales.revenue_last_12m"] == .number(4_870))
    }
}

extension CRMExportTests {
    /// Companies and contacts as the CRMs export them import as the customer list without a
    /// mapping file: id, name, owner and creation date at least.
    @Test(arguments: [
        "amocrm_companies.csv", "bitrix24_companies.csv", "hubspot_companies.csv", "salesforce_accounts.csv",
        "zoho_accounts.csv", "pipedrive_organizations.csv",
    ])
    func crmCompanyExportsAreCustomerLists(name: String) throws {
        let (workspace, directory) = try makeTestWorkspace()
        defer { directory.remove() }
        let path = repositoryPath("Tests/ImportersTests/Fixtures/crm/\(name)")
        let report = try Importer.importFile(path, into: workspace, round: try workspace.round(), options: ImportOptions(kind: .customers))
        #expect(report.rowsStored == 2 && report.rowsRejected == 0)
        let fields = Set(report.mapping.assignments.map(\.field))
        #expect(fields.isSuperset(of: ["customer_id", "name", "manager", "created_at"]), "\(name): \(fields.sorted())")
        #expect(name.hasPrefix("pipedrive") || fields.contains("phone"), "\(name): \(fields.sorted())")
    }
}

extension CRMExportTests {
    /// Leads import as deals at their first stage: a qualified or converted lead is won, a junk
    /// or not converted one lost, any other status open; the win rate is the lead conversion.
    @Test(arguments: ["bitrix24_leads.csv", "salesforce_leads.csv"])
    func leadExportsImportAsDealsWithTheirConversion(name: String) throws {
        let (report, analysis) = try Self.analyse(name, asOf: "2026-11-30")
        #expect(report.rowsStored == 3 && report.rowsRejected == 0)
        #expect(analysis.document["deals.win_rate"] == .number(0.5))
        #expect(analysis.document["deals.open"] == .number(1))
    }
}
