import AuditModel

extension BeliefText {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [BeliefText: String] = [
        .title: "Что вы думаете — и что показывают данные",
        .lead:
            "Оценки, названные на интервью, рядом с тем, что показывают выгрузки; период каждого сравнения указан в его строке. Расхождение — не чья-то ошибка, а мера того, насколько компания не видит своих клиентов и продаж целиком; CRM должна сделать эти цифры видимыми каждый день.",
        .tally: "Подтвердилось {n} из {of} {beliefs}, которые удалось проверить.",
        .cannotCheckDirectly: "напрямую не проверить",
        .cannotCheckUnrecorded: "не проверить: в данных это почти не записано",
        .partlyRecorded: "записано лишь частично",
        .uncheckedTally: " Ещё {n} проверить по данным нельзя — почему, сказано в строке.",
        .beliefForms: "утверждения|утверждений|утверждений",
        .belief: "Что считают",
        .period: "Период",
        .stated: "Названо на интервью",
        .measured: "По данным",
        .verdict: "Вывод",
        .last12Months: "12 месяцев по {to}",
        .wholeHistory: "вся история продаж по {to}",
        .wholeHistoryFrom: "вся история продаж: {from} — {to}",
        .onDay: "на {to}",
        .confirmed: "подтверждается",
        .consistent: "не противоречит данным",
        .notConfirmed: "не подтверждается",
        .inconsistent: "не согласуется с данными",
        .overstatedBy: "завышено на",
        .understatedBy: "занижено на",
        .percentagePoints: "п. п.",
        .ownerDoesNotKnow: "в компании не знают",
        .noDataToCompare: "нет данных для сравнения",
        .notAnswered: "нет ответа",
        .waived: "принятый риск",
        .noAnswer: "нет ответа",
        .noData: "нет данных",
        .days: "день|дня|дней",
        .years: "год|года|лет",
    ]
}
