import AuditModel
import Testing

@testable import Analytics

@Suite struct SampleTests {
    static let analysis = Result { try Fixture.analysis() }

    @Test(arguments: [
        (SampleSet.customersNoEmail, ["C4", "C6", "C7"]), (.customersInvalidEmail, ["C2"]), (.customersInvalidPhone, ["C4"]),
        (.customersNoBirthDate, ["C2", "C3", "C4", "C6", "C7"]), (.customersNoSegment, ["C2", "C3", "C4", "C5", "C6", "C7"]),
        (.customersNoIndustry, ["C3", "C4", "C5", "C6", "C7"]), (.customersNoRegion, ["C2", "C3", "C4", "C5", "C6", "C7"]),
        (.customersNoManager, ["C3", "C4"]), (.customersWithoutSales, ["C6", "C7"]),
        (.customersDuplicates, ["C2", "C3", "C6", "C7"]), (.salesOrphans, ["X9"]), (.salesFutureDates, []),
        // Lost: bought in the previous 12 months, nothing in the last 12 (C4 left long before: not lost again).
        (.salesNonPositive, ["C3", "C5"]), (.customersAtRisk, []), (.customersLost, ["C5"]),
        // Key accounts: the customers who bought in the last 12 months, by their revenue there.
        (.customersTop, ["C1", "C2", "X9", "C3"]),
    ])
    func sampleListsTheOffendingRecords(set: SampleSet, customers: [String]) throws {
        let sample = try Self.analysis.get().sample(set, limit: 100)
        let column = try #require(sample.columns.firstIndex(of: "customer_id"))
        #expect(sample.rows.map { $0[column] } == customers)
        #expect(sample.total == customers.count)
        #expect(sample.id == set.rawValue)
    }

    @Test func limitCutsRowsButNotTheTotal() throws {
        let sample = try Self.analysis.get().sample(.customersTop, limit: 2)
        #expect(sample.rows.count == 2)
        #expect(sample.total == 4)
        #expect(sample.records[0]["revenue_last_12m"] == "2300")
        #expect(sample.records[1]["revenue_last_12m"] == "700" && sample.records[1]["revenue_all_history"] == "1000")
        #expect(sample.records[0]["segment"] == "Champions")
    }

    @Test func idleManagersAreNamed() throws {
        let sample = try Self.analysis.get().sample(.managersIdle)
        #expect(sample.rows.map { $0[0] } == ["Vera"])
    }

    @Test func unknownSampleIDIsAnError() throws {
        #expect(throws: AnalyticsError.unknownSampleSet("customers.nope")) {
            try Self.analysis.get().sample(named: "customers.nope")
        }
        #expect(try Self.analysis.get().sample(named: "customers.no_manager").total == 2)
    }

    @Test func rfmExportHasTheContractColumns() throws {
        let table = try Self.analysis.get().exportTable(.rfm)
        let csv = table.csv()
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "customer_id,recency_days,frequency,monetary,r,f,m,segment")
        // C1: last purchase 2025-06-10 → 20 days; 2 days; 2300; R 5 (2nd most recent of 6), F 5, M 5
        #expect(lines.dropFirst().first == "C1,20,2,2300,5,5,5,Champions")
        // C4: last purchase 2023-05-05 → 787 days
        #expect(lines.contains("C4,787,1,200,1,2,3,Long inactive"))
        #expect(lines.count == 7)
    }

    @Test func abcExportRanksEachKind() throws {
        let rows = try Self.analysis.get().exportTable(.abc).records
        // On the headline period: C4 and C5 bought nothing in the last 12 months and are not classed.
        let customers = rows.filter { $0["kind"] == "customer" }
        #expect(customers.map { $0["id"] ?? nil } == ["C1", "C2", "X9", "C3"])
        #expect(customers.map { $0["class"] ?? nil } == ["A", "A", "C", "C"])
        #expect(rows.filter { $0["kind"] == "product" }.map { $0["class"] ?? nil } == ["A", "A"])
        #expect(rows.filter { $0["kind"] == "manager" }.map { $0["id"] ?? nil } == ["Anna", "Boris"])
        #expect(rows.filter { $0["kind"] == "manager" }.map { $0["class"] ?? nil } == ["A", "B"])
    }

    @Test func duplicatesAndManagersExport() throws {
        let analysis = try Self.analysis.get()
        let duplicates = analysis.exportTable(.duplicates)
        #expect(duplicates.columns == ["group", "customer_id", "name", "tax_id", "email", "phone", "keys"])
        #expect(duplicates.rows.map { $0[0] } == ["1", "1", "2", "2"])
        #expect(duplicates.rows[2][2] == "ООО «Ромашка»")
        let managers = analysis.exportTable(.managers).csv()
        #expect(
            managers.hasPrefix(
                "manager,revenue_last_12m,orders_last_12m,customers_last_12m,margin_last_12m,share_last_12m,last_sale_date,idle,revenue_all_history\nAnna,2400,3,2,0.4,"
            ))
    }

    @Test func samplesNeedingAMissingDatasetAreEmpty() throws {
        let salesOnly = try Fixture.analysis(only: [.sales])
        #expect(salesOnly.sample(.salesOrphans).total == 0)
        #expect(salesOnly.sample(.salesOrphans).columns.contains("customer_id"))
        let customersOnly = try Fixture.analysis(only: [.customers])
        #expect(customersOnly.sample(.customersWithoutSales).total == 0)
        #expect(customersOnly.sample(.customersNoEmail).total == 3)
    }

    @Test func csvQuotesFieldsThatNeedIt() {
        let table = SampleTable(id: "t", columns: ["a", "b"], rows: [["x,y", "say \"hi\""], [nil, "plain"]], total: 2)
        #expect(table.csv() == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n,plain\n")
    }
}
