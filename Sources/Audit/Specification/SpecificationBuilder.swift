import Analytics
import AuditModel
import Rules

/// Builds the ``ImplementationSpec`` of an assessed round.
public struct SpecificationBuilder {
    let assessment: Assessment
    let answers: AnswerLookup
    let document: MetricDocument
    let format = (ru: Formatter(.ru), en: Formatter(.en))

    public init(_ assessment: Assessment) {
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

    public func build() -> ImplementationSpec {
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
                    name: LocalizedText(ru: "Компания", en: "Company"),
                    key: LocalizedText(
                        ru: "ИНН (+ КПП для филиалов); код контрагента 1С — как внешний ключ",
                        en: "Tax id (ИНН, + КПП for branches); the 1C counterparty code as the external key"),
                    note: LocalizedText(
                        ru: "Реквизиты ведутся в 1С, CRM их читает; дубль по ИНН запрещён",
                        en: "Legal details are kept in 1C and read by the CRM; a second company with the same tax id is refused")))
            entities.append(
                .init(
                    name: LocalizedText(ru: "Контакт", en: "Contact"),
                    key: LocalizedText(
                        ru: "Телефон в формате +7XXXXXXXXXX или email, в пределах компании",
                        en: "Phone as +7XXXXXXXXXX or e-mail, within the company"),
                    note: LocalizedText(
                        ru: "Контактные лица клиента с должностью и согласием на рассылку",
                        en: "The customer's people, with position and consent to mailings")))
        }
        if b2c || option("company_business_model") == "mixed" {
            entities.append(
                .init(
                    name: LocalizedText(ru: "Покупатель (частное лицо)", en: "Buyer (private person)"),
                    key: LocalizedText(
                        ru: "Телефон в формате +7XXXXXXXXXX (карта лояльности — дополнительный ключ)",
                        en: "Phone as +7XXXXXXXXXX (a loyalty card as an extra key)"),
                    note: LocalizedText(
                        ru: "Согласие на обработку и на рассылку — с датой и каналом получения",
                        en: "Consent to processing and to mailings, with its date and channel")))
        }
        entities.append(
            .init(
                name: LocalizedText(ru: "Сделка", en: "Deal"),
                key: LocalizedText(
                    ru: "Номер сделки CRM; номер заказа или счёта 1С — внешний ключ",
                    en: "The CRM deal number; the 1C order or invoice number as the external key"),
                note: LocalizedText(
                    ru: "Одна сделка — одна потребность клиента; повторные заказы — в своей воронке",
                    en: "One deal per customer need; repeat orders in their own pipeline")))
        entities.append(
            .init(
                name: LocalizedText(ru: "Товар", en: "Product"),
                key: LocalizedText(ru: "Код номенклатуры 1С", en: "The 1C item code"),
                note: LocalizedText(
                    ru: "Справочник ведётся в 1С; цены и остатки — из 1С", en: "The catalogue is kept in 1C; prices and stock come from 1C")
            ))
        entities.append(
            .init(
                name: LocalizedText(ru: "Активность", en: "Activity"),
                key: LocalizedText(
                    ru: "Звонок, встреча, письмо, сообщение — с клиентом и сделкой",
                    en: "A call, meeting, letter or message, linked to the customer and the deal"),
                note: LocalizedText(
                    ru: "Звонки и переписка попадают автоматически из телефонии, почты и мессенджеров",
                    en: "Calls and messages arrive automatically from telephony, mail and messengers")))
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
                LocalizedText(ru: "Запрос", en: "Request"), LocalizedText(ru: "Квалификация", en: "Qualification"),
                LocalizedText(ru: "Предложение", en: "Proposal"), LocalizedText(ru: "Согласование", en: "Approval"),
                LocalizedText(ru: "Оплата", en: "Payment"),
            ]
            : stated.map { LocalizedText(both: $0) }
        // As the configuration's stalled-deal alert: twice the cycle (a week at least), shared among the stages.
        let perStage = max(3, Int((max(7, 2 * cycleDays) / Double(names.count)).rounded(.up)))
        pipelines.append(
            .init(
                name: LocalizedText(
                    ru: stated.isEmpty ? "Новые продажи (типовые этапы: компания их не назвала)" : "Новые продажи — этапы компании",
                    en: stated.isEmpty ? "New sales (standard stages: the company named none)" : "New sales: the company's own stages"),
                purpose: LocalizedText(
                    ru:
                        "Новый клиент или новая потребность: от запроса до оплаты; цикл \(Int(cycleDays.rounded())) дн., зависание — после \(perStage) дн. на этапе (2 × цикл / число этапов)",
                    en:
                        "A new customer or a new need, from the request to payment; cycle \(Int(cycleDays.rounded())) days, stalled after \(perStage) days in a stage (2 × cycle / stages)"
                ),
                stages: names.enumerated().map { index, name in
                    stage(name, index: index, count: names.count, stalledAfter: perStage)
                }))
        let repeatRate = metric("customers.repeat_rate") ?? 0
        if oneC, repeatRate >= 0.4 || ["wholesale", "manufacturing"].contains(assessment.engagement.industry.map(AuditSetup.slug) ?? "") {
            let rhythm = max(7, Int((metric("customers.median_purchase_interval_days") ?? 30).rounded()))
            pipelines.append(
                .init(
                    name: LocalizedText(ru: "Повторные заказы — по документам 1С", en: "Repeat orders, driven by 1C documents"),
                    purpose: LocalizedText(
                        ru:
                            "Постоянные клиенты: заказ создаётся в CRM или приходит из 1С, этапы двигают документы 1С; обычный интервал между покупками — \(rhythm) дн.",
                        en:
                            "Regular customers: the order is created in the CRM or comes from 1C, and 1C documents move its stages; the usual interval between purchases is \(rhythm) days"
                    ),
                    stages: [
                        .init(
                            name: LocalizedText(ru: "Заказ", en: "Order"),
                            exitCriterion: LocalizedText(
                                ru: "Заказ клиента создан в 1С (номер в сделке)",
                                en: "The customer order exists in 1C (its number in the deal)"),
                            requiredFields: LocalizedText(ru: "Компания, состав заказа, сумма", en: "Company, order lines, amount"),
                            probability: 0.8, stalledAfterDays: 2),
                        .init(
                            name: LocalizedText(ru: "Счёт", en: "Invoice"),
                            exitCriterion: LocalizedText(ru: "Счёт выставлен в 1С", en: "The invoice is issued in 1C"),
                            requiredFields: LocalizedText(ru: "Номер счёта 1С", en: "The 1C invoice number"), probability: 0.9,
                            stalledAfterDays: 5),
                        .init(
                            name: LocalizedText(ru: "Оплата", en: "Payment"),
                            exitCriterion: LocalizedText(ru: "Оплата поступила (из 1С)", en: "Payment received (from 1C)"),
                            requiredFields: LocalizedText(ru: "Дата и сумма оплаты", en: "Payment date and amount"), probability: 0.95,
                            stalledAfterDays: 7),
                        .init(
                            name: LocalizedText(ru: "Отгрузка", en: "Shipment"),
                            exitCriterion: LocalizedText(ru: "Отгрузка проведена в 1С", en: "The shipment is posted in 1C"),
                            requiredFields: LocalizedText(ru: "Номер реализации 1С", en: "The 1C sales document number"), probability: 1,
                            stalledAfterDays: 5),
                    ]))
        }
        return pipelines
    }

    /// A stage's exit criterion and required fields, recognised from its name.
    func stage(_ name: LocalizedText, index: Int, count: Int, stalledAfter: Int) -> ImplementationSpec.Stage {
        let lower = (name.ru + " " + name.en).lowercased()
        func has(_ words: [String]) -> Bool { words.contains { lower.contains($0) } }
        let exit: LocalizedText, required: LocalizedText
        if has(["запрос", "заявк", "обращен", "лид", "request", "lead", "enquiry"]) {
            exit = LocalizedText(
                ru: "Потребность и контакт записаны, компания найдена по ИНН",
                en: "The need and the contact are recorded, the company found by its tax id")
            required = LocalizedText(ru: "Источник, компания (ИНН), контакт, потребность", en: "Source, company (tax id), contact, need")
        } else if has(["расч", "кп", "предлож", "смет", "quote", "proposal", "estimate", "costing"]) {
            exit = LocalizedText(
                ru: "Предложение отправлено из CRM, дата отправки записана", en: "The proposal is sent from the CRM, its date recorded")
            required = LocalizedText(ru: "Сумма, состав, срок ответа клиента", en: "Amount, contents, the customer's reply date")
        } else if has(["счёт", "счет", "invoice"]) {
            exit = LocalizedText(ru: "Счёт выставлен в 1С, его номер в сделке", en: "The invoice is issued in 1C, its number in the deal")
            required = LocalizedText(ru: "Номер счёта 1С, сумма", en: "The 1C invoice number, amount")
        } else if has(["оплат", "payment", "paid"]) {
            exit = LocalizedText(ru: "Оплата поступила (по обмену с 1С)", en: "Payment received (through the 1C exchange)")
            required = LocalizedText(ru: "Дата и сумма оплаты", en: "Payment date and amount")
        } else if has(["отгруз", "доставк", "shipment", "delivery"]) {
            exit = LocalizedText(ru: "Отгрузка проведена в 1С", en: "The shipment is posted in 1C")
            required = LocalizedText(ru: "Номер реализации 1С", en: "The 1C sales document number")
        } else if has(["договор", "контракт", "соглас", "contract", "approval", "negotiat"]) {
            exit = LocalizedText(ru: "Договор подписан, скан во вложении", en: "The contract is signed, a scan attached")
            required = LocalizedText(ru: "Номер и дата договора", en: "Contract number and date")
        } else {
            exit = LocalizedText(
                ru: "Следующий шаг согласован с клиентом, дата назначена", en: "The next step is agreed with the customer and dated")
            required = LocalizedText(ru: "Следующий шаг и его дата", en: "The next step and its date")
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
        let company = LocalizedText(ru: b2c ? "Покупатель" : "Компания", en: b2c ? "Buyer" : "Company")
        let deal = LocalizedText(ru: "Сделка", en: "Deal"), contact = LocalizedText(ru: "Контакт", en: "Contact")
        let manager = LocalizedText(ru: "Менеджер", en: "The manager"), exchange = LocalizedText(ru: "Обмен с 1С", en: "The 1C exchange")
        let marketing = LocalizedText(ru: "Маркетинг", en: "Marketing")
        let crm = LocalizedText(ru: "CRM", en: "CRM"),
            accounts = LocalizedText(ru: oneC ? "1С" : "Учётная система", en: oneC ? "1C" : "The accounting system")
        func field(
            _ entity: LocalizedText, _ ru: String, _ en: String, _ type: String, values: [String] = [], valuesEN: [String]? = nil,
            required: Bool = false, by: LocalizedText, from: LocalizedText
        ) -> ImplementationSpec.Field {
            ImplementationSpec.Field(
                entity: entity, name: LocalizedText(ru: ru, en: en), type: type, values: values, valuesEN: valuesEN,
                required: required, filledBy: by, source: from)
        }
        var channels = document.tables.channels.map(\.channel).filter { !$0.isEmpty && !$0.hasPrefix("(") }
        for source in dataValues("source") where !channels.contains(source) { channels.append(source) }
        var fields: [ImplementationSpec.Field] = [
            field(company, "Наименование", "Name", "text", required: true, by: oneC ? exchange : manager, from: oneC ? accounts : crm)
        ]
        if !b2c {
            fields.append(
                field(company, "ИНН", "Tax id (ИНН)", "tax_id", required: true, by: oneC ? exchange : manager, from: oneC ? accounts : crm))
            fields.append(field(company, "КПП", "KPP (branch code)", "text", by: exchange, from: accounts))
            fields.append(
                field(company, "Отрасль", "Industry", "list", values: dataValues("industry"), required: true, by: manager, from: crm))
        }
        fields += [
            field(company, "Сегмент", "Segment", "list", values: dataValues("segment"), required: true, by: manager, from: crm),
            field(company, "Источник", "Source", "list", values: Array(channels.prefix(15)), required: true, by: marketing, from: crm),
            field(
                company, "Ответственный менеджер", "Responsible manager", "user", required: true,
                by: LocalizedText(ru: "Руководитель продаж", en: "The head of sales"), from: crm),
            field(company, "Город", "City", "list", values: dataValues("city"), by: manager, from: crm),
            field(company, "Телефон", "Phone", "phone", required: true, by: manager, from: crm),
            field(company, "Email", "E-mail", "email", required: !b2c, by: manager, from: crm),
            field(
                b2c ? company : contact, "Согласие на рассылку: дата, канал, документ", "Consent to mailings: date, channel, document",
                "text", by: manager, from: crm),
            field(
                company, "Класс ABC", "ABC class", "list", values: ["A", "B", "C"],
                by: LocalizedText(
                    ru: oneC ? "Расчёт в 1С по выручке 12 месяцев, передаётся в CRM" : "Расчёт по выручке 12 месяцев",
                    en: oneC ? "Computed in 1C from 12 months' revenue and passed to the CRM" : "Computed from 12 months' revenue"),
                from: accounts),
        ]
        if b2c {
            fields.append(field(company, "Дата рождения", "Birth date", "date", by: manager, from: crm))
        } else {
            fields.append(field(contact, "ФИО и должность", "Name and position", "text", required: true, by: manager, from: crm))
            fields.append(field(contact, "Телефон", "Phone", "phone", required: true, by: manager, from: crm))
            fields.append(field(contact, "Email", "E-mail", "email", by: manager, from: crm))
        }
        fields += [
            field(deal, "Сумма", "Amount", "money", required: true, by: manager, from: crm),
            field(
                deal, "Этап", "Stage", "list",
                values: pipelines.first?.stages.map { $0.name.ru == $0.name.en ? $0.name.ru : $0.name.ru + " / " + $0.name.en } ?? [],
                required: true, by: manager, from: crm),
            field(deal, "Источник", "Source", "list", values: Array(channels.prefix(15)), required: true, by: manager, from: crm),
            field(
                deal, "Причина проигрыша", "Loss reason", "list",
                values: ["Цена", "Сроки", "Конкурент", "Нет бюджета", "Нет ответа", "Нет в наличии"],
                valuesEN: ["Price", "Timing", "Competitor", "No budget", "No answer", "Out of stock"],
                required: true, by: manager, from: crm),
            field(deal, "Себестоимость и маржа", "Cost and margin", "money", by: exchange, from: accounts),
            field(deal, "Номер заказа / счёта 1С", "1C order / invoice number", "text", by: exchange, from: accounts),
        ]
        return fields
    }

    // MARK: - Automations

    func automations(_ pipelines: [ImplementationSpec.Pipeline]) -> [ImplementationSpec.Automation] {
        let rhythmDays = Int((metric("customers.median_purchase_interval_days") ?? 30).rounded())
        let stalled = pipelines.first?.stages.first?.stalledAfterDays ?? 7
        func lt(_ ru: String, _ en: String) -> LocalizedText { LocalizedText(ru: ru, en: en) }
        let known: [String: (LocalizedText, LocalizedText, LocalizedText, LocalizedText)] = [
            "automation.win_back": (
                lt("Ежедневная проверка", "A daily check"),
                lt(
                    "Постоянный клиент не покупал дольше двух своих обычных интервалов (не меньше 30 дней; типичный интервал компании — \(rhythmDays) дн.)",
                    "A regular customer has not bought for over twice their own usual interval (at least 30 days; the company's typical interval is \(rhythmDays) days)"
                ),
                lt(
                    "Задача ответственному менеджеру «позвонить и узнать причину»; если менеджера нет — руководителю продаж",
                    "A task for the responsible manager to call and find out why; to the head of sales when there is none"),
                lt("Каждый день в 9:00, срок задачи — 2 рабочих дня", "Daily at 9:00, due in 2 working days")
            ),
            "automation.key_account_drop": (
                lt("После обмена с 1С, раз в месяц", "After the 1C exchange, monthly"),
                lt(
                    "Клиент класса A купил за 3 месяца меньше 70 % того же периода прошлого года",
                    "A class A customer bought less than 70 % of the same 3 months a year before"),
                lt(
                    "Задача менеджеру и уведомление руководителю продаж с цифрами падения",
                    "A task for the manager and a notice to the head of sales with the figures"),
                lt("1-го числа месяца", "On the 1st of each month")
            ),
            "automation.lead_sla": (
                lt("Новая заявка: форма, звонок, чат, письмо", "A new enquiry: form, call, chat, letter"),
                lt("Нет ответа клиенту за 15 минут рабочего времени", "No answer to the customer within 15 working minutes"),
                lt(
                    "Через 15 минут — уведомление менеджеру и руководителю; через час — передать дежурному по графику",
                    "After 15 minutes a notice to the manager and the head of sales; after an hour, hand over to the manager on duty by the rota"
                ),
                lt(
                    "Сразу; в нерабочее время — с начала следующего рабочего дня",
                    "At once; out of hours, from the start of the next working day")
            ),
            "automation.stalled_deal": (
                lt("Ежедневная проверка", "A daily check"),
                lt("Сделка на одном этапе дольше \(stalled) дн.", "A deal in one stage for longer than \(stalled) days"),
                lt(
                    "Задача ответственному; через 3 дня без движения — руководителю продаж",
                    "A task for the owner; after 3 more days without movement, to the head of sales"),
                lt("Каждый день в 9:00", "Daily at 9:00")
            ),
            "automation.handover": (
                lt("Сотрудник отключён в CRM (увольнение)", "A user is deactivated in the CRM (leaves)"),
                lt("—", "—"),
                lt(
                    "Клиенты, сделки и задачи переходят руководителю продаж для распределения; после назначения нового менеджера клиенту уходит письмо от него",
                    "Customers, deals and tasks pass to the head of sales for reassignment; once a new manager is assigned, the customer gets a letter from them"
                ),
                lt("В день увольнения", "On the day they leave")
            ),
            "automation.duplicate_check": (
                lt("Создание или изменение компании", "A company is created or edited"),
                lt(
                    "Совпадает ИНН и КПП (у ИП — ИНН), телефон или email с существующей записью",
                    "The tax id and KPP (a sole trader's tax id alone), phone or e-mail matches an existing record"),
                lt(
                    "Запретить сохранение при совпадении ИНН и КПП и показать, чей клиент; по телефону или email — предложить объединить",
                    "Refuse to save on a tax id and KPP match, showing whose customer it is; offer a merge on a phone or e-mail match"),
                lt("Сразу", "At once")
            ),
            "automation.key_account_touch": (
                lt("Ежедневная проверка", "A daily check"),
                lt("Клиент класса A без записанного контакта 30 дней", "A class A customer with no recorded contact for 30 days"),
                lt("Задача менеджеру «связаться»", "A task for the manager to get in touch"), lt("Каждый день", "Daily")
            ),
            "automation.onboarding": (
                lt("Первая оплаченная сделка клиента", "A customer's first paid deal"), lt("—", "—"),
                lt(
                    "Звонок на 3-й день, повторное предложение через обычный интервал, разбор на 90-й день",
                    "A call on day 3, a repeat offer at the usual interval, a review on day 90"),
                lt("3, \(rhythmDays) и 90 дней после оплаты", "3, \(rhythmDays) and 90 days after payment")
            ),
        ]
        return assessment.configuration.automations.map { item in
            let parts = known[item.id] ?? (lt("—", "—"), item.detail ?? lt("—", "—"), item.title, lt("—", "—"))
            return ImplementationSpec.Automation(
                name: item.title, trigger: parts.0, condition: parts.1, action: parts.2, timing: parts.3, reasons: item.reasons)
        }
    }

    // MARK: - Roles

    func roles() -> [ImplementationSpec.Right] {
        let departments = Set(document.tables.managers.compactMap(\.department))
        let departmentScope =
            departments.count > 1
            ? LocalizedText(
                ru: "свой отдел (\(departments.sorted().joined(separator: ", ")))",
                en: "own department (\(departments.sorted().joined(separator: ", ")))")
            : LocalizedText(ru: "все", en: "all")
        func lt(_ ru: String, _ en: String) -> LocalizedText { LocalizedText(ru: ru, en: en) }
        let company = lt(b2c ? "Покупатели" : "Компании и контакты", b2c ? "Buyers" : "Companies and contacts")
        let deals = lt("Сделки", "Deals"), reports = lt("Отчёты", "Reports"), settings = lt("Настройки и выгрузка", "Settings and export")
        let own = lt("свои", "own"), all = lt("все", "all")
        var rights: [ImplementationSpec.Right] = [
            .init(role: lt("Менеджер", "Manager"), object: company, rights: "CRU", scope: own, seesMargin: false),
            .init(role: lt("Менеджер", "Manager"), object: deals, rights: "CRU", scope: own, seesMargin: false),
            .init(role: lt("Менеджер", "Manager"), object: reports, rights: "R", scope: own, seesMargin: false),
            .init(
                role: lt("Руководитель продаж", "Head of sales"), object: company, rights: "CRUD", scope: departmentScope, seesMargin: true),
            .init(
                role: lt("Руководитель продаж", "Head of sales"), object: deals, rights: "CRUDE", scope: departmentScope, seesMargin: true),
            .init(
                role: lt("Руководитель продаж", "Head of sales"), object: reports, rights: "RE", scope: departmentScope, seesMargin: true),
            .init(role: lt("Собственник / директор", "Owner / CEO"), object: reports, rights: "RE", scope: all, seesMargin: true),
            .init(role: lt("Администратор CRM", "CRM administrator"), object: settings, rights: "CRUDE", scope: all, seesMargin: false),
        ]
        if options("org_departments").contains("key_accounts")
            || assessment.findings.contains(where: { $0.isGap && $0.cause == "key-dependency" })
        {
            rights.insert(
                .init(
                    role: lt("Менеджер ключевых клиентов", "Key account manager"), object: company, rights: "CRU",
                    scope: lt("свои и клиенты класса A как второй ответственный", "own, and class A customers as the second owner"),
                    seesMargin: true), at: 3)
        }
        if options("org_departments").contains("marketing") || option("mkt_campaign_effect") != nil {
            rights.append(
                .init(
                    role: lt("Маркетолог", "Marketer"), object: company, rights: "R",
                    scope: lt("все, без выгрузки телефонов", "all, no export of phones"), seesMargin: false))
        }
        if options("org_departments").contains("field") || answers["org_field_staff"] == .bool(true) {
            rights.append(
                .init(
                    role: lt("Выездной менеджер", "Field manager"), object: company, rights: "CRU",
                    scope: lt("свои, в мобильном приложении", "own, in the mobile app"), seesMargin: false))
        }
        return rights
    }

    // MARK: - Integrations

    func integrations() -> [ImplementationSpec.Integration] {
        func lt(_ ru: String, _ en: String) -> LocalizedText { LocalizedText(ru: ru, en: en) }
        var result: [ImplementationSpec.Integration] = []
        if oneC {
            let config = option("int_1c_config")
            let connector: LocalizedText
            switch (config, option("int_1c_customised")) {
            case (_, "heavy"?):
                connector = lt(
                    "Свой обмен силами программиста 1С (конфигурация сильно доработана)",
                    "A custom exchange by a 1C programmer (the configuration is heavily customised)")
            case ("bp"?, _):
                connector = lt(
                    "Обмен через EnterpriseData или коннектор партнёра: в «Бухгалтерии» нет заказов клиентов",
                    "An exchange through EnterpriseData or a partner's connector: 1C:Accounting holds no customer orders")
            case ("ut"?, _), ("ka"?, _), ("erp"?, _), ("unf"?, _):
                connector = lt(
                    "Коннектор платформы к 1С (УТ/КА/ERP/УНФ) — выбрать на пилоте по списку доработок 1С; ключ — GUID объектов 1С",
                    "The platform's 1C connector (UT/KA/ERP/UNF), chosen in the pilot against the list of 1C customisations; keyed by the 1C objects' GUIDs"
                )
            default: connector = lt("Модуль обмена с 1С выбранной платформы", "The chosen platform's 1C exchange module")
            }
            let orders = (metric("sales.orders_last_12m") ?? 0) / 12
            let often = orders > 300 ? lt("в реальном времени", "in real time") : lt("каждые 15 минут", "every 15 minutes")
            let ordersMaster = config == "bp" ? lt("CRM", "CRM") : lt("1С (документ «Заказ клиента»)", "1C (the customer order document)")
            result += [
                .init(
                    object: lt(
                        "Компании: реквизиты (в УТ — партнёр и контрагенты)",
                        "Companies: legal details (in UT, the partner and its counterparties)"),
                    master: lt(
                        "1С; новая компания создаётся в CRM и передаётся в 1С", "1C; a new company is created in the CRM and passed to 1C"),
                    direction: "CRM → 1С, 1С → CRM", frequency: often, connector: connector),
                .init(
                    object: lt("Публикация 1С для обмена", "Publishing 1C for the exchange"), master: lt("—", "—"), direction: "—",
                    frequency: lt("—", "—"),
                    connector: lt(
                        option("int_1c_hosting") == "own_server"
                            ? "HTTP-сервис 1С на своём сервере, доступ из облака CRM и согласование с безопасностью"
                            : "По возможностям хостинга 1С",
                        option("int_1c_hosting") == "own_server"
                            ? "A 1C HTTP service on the own server, reachable from the CRM's cloud, cleared with security"
                            : "As the 1C hosting allows")),
                .init(
                    object: lt("Контакты, сделки, активности", "Contacts, deals, activities"), master: lt("CRM", "CRM"), direction: "CRM",
                    frequency: lt("—", "—"), connector: lt("—", "—")),
                .init(
                    object: lt("Товары, цены, остатки", "Products, prices, stock"), master: lt("1С", "1C"), direction: "1С → CRM",
                    frequency: lt("каждый час", "hourly"), connector: connector),
                .init(object: lt("Заказы", "Orders"), master: ordersMaster, direction: "CRM ↔ 1С", frequency: often, connector: connector),
                .init(
                    object: lt("Счета, оплаты, отгрузки", "Invoices, payments, shipments"), master: lt("1С", "1C"), direction: "1С → CRM",
                    frequency: often, connector: connector),
                .init(
                    object: lt("Себестоимость (маржа сделки)", "Cost (a deal's margin)"), master: lt("1С", "1C"), direction: "1С → CRM",
                    frequency: lt("раз в день", "daily"), connector: connector),
            ]
        } else if option("int_accounting") != nil {
            result.append(
                .init(
                    object: lt("Счета и оплаты", "Invoices and payments"), master: lt("Учётная система", "The accounting system"),
                    direction: "→ CRM",
                    frequency: lt("раз в день", "daily"),
                    connector: lt("Импорт файлов или API учётной системы", "File import or the accounting system's API")))
        }
        let phones = option("tools_phones")
        result.append(
            .init(
                object: lt("Звонки и записи разговоров", "Calls and recordings"), master: lt("Телефония", "Telephony"), direction: "→ CRM",
                frequency: lt("сразу", "at once"),
                connector: phones == "personal" || phones == "company_mobile"
                    ? lt(
                        "Облачная АТС с приложением на мобильных и интеграцией с CRM (номера — компании)",
                        "A cloud PBX with a mobile app and a CRM integration (company numbers)")
                    : lt(
                        "Интеграция АТС с CRM: карточка звонящего, запись в истории",
                        "PBX ↔ CRM: the caller's card, the recording in the history")))
        if !options("chan_messengers").filter({ $0 != "none" }).isEmpty {
            let labels = ["whatsapp": "WhatsApp", "telegram": "Telegram", "max": "MAX", "viber": "Viber"]
            let names = options("chan_messengers").filter { $0 != "none" }.map { labels[$0] ?? $0 }.joined(separator: ", ")
            result.append(
                .init(
                    object: lt("Переписка в мессенджерах (\(names))", "Messenger conversations (\(names))"),
                    master: lt("Мессенджер", "The messenger"), direction: "↔ CRM",
                    frequency: lt("сразу", "at once"),
                    connector: lt(
                        "Коннектор мессенджеров на номерах компании (не личных)",
                        "A messenger connector on company numbers (not personal ones)")))
        }
        result.append(
            .init(
                object: lt("Почта", "Mail"), master: lt("Почтовый сервер", "The mail server"), direction: "↔ CRM",
                frequency: lt("сразу", "at once"),
                connector: lt("IMAP/SMTP корпоративных ящиков", "IMAP/SMTP of company mailboxes")))
        if option("chan_web_forms") != "no_site" {
            result.append(
                .init(
                    object: lt("Заявки с сайта", "Website enquiries"), master: lt("Сайт", "The website"), direction: "→ CRM",
                    frequency: lt("сразу", "at once"),
                    connector: lt(
                        "Формы и чат сайта через вебхук или виджет CRM",
                        "The website's forms and chat through a webhook or the CRM's widget")))
        }
        if let edo = option("chan_edo"), edo != "none" {
            result.append(
                .init(
                    object: lt("Статусы документов ЭДО", "Document exchange statuses"),
                    master: lt(edo == "sbis" ? "СБИС" : "Диадок", edo == "sbis" ? "SBIS" : "Diadoc"),
                    direction: "→ 1С → CRM", frequency: lt("раз в час", "hourly"),
                    connector: lt("Через 1С (модуль ЭДО)", "Through 1C (its document exchange module)")))
        }
        return result
    }

    // MARK: - Dashboards

    func dashboards() -> [ImplementationSpec.KPI] {
        func lt(_ ru: String, _ en: String) -> LocalizedText { LocalizedText(ru: ru, en: en) }
        let by: LocalizedText
        if case .date(let day)? = answers["proj_golive"] {
            let target = day.adding(days: 183)
            by = LocalizedText(ru: format.ru.date(target), en: format.en.date(target))
        } else if case .date(let day)? = answers["goals_deadline"] {
            by = LocalizedText(ru: format.ru.date(day), en: format.en.date(day))
        } else {
            by = lt("через 6 месяцев после запуска", "6 months after launch")
        }
        let audiences: [(LocalizedText, [(String, LocalizedText)])] = [
            (
                lt("Собственник", "Owner"),
                [
                    ("sales.growth_12m", lt("выше, чем сейчас", "above today's")),
                    ("sales.gross_margin_last_12m", lt("не ниже, чем сейчас", "no lower than today's")),
                    ("retention.revenue_12m", lt("не ниже, чем сейчас, и не меньше 100 %", "no lower than today's, and at least 100 %")),
                    ("managers.dependency", lt("< 25 %", "< 25 %")),
                ]
            ),
            (
                lt("Руководитель продаж", "Head of sales"),
                [
                    ("customers.overdue_regulars_revenue_share_12m", lt("вдвое меньше", "half of today's")),
                    ("managers.unserved_revenue_share_12m", lt("0 %", "0 %")),
                    ("retention.rate_12m", lt("+10 п. п.", "+10 pp")),
                    ("deals.win_rate", lt("вести все сделки, включая проигранные", "every deal recorded, lost ones included")),
                    ("activities.active_customers_touched_share", lt("≥ 80 %", "≥ 80 %")),
                ]
            ),
            (
                lt("Маркетинг", "Marketing"),
                [
                    ("channels.unknown_source_share", lt("< 10 %", "< 10 %")),
                    ("customers.new_12m", lt("+10 %", "+10 %")),
                    ("quality.email_consent_share", lt("выше, чем сейчас", "above today's")),
                ]
            ),
        ]
        var kpis: [ImplementationSpec.KPI] = []
        for (audience, items) in audiences {
            for (metric, target) in items {
                guard let definition = MetricCatalogue.definition(of: metric) else { continue }
                let ru = format.ru.metric(metric, in: document), en = format.en.metric(metric, in: document)
                let baseline =
                    ru.map { LocalizedText(ru: $0, en: en ?? $0) } ?? lt("нет данных — начать считать", "no data yet: start measuring")
                kpis.append(.init(audience: audience, title: definition.title, metric: metric, baseline: baseline, target: target, by: by))
            }
        }
        return kpis
    }

    // MARK: - Migration

    func migration() -> [ImplementationSpec.MigrationStep] {
        func lt(_ ru: String, _ en: String) -> LocalizedText { LocalizedText(ru: ru, en: en) }
        func count(_ id: String) -> Int { Int(metric(id) ?? 0) }
        let accounts = lt(oneC ? "1С" : "учётная система", oneC ? "1C" : "the accounting system")
        return [
            .init(
                step: lt("Объединить дубли клиентов", "Merge duplicate customers"), source: lt("список клиентов", "the customer list"),
                detail: lt(
                    "групп дублей: \(count("quality.duplicate_groups")), из них по ИНН: \(count("quality.tax_id_duplicate_groups"))",
                    "duplicate groups: \(count("quality.duplicate_groups")), by tax id: \(count("quality.tax_id_duplicate_groups"))")),
            .init(
                step: lt("Привязать продажи без клиента", "Link sales without a customer"), source: accounts,
                detail: lt(
                    "строк продаж вне списка клиентов: \(count("quality.orphan_sales_rows"))",
                    "sale lines outside the customer list: \(count("quality.orphan_sales_rows"))")),
            .init(
                step: lt("Исправить контакты и ИНН", "Fix contacts and tax ids"), source: lt("список клиентов", "the customer list"),
                detail: lt(
                    "некорректных телефонов: \(count("quality.phones_invalid")), email: \(count("quality.emails_invalid")), ИНН: \(count("quality.tax_ids_invalid"))",
                    "invalid phones: \(count("quality.phones_invalid")), e-mails: \(count("quality.emails_invalid")), tax ids: \(count("quality.tax_ids_invalid"))"
                )),
            .init(
                step: lt("Назначить ответственных", "Assign owners"), source: lt("список менеджеров", "the managers' list"),
                detail: lt(
                    "клиентов без работающего менеджера: \(count("managers.unserved_customers"))",
                    "customers without a working manager: \(count("managers.unserved_customers"))")),
            .init(
                step: lt("Загрузить компании и контакты", "Load companies and contacts"), source: accounts,
                detail: lt(
                    "после чистки, ключ — ИНН/код контрагента; личные файлы менеджеров — через общий шаблон",
                    "after the clean-up, keyed by tax id / counterparty code; managers' personal files through one template")),
            .init(
                step: lt("Перенести итоги истории продаж", "Carry over the sales history's totals"), source: accounts,
                detail: lt(
                    "\(count("sales.months")) мес. продаж остаются в 1С; в карточку компании — выручка и маржа за 12 и 24 месяца, последняя покупка, средний интервал (автоматизации на время загрузки выключить)",
                    "\(count("sales.months")) months of sales stay in 1C; the company record gets revenue and margin for 12 and 24 months, the last purchase and the mean interval (automations off during the load)"
                )),
            .init(
                step: lt("Перенести открытые сделки", "Move the open deals"),
                source: lt("Excel и записи менеджеров", "Excel and the managers' notes"),
                detail: lt(
                    "только активные, с этапом и следующим шагом; старше двух циклов — закрыть с причиной",
                    "active ones only, with a stage and a next step; older than two cycles — closed with a reason")),
            .init(
                step: lt("Переключение", "Cut-over"), source: lt("—", "—"),
                detail: lt(
                    "в один день: старые файлы — только чтение, новые сделки — только в CRM",
                    "on one day: old files read-only, new deals in the CRM only")),
        ]
    }
}
