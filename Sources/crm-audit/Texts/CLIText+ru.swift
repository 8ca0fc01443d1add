extension CLIText {
    /// Русские тексты командной строки. Местозаполнители в фигурных скобках не переводятся.
    static let russian: [CLIText: String] = [
        .answersFileNeeded: "укажите файл ответов (.xlsx, .yaml или .csv)",
        .answersChooseNeedsQuestionAndRespondent: "укажите вопрос и --respondent: answers РАБОЧИЙ_ФАЙЛ choose ВОПРОС --respondent ИМЯ",
        .answersChosen: "Ответ на «{question}»: теперь считается ответ «{respondent}».",
        .answersWorkbookWritten: "Анкета для заполнения: {file} ({count, plural, one {# вопрос} few {# вопроса} many {# вопросов} other {# вопроса}}).",
        .answersExported: "Выгружено {count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}} в {file}.",
        .answersImported: "Загружено {count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}} из {file}.",
        .answersNoSuchQuestion: "в анкете нет вопроса «{question}»",
        .answersNoneNamed: "Ответов с именем респондента нет. Укажите, кто отвечает: interview --respondent, строка имени в книге Excel, столбец «респондент» в CSV.",
        .answersDisagree: "  ⚠ ответы расходятся",
        .answersCountsChosen: "  ← считается (выбран консультантом)",
        .answersCountsLatest: "  ← считается (последний ответ)",
        .answersChooseHint: "Где ответы расходятся, считается последний; выберите нужный: answers РАБОЧИЙ_ФАЙЛ choose ВОПРОС --respondent ИМЯ",
        .lintSummary: "Проверено {files, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}: {errors, plural, =0 {ошибок нет} one {# ошибка} few {# ошибки} many {# ошибок} other {# ошибки}}, {warnings, plural, =0 {предупреждений нет} one {# предупреждение} few {# предупреждения} many {# предупреждений} other {# предупреждения}}.",
        .lintUnreadable: "не удалось прочитать {file}",
        .lintQuestionnaireNotFound: "анкета «{name}» не найдена: ссылки на ответы не проверены",
        .interviewInterruptedAt: "Интервью прервано (Ctrl-C) на вопросе «{question}» раздела «{section}». Все данные ответы уже сохранены. Продолжить с этого вопроса: {command}",
        .interviewInterrupted: "Интервью прервано (Ctrl-C). Все данные ответы уже сохранены. Продолжить: {command}",
        .interviewEndOfInput: "\nВвод закончился; ответы сохранены. Продолжить: та же команда.",
    ]
}
