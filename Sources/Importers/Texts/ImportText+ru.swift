import AuditModel

extension ImportText {
    /// Русские тексты; the names in braces stay as they are (docs/translating.md).
    static let russian: [ImportText: String] = [
        .theMappingFileMustBeUtf: "файл соответствия должен быть в UTF-8",
        .expectedAMappingOfKeysColumns: "ожидается словарь ключей (columns:, header_row: …)",
        .fieldHasNoColumnItHas: "поле {name}: в файле {path} нет столбца № {number} (столбцов: {count})",
        .fieldHasNoColumnItsColumns: "поле {name}: в файле {path} нет столбца «{name2}»; столбцы: {list}",
        .atLeastCustomerAndSalesLine: "нужны хотя бы 1 клиент и 1 строка продаж",
        .xmlRecordsFoundAsTheRepeating: "записи XML: {path} (определено по повторяющимся элементам)",
        .xmlRecords: "записи XML: {path}",
        .theRecordValueIsLonger: "значение «{field}» записи длиннее {limit} (предел на значение)",
        .theRecordIsLongerThanThe: "запись длиннее {limit} (предел на запись)",
        .theXmlRecordsHoldMoreThan:
            "записи XML содержат больше {columnLimit} разных полей (столько столбцов у листа Excel); проверьте, что записи выбраны верно (xml_records в файле соответствия)",
        .cannotOpenTheXml: "не удалось открыть XML",
        .cannotParseTheXml: "не удалось разобрать XML",
        .theXmlDeclaresADoctypeOr:
            "XML объявляет DOCTYPE или сущности; такие файлы не принимаются (защита от внешних сущностей и «бомб» из сущностей). Выгрузите данные без DTD",
        .malformedXml: "XML повреждён: {message}",
        .malformedXml2: "XML повреждён",
        .theNumberIsOutsideTheAccepted:
            "число {shown} вне допустимого диапазона ±10^15 (≈ 1 000 000 000 000 000): такой суммы не бывает — проверьте, тот ли это столбец и верен ли десятичный разделитель",
        .theNumberIsOutsideTheAccepted2:
            "число {text} вне допустимого диапазона ±10^15 (≈ 1 000 000 000 000 000); проверьте, тот ли это столбец",
        .aHexadecimalNumberIsNotAccepted: "шестнадцатеричная запись числа не принимается; ожидаются десятичные цифры, например 1 234,56",
        .cannotBeReadAsANumber: "не читается как число (ожидаются цифры, например 1 234,56 или -12.5)",
        .notAFiniteNumberInfinityAnd: "не конечное число (бесконечность и NaN не принимаются); ожидаются цифры, например 1 234,56",
        .sheetTheRowNumberRIs:
            "лист «{sheet}»: номер строки r=\"{shown}\" вне 1…1 048 576 (предел Excel); книга повреждена или создана не Excel — откройте и сохраните её в Excel заново",
        .sheetCellOutsideAnExcelSheet:
            "лист «{sheet}», ячейка {shown}: за пределами листа Excel (столбцы A…XFD, 16 384; строки 1…1 048 576); книга повреждена — откройте и сохраните её в Excel заново",
        .sheetCellRefersToSharedString:
            "лист «{sheet}», ячейка {cell}: ссылка на общую строку № {shown}, а в книге их {count}; книга повреждена — откройте и сохраните её в Excel заново",
        .theWorkbookLacksThePart: "в книге нет части {entryPath}",
        .theWorkbookPartIsDamagedIts:
            "часть книги {entryPath} повреждена (контрольная сумма CRC-32 не совпадает); пересохраните книгу в Excel",
        .cannotUnpackFromTheWorkbookDamaged: "не удалось распаковать {entryPath} из книги (повреждённый ZIP): {error}",
        .cannotOpenTheXlsxWorkbookDamaged: "не удалось открыть книгу XLSX (повреждённый ZIP): {error}",
        .noXlWorkbookXmlInsideNot: "в файле нет xl/workbook.xml: это не книга Excel",
        .theWorkbookHoldsMoreSharedStrings:
            "в книге больше общих строк, чем можно прочитать: {what}; сохраните лист как CSV или разбейте книгу",
        .moreThanStrings: "более {sharedStrings} строк",
        .moreThanMibOfText: "более {sharedStringBytes} МиБ текста",
        .sharedStringIsLongerThanThe:
            "общая строка № {count} длиннее {limit} (предел на ячейку; ячейка Excel вмещает 32 767 знаков); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
        .sheetOf: "лист «{name}» из {count}{system}",
        .theWorkbookLacksTheSheetPart: "в книге нет части листа {part}",
        .sheetTheSheetRowNumber:
            "лист «{name}»: номер строки листа «{shown}» вне листа Excel (строки 1…{rows}); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
        .theSheetDeclaresItsSizeAs:
            "лист объявляет размер {shown}, больше листа Excel ({rows} строк, столбцы до {columnName}); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
        .theCellHoldsMoreThanOf:
            "ячейка {columnName}{row} содержит больше {limit} текста (предел на ячейку; ячейка Excel вмещает 32 767 знаков)",
        .rowHoldsMoreThanOfText: "строка {row} содержит больше {limit} текста (предел на строку)",
        .sheetTheCellOfRowIs:
            "лист «{name}»: ячейка {shown} строки {row} правее последнего столбца листа Excel ({last}); книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
        .encodingDelimiter: "кодировка {encoding} ({how}), разделитель {delimiterName} ({howDelimiter})",
        .mib: "{bytes} МиБ",
        .bytes: "{bytes} байт",
        .thisIsTheOldExcelFormat: "это старый формат Excel (.xls); сохраните файл как .xlsx или CSV",
        .theFileIsNamedXlsxBut: "файл назван .xlsx, но это не книга Excel (нет ZIP-заголовка); файл повреждён?",
        .byOrderId: "по номерам заказов",
        .byDateCustomerAndAmount: "по дате, клиенту и сумме",
        .theSalesOfRepeatThoseOf:
            "продажи файла {name} повторяют продажи уже импортированного {otherFile}: за период {from} — {to} совпадают {matching} из {lines} строк ({percent}%, {how}); ничего не сохранено, иначе выручка удвоится. Чтобы заменить {otherFile} этим файлом, добавьте --replace-dataset \"{otherFile}\"; если это разные продажи, добавьте --keep-overlap",
        .replaceDatasetTheRoundHasNo: "--replace-dataset: в раунде нет данных «{title}» из файла «{name}»; есть: {list}",
        .theRequiredFieldIsEmpty: "обязательное поле {name} пусто",
        .theBytesAreNotValidIn: "байты не читаются в кодировке файла; если файл в Windows-1251, укажите --encoding windows-1251",
        .expectedANumber: "ожидается число",
        .theNumberIsNotADate: "число {value} не является датой",
        .cannotBeReadAsADate: "не читается как дата (ожидается дд.мм.гггг, гггг-мм-дд или дд/мм/гггг)",
        .expectedADate: "ожидается дата",
        .expectedYesNo: "ожидается да/нет",
        .unknownValueExpectedOneOf: "неизвестное значение; ожидается одно из: {codes}",
        .cannotBeRead: "не читается",
        .empty: "пустой",
        .headerOnRow: "заголовок в строке {rows}",
        .row: "строка {line}: {text}",
        .aQuoteOpensHereAndIs:
            "кавычка открыта здесь и не закрыта в этой строке: строка не прочитана; закройте кавычку или удвойте её (\"\") внутри значения",
        .cannotSettleTheDayMonthOrder: "не удалось определить порядок дня и месяца в датах; задайте date_order в файле соответствия",
        .theDealStatusWonLostOpen: "статус сделки (won/lost/open) определён по этапу: столбца статуса нет",
        .column: "столбец «{header}»",
        .value: "значение «{shown}»",
        .error: "ошибка",
        .theFileDoesNotExist: "файл {path} не найден",
        .isNotARegularFileA: "{path} — не обычный файл (папка или устройство)",
        .cannotRead: "не удалось прочитать {path}: {reason}",
        .unknownFileFormatOfCsvTxt: "не знаю формат файла {path}: поддерживаются CSV/TXT, XLSX и XML",
        .theFileHoldsNoData: "файл {path} не содержит данных",
        .noHeaderRowForFoundAmong:
            "не найдена строка заголовков для данных «{title}» среди первых строк; ожидаются столбцы вроде: {list}. Переименуйте столбцы или задайте соответствие файлом --mapping",
        .requiredColumnsForNotFoundThe:
            "для данных «{title}» не найдены обязательные столбцы: {required}. Столбцы файла: {found}. Задайте соответствие файлом --mapping",
        .theWorkbookHasNoSheetIts: "в книге нет листа «{requested}»; листы: {sheets}",
        .ofRowsCannotBeReadNothing:
            "строк с ошибками: {total} из {rowsRead}; ничего не сохранено. Исправьте файл или запустите с --skip-bad-rows, чтобы сохранить верные строки, а ошибочные выписать в отдельный файл",
        .andMore: "  … и ещё {total}",
        .thisFileShaWasAlreadyImported:
            "этот файл (SHA-256 {prefix}…) уже импортирован в этот раунд как {previous} ({importedAt}); чтобы заменить те данные, добавьте --replace",
        .cannotWriteCheckThatTheFolder: "не удалось записать {path}: {reason}; проверьте, что папка существует и доступна для записи",
        .cannotWriteToTheWorkspaceNothing: "ошибка записи в рабочий файл: {message}; ничего не сохранено",
        .headerRowFromTheMappingFile: "строка заголовка {explicit} из файла соответствия пуста или за пределами первых строк",
        .cannotReadTheHeaderTheFirst:
            "заголовок не прочитан: в первых строках есть байты, не читаемые как {encodingName} (здесь первые из них). {why}",
        .theFileIsReadAsUtf: "файл прочитан как UTF-8",
        .theBytesAreNotValidFix:
            "байты не читаются как {encodingName} ({why}). Исправьте значение; если весь файл в другой кодировке, укажите её: --encoding windows-1251 или utf-8",
        .totalsAndSubtotals: "итоги и подытоги",
        .repeatedHeaders: "повторы заголовка",
        .unitRows: "строки единиц измерения",
        .separators: "разделители",
        .blankRows: "пустые строки",
        .groupRows: "строки групп",
        .cancelledAndReturnedOrders: "отменённые заказы и возвраты",
        .total: "итог",
        .repeatedHeader: "повтор заголовка",
        .units: "единицы измерения",
        .separator: "разделитель",
        .blankRow: "пустая строка",
        .groupItsValueCarriedIntoThe: "группа: значение перенесено в строки под ней",
        .cancelledOrReturnedOrderNotA: "отменённый заказ или возврат: не продажа",
        .aQuoteOpensHereAndIs2: "кавычка открыта и не закрыта до конца файла; проверьте кавычки в этой строке",
        .theRecordHasMoreThanFields:
            "в записи больше {fields} полей (предел — столько столбцов у листа Excel); проверьте разделитель (--delimiter) и кавычки",
        .mappingHeaderRowExpected: "header_row: ожидается номер строки (0, если заголовка нет)",
        .mappingEncodingExpected: "encoding: ожидается utf-8 или windows-1251",
        .mappingDelimiterExpected: "delimiter: ожидается один символ (; , | или \\t)",
        .mappingDateOrderExpected: "date_order: ожидается dd.mm или mm.dd",
        .mappingColumnsExpected: "columns: ожидается словарь «поле: столбец»",
        .mappingUnknownField: "неизвестное поле «{field}» для данных «{kind}»; поля: {fields}",
        .mappingColumnNumbersStartAt1: "номер столбца начинается с 1",
        .mappingColumnExpected: "ожидается имя столбца или его номер",
        .mappingXMLExpected: "xml: ожидается словарь с records: и fields:",
        .mappingXMLRecordsExpected: "records: ожидается путь от корня, например /Выгрузка/Документ",
        .mappingXMLFieldsExpected: "fields: ожидается словарь «поле: элемент или @атрибут»",
        .mappingXMLUnknownField: "неизвестное поле «{field}»",
        .mappingXMLElementExpected: "ожидается имя элемента или @атрибута",
        .mappingXMLUnknownKey: "неизвестный ключ xml.{key}; ожидаются records и fields",
        .mappingStagesExpected: "stages: только для сделок; ожидается словарь won:/lost:/open: со списками этапов",
        .mappingStageOutcomeExpected: "stages: ожидается won, lost или open",
        .mappingStageListExpected: "stages.{code}: ожидается список этапов",
        .mappingUnknownKey: "неизвестный ключ «{key}»; допустимы: header_row, sheet, encoding, delimiter, date_order, columns, xml, stages",
        .recordTooLongInCSV:
            "запись, начатая в этой строке, длиннее {limit} (предел на запись): такого не бывает в выгрузке таблицы — вероятно, не закрыта кавычка или в файле нет переводов строк. Проверьте файл в текстовом редакторе",
        .fieldTooLongInCSV:
            "поле длиннее {limit} (предел на поле; ячейка Excel вмещает 32 767 знаков): такого не бывает в выгрузке таблицы — вероятно, не закрыта кавычка или в файле нет переводов строк. Проверьте файл в текстовом редакторе",
        .checkXMLRecords: "{problem}; проверьте, что записи выбраны верно (xml_records в файле соответствия)",
        .workbookDamaged: "{problem}; книга повреждена или создана не Excel — пересохраните её в Excel или как CSV",
        .gib: "{bytes} ГиБ",
        .workbookPartTooLarge: "часть книги {part} больше {size} в распакованном виде; разбейте книгу или сохраните лист как CSV",
        .dateAgainstDayFirstOrder: "дата не сходится с порядком «день.месяц», принятым для столбца",
        .dateAgainstMonthFirstOrder: "дата не сходится с порядком «месяц.день», принятым для столбца",
        .sheetLook: "«{sheet}» — {look}",
        .noSheetHasAHeader:
            "ни на одном листе книги ({count}) нет строки заголовков для данных «{kind}»: {sheets}. {error}. Укажите лист: --sheet ИМЯ",
        .encodingDetected: "определена",
        .encodingGiven: "задана",
        .delimiterDetected: "определён",
        .delimiterGiven: "задан",
    ]
}
