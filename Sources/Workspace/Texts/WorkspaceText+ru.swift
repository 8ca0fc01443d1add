import AuditModel

extension WorkspaceText {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [WorkspaceText: String] = [
        .theScoreOfArea: "оценка области «{area}» ({value})",
        .theFindingOfRuleAnEmpty: "результат правила {ruleID} (пустой документ)",
        .theWorkspaceWasReadableByOther:
            "Рабочий файл {path} был доступен другим пользователям (права {old}); права изменены на 0600: в нём персональные данные.",
        .warningTheWorkspaceIsReadableBy:
            "Внимание: рабочий файл {path} доступен другим пользователям (права {old}), изменить права не удалось; в нём персональные данные: chmod 600 {path}",
        .theWorkspaceIsReadOnlyMode:
            "рабочий файл {path} доступен только для чтения (права {mode}); crm-audit нужна запись в него (в том числе для журнала SQLite). Разрешите запись: chmod 600 {path}",
        .theFolderIsNotWritableAnd:
            "папка {folder} недоступна для записи, а SQLite ведёт журнал рядом с рабочим файлом {path}. Разрешите запись в папку или скопируйте рабочий файл в папку, доступную для записи",
        .theWorkspaceIsOnAFile:
            "рабочий файл {path} лежит на файловой системе, смонтированной только для чтения (диск, флешка или образ); скопируйте его на диск, доступный для записи",
        .permissionDeniedReadingTheWorkspaceOr:
            "нет прав на чтение рабочего файла {path} (или папки, в которой он лежит); он принадлежит другому пользователю или права сняты. Работайте под владельцем файла или верните права: chmod 600 {path}",
        .theDiskHoldingTheWorkspaceIs:
            "на диске с рабочим файлом {path} нет места (или исчерпана квота); последнее изменение отменено, данные в файле не повреждены. Освободите место и повторите команду",
        .isAFolderNotAWorkspace: "{path} — это папка, а не рабочий файл; укажите файл .crmaudit",
        .theWorkspaceIsLockedByAnother:
            "рабочий файл {path} занят другой программой (идёт импорт или открыт sqlite3); дождитесь её завершения и повторите команду",
        .cannotMakeTheBackupOfThe:
            "не удалось сделать резервную копию {backup} рабочего файла {path}: {reason}. В рабочий файл ничего не записано; освободите место или разрешите запись в папку и повторите команду",
        .inputOutputErrorOnTheWorkspace:
            "ошибка ввода-вывода при работе с рабочим файлом {path}: {detail}. Проверьте диск; если файл повреждён, см. docs/recovery.md",
        .theWorkspaceIsDamagedSqlite: "рабочий файл {path} повреждён; проверка SQLite (quick_check) сообщает: {shown}. Файл не изменён.",
        .toRecover: "Как восстановить:",
        .theLastGoodCopyIsThe:
            "  1. Последняя исправная копия — автоматическая резервная копия {path} (сделана {madeAt}): сохраните повреждённый файл и верните копию: mv {path2} {path2}.damaged && cp {path} {path2}",
        .thereIsNoAutomaticBackupBak:
            "  1. Автоматической резервной копии {path}.bak нет; верните файл из своей резервной копии, если она есть.",
        .orSalvageEverythingSqliteCanStill:
            "  2. Или спасите всё, что SQLite ещё может прочитать, в новый рабочий файл: crm-audit recover {path} --out recovered.crmaudit — затем проверьте: crm-audit history recovered.crmaudit",
        .sqlite3RecoverSqlite3RecoveredCrmauditDoes:
            "     (то же делает sqlite3 {path} \".recover\" | sqlite3 recovered.crmaudit, где sqlite3 собран с .recover; в Debian 12 — нет)",
        .detailsDocsRecoveryMd: "Подробно: docs/recovery.md",
        .storedValueOfWrongType:
            "в рабочем файле в таблице {table}, столбце {column} записано «{value}» — значение не того типа; файл правили вручную или он повреждён. Восстановите его из последней исправной копии или исправьте значение (sqlite3)",
        .cannotStoreResult:
            "не удаётся сохранить {what}: значение не является конечным числом; ничего не сохранено, раунд остался прежним. Проверьте правила (crm-audit lint) и данные раунда",
        .workspaceExists: "рабочий файл {path} уже существует; выберите другое имя или откройте его другими командами",
        .workspaceNotFound: "рабочий файл {path} не найден; создайте его командой `crm-audit init {path} --client ИМЯ`",
        .notAWorkspace: "{path} не является рабочим файлом crm-audit (это не база SQLite или база другой программы)",
        .newerWorkspace: "{path} создан более новой версией crm-audit (неизвестные изменения схемы: {migrations}); обновите crm-audit",
        .noSuchRound: "в {path} нет раунда аудита № {number}",
        .noRounds: "в {path} нет ни одного раунда аудита",
        .roundDateBeforePrevious: "дата нового раунда {date} раньше даты последнего раунда {previous}; укажите --date не раньше {previous}",
        .respondentDidNotAnswer: "«{respondent}» не отвечал на вопрос «{question}»; ответили: {known}",
        .noRespondentAnswered: "«{respondent}» не отвечал на вопрос «{question}»; на него не отвечал ни один названный респондент",
        .databaseError: "ошибка базы данных в {path}: {message}",
    ]
}
