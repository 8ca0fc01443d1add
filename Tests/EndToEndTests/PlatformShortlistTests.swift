import Audit
import AuditModel
import Foundation
import TestSupport
import Testing

/// The platform catalogue is data a consultant can extend, and the shortlist ranks it against
/// the client's requirements with a reason for every place and every exclusion.
@Suite struct PlatformShortlistTests {
    static func catalogue(overrides: [String] = []) throws -> PlatformCatalogue {
        setenv("CRM_AUDIT_HOME", CLI.packageRoot, 1)
        return try PlatformCatalogue.load(overrides: overrides)
    }

    static func need(_ change: (inout PlatformRequirements) -> Void = { _ in }) -> PlatformRequirements {
        var need = PlatformRequirements(
            market: "ru", users: 15, pricePerUserLimit: nil, priceBasis: nil, deployment: nil,
            accounting1C: true, native1C: false, domesticRegister: false, mustHaves: [], industry: "wholesale")
        change(&need)
        return need
    }

    @Test func theBundledCatalogueCoversBothMarketsAndDatesItsPrices() throws {
        let catalogue = try Self.catalogue()
        let ids = Set(catalogue.platforms.map(\.id))
        for id in [
            "bitrix24", "amocrm", "one_c_crm", "retailcrm", "megaplan", "elma365",
            "salesforce", "hubspot", "zoho", "pipedrive", "dynamics365",
        ] {
            #expect(ids.contains(id), "\(id) is missing")
        }
        #expect(catalogue.checked.iso == "2025-06-01")
        #expect(catalogue.platforms.allSatisfy { $0.pricePerUserMonth.lowerBound > 0 })
    }

    @Test func inRussiaAForeignCloudIsLeftOutForResidencyAndTheReasonSaysSo() throws {
        let shortlist = PlatformShortlist.rank(try Self.catalogue(), for: Self.need())
        let hubspot = try #require(shortlist.excluded.first { $0.platform.id == "hubspot" })
        #expect(hubspot.exclusions.contains { $0.en.contains("152-FZ") })
        #expect(!shortlist.ranked.isEmpty)
        #expect(shortlist.ranked.allSatisfy { $0.platform.markets.contains("ru") && !$0.reasons.isEmpty })
    }

    @Test func aOneCNativeRequirementLeavesOnlyThePlatformsOnOneC() throws {
        let shortlist = PlatformShortlist.rank(try Self.catalogue(), for: Self.need { $0.native1C = true })
        #expect(shortlist.ranked.map(\.platform.id) == ["one_c_crm"])
        #expect(shortlist.excluded.contains { $0.platform.id == "bitrix24" && $0.exclusions.contains { $0.en.contains("1C platform") } })
    }

    @Test func aPlatformDearerThanTheBudgetRanksBelowOnesWithinIt() throws {
        let shortlist = PlatformShortlist.rank(try Self.catalogue(), for: Self.need { $0.pricePerUserLimit = 700 })
        let order = shortlist.ranked.map(\.platform.id)
        let retail = try #require(order.firstIndex(of: "retailcrm"))
        let bitrix = try #require(order.firstIndex(of: "bitrix24"))
        #expect(bitrix < retail)
        #expect(shortlist.ranked[retail].concerns.contains { $0.en.contains("dearer than the budget") })
    }

    @Test func oneBaseWithOneCDoesNotPutOneCFirstWhenTheClientSaidTheCRMNeedNotBeOnIt() throws {
        let open = PlatformShortlist.rank(try Self.catalogue(), for: Self.need())
        let declined = PlatformShortlist.rank(try Self.catalogue(), for: Self.need { $0.native1CDeclined = true })
        let score = { (shortlist: PlatformShortlist) in shortlist.ranked.first { $0.platform.id == "one_c_crm" }?.score }
        #expect(try #require(score(declined)) == (try #require(score(open))) - 1.5)
        let oneC = try #require(declined.ranked.first { $0.platform.id == "one_c_crm" })
        #expect(oneC.reasons.contains { $0.en.contains("you did not require a CRM on the 1C platform") })
    }

    @Test func aCRMBuiltIntoOneCOnTheClientsOwnServerCountsAgainstTheCloudTheyAskedFor() throws {
        let cloud = PlatformShortlist.rank(
            try Self.catalogue(),
            for: Self.need {
                $0.deployment = .cloud
                $0.accounting1CHosting = "own_server"
            })
        let oneC = try #require(cloud.ranked.first { $0.platform.id == "one_c_crm" })
        #expect(oneC.concerns.contains { $0.en.contains("on your own server, not in the cloud") })
        let hosted = PlatformShortlist.rank(
            try Self.catalogue(),
            for: Self.need {
                $0.deployment = .cloud
                $0.accounting1CHosting = "fresh"
            })
        #expect(hosted.ranked.first { $0.platform.id == "one_c_crm" }?.concerns.isEmpty == true)
    }

