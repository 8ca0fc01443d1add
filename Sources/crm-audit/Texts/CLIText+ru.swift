extension CLIText {
    /// Русские тексты командной строки. Местозаполнители в фигурных скобках не переводятся.
    static let russian: [CLIText: String] = [
        .answersFileNeeded: "укажите файл ответов (.xlsx, .yaml или .csv)",
        .answersChooseNeedsQuestionAndRespondent: "укажите вопрос и --respondent: answers РАБОЧИЙ_ФАЙЛ choose ВОПРОС --respondent ИМЯ",
        .answersChosen: "Ответ на «{question}»: теперь считается ответ «{respondent}».",
        .answersWorkbookWritten:
            "Анкета для заполнения: {file} ({count, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}}).",
        .answersExported: "Выгружено {count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}} в {file}.",
        .answersImported: "Загружено {count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}} из {file}.",
        .answersNoSuchQuestion: "в анкете нет вопроса «{question}»",
        .answersNoneNamed:
            "Ответов с именем респондента нет. Укажите, кто отвечает: interview --respondent, строка имени в книге Excel, столбец «респондент» в CSV.",
        .answersDisagree: "  ⚠ ответы расходятся",
        .answersCountsChosen: "  ← считается (выбран консультантом)",
        .answersCountsLatest: "  ← считается (последний ответ)",
        .answersChooseHint:
            "Где ответы расходятся, считается последний; выберите нужный: answers РАБОЧИЙ_ФАЙЛ choose ВОПРОС --respondent ИМЯ",
        .lintSummary:
            "Проверено {files, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}: {errors, plural, =0 {ошибок нет} one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}, {warnings, plural, =0 {предупреждений нет} one {# предупреждение} few {# предупреждения} many {# предупреждений} other {# предупреждения}}.",
        .lintUnreadable: "не удалось прочитать {file}",
        .lintQuestionnaireNotFound: "анкета «{name}» не найдена: ссылки на ответы не проверены",
        .interviewInterruptedAt:
            "Интервью прервано (Ctrl-C) на вопросе «{question}» раздела «{section}». Все данные ответы уже сохранены. Продолжить с этого вопроса: {command}",
        .interviewInterrupted: "Интервью прервано (Ctrl-C). Все данные ответы уже сохранены. Продолжить: {command}",
        .interviewEndOfInput: "\nВвод закончился; ответы сохранены. Продолжить: та же команда.",
        .recoverDone: "Восстановлено в {path}:",
        .recoverSaleColumns: "  sale_columns: не переносится (сжатая копия продаж; метрики читают строки, результат тот же)",
        .recoverTableDamaged:
            "  {table}: {rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}} — таблица повреждена, часть строк потеряна",
        .recoverTable: "  {table}: {rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}}",
        .recoverCheck: "Проверьте результат (crm-audit history {out}) и сравните с резервной копией {workspace}.bak, если она есть.",
        .checkUnknownDisabled:
            "Внимание: {layer} отключает правило «{rule}», которого нет в нижних наборах правил, — оно ничего не отключает; проверьте написание (crm-audit lint)",
        .checkUnconfirmed:
            "Внимание: {count, plural, one {# ответ перенесён} few {# ответа перенесены} many {# ответов перенесены} other {# ответа перенесены}} из прошлого раунда и не подтверждены; подтвердите их: crm-audit interview {workspace}",
        .checkDisagreements:
            "Ответы сотрудников расходятся ({count, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}}); ✓ — учтённый ответ:",
        .checkCauses: "Коренные причины ({count}), по важности и деньгам:",
        .sampleProfileExpected: "--profile: ожидается generic, healthy или technosnab",
        .sampleCountsPositive: "--customers и --orders должны быть больше нуля",
        .sampleNoSuchProblem: "--problem: нет проблемы «{name}»; есть: {known}",
        .sampleWrote: "Записаны файлы: {files}",
        .roundStarted: "Начат раунд {number} от {date} (предыдущий — раунд {previous} от {previousDate}, закрыт).",
        .roundCarried:
            "Перенесено {count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}, все с отметкой «подтвердить»; подтвердите или измените их: crm-audit interview {workspace}",
        .roundImportAfresh: "Данные раунда загружаются заново: crm-audit import {workspace} ФАЙЛ (данные прошлых раундов сохранены).",
        .roundMethod: "Методика: анкета {questionnaire}; правила {rules}",
        .demoReadiness: "Готовность к проекту CRM: {verdict}",
        .demoMaturity:
            "Зрелость: {score}/100, уровень {level} «{levelTitle}»; {findings, plural, one {# проблема} few {# проблемы} many {# проблем} other {# проблемы}}",
        .demoConfiguration: "Настройка CRM: {file}",
        .demoReport: "Отчёт:",
        .marketExpected: "--market: ожидается ru или global",
        .planMissing: "в наборах правил нет раздела «plan:»",
        .initCreated: "Создан рабочий файл {path}: клиент «{client}», раунд 1 от {date}.",
        .rulesUntested: "Правила без тестов: {rules}",
        .rulesTally:
            "{passed, plural, one {# тест пройден} few {# теста пройдены} many {# тестов пройдено} other {# теста пройдено}}, {failed, plural, =0 {ошибок нет} one {# не пройден} few {# не пройдены} many {# не пройдено} other {# не пройдено}}",
        .reportWritten: "Отчёт записан: {file}",
        .reportListsWritten:
            "Списки для работы записаны: {file} ({count, plural, one {# список} few {# списка} many {# списков} other {# списка}})",
        .reportListsNotRedacted:
            "--lists: в списках для работы названы клиенты, которым нужно звонить; обезличенная копия (--redact) выходит без них. Запишите списки вместе с рабочей копией отчёта.",
        .reportUnknownSection: "--sections: неизвестный раздел «{name}»; есть: {known}",
        .compareRoundCount: "укажите два номера раунда или ни одного (тогда сравниваются два последних оценённых)",
        .importEncodingExpected: "--encoding: ожидается utf-8 или windows-1251, получено «{value}»",
        .importDelimiterExpected: "--delimiter: ожидается один символ (; , | или tab), получено «{value}»",
        .historyLegend: "· — раунд закрыт: его данные и ответы больше не меняются",
        .exportWrote:
            "Записано {count, plural, one {# строка} few {# строки} many {# строк} other {# строки}} в {file} (таблица {table}, на {date}).",
        .metricsAsOf: "Метрики на {date}",
        .metricsHeadline: "Основной период: {period}",
        .metricsSkippedWritten: "  пропущенные строки с причинами записаны в {file}",
        .metricsReading:
            "{file}: строк данных {read}, учтено {used}, пропущено с ошибками {rejected}, не данные (итоги, заголовки, группы…) {notData}",
        .metricsMatching:
            "\nСтроки продаж, сопоставленные с клиентами: по коду {byCode}, по ИНН {byTaxID}, по наименованию {byName}, не найдены {unmatched}",
        .metricsAmbiguous: "Неоднозначные наименования (подходят нескольким клиентам списка, не сопоставлены): {count} — {list}",
        .importDryRun: "Пробный разбор (ничего не записано): {file} как «{kind}»",
        .importHeader: "Импорт: {file} → «{kind}», раунд {round}",
        .importFormatNote: "  формат {format}: {note}",
        .importHeaderRow: "  строка заголовка: {line}",
        .importNoHeaderRow: "  без строки заголовка",
        .importMapping: "Соответствие столбцов:",
        .importFromMappingFile: "  (из файла соответствия)",
        .importNameIsKey: "  (кода нет: ключом служит наименование)",
        .importDateOrder: "  [{order}: {dayFirst} однозначно день-первым, {monthFirst} месяц-первым, {ambiguous} неоднозначных{forced}]",
        .importDateOrderForced: ", задано файлом",
        .importDayFirst: "дд.мм.гггг",
        .importMonthFirst: "мм.дд.гггг",
        .importAssignment: "  {header} → {field}{suffix}",
        .importOrderStatus: "  {header} → статус заказа: отменённые заказы и возвраты не считаются продажами",
        .importUnused: "Не используются столбцы: {list}",
        .importMissingFields: "Поля, которых нет в файле: {list}",
        .importPreview: "Первые строки после разбора:",
        .importProblems: "Ошибки (первые {shown} из {total}):",
        .importDryRunTally: "Строк данных: {read}, верных: {good}, с ошибками: {bad}",
        .importTally: "Прочитано строк: {read}, сохранено: {stored}, отклонено: {rejected}",
        .importReplaced: "Данные прежнего импорта этого файла заменены.",
        .importRejectsWritten: "Отклонённые строки с причинами записаны в {file}",
        .importUnknownCustomers:
            "Строк продаж по клиентам, которых нет в списке клиентов: {rows} (клиентов: {customers}, {share} суммы) — строки сохранены; это учитывается в качестве данных",
        .importMatchedBelow:
            "  (сверка по коду буква в букву; по ИНН и по наименованию без учёта кавычек, регистра и формы собственности — ниже)",
        .importMatchedLater:
            "  (здесь сверка по коду буква в букву; metrics ещё ищет таких клиентов по ИНН и по наименованию без учёта кавычек, регистра и формы собственности и печатает, сколько строк так сопоставлено)",
        .importNamesNotCodes:
            "Из них {count} совпадают с наименованиями клиентов из списка: похоже, в столбце клиента файла продаж — наименования, а не коды. Если в файле есть столбец с кодом, сопоставьте его (--mapping) и импортируйте этот файл заново с --replace",
        .importNotData: "Строки, которые не являются данными (не сохраняются как данные) — {list}",
        .importNotDataExample: "  строка {line}: {kind} — {text}",
        .answersRoundOf: "Ответы: {client}, раунд {number} от {iso}; {title} {version}",
        .testOfRuleFailedExpectedGot: "{location}: тест правила {ruleID} не прошёл: ожидалось {expected}, получено {actual}",
        .readinessForTheCrmProject: "Готовность к проекту CRM",
        .overallScoreLevelConfidence: "Итоговая оценка: {overall}/100, уровень {level} «{levelTitle}», полнота {percent}",
        .levelCappedByBlockingFindings: "Уровень ограничен блокирующими проблемами: {blocking}",
        .confidence: "полнота",
        .findings: "Проблемы ({count}):",
        .notEvaluableCollectWhatIsMissing: "Не удалось оценить ({count}) — соберите недостающее:",
        .waivedUntil: "  Принятый риск {ruleID}: {reason} ({acceptedBy}, до {date})",
        .comparisonWritten: "Сравнение записано: {out}",
        .giveAWorkspaceFileOrSales: "укажите что-то одно: рабочий файл, --sales ФАЙЛ или --source АДРЕС",
        .customersManagersSheetMappingAndSkip: "--customers, --managers, --sheet, --mapping и --skip-bad-rows — только вместе с --sales",
        .roundGoesWithAWorkspaceFile: "--round — только вместе с рабочим файлом",
        .round: "Раунд",
        .date: "Дата",
        .score: "Оценка",
        .level: "Уровень",
        .notEval: "Не оценено",
        .toConfirm: "Подтвердить",
        .notAssessed: "не оценён",
        .area: "Направление",
        .r: "Р",
        .overall: "Итог",
        .methodOfRound: "Методика раунда {number}: ",
        .roundOf: "{title} {version} — {client}, раунд {number} от {iso}",
        .crmConfigurationItemsAndTheImplementation: "Настройка CRM ({count} элементов) и техническое задание записаны в {out}",
        .overallWeightedByArea: "Итого (взвешенно по областям): {total}",
        .industryThereIsNoRulesetFor:
            "--industry: для отрасли «{industry}» нет набора правил; есть: {known}. Своя отрасль — с флагом --own-industry и вашим набором правил (id industry-{slug}) в check --rules",
        .expectedADateYyyyMmDd: "{option}: ожидается дата ГГГГ-ММ-ДД, получено «{text}»",
        .symptomsNoun: "{count, plural, one {симптом} few {симптома} many {симптомов} other {симптома}}",
        .maturityColumns: "область; балл; ответ; не знаю; неприм.; без ответа; скрыто",
        .countOfKind: "{kind}: {count}",
        .sourceNeedsASalesTable: "--source и --sales-table задаются вместе; --column — только с ними",
        .columnExpectsFieldEqualsColumn: "--column «{value}»: ожидается ПОЛЕ=СТОЛБЕЦ, например customer_id=client_code",
        .connectNeedsASource:
            "укажите базу: --source postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА (или clickhouse://…) и --sales-table ТАБЛИЦА",
        .roundConnected:
            "Раунд {round} берёт строки продаж из {url}, таблица {table} (столбцы: {columns}). Пароль не сохранён: передавайте его в {variable} при запуске metrics, check и report.",
        .importTableNeeded: "укажите таблицу базы данных: import РАБОЧИЙ_ФАЙЛ {url} --table ТАБЛИЦА --as {kind}",
        .importSalesFromDatabase:
            "строки продаж остаются в базе данных клиента: подключите её к раунду — connect РАБОЧИЙ_ФАЙЛ --source {url} --sales-table ТАБЛИЦА",
        .importTableRead:
            "Прочитано {count, plural, one {# строка} few {# строки} many {# строк} other {# строки}} таблицы {table} из {url}; они загружены как файл выгрузки (файл удалён).",
    ]
}
