import AuditModel

/// The terms the report uses, each with the one definition its figures are computed by (the
/// metric catalogue's; docs/metrics.md has the formulas).
enum Glossary {
    static let title = LocalizedText(ru: "Словарь терминов", en: "Glossary")

    static let entries: [(term: LocalizedText, definition: LocalizedText)] = [
        (
            LocalizedText(ru: "Дата среза", en: "As-of date"),
            LocalizedText(
                ru: "День, по состоянию на который считаются все показатели: последняя дата продаж в выгрузке, если не задана иначе.",
                en: "The day every figure describes: the last sale date of the exports unless set otherwise.")
        ),
        (
            LocalizedText(ru: "Основной период", en: "Headline period"),
            LocalizedText(
                ru: "12 месяцев до даты среза; изменения — против 12 месяцев до них. Неполные месяцы отмечены и в рост не входят.",
                en:
                    "The 12 months to the as-of date; changes are against the 12 months before. Partial months are marked and left out of growth."
            )
        ),
        (
            LocalizedText(ru: "Активный клиент", en: "Active customer"),
            LocalizedText(
                ru: "Клиент, купивший хотя бы раз за основной период.", en: "A customer who bought at least once in the headline period.")
        ),
        (
            LocalizedText(ru: "Новый клиент", en: "New customer"),
            LocalizedText(
                ru: "Активный клиент, чья первая покупка за всю историю пришлась на основной период.",
                en: "An active customer whose first purchase ever falls in the headline period.")
        ),
        (
            LocalizedText(ru: "Потерянный клиент", en: "Lost customer"),
            LocalizedText(
                ru: "Покупал в предыдущие 12 месяцев и ничего не купил в основной период. Других «потерянных» в отчёте нет.",
                en: "Bought in the previous 12 months and nothing in the headline period. The report calls no one else lost.")
        ),
        (
            LocalizedText(ru: "Удержание за 12 месяцев", en: "12-month retention"),
            LocalizedText(
                ru: "Доля клиентов предыдущих 12 месяцев, купивших снова в основной период; отток — остальные.",
                en: "The share of the previous 12 months' customers who bought again in the headline period; churn is the rest.")
        ),
        (
            LocalizedText(ru: "Когорта", en: "Cohort"),
            LocalizedText(
                ru: "Клиенты, впервые купившие в одном месяце; удержание когорты — доля купивших снова в каждом следующем месяце.",
                en:
                    "The customers whose first purchase fell in one month; a cohort's retention is the share buying again in each later month."
            )
        ),
        (
            LocalizedText(ru: "Парето, топ-20 %", en: "Pareto, top 20 %"),
            LocalizedText(
                ru: "Доля выручки основного периода, которую принесли 20 % купивших в нём клиентов с наибольшей выручкой.",
                en: "The share of the headline period's revenue brought by the 20 % of its buyers with the most revenue.")
        ),
        (
            LocalizedText(ru: "ABC-анализ", en: "ABC analysis"),
            LocalizedText(
                ru:
                    "Клиенты (товары, менеджеры) по убыванию выручки основного периода: класс A — первые 80 % выручки, B — следующие 15 %, C — остальные 5 %.",
                en:
                    "Customers (products, managers) by the headline period's revenue, largest first: class A brings the first 80 % of it, B the next 15 %, C the last 5 %."
            )
        ),
        (
            LocalizedText(ru: "RFM-сегменты", en: "RFM segments"),
            LocalizedText(
                ru:
                    "Группы клиентов по давности последней покупки (R), частоте (F) и сумме покупок (M), каждая оценена от 1 до 5 среди всех покупателей.",
                en:
                    "Groups of customers by how recently (R), how often (F) and how much (M) they bought, each scored 1 to 5 among all buyers."
            )
        ),
        (
            LocalizedText(ru: "Валовая маржа", en: "Gross margin"),
            LocalizedText(
                ru: "(Выручка − себестоимость) / выручка по строкам продаж, у которых есть себестоимость.",
                en: "(Revenue − cost) / revenue over the sale lines that carry a cost.")
        ),
        (
            LocalizedText(ru: "Возможная потеря и возможный возврат", en: "Possible loss and possible recovery"),
            LocalizedText(
                ru:
                    "Диапазон: выручка за 12 месяцев, которой касается проблема, умноженная на долю из допущения (см. «Допущения денежных оценок»). Оценки разных проблем не складываются.",
                en:
                    "A range: the 12-month revenue a finding exposes times the rates of its assumption (see the assumptions). Estimates of different findings are not added up."
            )
        ),
        (
            LocalizedText(ru: "Коренная причина", en: "Root cause"),
            LocalizedText(
                ru: "Одна причина, из которой вырастают несколько проблем; план действий начинается с причин.",
                en: "One cause several findings grow from; the plan starts from the causes.")
        ),
        (
            LocalizedText(ru: "Уровень зрелости", en: "Maturity level"),
            LocalizedText(
                ru:
                    "Оценка нынешней работы с клиентами от 1 («стихийный») до 5 («оптимизируемый») по ответам и данным; как она считается — в разделе о методе.",
                en:
                    "How today's customer work is run, from 1 (ad hoc) to 5 (optimising), from the answers and the data; the method section says how it is scored."
            )
        ),
        (
            LocalizedText(ru: "Уверенность", en: "Confidence"),
            LocalizedText(
                ru: "Какая доля проверок оценена: проверка без ответа или без данных оценку не получает и снижает уверенность.",
                en:
                    "How much of the method could be assessed: a check without its answer or its data gets no score and lowers the confidence."
            )
        ),
    ]
}
