import AuditModel

/// Every fixed text of the report, in each language. A test checks that none is empty and that
/// the Russian variant is in Russian.
enum ReportText: String, CaseIterable {
    case kicker, title, client, roundDate, round, consultant, industry, generated, confidential
    case summaryTitle, verdictScore, verdictLevel, verdictConfidence, blockedBy, topRisks, firstActions
    case noRisks, moneyAtStake, areasTitle, areasLead, confidence, notAssessed, notEnoughEvidence, answersPart, rulesPart
    case findingsTitle, findingsLead, matrixCaption, impact, effort, quickWins, bigBets, fillIns, thankless
    case evidence, expected, observed, records, recordsAll, recordsInList, pointsLost, notEvaluableTitle, notEvaluableLead, missing
    case waivedTitle, waivedBy, waivedUntil, notApplicableTitle, okTitle, okOthers, okWithoutStrength
    case insightsTitle, revenueByMonth, revenueByMonthLead, paretoTitle, paretoLead, customersShare, revenueShare
    case abcTitle, abcLead, abcClass, items, count, revenue, share, rfmTitle, rfmLead, segment, customers, revenueLast12m
    case managersTitle, managersLead, manager, orders, margin, lastSale, idle, cohortsTitle, cohortsLead, cohort, monthsSince
    case portraitTitle, portraitLead, field, value, overIndex, typicalCustomer
    case qualityTitle, qualityLead, fillRate, filled, valid, duplicatesTitle, duplicateKeys, orphanSales, invalidContacts
    case configurationTitle, configurationLead, reasons, baseline, target
    case roadmapTitle, roadmapLead, now, within3, within6
    case progressTitle, progressLead, resolved, newFindings, persisting, methodChanged, delta, trendCaption
    case appendixTitle, answersTitle, question, answer, note, methodTitle, methodText, metricsTitle, metricDefinition
    case sourcesTitle, file, kind, rows, rejected, checksum, importedAt, questionnaire, rulesets, unconfirmed
    case provisional, severity, status, area, score, level, noData, kpiRevenue, kpiCustomers, kpiOrders, kpiAOV, kpiMargin
    case headlinePeriod, vsPrevious, noComparison, partialMonth, partialMonthMark, customersTitle, customersLead, definition
    case activePrevious, retained, lost, newCustomers, reactivated, activeNow, lostNote, retentionVsCohorts, period, unit

