import AuditModel

extension ImportText {
    /// English texts; the names in braces stay as they are (docs/translating.md).
    static let english: [ImportText: String] = [
        .theMappingFileMustBeUtf: "the mapping file must be UTF-8",
        .expectedAMappingOfKeysColumns: "expected a mapping of keys (columns:, header_row: …)",
        .fieldHasNoColumnItHas: "field {name}: {path} has no column #{number} (it has {count})",
        .fieldHasNoColumnItsColumns: "field {name}: {path} has no column '{name2}'; its columns: {list}",
        .atLeastCustomerAndSalesLine: "at least 1 customer and 1 sales line are needed",
        .xmlRecordsFoundAsTheRepeating: "XML records: {path} (found as the repeating element)",
        .xmlRecords: "XML records: {path}",
        .theRecordValueIsLonger: "the record's value '{field}' is longer than {limit} (the limit for a value)",
        .theRecordIsLongerThanThe: "the record is longer than {limit} (the limit for a record)",
        .theXmlRecordsHoldMoreThan:
            "the XML records hold more than {columnLimit} distinct fields (the columns of an Excel sheet); check that the right elements are read as records (xml_records in a mapping file)",
        .cannotOpenTheXml: "cannot open the XML",
        .cannotParseTheXml: "cannot parse the XML",
        .theXmlDeclaresADoctypeOr:
            "the XML declares a DOCTYPE or entities; such files are refused (protection against external entities and entity bombs). Export the data without a DTD",
        .malformedXml: "malformed XML: {message}",
        .malformedXml2: "malformed XML",
        .theNumberIsOutsideTheAccepted:
            "the number {shown} is outside the accepted range of ±10^15 (≈ 1,000,000,000,000,000): no real amount is that large — check that this is the right column and the decimal separator",
        .theNumberIsOutsideTheAccepted2:
            "the number {text} is outside the accepted range of ±10^15 (≈ 1,000,000,000,000,000); check that this is the right column",
        .aHexadecimalNumberIsNotAccepted: "a hexadecimal number is not accepted; expected decimal digits such as 1 234.56",
        .cannotBeReadAsANumber: "cannot be read as a number (expected digits such as 1 234,56 or -12.5)",
        .notAFiniteNumberInfinityAnd: "not a finite number (infinity and NaN are not accepted); expected digits such as 1 234,56",
        .sheetTheRowNumberRIs:
            "sheet '{sheet}': the row number r=\"{shown}\" is outside 1…1,048,576 (Excel's limit); the workbook is damaged or was not written by Excel — open and save it again in Excel",
        .sheetCellOutsideAnExcelSheet:
            "sheet '{sheet}', cell {shown}: outside an Excel sheet (columns A…XFD, 16,384; rows 1…1,048,576); the workbook is damaged — open and save it again in Excel",
        .sheetCellRefersToSharedString:
            "sheet '{sheet}', cell {cell}: refers to shared string #{shown}, but the workbook has {count}; the workbook is damaged — open and save it again in Excel",
        .theWorkbookLacksThePart: "the workbook lacks the part {entryPath}",
        .theWorkbookPartIsDamagedIts:
            "the workbook part {entryPath} is damaged (its CRC-32 checksum does not match); save the workbook again from Excel",
        .cannotUnpackFromTheWorkbookDamaged: "cannot unpack {entryPath} from the workbook (damaged ZIP): {error}",
        .cannotOpenTheXlsxWorkbookDamaged: "cannot open the XLSX workbook (damaged ZIP): {error}",
        .noXlWorkbookXmlInsideNot: "no xl/workbook.xml inside: not an Excel workbook",
        .theWorkbookHoldsMoreSharedStrings:
            "the workbook holds more shared strings than can be read: {what}; save the sheet as CSV or split the workbook",
        .moreThanStrings: "more than {sharedStrings} strings",
        .moreThanMibOfText: "more than {sharedStringBytes} MiB of text",
        .sharedStringIsLongerThanThe:
            "shared string #{count} is longer than {limit} (the limit for a cell; an Excel cell holds 32,767 characters); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV",
        .sheetOf: "sheet '{name}' of {count}{system}",
        .theWorkbookLacksTheSheetPart: "the workbook lacks the sheet part {part}",
        .sheetTheSheetRowNumber:
            "sheet '{name}': the sheet's row number {shown} is outside an Excel sheet (rows 1…{rows}); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV",
        .theSheetDeclaresItsSizeAs:
            "the sheet declares its size as {shown}, larger than an Excel sheet ({rows} rows, columns up to {columnName}); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV",
        .theCellHoldsMoreThanOf:
            "the cell {columnName}{row} holds more than {limit} of text (the limit for a cell; an Excel cell holds 32,767 characters)",
        .rowHoldsMoreThanOfText: "row {row} holds more than {limit} of text (the limit for a row)",
        .sheetTheCellOfRowIs:
            "sheet '{name}': the cell {shown} of row {row} is past the last column of an Excel sheet ({last}); the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV",
        .encodingDelimiter: "encoding {encoding} ({how}), delimiter {delimiterName} ({howDelimiter})",
        .mib: "{bytes} MiB",
        .bytes: "{bytes} bytes",
        .thisIsTheOldExcelFormat: "this is the old Excel format (.xls); save it as .xlsx or CSV",
        .theFileIsNamedXlsxBut: "the file is named .xlsx but is not an Excel workbook (no ZIP header); is it damaged?",
        .byOrderId: "by order id",
        .byDateCustomerAndAmount: "by date, customer and amount",
        .theSalesOfRepeatThoseOf:
            "the sales of {name} repeat those of {otherFile}, already imported: in {from} — {to}, {matching} of {lines} lines match ({percent}%, {how}); nothing was stored, as the revenue would count twice. To replace {otherFile} with this file, add --replace-dataset \"{otherFile}\"; if these are different sales, add --keep-overlap",
        .replaceDatasetTheRoundHasNo: "--replace-dataset: the round has no {title} imported from '{name}'; it has: {list}",
        .theRequiredFieldIsEmpty: "the required field {name} is empty",
        .theBytesAreNotValidIn: "the bytes are not valid in the file's encoding; if the file is Windows-1251, pass --encoding windows-1251",
        .expectedANumber: "expected a number",
        .theNumberIsNotADate: "the number {value} is not a date",
        .cannotBeReadAsADate: "cannot be read as a date (expected dd.mm.yyyy, yyyy-mm-dd or dd/mm/yyyy)",
        .expectedADate: "expected a date",
        .expectedYesNo: "expected yes/no",
        .unknownValueExpectedOneOf: "unknown value; expected one of: {codes}",
        .cannotBeRead: "cannot be read",
        .empty: "empty",
        .headerOnRow: "header on row {rows}",
        .row: "row {line}: {text}",
        .aQuoteOpensHereAndIs:
            "a quote opens here and is not closed on this line: the line is not read; close the quote, or double it (\"\") inside a value",
        .cannotSettleTheDayMonthOrder: "cannot settle the day/month order of the dates; set date_order in a mapping file",
        .theDealStatusWonLostOpen: "the deal status (won/lost/open) is read from the stage: there is no status column",
        .column: "column '{header}'",
        .value: "value \"{shown}\"",
        .error: "error",
        .theFileDoesNotExist: "the file {path} does not exist",
        .isNotARegularFileA: "{path} is not a regular file (a folder or a device)",
        .cannotRead: "cannot read {path}: {reason}",
        .unknownFileFormatOfCsvTxt: "unknown file format of {path}: CSV/TXT, XLSX and XML are supported",
        .theFileHoldsNoData: "the file {path} holds no data",
        .noHeaderRowForFoundAmong:
            "no header row for {title} found among the first rows; expected columns such as: {list}. Rename the columns or give a --mapping file",
        .requiredColumnsForNotFoundThe:
            "required columns for {title} not found: {required}. The file's columns: {found}. Give a --mapping file",
        .theWorkbookHasNoSheetIts: "the workbook has no sheet '{requested}'; its sheets: {sheets}",
        .ofRowsCannotBeReadNothing:
            "{total} of {rowsRead} rows cannot be read; nothing was stored. Fix the file, or run with --skip-bad-rows to store the good rows and write the bad ones to a rejects file",
        .andMore: "  … and {total} more",
        .thisFileShaWasAlreadyImported:
            "this file (SHA-256 {prefix}…) was already imported into this round as {previous} ({importedAt}); add --replace to replace that data",
        .cannotWriteCheckThatTheFolder: "cannot write {path}: {reason}; check that the folder exists and is writable",
        .cannotWriteToTheWorkspaceNothing: "cannot write to the workspace: {message}; nothing was stored",
        .headerRowFromTheMappingFile: "header row {explicit} from the mapping file is empty or beyond the first rows",
        .cannotReadTheHeaderTheFirst:
            "cannot read the header: the first rows hold bytes that are not valid {encodingName} (the first of them here). {why}",
        .theFileIsReadAsUtf: "the file is read as UTF-8",
        .theBytesAreNotValidFix:
            "the bytes are not valid {encodingName} ({why}). Fix the value; if the whole file is in another encoding, give it: --encoding windows-1251 or utf-8",
        .totalsAndSubtotals: "totals and subtotals",
        .repeatedHeaders: "repeated headers",
        .unitRows: "unit rows",
        .separators: "separators",
        .blankRows: "blank rows",
        .groupRows: "group rows",
        .cancelledAndReturnedOrders: "cancelled and returned orders",
        .total: "total",
        .repeatedHeader: "repeated header",
        .units: "units",
        .separator: "separator",
        .blankRow: "blank row",
        .groupItsValueCarriedIntoThe: "group: its value carried into the lines beneath",
        .cancelledOrReturnedOrderNotA: "cancelled or returned order: not a sale",
        .aQuoteOpensHereAndIs2: "a quote opens here and is never closed before the end of the file; check the quotes on this line",
        .theRecordHasMoreThanFields:
            "the record has more than {fields} fields (the limit: the columns of an Excel sheet); check the delimiter (--delimiter) and the quotes",
        .mappingHeaderRowExpected: "header_row: expected a row number (0 when there is no header)",
        .mappingEncodingExpected: "encoding: expected utf-8 or windows-1251",
        .mappingDelimiterExpected: "delimiter: expected one character (; , | or \\t)",
        .mappingDateOrderExpected: "date_order: expected dd.mm or mm.dd",
        .mappingColumnsExpected: "columns: expected a mapping 'field: column'",
        .mappingUnknownField: "unknown field '{field}' for {kind}; the fields are: {fields}",
        .mappingColumnNumbersStartAt1: "column numbers start at 1",
        .mappingColumnExpected: "expected a column name or number",
        .mappingXMLExpected: "xml: expected a mapping with records: and fields:",
        .mappingXMLRecordsExpected: "records: expected a path from the root, e.g. /Export/Document",
        .mappingXMLFieldsExpected: "fields: expected a mapping 'field: element or @attribute'",
        .mappingXMLUnknownField: "unknown field '{field}'",
        .mappingXMLElementExpected: "expected an element or @attribute name",
        .mappingXMLUnknownKey: "unknown key xml.{key}; expected records and fields",
        .mappingStagesExpected: "stages: for deals only; expected a mapping won:/lost:/open: of stage lists",
        .mappingStageOutcomeExpected: "stages: expected won, lost or open",
        .mappingStageListExpected: "stages.{code}: expected a list of stages",
        .mappingUnknownKey: "unknown key '{key}'; allowed: header_row, sheet, encoding, delimiter, date_order, columns, xml, stages",
        .recordTooLongInCSV:
            "the record starting on this line is longer than {limit} (the limit for a record): no table export holds that — most likely a quote is left open, or the file has no line breaks. Look at the file in a text editor",
        .fieldTooLongInCSV:
            "a field is longer than {limit} (the limit for a field; an Excel cell holds 32,767 characters): no table export holds that — most likely a quote is left open, or the file has no line breaks. Look at the file in a text editor",
        .checkXMLRecords: "{problem}; check that the right elements are read as records (xml_records in a mapping file)",
        .workbookDamaged: "{problem}; the workbook is damaged or was not made by Excel: save it again from Excel, or as CSV",
        .gib: "{bytes} GiB",
        .workbookPartTooLarge: "the workbook part {part} unpacks to more than {size}; split the workbook or save the sheet as CSV",
        .dateAgainstDayFirstOrder: "the date does not fit the column's day/month order",
        .dateAgainstMonthFirstOrder: "the date does not fit the column's month/day order",
        .sheetLook: "'{sheet}' — {look}",
        .noSheetHasAHeader:
            "no sheet of the workbook ({count}) has a header row for {kind}: {sheets}. {error}. Name the sheet: --sheet NAME",
        .encodingDetected: "detected",
        .encodingGiven: "given",
        .delimiterDetected: "detected",
        .delimiterGiven: "given",
    ]
}
