import AuditModel
import Foundation

/// What the client needs from a CRM platform, read from the answers and the data.
package struct PlatformRequirements: Sendable, Hashable, Codable {
    /// `ru`: personal data of Russian citizens, kept in Russia (152-FZ), a vendor selling here.
    package var market: String
    package var users: Int
    /// The most the client will pay per user a month (stated, or a third of the first-year
    /// budget spread over the users and twelve months); nil when neither is known.
    package var pricePerUserLimit: Double?
    /// How the limit was worked out, in words.
    package var priceBasis: LocalizedText?
    package var deployment: Platform.Deployment?
    package var accounting1C: Bool
    package var native1C: Bool
    /// The client answered that the CRM need not run on 1C (not merely left it open).
    package var native1CDeclined: Bool = false
    /// Where the client's 1C runs (`own_server`, `fresh`, `partner_hosting`): a CRM built into
    /// 1C runs there too.
    package var accounting1CHosting: String? = nil
    package var domesticRegister: Bool
    package var mustHaves: [String]
    package var industry: String?

    package init(
        market: String, users: Int, pricePerUserLimit: Double?, priceBasis: LocalizedText?, deployment: Platform.Deployment?,
        accounting1C: Bool, native1C: Bool, domesticRegister: Bool, mustHaves: [String], industry: String?
    ) {
        self.market = market
        self.users = users
        self.pricePerUserLimit = pricePerUserLimit
        self.priceBasis = priceBasis
        self.deployment = deployment
        self.accounting1C = accounting1C
        self.native1C = native1C
        self.domesticRegister = domesticRegister
        self.mustHaves = mustHaves
        self.industry = industry
    }

    /// The requirements of an assessed round: users from the answers (else the managers who sold
    /// in the last 12 months, else those on staff), the budget from the answers, 1C from the accounting question, the rest from the
    /// selection section.
    package static func of(_ assessment: Assessment, market: String = "ru") -> PlatformRequirements {
        let answers = assessment.answerValues
        let number = answers.number, flag = answers.flag, option = answers.option
        // The managers who sold in the last 12 months, else those on staff in the managers list
        // (a round whose sales are read in a database does not compute the first).
        let document = assessment.analysis.document
        let managers = document["managers.with_sales_12m"].number ?? document["managers.on_staff"].number
        let users = max(1, Int(number("org_crm_users") ?? number("company_managers_count") ?? managers ?? 5))
        var limit: Double?, basis: LocalizedText?
        if let stated = number("proj_user_limit"), stated > 0 {
            limit = stated
            basis = AuditText.theStatedLimitPerUserA.text()
        } else if let budget = number("proj_budget_year"), budget > 0, option("goals_budget") == "licences_only" {
            limit = budget / Double(users) / 12
            basis = AuditText.theLicenceBudgetOverUsersAnd.text(["users": .value(users)])
        } else if let budget = number("proj_budget_year"), budget > 0 {
            // Licences are about a third of a first year; set-up, integration and training the rest.
            limit = budget / 3 / Double(users) / 12
            basis = AuditText.aThirdOfTheFirstYear.text(["users": .value(users)])
        }
        let must = answers.options("sel_must_haves")
        var requirements = PlatformRequirements(
            market: market, users: users, pricePerUserLimit: limit, priceBasis: basis,
            deployment: option("sel_deployment").flatMap(Platform.Deployment.init(rawValue:)),
            accounting1C: option("int_accounting") == "one_c", native1C: flag("sel_1c_native"),
            domesticRegister: flag("sel_domestic_register"), mustHaves: must, industry: assessment.engagement.industry)
        if case .bool(false)? = answers.values["sel_1c_native"] { requirements.native1CDeclined = true }
        requirements.accounting1CHosting = option("int_1c_hosting")
        return requirements
    }
}