    var text: LocalizedText {
        switch self {
        case .kicker: LocalizedText(ru: "Аудит CRM-готовности", en: "CRM readiness audit")
        case .title: LocalizedText(ru: "Отчёт об аудите работы с клиентами", en: "Customer management audit report")
        case .client: LocalizedText(ru: "Клиент", en: "Client")
        case .roundDate: LocalizedText(ru: "Дата", en: "Date")
        case .round: LocalizedText(ru: "Раунд", en: "Round")
        case .consultant: LocalizedText(ru: "Консультант", en: "Consultant")
        case .industry: LocalizedText(ru: "Отрасль", en: "Industry")
        case .generated: LocalizedText(ru: "Сформирован", en: "Generated")
        case .confidential: LocalizedText(ru: "Конфиденциально: документ содержит сведения о клиентах компании.",
                                          en: "Confidential: this document holds information about the company's customers.")
        case .summaryTitle: LocalizedText(ru: "Резюме для руководителя", en: "Executive summary")
        case .verdictScore: LocalizedText(ru: "Итоговая оценка зрелости", en: "Overall maturity score")
        case .verdictLevel: LocalizedText(ru: "Уровень зрелости", en: "Maturity level")
        case .verdictConfidence: LocalizedText(ru: "Полнота оценки", en: "Assessment completeness")
        case .blockedBy: LocalizedText(ru: "Уровень ограничен блокирующими проблемами", en: "The level is capped by blocking findings")
        case .topRisks: LocalizedText(ru: "Три главных риска", en: "The three biggest risks")
        case .firstActions: LocalizedText(ru: "Пять первых шагов", en: "The five first actions")
        case .noRisks: LocalizedText(ru: "Существенных рисков не выявлено.", en: "No significant risk was found.")
        case .moneyAtStake: LocalizedText(ru: "под угрозой", en: "at stake")
        case .areasTitle: LocalizedText(ru: "Готовность по направлениям", en: "Readiness by area")
        case .areasLead: LocalizedText(ru: "Оценка 0–100 по ответам анкеты и проверкам данных; бледные полосы — оценка по неполным сведениям.",
                                       en: "Score 0–100 from the questionnaire and the data checks; pale bars rest on incomplete information.")
        case .confidence: LocalizedText(ru: "полнота", en: "confidence")
        case .notAssessed: LocalizedText(ru: "не оценено", en: "not assessed")
        case .notEnoughEvidence: LocalizedText(ru: "мало данных для оценки", en: "not enough evidence")
        case .answersPart: LocalizedText(ru: "анкета", en: "answers")
        case .rulesPart: LocalizedText(ru: "проверки", en: "checks")
        case .findingsTitle: LocalizedText(ru: "Выявленные проблемы", en: "Findings")
        case .findingsLead: LocalizedText(ru: "По важности, влиянию и трудоёмкости. У каждой — факты, на которых она основана, и рекомендация.",
                                          en: "By severity, impact and effort. Each comes with the evidence behind it and a recommendation.")
        case .matrixCaption: LocalizedText(ru: "Матрица «влияние — трудоёмкость»", en: "Impact/effort matrix")
        case .impact: LocalizedText(ru: "Влияние", en: "Impact")
        case .effort: LocalizedText(ru: "Трудоёмкость", en: "Effort")
        case .quickWins: LocalizedText(ru: "Быстрые победы", en: "Quick wins")
        case .bigBets: LocalizedText(ru: "Крупные проекты", en: "Big bets")
        case .fillIns: LocalizedText(ru: "Попутные задачи", en: "Fill-ins")
        case .thankless: LocalizedText(ru: "Отложить", en: "Deprioritise")
        case .evidence: LocalizedText(ru: "Факты", en: "Evidence")
        case .expected: LocalizedText(ru: "Порог", en: "Threshold")
        case .observed: LocalizedText(ru: "Наблюдаемое значение", en: "Observed")
        case .records: LocalizedText(ru: "Показаны {shown} из {total}.", en: "{shown} of {total} shown.")
        case .recordsAll: LocalizedText(ru: "Все записи: {total}.", en: "All {total} records.")
        case .recordsInList: LocalizedText(ru: "Полный список — в файле «{file}», лист «{sheet}».",
                                           en: "The full list is in the file “{file}”, sheet “{sheet}”.")
        case .pointsLost: LocalizedText(ru: "потеряно баллов", en: "points lost")
        case .notEvaluableTitle: LocalizedText(ru: "Что не удалось оценить", en: "What could not be assessed")
        case .notEvaluableLead: LocalizedText(ru: "Эти проверки исключены из оценки: не хватает ответа или данных. Соберите их, чтобы оценка стала полной.",
                                              en: "These checks are left out of the score: an answer or a dataset is missing. Collect them to complete the picture.")
        case .missing: LocalizedText(ru: "Не хватает", en: "Missing")
        case .waivedTitle: LocalizedText(ru: "Принятые риски", en: "Accepted risks")
        case .waivedBy: LocalizedText(ru: "принял", en: "accepted by")
        case .waivedUntil: LocalizedText(ru: "до", en: "until")
        case .notApplicableTitle: LocalizedText(ru: "Неприменимые проверки", en: "Checks not applicable")
        case .okTitle: LocalizedText(ru: "Что уже хорошо", en: "What already works")
        case .okOthers: LocalizedText(ru: "Пройдены и другие проверки: {count}.", en: "Other checks passed: {count}.")
        case .okWithoutStrength: LocalizedText(ru: "Пройдены, но не названы сильной стороной (нет «strength:» в правиле, или у той же причины есть проблемы):",
                                               en: "Passed, not stated as strengths (no 'strength:' in the rule, or the same cause has problems):")
        case .insightsTitle: LocalizedText(ru: "Что показывают данные", en: "What the data shows")
        case .revenueByMonth: LocalizedText(ru: "Выручка по месяцам", en: "Revenue by month")
        case .revenueByMonthLead: LocalizedText(ru: "Сумма продаж за месяц, включая возвраты, с {from} по {to}.",
                                                en: "Sales per month, returns included, from {from} to {to}.")
        case .paretoTitle: LocalizedText(ru: "Концентрация выручки за 12 месяцев (Парето)", en: "Revenue concentration over the last 12 months (Pareto)")
        case .paretoLead: LocalizedText(ru: "Доля выручки за последние 12 месяцев, которую приносят купившие в них клиенты, упорядоченные по этой выручке.",
                                        en: "Share of the last 12 months' revenue brought by the customers who bought in them, ranked by that revenue.")
        case .customersShare: LocalizedText(ru: "доля клиентов", en: "share of customers")
        case .revenueShare: LocalizedText(ru: "доля выручки", en: "share of revenue")
        case .abcTitle: LocalizedText(ru: "ABC-анализ", en: "ABC analysis")
        case .abcLead: LocalizedText(ru: "По выручке за последние 12 месяцев: A — до 80 %, B — до 95 %, C — остальное; классы получают только те, у кого были продажи за эти 12 месяцев.",
                                     en: "By revenue over the last 12 months: A — up to 80 %, B — up to 95 %, C — the rest; only those with a sale in the 12 months are classed.")
        case .abcClass: LocalizedText(ru: "Класс", en: "Class")
        case .items: LocalizedText(ru: "Объекты", en: "Items")
        case .count: LocalizedText(ru: "Количество", en: "Count")
        case .revenue: LocalizedText(ru: "Выручка", en: "Revenue")
        case .share: LocalizedText(ru: "Доля", en: "Share")
        case .rfmTitle: LocalizedText(ru: "Сегменты клиентов по давности, частоте и сумме покупок (RFM)", en: "Customer segments by recency, frequency and spend (RFM)")
        case .rfmLead: LocalizedText(ru: "Давность покупки — на дату среза, частота и сумма — за всю историю данных; рядом с сегментом — число клиентов и их выручка за последние 12 месяцев. Сегменты сравнивают клиентов между собой: «Давно неактивные» — это не потерянные клиенты из раздела выше.",
                                     en: "Recency as of the as-of date, frequency and monetary value over the whole export; beside each segment, its customers and their revenue over the last 12 months. The segments rank customers against one another: \"Long inactive\" are not the lost customers of the section above.")
        case .segment: LocalizedText(ru: "Сегмент", en: "Segment")
        case .customers: LocalizedText(ru: "Клиенты", en: "Customers")
        case .revenueLast12m: LocalizedText(ru: "Выручка за 12 мес.", en: "Revenue, last 12 months")
        case .managersTitle: LocalizedText(ru: "Менеджеры за 12 месяцев: кто продаёт, кто приносит маржу, кто простаивает",
                                           en: "Managers over the last 12 months: who sells, who earns margin, who idles")
        case .managersLead: LocalizedText(ru: "Выручка, доля, заказы, клиенты и маржа — за последние 12 месяцев, по продажам, в которых указан менеджер; последняя продажа — за всю историю. Доля выручки клиентов, закреплённых за менеджером в списке клиентов (мера зависимости от менеджера в разделе проблем), может отличаться: клиент одного менеджера иногда покупает через другого. Без продаж 90 дней — нет продаж за последние 90 дней, когда компания продавала: уточните, работает ли менеджер.",
                                          en: "Revenue, share, orders, customers and margin over the last 12 months, by the sales that name the manager; the last sale over the whole export. The revenue share of the customers assigned to a manager in the customer list (the dependency measure in the findings) can differ: one manager's customer sometimes buys through another. No sales in 90 days: no sale in the last 90 days while the company sold — check whether the manager still works here.")
        case .manager: LocalizedText(ru: "Менеджер", en: "Manager")
        case .orders: LocalizedText(ru: "Заказы", en: "Orders")
        case .margin: LocalizedText(ru: "Маржа", en: "Margin")
        case .lastSale: LocalizedText(ru: "Последняя продажа", en: "Last sale")
        case .idle: LocalizedText(ru: "нет продаж 90 дней", en: "no sales in 90 days")
        case .cohortsTitle: LocalizedText(ru: "Удержание по когортам", en: "Cohort retention")
        case .cohortsLead: LocalizedText(ru: "Строка — месяц первой покупки, столбец — месяцев спустя; в ячейке — % когорты, купивших снова именно в этом месяце.",
                                         en: "Row: month of first purchase; column: months later; cell: % of the cohort buying again in exactly that month.")
        case .cohort: LocalizedText(ru: "Когорта", en: "Cohort")
        case .monthsSince: LocalizedText(ru: "месяцев с первой покупки", en: "months since first purchase")
        case .portraitTitle: LocalizedText(ru: "Портрет клиента", en: "Customer portrait")
        case .portraitLead: LocalizedText(ru: "Группы, чья доля выручки за последние 12 месяцев заметно выше их доли среди покупавших за те же 12 месяцев (индекс > 1,2): каждый их покупатель приносит больше среднего. Доля в базе показана для сравнения.",
                                          en: "Groups whose share of the last 12 months' revenue is well above their share of the customers who bought in those 12 months (index > 1.2): each of their buyers brings more than the average. The share of the customer list is shown for comparison.")
        case .field: LocalizedText(ru: "Признак", en: "Field")
        case .value: LocalizedText(ru: "Значение", en: "Value")
        case .overIndex: LocalizedText(ru: "Индекс", en: "Index")
        case .typicalCustomer: LocalizedText(ru: "Типичный клиент класса A", en: "The typical A-class customer")
        case .qualityTitle: LocalizedText(ru: "Качество данных", en: "Data quality")
        case .qualityLead: LocalizedText(ru: "Заполненность полей клиентов, корректность контактов, дубли и продажи без клиента в базе.",
                                         en: "Fill rates of customer fields, valid contacts, duplicates, and sales to customers missing from the base.")
        case .fillRate: LocalizedText(ru: "Заполнено", en: "Fill rate")
        case .filled: LocalizedText(ru: "Заполнено, шт.", en: "Filled")
        case .valid: LocalizedText(ru: "Корректных", en: "Valid")
        case .duplicatesTitle: LocalizedText(ru: "Вероятные дубли клиентов", en: "Likely duplicate customers")
        case .duplicateKeys: LocalizedText(ru: "Совпадает", en: "Matching on")
        case .orphanSales: LocalizedText(ru: "Продажи клиентам, которых нет в базе", en: "Sales to customers missing from the base")
        case .invalidContacts: LocalizedText(ru: "Некорректные контакты", en: "Invalid contacts")
        case .configurationTitle: LocalizedText(ru: "Рекомендуемая настройка CRM", en: "Recommended CRM configuration")
        case .configurationLead: LocalizedText(ru: "Не зависит от поставщика CRM.", en: "Vendor-neutral.")
        case .reasons: LocalizedText(ru: "Основание", en: "Because of")
        case .baseline: LocalizedText(ru: "Сейчас", en: "Baseline")
        case .target: LocalizedText(ru: "Цель", en: "Target")
        case .roadmapTitle: LocalizedText(ru: "План проекта", en: "Project plan")
        case .roadmapLead: LocalizedText(ru: "Сначала блокирующие и критичные проблемы и быстрые победы, затем крупные изменения.",
                                         en: "Blocking and critical findings and quick wins first, then the larger changes.")
        case .now: LocalizedText(ru: "Сейчас", en: "Now")
        case .within3: LocalizedText(ru: "В течение 3 месяцев", en: "Within 3 months")
        case .within6: LocalizedText(ru: "В течение 6 месяцев", en: "Within 6 months")
        case .progressTitle: LocalizedText(ru: "Динамика с прошлого аудита", en: "Progress since the previous audit")
        case .progressLead: LocalizedText(ru: "Сравнение с раундом", en: "Compared with round")
        case .resolved: LocalizedText(ru: "Решено", en: "Resolved")
        case .newFindings: LocalizedText(ru: "Новые проблемы", en: "New findings")
        case .persisting: LocalizedText(ru: "Остались", en: "Persisting")
        case .methodChanged: LocalizedText(ru: "Изменения методики между раундами (часть разницы объясняется ими, а не прогрессом)",
                                           en: "Method changes between the rounds (part of the difference comes from them, not from progress)")
        case .delta: LocalizedText(ru: "Изменение", en: "Change")
        case .trendCaption: LocalizedText(ru: "Итоговая оценка по раундам", en: "Overall score by round")
        case .appendixTitle: LocalizedText(ru: "Приложение", en: "Appendix")
        case .answersTitle: LocalizedText(ru: "Ответы анкеты", en: "Questionnaire answers")
        case .question: LocalizedText(ru: "Вопрос", en: "Question")
        case .answer: LocalizedText(ru: "Ответ", en: "Answer")
        case .note: LocalizedText(ru: "Примечание", en: "Note")
        case .methodTitle: LocalizedText(ru: "Методика и формула оценки", en: "Method and scoring formula")
        case .methodText: LocalizedText(
            ru: "Каждая проверка весит баллы по важности (критично {critical}, высокая {high}, средняя {medium}, низкая {low}) × вес правила; «проблема» теряет все баллы, «предупреждение» — долю {warn}. Оценка проверок направления = 100 × (1 − потеряно / возможно). Оценка направления = {answers} × зрелость по анкете + (1 − {answers}) × оценка проверок; итог — среднее направлений с весами. Уровни: {levels}. Блокирующая проблема ограничивает уровень значением {cap}. Неоценённые проверки и ответы «не знаю» снижают полноту, а не оценку.",
            en: "Each check weighs points by severity (critical {critical}, high {high}, medium {medium}, low {low}) × the rule's weight; a finding loses all of them, a warning the share {warn}. An area's checks score = 100 × (1 − lost / possible). Area score = {answers} × questionnaire maturity + (1 − {answers}) × checks score; the overall score is the areas' weighted mean. Levels: {levels}. A blocking finding caps the level at {cap}. Checks that could not be evaluated and \"don't know\" answers lower the completeness, not the score.")
        case .metricsTitle: LocalizedText(ru: "Определения показателей", en: "Metric definitions")
        case .metricDefinition: LocalizedText(ru: "Определение", en: "Definition")
        case .sourcesTitle: LocalizedText(ru: "Источники данных", en: "Data sources")
        case .file: LocalizedText(ru: "Файл", en: "File")
        case .kind: LocalizedText(ru: "Тип", en: "Kind")
        case .rows: LocalizedText(ru: "Строк загружено", en: "Rows stored")
        case .rejected: LocalizedText(ru: "Отклонено", en: "Rejected")
        case .checksum: LocalizedText(ru: "SHA-256", en: "SHA-256")
        case .importedAt: LocalizedText(ru: "Загружен", en: "Imported")
        case .questionnaire: LocalizedText(ru: "Анкета", en: "Questionnaire")
        case .rulesets: LocalizedText(ru: "Наборы правил", en: "Rulesets")
        case .unconfirmed: LocalizedText(ru: "перенесён из прошлого раунда, не подтверждён", en: "carried over, not confirmed")
        case .provisional: LocalizedText(
            ru: "Оценка предварительная: меньше половины вопросов и проверок удалось оценить. Список недостающего — в разделе «Что не удалось оценить».",
            en: "The score is provisional: less than half of the questions and checks could be assessed. What is missing is listed under \"What could not be assessed\".")
        case .severity: LocalizedText(ru: "Важность", en: "Severity")
        case .status: LocalizedText(ru: "Статус", en: "Status")
        case .area: LocalizedText(ru: "Направление", en: "Area")
        case .score: LocalizedText(ru: "Оценка", en: "Score")
        case .level: LocalizedText(ru: "Уровень", en: "Level")
        case .noData: LocalizedText(ru: "Нет данных для этого раздела.", en: "No data for this section.")
        case .kpiRevenue: LocalizedText(ru: "Выручка за 12 мес.", en: "Revenue, last 12 months")
        case .kpiCustomers: LocalizedText(ru: "Активные клиенты (покупали за 12 мес.)", en: "Active customers (bought in 12 months)")
        case .kpiOrders: LocalizedText(ru: "Заказы за 12 мес.", en: "Orders, last 12 months")
        case .kpiAOV: LocalizedText(ru: "Средний чек за 12 мес.", en: "Average order, last 12 months")
        case .kpiMargin: LocalizedText(ru: "Валовая маржа за 12 мес.", en: "Gross margin, last 12 months")
        case .headlinePeriod: LocalizedText(ru: "Основной период отчёта", en: "The report's headline period")
        case .vsPrevious: LocalizedText(ru: "к предыдущим 12 мес.", en: "vs the previous 12 months")
        case .noComparison: LocalizedText(ru: "без сравнения", en: "no comparison")
        case .partialMonth: LocalizedText(ru: "штриховка — неполный месяц: данные есть только с {from} по {to}",
                                          en: "hatched: partial month — the data run only from {from} to {to}")
        case .partialMonthMark: LocalizedText(ru: "* — неполный месяц: данные есть только с {from} по {to}; 12-месячные сравнения считаются по дням и от неполных месяцев не зависят",
                                              en: "* — partial month: the data run only from {from} to {to}; the 12-month comparisons count days and do not depend on partial months")
        case .customersTitle: LocalizedText(ru: "Клиенты: последние 12 месяцев против предыдущих 12", en: "Customers: the last 12 months against the 12 before")
        case .customersLead: LocalizedText(ru: "Каждое понятие определено один раз и одинаково используется во всём отчёте: в проблемах, сегментах и настройке CRM.",
                                           en: "Each concept is defined once and used the same way throughout the report: in the findings, the segments and the CRM configuration.")
        case .definition: LocalizedText(ru: "Определение", en: "Definition")
        case .activePrevious: LocalizedText(ru: "Активные в предыдущие 12 мес.", en: "Active in the previous 12 months")
        case .retained: LocalizedText(ru: "Удержанные", en: "Retained")
        case .lost: LocalizedText(ru: "Потерянные", en: "Lost")
        case .newCustomers: LocalizedText(ru: "Новые", en: "New")
        case .reactivated: LocalizedText(ru: "Вернувшиеся", en: "Reactivated")
        case .activeNow: LocalizedText(ru: "Активные в последние 12 мес.", en: "Active in the last 12 months")
        case .lostNote: LocalizedText(ru: "Потерянный клиент — покупал в предыдущие 12 месяцев и ничего не купил в последние 12: так считается выручка, которая была и пропала. Ушедшие раньше не считаются повторно каждый год.",
                                      en: "A lost customer bought in the previous 12 months and nothing in the last 12: revenue the company had and no longer has. Customers who left earlier are not counted again every year.")
        case .retentionVsCohorts: LocalizedText(
            ru: "Удержание за 12 месяцев ({retention}) — доля покупавших в предыдущие 12 месяцев, кто снова купил когда-либо в последние 12, независимо от даты первой покупки; ячейка когорты — доля впервые купивших в месяце, кто купил снова ровно в указанном месяце, поэтому она ниже.",
            en: "12-month retention ({retention}) is the share of the previous 12 months' buyers who bought again at any time in the last 12, whatever their first purchase; a cohort cell is the share of a month's first-time buyers who bought again in exactly that later month, so it is lower.")
        case .period: LocalizedText(ru: "Период", en: "Period")
        case .unit: LocalizedText(ru: "Значение", en: "Value")
        }
    }

    subscript(language: Language) -> String { text[language] }
}
