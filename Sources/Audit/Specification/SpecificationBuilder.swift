import Analytics
import AuditModel
import Rules

/// Builds the ``ImplementationSpec`` of an assessed round.
package struct SpecificationBuilder {
    let assessment: Assessment
    let answers: AnswerLookup
    let document: MetricDocument

    package init(_ assessment: Assessment) {
        self.assessment = assessment
        answers = assessment.answerValues
        document = assessment.analysis.document
    }

    func option(_ id: String) -> String? { answers.option(id) }
    func number(_ id: String) -> Double? { answers.number(id) }
    func text(_ id: String) -> String? { answers.text(id) }
    func options(_ id: String) -> [String] { answers.options(id) }
    func metric(_ id: String) -> Double? { document[id].number }

    var oneC: Bool { option("int_accounting") == "one_c" }
    var b2c: Bool { option("company_business_model") == "b2c" || (metric("customers.person_share") ?? 0) > 0.5 }

    package func build() -> ImplementationSpec {
        let pipelines = pipelines()
        return ImplementationSpec(
            entities: entities(), pipelines: pipelines, fields: fields(pipelines), automations: automations(pipelines),
            roles: roles(), integrations: integrations(), dashboards: dashboards(), migration: migration())
    }

    // MARK: - Entities

    func entities() -> [ImplementationSpec.Entity] {
        var entities: [ImplementationSpec.Entity] = []
        if !b2c || option("company_business_model") == "mixed" {
            entities.append(
                .init(
                    name: AuditText.company.text(),
                    key: AuditText.taxIdForBranchesThe1c.text(),
                    note: AuditText.legalDetailsAreKeptIn1c.text()))
            entities.append(
                .init(
                    name: AuditText.contact.text(),
                    key: AuditText.phoneAs7xxxxxxxxxxOrEMail.text(),
                    note: AuditText.theCustomerPeopleWithPosition.text()))
        }
        if b2c || option("company_business_model") == "mixed" {
            entities.append(
                .init(
                    name: AuditText.buyerPrivatePerson.text(),
                    key: AuditText.phoneAs7xxxxxxxxxxALoyaltyCard.text(),
                    note: AuditText.consentToProcessingAndToMailings.text()))
        }
        entities.append(
            .init(
                name: AuditText.deal.text(),
                key: AuditText.theCrmDealNumberThe1c.text(),
                note: AuditText.oneDealPerCustomerNeedRepeat.text()))
        entities.append(
            .init(
                name: AuditText.product.text(),
                key: AuditText.the1cItemCode.text(),
                note: AuditText.theCatalogueIsKeptIn1c.text()
            ))
        entities.append(
            .init(
                name: AuditText.activity.text(),
                key: AuditText.aCallMeetingLetterOrMessage.text(),
                note: AuditText.callsAndMessagesArriveAutomaticallyFrom.text()))
        return entities
    }

    // MARK: - Pipelines

    /// The cycle a stalled-deal limit is worked out from: stated, else measured on won deals, else 30 days.
    var cycleDays: Double { number("sales_cycle_days") ?? metric("deals.avg_cycle_days") ?? 30 }

    func pipelines() -> [ImplementationSpec.Pipeline] {
        var pipelines: [ImplementationSpec.Pipeline] = []
        let stated = ConfigurationBuilder.statedStages(text("sales_stages_list") ?? "")
        let names: [LocalizedText] =
            stated.isEmpty
            ? [
                AuditText.request.text(), AuditText.qualification.text(),
                AuditText.proposal.text(), AuditText.approval.text(),
                AuditText.payment.text(),
            ]
            : stated.map { LocalizedText(both: $0) }
        // As the configuration's stalled-deal alert: twice the cycle (a week at least), shared among the stages.
        let perStage = max(3, Int((max(7, 2 * cycleDays) / Double(names.count)).rounded(.up)))
        pipelines.append(
            .init(
                name: (stated.isEmpty ? AuditText.pipelineStandardStages : .pipelineOwnStages).text(),
                purpose: AuditText.aNewCustomerOrANew.text(["days": .value(Int(cycleDays.rounded())), "perStage": .value(perStage)]),
                stages: names.enumerated().map { index, name in
                    stage(name, index: index, count: names.count, stalledAfter: perStage)
                }))
        let repeatRate = metric("customers.repeat_rate") ?? 0
        if oneC, repeatRate >= 0.4 || ["wholesale", "manufacturing"].contains(assessment.engagement.industry.map(AuditSetup.slug) ?? "") {
            let rhythm = max(7, Int((metric("customers.median_purchase_interval_days") ?? 30).rounded()))
            pipelines.append(
                .init(
                    name: AuditText.repeatOrdersDrivenBy1cDocuments.text(),
                    purpose: AuditText.regularCustomersTheOrderIsCreated.text(["rhythm": .value(rhythm)]),
                    stages: [
                        .init(
                            name: AuditText.order.text(),
                            exitCriterion: AuditText.theCustomerOrderExistsIn1c.text(),
                            requiredFields: AuditText.companyOrderLinesAmount.text(),
                            probability: 0.8, stalledAfterDays: 2),
                        .init(
                            name: AuditText.invoice.text(),
                            exitCriterion: AuditText.theInvoiceIsIssuedIn1c.text(),
                            requiredFields: AuditText.the1cInvoiceNumber.text(), probability: 0.9,
                            stalledAfterDays: 5),
                        .init(
                            name: AuditText.payment.text(),
                            exitCriterion: AuditText.paymentReceivedFrom1c.text(),
                            requiredFields: AuditText.paymentDateAndAmount.text(), probability: 0.95,
                            stalledAfterDays: 7),
                        .init(
                            name: AuditText.shipment.text(),
                            exitCriterion: AuditText.theShipmentIsPostedIn1c.text(),
                            requiredFields: AuditText.the1cSalesDocumentNumber.text(), probability: 1,
                            stalledAfterDays: 5),
                    ]))
        }
        return pipelines
    }

    /// A stage's exit criterion and required fields, recognised from its name.
    func stage(_ name: LocalizedText, index: Int, count: Int, stalledAfter: Int) -> ImplementationSpec.Stage {
        let lower = Language.allCases.map { name[$0] }.joined(separator: " ").lowercased()
        func has(_ words: [String]) -> Bool { words.contains { lower.contains($0) } }
        let exit: LocalizedText, required: LocalizedText
        if has(["запрос", "заявк", "обращен", "лид", "request", "lead", "enquiry"]) {
            exit = AuditText.theNeedAndTheContactAre.text()
            required = AuditText.sourceCompanyTaxIdContactNeed.text()
        } else if has(["расч", "кп", "предлож", "смет", "quote", "proposal", "estimate", "costing"]) {
            exit = AuditText.theProposalIsSentFromThe.text()
            required = AuditText.amountContentsTheCustomerReply.text()
        } else if has(["счёт", "счет", "invoice"]) {
            exit = AuditText.theInvoiceIsIssuedIn1c2.text()
            required = AuditText.the1cInvoiceNumberAmount.text()
        } else if has(["оплат", "payment", "paid"]) {
            exit = AuditText.paymentReceivedThroughThe1cExchange.text()
            required = AuditText.paymentDateAndAmount.text()
        } else if has(["отгруз", "доставк", "shipment", "delivery"]) {
            exit = AuditText.theShipmentIsPostedIn1c.text()
            required = AuditText.the1cSalesDocumentNumber.text()
        } else if has(["договор", "контракт", "соглас", "contract", "approval", "negotiat"]) {
            exit = AuditText.theContractIsSignedAScan.text()
            required = AuditText.contractNumberAndDate.text()
        } else {
            exit = AuditText.theNextStepIsAgreedWith.text()
            required = AuditText.theNextStepAndItsDate.text()
        }
        // Probability rises evenly through the stages, to 90 % at the last one (won is a status, not a stage).
        let probability = ((0.1 + 0.8 * Double(index) / Double(max(1, count - 1))) * 20).rounded() / 20
        return ImplementationSpec.Stage(
            name: name, exitCriterion: exit, requiredFields: required, probability: probability, stalledAfterDays: stalledAfter)
    }

    // MARK: - Fields

    /// The values of a field in the customer list (most common first, at most 15), without blanks.
    func dataValues(_ field: String) -> [String] {
        document.tables.portrait.first { $0.field == field }?.values.map(\.value)
            .filter { !["(empty)", "(other)", "(none)"].contains($0) }.prefix(15).map { $0 } ?? []
    }

    func fields(_ pipelines: [ImplementationSpec.Pipeline]) -> [ImplementationSpec.Field] {
        let company = (b2c ? AuditText.fieldBuyer : .fieldCompany).text()
        let deal = AuditText.deal.text(), contact = AuditText.contact.text()
        let manager = AuditText.theManager.text(), exchange = AuditText.the1cExchange.text()
        let marketing = AuditText.marketing.text()
        let crm = AuditText.crm.text(),
            accounts = (oneC ? AuditText.accounting1C : .accountingSystem).text()
        func field(
            _ entity: LocalizedText, _ name: AuditText, _ type: String, values: [LocalizedText] = [],
            required: Bool = false, by: LocalizedText, from: LocalizedText
        ) -> ImplementationSpec.Field {
            ImplementationSpec.Field(
                entity: entity, name: name.text(), type: type, values: values,
                required: required, filledBy: by, source: from)
        }
        var channels = document.tables.channels.map(\.channel).filter { !$0.isEmpty && !$0.hasPrefix("(") }
        for source in dataValues("source") where !channels.contains(source) { channels.append(source) }
        var fields: [ImplementationSpec.Field] = [
            field(company, .fieldName, "text", required: true, by: oneC ? exchange : manager, from: oneC ? accounts : crm)
        ]
        if !b2c {
            fields.append(
                field(company, .fieldTaxID, "tax_id", required: true, by: oneC ? exchange : manager, from: oneC ? accounts : crm))
            fields.append(field(company, .fieldKPP, "text", by: exchange, from: accounts))
            fields.append(
                field(
                    company, .fieldIndustry, "list", values: dataValues("industry").map(LocalizedText.init(both:)), required: true,
                    by: manager, from: crm))
        }
        fields += [
            field(
                company, .fieldSegment, "list", values: dataValues("segment").map(LocalizedText.init(both:)), required: true, by: manager,
                from: crm),
            field(
                company, .fieldSource, "list", values: channels.prefix(15).map(LocalizedText.init(both:)), required: true, by: marketing,
                from: crm),
            field(
                company, .fieldResponsibleManager, "user", required: true,
                by: AuditText.theHeadOfSales.text(), from: crm),
            field(company, .fieldCity, "list", values: dataValues("city").map(LocalizedText.init(both:)), by: manager, from: crm),
            field(company, .fieldPhone, "phone", required: true, by: manager, from: crm),
            field(company, .fieldEmail, "email", required: !b2c, by: manager, from: crm),
            field(
                b2c ? company : contact, .fieldConsent,
                "text", by: manager, from: crm),
            field(
                company, .fieldABCClass, "list", values: ["A", "B", "C"].map(LocalizedText.init(both:)),
                by: (oneC ? AuditText.abcComputedIn1C : .abcComputed).text(),
                from: accounts),
        ]
        if b2c {
            fields.append(field(company, .fieldBirthDate, "date", by: manager, from: crm))
        } else {
            fields.append(field(contact, .fieldNameAndPosition, "text", required: true, by: manager, from: crm))
            fields.append(field(contact, .fieldPhone, "phone", required: true, by: manager, from: crm))
            fields.append(field(contact, .fieldEmail, "email", by: manager, from: crm))
        }
        fields += [
            field(deal, .fieldAmount, "money", required: true, by: manager, from: crm),
            field(
                deal, .fieldStage, "list",
                values: pipelines.first?.stages.map(\.name) ?? [],
                required: true, by: manager, from: crm),
            field(
                deal, .fieldSource, "list", values: channels.prefix(15).map(LocalizedText.init(both:)), required: true, by: manager,
                from: crm),
            field(
                deal, .fieldLossReason, "list",
                values: AuditText.lossReasons.items(separatedBy: "; "),
                required: true, by: manager, from: crm),
            field(deal, .fieldCostAndMargin, "money", by: exchange, from: accounts),
            field(deal, .field1COrderNumber, "text", by: exchange, from: accounts),
        ]
        return fields
    }

    // MARK: - Automations

    func automations(_ pipelines: [ImplementationSpec.Pipeline]) -> [ImplementationSpec.Automation] {
        let rhythmDays = Int((metric("customers.median_purchase_interval_days") ?? 30).rounded())
        let stalled = pipelines.first?.stages.first?.stalledAfterDays ?? 7
        let known: [String: (LocalizedText, LocalizedText, LocalizedText, LocalizedText)] = [
            "automation.win_back": (
                AuditText.aDailyCheck.text(),
                AuditText.aRegularCustomerHasNotBought.text(["rhythmDays": .value(rhythmDays)]),
                AuditText.aTaskForTheResponsibleManager.text(),
                AuditText.dailyAtDueInWorkingDays.text()
            ),
            "automation.key_account_drop": (
                AuditText.afterThe1cExchangeMonthly.text(),
                AuditText.aClassACustomerBoughtLess.text(),
                AuditText.aTaskForTheManagerAnd.text(),
                AuditText.onThe1stOfEachMonth.text()
            ),
            "automation.lead_sla": (
                AuditText.aNewEnquiryFormCallChat.text(),
                AuditText.noAnswerToTheCustomerWithin.text(),
                AuditText.afterMinutesANoticeToThe.text(),
                AuditText.atOnceOutOfHoursFrom.text()
            ),
            "automation.stalled_deal": (
                AuditText.aDailyCheck.text(),
                AuditText.aDealInOneStageFor.text(["stalled": .value(stalled)]),
                AuditText.aTaskForTheOwnerAfter.text(),
                AuditText.dailyAt.text()
            ),
            "automation.handover": (
                AuditText.aUserIsDeactivatedInThe.text(),
                AuditText.dash.text(),
                AuditText.customersDealsAndTasksPassTo.text(),
                AuditText.onTheDayTheyLeave.text()
            ),
            "automation.duplicate_check": (
                AuditText.aCompanyIsCreatedOrEdited.text(),
                AuditText.theTaxIdAndKppA.text(),
                AuditText.refuseToSaveOnATax.text(),
                AuditText.atOnce.text()
            ),
            "automation.key_account_touch": (
                AuditText.aDailyCheck.text(),
                AuditText.aClassACustomerWithNo.text(),
                AuditText.aTaskForTheManagerTo.text(), AuditText.daily.text()
            ),
            "automation.onboarding": (
                AuditText.aCustomerFirstPaidDeal.text(), AuditText.dash.text(),
                AuditText.aCallOnDayARepeat.text(),
                AuditText.andDaysAfterPayment.text(["rhythmDays": .value(rhythmDays)])
            ),
        ]
        return assessment.configuration.automations.map { item in
            let parts = known[item.id] ?? (AuditText.dash.text(), item.detail ?? AuditText.dash.text(), item.title, AuditText.dash.text())
            return ImplementationSpec.Automation(
                name: item.title, trigger: parts.0, condition: parts.1, action: parts.2, timing: parts.3, reasons: item.reasons)
        }
    }

    // MARK: - Roles

    func roles() -> [ImplementationSpec.Right] {
        let departments = Set(document.tables.managers.compactMap(\.department))
        let departmentScope =
            departments.count > 1
            ? AuditText.ownDepartment.text(["departments": .value(departments.sorted().joined(separator: ", "))])
            : AuditText.all.text()
        let company = (b2c ? AuditText.rightsBuyers : .rightsCompaniesAndContacts).text()
        let deals = AuditText.deals.text(), reports = AuditText.reports.text(), settings = AuditText.settingsAndExport.text()
        let own = AuditText.own.text(), all = AuditText.all2.text()
        var rights: [ImplementationSpec.Right] = [
            .init(role: AuditText.manager.text(), object: company, rights: "CRU", scope: own, seesMargin: false),
            .init(role: AuditText.manager.text(), object: deals, rights: "CRU", scope: own, seesMargin: false),
            .init(role: AuditText.manager.text(), object: reports, rights: "R", scope: own, seesMargin: false),
            .init(
                role: AuditText.headOfSales.text(), object: company, rights: "CRUD", scope: departmentScope, seesMargin: true),
            .init(
                role: AuditText.headOfSales.text(), object: deals, rights: "CRUDE", scope: departmentScope, seesMargin: true),
            .init(
                role: AuditText.headOfSales.text(), object: reports, rights: "RE", scope: departmentScope, seesMargin: true),
            .init(role: AuditText.ownerCeo.text(), object: reports, rights: "RE", scope: all, seesMargin: true),
            .init(role: AuditText.crmAdministrator.text(), object: settings, rights: "CRUDE", scope: all, seesMargin: false),
        ]
        if options("org_departments").contains("key_accounts")
            || assessment.findings.contains(where: { $0.isGap && $0.cause == "key-dependency" })
        {
            rights.insert(
                .init(
                    role: AuditText.keyAccountManager.text(), object: company, rights: "CRU",
                    scope: AuditText.ownAndClassACustomersAs.text(),
                    seesMargin: true), at: 3)
        }
        if options("org_departments").contains("marketing") || option("mkt_campaign_effect") != nil {
            rights.append(
                .init(
                    role: AuditText.marketer.text(), object: company, rights: "R",
                    scope: AuditText.allNoExportOfPhones.text(), seesMargin: false))
        }
        if options("org_departments").contains("field") || answers["org_field_staff"] == .bool(true) {
            rights.append(
                .init(
                    role: AuditText.fieldManager.text(), object: company, rights: "CRU",
                    scope: AuditText.ownInTheMobileApp.text(), seesMargin: false))
        }
        return rights
    }

    // MARK: - Integrations

    func integrations() -> [ImplementationSpec.Integration] {
        var result: [ImplementationSpec.Integration] = []
        if oneC {
            let config = option("int_1c_config")
            let connector: LocalizedText
            switch (config, option("int_1c_customised")) {
            case (_, "heavy"?):
                connector = AuditText.aCustomExchangeByA1c.text()
            case ("bp"?, _):
                connector = AuditText.anExchangeThroughEnterprisedataOrA.text()
            case ("ut"?, _), ("ka"?, _), ("erp"?, _), ("unf"?, _):
                connector = AuditText.thePlatformS1cConnectorUt.text()
            default: connector = AuditText.theChosenPlatformS1cExchange.text()
            }
            let orders = (metric("sales.orders_last_12m") ?? 0) / 12
            let often = orders > 300 ? AuditText.inRealTime.text() : AuditText.everyMinutes.text()
            let ordersMaster = config == "bp" ? AuditText.crm.text() : AuditText.n1cTheCustomerOrderDocument.text()
            result += [
                .init(
                    object: AuditText.companiesLegalDetailsInUtThe.text(),
                    master: AuditText.n1cANewCompanyIsCreated.text(),
                    direction: "CRM → 1С, 1С → CRM", frequency: often, connector: connector),
                .init(
                    object: AuditText.publishing1cForTheExchange.text(), master: AuditText.dash.text(), direction: "—",
                    frequency: AuditText.dash.text(),
                    connector: (option("int_1c_hosting") == "own_server" ? AuditText.oneCOnOwnServer : .oneCAsHostingAllows).text()),
                .init(
                    object: AuditText.contactsDealsActivities.text(), master: AuditText.crm.text(), direction: "CRM",
                    frequency: AuditText.dash.text(), connector: AuditText.dash.text()),
                .init(
                    object: AuditText.productsPricesStock.text(), master: AuditText.n1c.text(), direction: "1С → CRM",
                    frequency: AuditText.hourly.text(), connector: connector),
                .init(object: AuditText.orders.text(), master: ordersMaster, direction: "CRM ↔ 1С", frequency: often, connector: connector),
                .init(
                    object: AuditText.invoicesPaymentsShipments.text(), master: AuditText.n1c.text(), direction: "1С → CRM",
                    frequency: often, connector: connector),
                .init(
                    object: AuditText.costADealMargin.text(), master: AuditText.n1c.text(), direction: "1С → CRM",
                    frequency: AuditText.daily2.text(), connector: connector),
            ]
        } else if option("int_accounting") != nil {
            result.append(
                .init(
                    object: AuditText.invoicesAndPayments.text(), master: AuditText.theAccountingSystem.text(),
                    direction: "→ CRM",
                    frequency: AuditText.daily2.text(),
                    connector: AuditText.fileImportOrTheAccountingSystem.text()))
        }
        let phones = option("tools_phones")
        result.append(
            .init(
                object: AuditText.callsAndRecordings.text(), master: AuditText.telephony2.text(), direction: "→ CRM",
                frequency: AuditText.atOnce2.text(),
                connector: phones == "personal" || phones == "company_mobile"
                    ? AuditText.aCloudPbxWithAMobile.text()
                    : AuditText.pbxCrmTheCallerCard.text()))
        if !options("chan_messengers").filter({ $0 != "none" }).isEmpty {
            let labels = ["whatsapp": "WhatsApp", "telegram": "Telegram", "max": "MAX", "viber": "Viber"]
            let names = options("chan_messengers").filter { $0 != "none" }.map { labels[$0] ?? $0 }.joined(separator: ", ")
            result.append(
                .init(
                    object: AuditText.messengerConversations.text(["names": .value(names)]),
                    master: AuditText.theMessenger.text(), direction: "↔ CRM",
                    frequency: AuditText.atOnce2.text(),
                    connector: AuditText.aMessengerConnectorOnCompanyNumbers.text()))
        }
        result.append(
            .init(
                object: AuditText.mail.text(), master: AuditText.theMailServer.text(), direction: "↔ CRM",
                frequency: AuditText.atOnce2.text(),
                connector: AuditText.imapSmtpOfCompanyMailboxes.text()))
        if option("chan_web_forms") != "no_site" {
            result.append(
                .init(
                    object: AuditText.websiteEnquiries.text(), master: AuditText.theWebsite.text(), direction: "→ CRM",
                    frequency: AuditText.atOnce2.text(),
                    connector: AuditText.theWebsiteFormsAndChat.text()))
        }
        if let edo = option("chan_edo"), edo != "none" {
            result.append(
                .init(
                    object: AuditText.documentExchangeStatuses.text(),
                    master: (edo == "sbis" ? AuditText.edoSBIS : .edoDiadoc).text(),
                    direction: "→ 1С → CRM", frequency: AuditText.hourly2.text(),
                    connector: AuditText.through1cItsDocumentExchangeModule.text()))
        }
        return result
    }

    // MARK: - Dashboards

    func dashboards() -> [ImplementationSpec.KPI] {
        let by: LocalizedText
        if case .date(let day)? = answers["proj_golive"] {
            let target = day.adding(days: 183)
            by = .inEach { Formatter($0).date(target) }
        } else if case .date(let day)? = answers["goals_deadline"] {
            by = .inEach { Formatter($0).date(day) }
        } else {
            by = AuditText.monthsAfterLaunch.text()
        }
        let audiences: [(LocalizedText, [(String, LocalizedText)])] = [
            (
                AuditText.owner.text(),
                [
                    ("sales.growth_12m", AuditText.aboveToday.text()),
                    ("sales.gross_margin_last_12m", AuditText.noLowerThanToday.text()),
                    ("retention.revenue_12m", AuditText.noLowerThanTodayAnd.text()),
                    ("managers.dependency", AuditText.targetBelow25Percent.text()),
                ]
            ),
            (
                AuditText.headOfSales.text(),
                [
                    ("customers.overdue_regulars_revenue_share_12m", AuditText.halfOfToday.text()),
                    ("managers.unserved_revenue_share_12m", AuditText.targetZeroPercent.text()),
                    ("retention.rate_12m", AuditText.pp.text()),
                    ("deals.win_rate", AuditText.everyDealRecordedLostOnesIncluded.text()),
                    ("activities.active_customers_touched_share", AuditText.targetAtLeast80Percent.text()),
                ]
            ),
            (
                AuditText.marketing2.text(),
                [
                    ("channels.unknown_source_share", AuditText.targetBelow10Percent.text()),
                    ("customers.new_12m", AuditText.targetPlus10Percent.text()),
                    ("quality.email_consent_share", AuditText.aboveToday.text()),
                ]
            ),
        ]
        var kpis: [ImplementationSpec.KPI] = []
        for (audience, items) in audiences {
            for (metric, target) in items {
                guard let definition = MetricCatalogue.definition(of: metric) else { continue }
                let baseline =
                    Formatter(.en).metric(metric, in: document) == nil
                    ? AuditText.noDataYetStartMeasuring.text()
                    : .inEach { Formatter($0).metric(metric, in: document) ?? "" }
                kpis.append(.init(audience: audience, title: definition.title, metric: metric, baseline: baseline, target: target, by: by))
            }
        }
        return kpis
    }

    // MARK: - Migration

    func migration() -> [ImplementationSpec.MigrationStep] {
        func count(_ id: String) -> Int { Int(metric(id) ?? 0) }
        let accounts = (oneC ? AuditText.accounting1C : .accountingSystemLower).text()
        return [
            .init(
                step: AuditText.mergeDuplicateCustomers2.text(), source: AuditText.theCustomerList.text(),
                detail: AuditText.duplicateGroupsByTaxId.text([
                    "count": .value(count("quality.duplicate_groups")), "count2": .value(count("quality.tax_id_duplicate_groups")),
                ])),
            .init(
                step: AuditText.linkSalesWithoutACustomer.text(), source: accounts,
                detail: AuditText.saleLinesOutsideTheCustomerList.text(["count": .value(count("quality.orphan_sales_rows"))])),
            .init(
                step: AuditText.fixContactsAndTaxIds.text(), source: AuditText.theCustomerList.text(),
                detail: AuditText.invalidPhonesEMailsTaxIds.text([
                    "count": .value(count("quality.phones_invalid")), "count2": .value(count("quality.emails_invalid")),
                    "count3": .value(count("quality.tax_ids_invalid")),
                ])),
            .init(
                step: AuditText.assignOwners.text(), source: AuditText.theManagersList.text(),
                detail: AuditText.customersWithoutAWorkingManager.text(["count": .value(count("managers.unserved_customers"))])),
            .init(
                step: AuditText.loadCompaniesAndContacts.text(), source: accounts,
                detail: AuditText.afterTheCleanUpKeyedBy.text()),
            .init(
                step: AuditText.carryOverTheSalesHistory.text(), source: accounts,
                detail: AuditText.monthsOfSalesStayIn1c.text(["count": .value(count("sales.months"))])),
            .init(
                step: AuditText.moveTheOpenDeals.text(),
                source: AuditText.excelAndTheManagersNotes.text(),
                detail: AuditText.activeOnesOnlyWithAStage.text()),
            .init(
                step: AuditText.cutOver.text(), source: AuditText.dash.text(),
                detail: AuditText.onOneDayOldFilesRead.text()),
        ]
    }
}