    @Test func theExampleCompanyWhoWantsTheCloudAndTelephonyAndMessengersBuiltInGetsBitrixFirst() throws {
        // ТехноСнаб: 1C UT on its own server, the CRM in the cloud, not required on 1C, telephony
        // and messengers as must-haves (answers.yaml).
        let shortlist = PlatformShortlist.rank(
            try Self.catalogue(),
            for: Self.need {
                $0.deployment = .cloud
                $0.accounting1CHosting = "own_server"
                $0.native1CDeclined = true
                $0.mustHaves = ["telephony", "messengers", "warehouse"]
                $0.pricePerUserLimit = 1500
            })
        #expect(shortlist.ranked.first?.platform.id == "bitrix24")
        #expect(shortlist.ranked.prefix(3).allSatisfy { $0.platform.id != "one_c_crm" })
    }

    @Test func aMustHaveThePlatformLacksLeavesItOut() throws {
        let shortlist = PlatformShortlist.rank(
            try Self.catalogue(),
            for: Self.need {
                $0.mustHaves = ["warehouse"]
                $0.accounting1C = false
            })
        let amo = try #require(shortlist.excluded.first { $0.platform.id == "amocrm" })
        #expect(amo.exclusions.map(\.en) == ["lacks a must-have: stock"])
        // With 1C the stock stays there and reaches the deal through the exchange.
        let withOneC = PlatformShortlist.rank(try Self.catalogue(), for: Self.need { $0.mustHaves = ["warehouse"] })
        #expect(withOneC.ranked.contains { $0.platform.id == "amocrm" })
    }

    @Test func aConsultantFileReplacesAPlatformAndAddsOne() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let text = try String(contentsOfFile: CLI.packageRoot + "/platforms/crm-platforms.yaml", encoding: .utf8)
        let start = try #require(text.range(of: "  - id: bitrix24"))
        let end = try #require(text.range(of: "  - id: amocrm"))
        var bitrix = String(text[start.lowerBound..<end.lowerBound])
        bitrix = bitrix.replacingOccurrences(of: "{low: 500, high: 2500}", with: "{low: 99, high: 99}")
        let added = bitrix.replacingOccurrences(of: "id: bitrix24", with: "id: our_crm").replacingOccurrences(
            of: "\"Битрикс24\"", with: "\"Наша CRM\"")
        let own = "schema: crm-audit/platforms/1\nid: consultant\nversion: 1.0.0\nchecked: 2026-11-01\nplatforms:\n" + bitrix + added
        let catalogue = try Self.catalogue(overrides: [try directory.write(own, to: "own.yaml")])
        #expect(catalogue.platforms.first { $0.id == "bitrix24" }?.pricePerUserMonth == 99...99)
        #expect(catalogue.platforms.contains { $0.id == "our_crm" })
        #expect(catalogue.checked.iso == "2025-06-01", "the oldest prices date the catalogue")
    }

    @Test func aBrokenCatalogueNamesTheLineAndWhatWasExpected() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let broken = "schema: crm-audit/platforms/1\nid: own\nversion: 1\nchecked: 2026-11-01\nplatforms:\n  - id: x\n    residency: moon\n"
        let file = try directory.write(broken, to: "broken.yaml")
        #expect(throws: DiagnosticList.self) { try PlatformCatalogue.load(path: file) }
        do {
            _ = try PlatformCatalogue.load(path: file)
        } catch let error as DiagnosticList {
            let messages = error.diagnostics.map { $0.formatted(in: .en) }
            #expect(
                messages.contains { $0.hasPrefix(file + ":7:16:") && $0.contains("'moon' is not one of: russia, abroad") }, "\(messages)")
        }
    }

    @Test(.enabled(if: CLI.isBuilt))
    func theCommandRanksForTheExampleCompanyInBothLanguages() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(try CLI.run(["demo", "--out", directory.path]).status == 0)
        let workspace = directory.file("technosnab.crmaudit")
        let json = try CLI.run(["platforms", workspace, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ranked = try #require(object["ranked"] as? [[String: Any]])
        #expect(!ranked.isEmpty)
        #expect((object["prices_checked_on"] as? String) == "2025-06-01")
        let russian = try CLI.run(["platforms", workspace, "--lang", "ru"])
        #expect(russian.stdout.contains("цены — по прайс-листам на 2025-06-01"))
        #expect(russian.stdout.contains("Не подходят:"))
    }
}
