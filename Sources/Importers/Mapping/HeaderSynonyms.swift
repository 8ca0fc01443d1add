import AuditModel

/// The header names, Russian and English, that each canonical field is recognised by.
///
/// Names are compared after ``normalizeKey(_:)``: case, spaces, punctuation and `ё` do not
/// matter, so `Сумма, руб.`, `сумма руб` and `СУММА_РУБ` are the same name. Earlier names in a
/// list win when two columns claim one field (`Код клиента` over `Клиент`).
package enum HeaderSynonyms {
    package static func names(of field: String, kind: DatasetKind) -> [String] {
        (table[kind]?[field] ?? []) + [field]
    }

    /// Normalised name → (field, rank) for `kind`.
    package static func index(for kind: DatasetKind) -> [String: (field: String, rank: Int)] {
        var index: [String: (field: String, rank: Int)] = [:]
        for spec in kind.fields {
            for (rank, name) in names(of: spec.name, kind: kind).enumerated() {
                let key = normalizeKey(name)
                if let existing = index[key], existing.rank <= rank { continue }
                index[key] = (spec.name, rank)
            }
        }
        return index
    }

    /// Unit words that may trail a header name (`Сумма, руб.`, `Количество, шт`).
    package static let unitSuffixes = ["руб", "рублей", "rub", "rur", "р", "шт", "pcs", "usd", "eur", "сндс", "вруб"]

    static let table: [DatasetKind: [String: [String]]] = [
        .customers: [
            "customer_id": [
                "Код", "Код клиента", "Код контрагента", "Код покупателя", "ID клиента", "ID",
                "Customer ID", "Client ID", "Customer code", "Номер клиента", "Идентификатор", "Клиент ID",
                "ИД", "Код партнера", "Контрагент код", "Клиент код", "Покупатель код", "ID компании", "ID контакта",
                "Account ID", "Company ID", "Record ID", "Organization ID", "Organization - ID", "Contact ID",
            ],
            "name": [
                "Наименование", "Контрагент", "Клиент", "Покупатель", "Название", "Наименование контрагента",
                "Полное наименование", "Название компании", "Организация", "Компания", "ФИО", "ФИО клиента",
                "Customer", "Customer name", "Client", "Name", "Company", "Партнер", "Account name", "Company name",
                "Organization name", "Organization - Name", "Full name", "Contact name", "Полное имя",
            ],
            "type": [
                "Тип", "Тип клиента", "Тип контрагента", "Вид контрагента", "Юр физ лицо", "Юр/физ", "Вид лица",
                "Юридическое физическое лицо", "Customer type", "Type", "Legal form",
            ],
            "tax_id": ["ИНН", "ИНН клиента", "ИНН контрагента", "INN", "Tax ID", "TIN", "VAT", "VAT ID"],
            "email": [
                "Email", "E-mail", "Эл. почта", "Эл почта", "Электронная почта", "Почта", "Адрес электронной почты",
                "E-mail адрес", "Mail", "Email address", "Рабочий email", "Рабочий e-mail", "Email рабочий",
                "Личный email", "Work email",
            ],
            "phone": [
                "Телефон", "Тел", "Тел.", "Мобильный", "Мобильный телефон", "Контактный телефон", "Телефоны",
                "Phone", "Phone number", "Mobile", "Mobile phone", "Tel", "Телефон клиента", "Телефон мобильный",
                "Рабочий телефон", "Телефон рабочий", "Work phone",
            ],
            "birth_date": ["Дата рождения", "День рождения", "ДР", "Birth date", "Birthday", "Date of birth", "DOB"],
            "gender": ["Пол", "Gender", "Sex"],
            "city": ["Город", "Населенный пункт", "City", "Town", "Billing city"],
            "region": ["Регион", "Область", "Субъект РФ", "Region", "State"],
            "industry": ["Отрасль", "Сфера деятельности", "Вид деятельности", "Отрасль клиента", "Industry", "Sector"],
            "segment": [
                "Сегмент", "Сегмент клиента", "Категория клиента", "Группа клиентов", "Категория", "Группа",
                "Segment", "Customer segment", "Tier",
            ],
            "source": [
                "Источник", "Источник привлечения", "Канал привлечения", "Откуда узнал", "Source", "Lead source",
                "Acquisition channel",
            ],
            "manager": [
                "Ответственный", "Менеджер", "Ответственный менеджер", "Основной менеджер", "Куратор",
                "Manager", "Account manager", "Owner", "Responsible", "Account owner", "Company owner",
                "Contact owner", "Organization owner", "Organization - Owner", "Record owner",
            ],
            "created_at": [
                "Дата регистрации", "Дата создания", "Дата добавления", "Дата заведения", "Клиент с",
                "Дата первого контакта", "Создан", "Created", "Created at", "Created on", "Registration date",
                "Customer since", "Created date", "Create date", "Created time",
                "Organization - Organization created", "Organization created",
            ],
            "email_consent": [
                "Согласие на рассылку", "Согласие на e-mail рассылку", "Согласие на email рассылку",
                "Подписка", "Подписка на рассылку", "Рассылка", "Email consent", "Subscribed",
                "Marketing consent", "Opt in",
            ],
        ],
        .sales: [
            "order_id": [
                "Номер заказа", "Номер документа", "№ заказа", "№ документа", "Номер", "№", "Заказ", "Документ",
                "Номер накладной", "Номер реализации", "Номер счета", "Order ID", "Order", "Order number",
                "Invoice", "Invoice number", "Document",
            ],
            "customer_id": [
                "Код клиента", "Код контрагента", "Код покупателя", "ID клиента", "Customer ID", "Client ID",
                "Контрагент код", "Клиент код", "Покупатель код", "Customer code",
                "Клиент", "Контрагент", "Покупатель", "Заказчик", "Customer", "Client",
            ],
            "date": [
                "Дата", "Дата заказа", "Дата документа", "Дата продажи", "Дата отгрузки", "Дата реализации",
                "Период", "Дата оформления", "Дата оформления заказа", "Date", "Order date", "Sale date", "Invoice date",
                "Created at",
            ],
            "amount": [
                "Сумма", "Сумма руб", "Выручка", "Сумма продажи", "Сумма с НДС", "Сумма заказа",
                "Сумма документа", "Сумма реализации", "Стоимость", "Итого", "Amount", "Revenue", "Total",
                "Sum", "Sales", "Net amount",
            ],
            "cost": [
                "Себестоимость", "Сумма себестоимости", "Закупочная стоимость", "Закупка", "Cost", "COGS",
                "Cost of goods",
            ],
            "quantity": ["Количество", "Кол-во", "Кол во", "Кол", "Qty", "Quantity", "Units"],
            "product": [
                "Товар", "Номенклатура", "Продукт", "Наименование товара", "Товар услуга", "Услуга",
                "Product", "Item", "SKU", "Артикул",
            ],
            "category": [
                "Категория", "Категория товара", "Группа товаров", "Товарная группа", "Группа номенклатуры",
                "Вид номенклатуры", "Category", "Product category", "Product group",
            ],
            "manager": [
                "Менеджер", "Ответственный", "Продавец", "Сотрудник", "Manager", "Sales rep", "Salesperson",
                "Seller", "Owner",
            ],
            "channel": [
                "Канал", "Канал продаж", "Источник заказа", "Способ заказа", "Способ оформления", "Channel",
                "Sales channel", "Order method",
            ],
            "campaign": [
                "Кампания", "Рекламная кампания", "Акция", "Промо", "Промокод", "Campaign", "Promo",
                "UTM campaign", "utm_campaign",
            ],
        ],
        .managers: [
            "manager": [
                "Менеджер", "Сотрудник", "ФИО", "ФИО сотрудника", "Ответственный", "Manager", "Employee",
                "Name", "Имя",
            ],
            "department": ["Отдел", "Подразделение", "Группа", "Department", "Team", "Division"],
            "hired_at": [
                "Дата приема", "Дата приёма", "Принят", "Дата найма", "Дата начала работы", "Hired",
                "Hired at", "Hire date", "Start date",
            ],
            "left_at": ["Дата увольнения", "Уволен", "Дата ухода", "Left", "Left at", "Termination date", "End date"],
        ],
        .deals: [
            "deal_id": [
                "Номер сделки", "ID сделки", "Код сделки", "Сделка", "Deal ID", "Deal", "ID", "№", "Номер",
                "Opportunity ID", "Opportunity", "Record ID", "ID лида", "Lead ID",
            ],
            "customer_id": [
                "Код клиента", "Клиент", "Контрагент", "Компания", "Customer", "Client", "Company",
                "Account", "Account name", "Organization", "Associated company", "Компания сделки",
                "Deal organization",
            ],
            "created_at": [
                "Дата создания", "Создана", "Дата открытия", "Дата", "Created", "Created at", "Open date",
                "Engage date", "Created time", "Create date", "Created date", "Deal created", "Deal deal created", "Дата создания сделки",
                "Дата начала", "Дата начала сделки",
            ],
            "closed_at": [
                "Дата закрытия", "Закрыта", "Closed", "Closed at", "Close date", "Closed date",
                "Дата закрытия сделки", "Дата завершения", "Дата завершения сделки", "Deal closed on",
                "Deal deal closed on", "Closing date",
            ],
            "stage": [
                "Этап", "Стадия", "Этап сделки", "Stage", "Pipeline stage", "Стадия сделки", "Deal stage",
                "Stage name", "Стадия лида", "Статус лида", "Lead status",
            ],
            "status": [
                "Статус", "Результат", "Статус сделки", "Состояние", "Состояние сделки", "Status", "Outcome", "Result",
                "Deal status",
            ],
            "amount": [
                "Сумма", "Бюджет", "Сумма сделки", "Amount", "Value", "Deal value", "Budget", "Close value",
                "Opportunity amount", "Бюджет руб", "Сумма лида",
            ],
            "manager": [
                "Ответственный", "Менеджер", "Manager", "Owner", "Responsible", "Sales agent", "Deal owner",
                "Opportunity owner", "Lead owner",
            ],
            "source": ["Источник", "Канал", "Source", "Lead source", "Channel"],
        ],
        .activities: [
            "activity_id": [
                "ID", "Номер", "Код", "№", "Activity ID", "ID активности", "ID дела", "ID задачи", "Record ID",
                "Task ID", "Call ID",
            ],
            "customer_id": [
                "Код клиента", "Клиент", "Контрагент", "Customer", "Client", "Company", "Компания",
                "Account", "Account name", "Company name", "Associated company", "Organization",
            ],
            "date": [
                "Дата", "Дата и время", "Дата активности", "Дата события", "Дата звонка", "Date", "Date time",
                "Activity date", "Дата начала", "Дата создания", "Due date", "Start time",
                "Call date", "Activity timestamp", "Create date",
            ],
            "type": [
                "Тип", "Вид", "Тип активности", "Тип события", "Type", "Activity type", "Kind", "Тип дела",
                "Тип задачи", "Task type", "Call type",
            ],
            "manager": [
                "Менеджер", "Ответственный", "Сотрудник", "Автор", "Manager", "Owner", "User", "Assigned to",
                "Activity assigned to", "Activity owner", "Task owner",
            ],
        ],
        .campaigns: [
            "campaign": [
                "Кампания", "Название кампании", "Рекламная кампания", "Название", "Акция", "Campaign",
                "Campaign name", "Name",
            ],
            "channel": ["Канал", "Источник", "Channel", "Medium", "Source"],
            "cost": ["Бюджет", "Расходы", "Затраты", "Стоимость", "Расход", "Cost", "Budget", "Spend"],
            "start_date": ["Дата начала", "Начало", "С", "Start date", "Start", "From"],
            "end_date": ["Дата окончания", "Окончание", "По", "End date", "End", "To"],
        ],
    ]
}