/// One platform's place on the shortlist: why it fits, or why it was left out.
package struct ShortlistEntry: Sendable, Hashable, Codable {
    package var platform: Platform
    /// Higher fits better; nil for an excluded platform.
    package var score: Double?
    package var reasons: [LocalizedText]
    /// What counts against it without ruling it out (dearer than the budget, a deployment other
    /// than the one asked for).
    package var concerns: [LocalizedText] = []
    package var exclusions: [LocalizedText]
    /// Licences for the users over a year, at the list price range.
    package var licencesPerYear: ClosedRange<Double>
}

/// The catalogue ranked against a client's requirements.
package struct PlatformShortlist: Sendable, Hashable, Codable {
    package var requirements: PlatformRequirements
    package var catalogueVersion: String
    package var pricesCheckedOn: String
    /// Fitting platforms, best first.
    package var ranked: [ShortlistEntry]
    /// Platforms left out, each with its reasons.
    package var excluded: [ShortlistEntry]

    /// Excludes what a hard requirement rules out, then ranks by 1C integration, price against
    /// the budget, industry, size and the must-haves a platform has built in.
    package static func rank(_ catalogue: PlatformCatalogue, for requirements: PlatformRequirements) -> PlatformShortlist {
        var ranked: [ShortlistEntry] = [], excluded: [ShortlistEntry] = []
        for platform in catalogue.platforms {
            let entry = evaluate(platform, requirements)
            if entry.exclusions.isEmpty { ranked.append(entry) } else { excluded.append(entry) }
        }
        ranked.sort { ($0.score ?? 0, $1.platform.id) > ($1.score ?? 0, $0.platform.id) }
        excluded.sort { $0.platform.id < $1.platform.id }
        return PlatformShortlist(
            requirements: requirements, catalogueVersion: catalogue.version,
            pricesCheckedOn: catalogue.checked.iso, ranked: ranked, excluded: excluded)
    }

    static func evaluate(_ platform: Platform, _ need: PlatformRequirements) -> ShortlistEntry {
        func need1C(_ platform: Platform) -> Bool { need.accounting1C && platform.accounting1C != .none }
        var reasons: [LocalizedText] = [], concerns: [LocalizedText] = [], out: [LocalizedText] = []
        var score = 0.0
        let users = Double(need.users)
        let licences = (platform.pricePerUserMonth.lowerBound * users * 12)...(platform.pricePerUserMonth.upperBound * users * 12)
        if !platform.markets.contains(need.market) {
            out.append(
                need.market == "ru"
                    ? AuditText.notSoldOrSupportedInRussia.text()
                    : AuditText.forTheRussianMarketOnly.text())
        }
        if need.market == "ru", platform.residency != .russia, !platform.deployment.contains(.onPremise) {
            out.append(
                AuditText.keepsDataAbroadABreachOf.text())
        }
        if let deployment = need.deployment, !platform.deployment.contains(deployment) {
            out.append(
                deployment == .onPremise
                    ? AuditText.noOnPremiseEdition.text()
                    : AuditText.noCloudEdition.text())
        }
        if need.domesticRegister, !platform.domesticRegister {
            out.append(AuditText.notInTheRussianSoftwareRegister.text())
        }
        if need.native1C, platform.accounting1C != .native {
            out.append(AuditText.doesNotRunOnThe1c.text())
        }
        if need.accounting1C, platform.accounting1C == .none {
            out.append(AuditText.noExchangeWith1c.text())
        }
        if need.users < platform.users.lowerBound {
            out.append(
                AuditText.soldFromUsersTheCompanyHas.text(["lowerBound": .value(platform.users.lowerBound), "users": .value(need.users)]))
        } else if need.users > platform.users.upperBound {
            out.append(
                AuditText.madeForAtMostUsersThe.text(["upperBound": .value(platform.users.upperBound), "users": .value(need.users)]))
        }
        // Stock kept in 1C reaches any platform with a 1C exchange: it is shown on the deal, not kept twice.
        for need in need.mustHaves where !Self.has(platform, need) && !(need == "warehouse" && need1C(platform)) {
            out.append(
                AuditText.lacksAMustHave.text(["mustHaveTitle": .localized(Self.mustHaveTitle(need))]))
        }
        if need.mustHaves.contains("warehouse"), !platform.warehouse, need1C(platform) {
            // Said so, so that "no stock" among the platform's limits does not read as a must-have ignored.
            reasons.append(
                AuditText.noStockOfItsOwnStock.text())
        }
        if need.accounting1C {
            switch platform.accounting1C {
            case .native where need.native1CDeclined:
                // The client said the CRM need not be on 1C: one base is an advantage, weighed as a
                // standard exchange is, not a reason to put 1C first.
                score += 1.5
                reasons.append(
                    AuditText.sharesOneBaseWith1cYou.text())
            case .native:
                score += 3
                reasons.append(
                    AuditText.sharesOneBaseWith1cNo.text())
            case .connector:
                score += 1.5
                reasons.append(
                    AuditText.aStandardExchangeWith1cThrough.text())
            case .none: break
            }
        }
        if platform.accounting1C == .native, need.accounting1C, need.deployment == .cloud, need.accounting1CHosting == "own_server" {
            score -= 1.5
            concerns.append(
                AuditText.aCrmBuiltInto1cRuns.text())
        }
        if let limit = need.pricePerUserLimit {
            if platform.pricePerUserMonth.upperBound <= limit {
                score += 2
                reasons.append(AuditText.everyPlanIsWithinTheBudget.text())
            } else if platform.pricePerUserMonth.lowerBound <= limit {
                score += 1
                reasons.append(AuditText.theEntryPlansAreWithinThe.text())
            } else {
                score -= 2
                concerns.append(
                    AuditText.dearerThanTheBudgetEvenOn.text())
            }
        }
        if let industry = need.industry.map(AuditSetup.slug), platform.industries.contains(industry) {
            score += 1.5
            reasons.append(AuditText.hasIndustrySolutionsAndRollouts.text())
        }
        // A must-have that works out of the box, not through a third-party extension, weighs as
        // much as the 1C exchange: it is what the managers use every day.
        let builtIn = need.mustHaves.filter { Self.native(platform, $0) }
        if !builtIn.isEmpty {
            score += 1.0 * Double(builtIn.count)
            let names = builtIn.map(Self.mustHaveTitle)
            reasons.append(
                AuditText.builtIn.text(["names": .inEach { language in names.map { $0[language] }.joined(separator: ", ") }]))
        }
        return ShortlistEntry(
            platform: platform, score: out.isEmpty ? score : nil, reasons: reasons, concerns: concerns, exclusions: out,
            licencesPerYear: licences)
    }

    /// The must-haves the selection question offers, by option id.

    static func has(_ platform: Platform, _ need: String) -> Bool {
        switch need {
        case "telephony": platform.telephony != .none
        case "messengers": platform.messengers != .none
        case "mobile": platform.mobile
        case "warehouse": platform.warehouse
        case "mailing": platform.mailing
        case "production_orders": platform.productionOrders
        case "api": platform.api
        default: true
        }
    }

    static func native(_ platform: Platform, _ need: String) -> Bool {
        switch need {
        case "telephony": platform.telephony == .native
        case "messengers": platform.messengers == .native
        default: false
        }
    }

    static func mustHaveTitle(_ need: String) -> LocalizedText {
        switch need {
        case "telephony": AuditText.telephony.text()
        case "messengers": AuditText.messengers.text()
        case "mobile": AuditText.aMobileApp.text()
        case "warehouse": AuditText.stock.text()
        case "mailing": AuditText.eMailCampaigns.text()
        case "production_orders": AuditText.productionOrders.text()
        case "api": AuditText.anOpenApi.text()
        default: LocalizedText(both: need)
        }
    }
}
