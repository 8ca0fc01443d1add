import AuditModel

extension WarehouseText {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [WarehouseText: String] = [
        .badURL:
            "«{url}» — не адрес базы данных; ожидается postgresql://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА или clickhouse://ПОЛЬЗОВАТЕЛЬ@ХОСТ:ПОРТ/БАЗА",
        .unsupportedEngine: "база «{scheme}» не поддерживается; поддерживаются postgresql:// и clickhouse://",
        .passwordInURL:
            "в адресе базы указан пароль; уберите его из адреса и передайте в переменной окружения CRM_AUDIT_DB_PASSWORD (или PGPASSWORD): пароль не должен попасть в рабочий файл и в историю команд",
        .unknownField: "неизвестное поле продаж «{field}»; поля: {fields}",
        .cannotConnect: "не удалось подключиться к {url}: {message}",
        .queryFailed: "запрос к {url} не выполнен: {message}",
        .unexpectedResult: "база вернула не то, что ожидалось: {what}",
        .missingColumns:
            "в таблице «{table}» нет {count, plural, one {столбца} few {столбцов} many {столбцов} other {столбцов}} {columns}; укажите, в каком столбце поле: --column ПОЛЕ=СТОЛБЕЦ (например, --column customer_id=client_code)",
        .salesAlreadyImported:
            "в раунд {round} уже загружены продажи из файла; строки продаж раунда берутся из одного места — начните новый раунд (crm-audit round new) или подключите базу к раунду без продаж",
        .storedSourceUnreadable: "описание базы данных раунда в {path} повреждено; подключите базу заново: crm-audit connect",
        .salesInDatabase:
            "раунд {round} берёт строки продаж из базы данных клиента (crm-audit connect); продажи из файла загружайте в другой раунд (crm-audit round new)",
        .tableNotFound:
            "в базе нет таблицы или представления «{table}» (или у учётной записи нет к ней доступа); укажите имя как таблица или схема.таблица и выдайте права: GRANT SELECT ON … TO …",
    ]
}
