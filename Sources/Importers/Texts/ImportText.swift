import AuditModel

/// The module's texts by key; the texts of each language are in `ImportText+ru.swift` and
/// `ImportText+en.swift` (docs/translating.md): arguments are named (`{file}`), a literal
/// brace is written `'{'`.
enum ImportText: String, TextCatalogue {
    case theMappingFileMustBeUtf
    case expectedAMappingOfKeysColumns
    case fieldHasNoColumnItHas
    case fieldHasNoColumnItsColumns
    case atLeastCustomerAndSalesLine
    case xmlRecordsFoundAsTheRepeating
    case xmlRecords
    case theRecordValueIsLonger
    case theRecordIsLongerThanThe
    case theXmlRecordsHoldMoreThan
    case cannotOpenTheXml
    case cannotParseTheXml
    case theXmlDeclaresADoctypeOr
    case malformedXml
    case malformedXml2
    case theNumberIsOutsideTheAccepted
    case theNumberIsOutsideTheAccepted2
    case aHexadecimalNumberIsNotAccepted
    case cannotBeReadAsANumber
    case notAFiniteNumberInfinityAnd
    case sheetTheRowNumberRIs
    case sheetCellOutsideAnExcelSheet
    case sheetCellRefersToSharedString
    case theWorkbookLacksThePart
    case theWorkbookPartIsDamagedIts
    case cannotUnpackFromTheWorkbookDamaged
    case cannotOpenTheXlsxWorkbookDamaged
    case noXlWorkbookXmlInsideNot
    case theWorkbookHoldsMoreSharedStrings
    case moreThanStrings
    case moreThanMibOfText
    case sharedStringIsLongerThanThe
    case sheetOf
    case theWorkbookLacksTheSheetPart
    case sheetTheSheetRowNumber
    case theSheetDeclaresItsSizeAs
    case theCellHoldsMoreThanOf
    case rowHoldsMoreThanOfText
    case sheetTheCellOfRowIs
    case encodingDelimiter
    case mib
    case bytes
    case thisIsTheOldExcelFormat
    case theFileIsNamedXlsxBut
    case byOrderId
    case byDateCustomerAndAmount
    case theSalesOfRepeatThoseOf
    case replaceDatasetTheRoundHasNo
    case theRequiredFieldIsEmpty
    case theBytesAreNotValidIn
    case expectedANumber
    case theNumberIsNotADate
    case cannotBeReadAsADate
    case expectedADate
    case expectedYesNo
    case unknownValueExpectedOneOf
    case cannotBeRead
    case empty
    case headerOnRow
    case row
    case aQuoteOpensHereAndIs
    case cannotSettleTheDayMonthOrder
    case theDealStatusWonLostOpen
    case column
    case value
    case error
    case theFileDoesNotExist
    case isNotARegularFileA
    case cannotRead
    case unknownFileFormatOfCsvTxt
    case theFileHoldsNoData
    case noHeaderRowForFoundAmong
    case requiredColumnsForNotFoundThe
    case theWorkbookHasNoSheetIts
    case ofRowsCannotBeReadNothing
    case andMore
    case thisFileShaWasAlreadyImported
    case cannotWriteCheckThatTheFolder
    case cannotWriteToTheWorkspaceNothing
    case headerRowFromTheMappingFile
    case cannotReadTheHeaderTheFirst
    case theFileIsReadAsUtf
    case theBytesAreNotValidFix
    case totalsAndSubtotals
    case repeatedHeaders
    case unitRows
    case separators
    case blankRows
    case groupRows
    case cancelledAndReturnedOrders
    case total
    case repeatedHeader
    case units
    case separator
    case blankRow
    case groupItsValueCarriedIntoThe
    case cancelledOrReturnedOrderNotA
    case aQuoteOpensHereAndIs2
    case theRecordHasMoreThanFields

    static func texts(in language: Language) -> [ImportText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
