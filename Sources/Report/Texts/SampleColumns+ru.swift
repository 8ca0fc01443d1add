import AuditModel

extension SampleColumns.Title {
    /// Русские заголовки столбцов.
    static let russian: [SampleColumns.Title: String] = [
        .customerId: "Код клиента",
        .name: "Клиент",
        .email: "Email",
        .phone: "Телефон",
        .manager: "Менеджер",
        .sourceLine: "Строка файла",
        .orderId: "Документ",
        .date: "Дата",
        .amount: "Сумма",
        .revenue: "Выручка",
        .revenueLast12m: "Выручка за 12 мес.",
        .revenuePrev12m: "Выручка за предыдущие 12 мес.",
        .revenueAllHistory: "Выручка за всю историю",
        .revenueChange12m: "Изменение к прошлому году",
        .purchaseIntervalDays: "Обычно покупает раз в, дней",
        .ordersLast12m: "Заказы за 12 мес.",
        .customersLast12m: "Клиенты за 12 мес.",
        .marginLast12m: "Маржа за 12 мес.",
        .shareLast12m: "Доля за 12 мес.",
        .lastPurchase: "Последняя покупка",
        .recencyDays: "Дней без покупок",
        .segment: "RFM-сегмент",
        .orders: "Заказы",
        .customers: "Клиенты",
        .margin: "Маржа",
        .share: "Доля",
        .lastSaleDate: "Последняя продажа",
        .idle: "Простаивает",
        .taxId: "ИНН",
        .keys: "Совпадает",
        .group: "Группа",
    ]
}
