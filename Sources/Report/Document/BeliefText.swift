import AuditModel

/// The fixed texts of the report's "What you believe / what the data shows" section.
enum BeliefText: String, CaseIterable {
    case title, lead, tally, belief, period, stated, measured, verdict
    case last12Months, wholeHistory, wholeHistoryFrom, onDay
    case confirmed, consistent, notConfirmed, inconsistent, overstatedBy, understatedBy, percentagePoints
    case cannotCheckDirectly, cannotCheckUnrecorded, partlyRecorded, uncheckedTally
    case ownerDoesNotKnow, noDataToCompare, notAnswered, waived, noAnswer, noData, days, years, beliefForms

    var text: LocalizedText {
        switch self {
        case .title: LocalizedText(ru: "Что вы думаете — и что показывают данные", en: "What you believe — and what the data shows")
        case .lead: LocalizedText(
            ru: "Оценки, названные на интервью, рядом с тем, что показывают выгрузки; период каждого сравнения указан в его строке. Расхождение — не чья-то ошибка, а мера того, насколько компания не видит своих клиентов и продаж целиком; CRM должна сделать эти цифры видимыми каждый день.",
            en: "The estimates given in the interview beside what the exports show; each comparison states its period in its row. A gap is nobody's mistake: it measures how far the company does not see its customers and sales as a whole; a CRM must make these figures visible every day.")
        case .tally: LocalizedText(ru: "Подтвердилось {n} из {of} {beliefs}, которые удалось проверить.", en: "The data confirms {n} of the {of} {beliefs} it could check.")
        case .cannotCheckDirectly: LocalizedText(ru: "напрямую не проверить", en: "cannot be checked directly")
        case .cannotCheckUnrecorded: LocalizedText(ru: "не проверить: в данных это почти не записано", en: "cannot be checked: the data mostly does not record it")
        case .partlyRecorded: LocalizedText(ru: "записано лишь частично", en: "only partly recorded")
        case .uncheckedTally: LocalizedText(ru: " Ещё {n} проверить по данным нельзя — почему, сказано в строке.", en: " {n} more cannot be checked from the data; each row says why.")
        case .beliefForms: LocalizedText(ru: "утверждения|утверждений|утверждений", en: "belief|beliefs")
        case .belief: LocalizedText(ru: "Что считают", en: "Belief")
        case .period: LocalizedText(ru: "Период", en: "Period")
        case .stated: LocalizedText(ru: "Названо на интервью", en: "Stated in the interview")
        case .measured: LocalizedText(ru: "По данным", en: "The data shows")
        case .verdict: LocalizedText(ru: "Вывод", en: "Verdict")
        case .last12Months: LocalizedText(ru: "12 месяцев по {to}", en: "12 months to {to}")
        case .wholeHistory: LocalizedText(ru: "вся история продаж по {to}", en: "the whole sales history to {to}")
        case .wholeHistoryFrom: LocalizedText(ru: "вся история продаж: {from} — {to}", en: "the whole sales history: {from} to {to}")
        case .onDay: LocalizedText(ru: "на {to}", en: "on {to}")
        case .confirmed: LocalizedText(ru: "подтверждается", en: "confirmed")
        case .consistent: LocalizedText(ru: "не противоречит данным", en: "consistent with the data")
        case .notConfirmed: LocalizedText(ru: "не подтверждается", en: "not confirmed")
        case .inconsistent: LocalizedText(ru: "не согласуется с данными", en: "not consistent with the data")
        case .overstatedBy: LocalizedText(ru: "завышено на", en: "overstated by")
        case .understatedBy: LocalizedText(ru: "занижено на", en: "understated by")
        case .percentagePoints: LocalizedText(ru: "п. п.", en: "pp")
        case .ownerDoesNotKnow: LocalizedText(ru: "в компании не знают", en: "not known in the company")
        case .noDataToCompare: LocalizedText(ru: "нет данных для сравнения", en: "no data to compare with")
        case .notAnswered: LocalizedText(ru: "нет ответа", en: "not answered")
        case .waived: LocalizedText(ru: "принятый риск", en: "accepted risk")
        case .noAnswer: LocalizedText(ru: "нет ответа", en: "no answer")
        case .noData: LocalizedText(ru: "нет данных", en: "no data")
        case .days: LocalizedText(ru: "день|дня|дней", en: "day|days")
        case .years: LocalizedText(ru: "год|года|лет", en: "year|years")
        }
    }
}
