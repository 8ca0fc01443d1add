import AuditModel

/// The module's texts by key; the texts of each language are in `ExpressionText+ru.swift` and
/// `ExpressionText+en.swift` (docs/translating.md): arguments are named (`{file}`), a literal
/// brace is written `'{'`.
enum ExpressionText: String, TextCatalogue {
    case expectedAnExpressionAsAString
    case boolYesNo
    case number
    case string
    case date
    case setOfStrings
    case tableOfNumbersByName
    case theExpressionGivesAButA
    case aListOfNumbersOrDates
    case aListCannotContainLists
    case allItemsOfAListMust
    case unknownQuestion
    case unknownMetric
    case theLeftOperandOf
    case theRightOperandOf
    case comparesNumbersDatesOrStringsNot
    case theLeftOperandOfInWith
    case theLeftOperandOfIn
    case inNeedsAListOrA
    case theRightOperandOfContains
    case containsNeedsASetOrA
    case aDateIsShiftedByA
    case anOperandOf
    case theArgumentOfCount
    case theArgumentOfAbs
    case anArgumentOfDaysBetween
    case takesNumbersOrDatesNotA
    case allArgumentsOfMustHaveOne
    case theFirstArgumentOf
    case theSecondArgumentOfAName
    case theArgumentOfTop
    case theArgumentOfSum
    case expectedAGotA
    case betweenDifferentTypesAnd
    case comparingWithNullAlwaysGivesNull
    case theQuestionHasNoOptionIts
    case didYouMean
    case didYouMeanOneOf
    case didYouMean2
    case theGroupHas
    case theExpressionIsTooLongOver
    case emptyExpression
    case aNumberCannotRunIntoA
    case invalidNumber
    case unknownEscapeUseNOrT
    case unterminatedStringTheClosingIsMissing
    case writeAndInsteadOf
    case writeOrInsteadOf
    case writeToCompare
    case writeNotInsteadOf
    case unexpectedCharacter
    case theExpressionIsTooLargeOver
    case theExpressionIsNestedTooDeeply
    case comparisonsCannotBeChainedJoinThem
    case expectedAndAnIdAfterE
    case expectedAValueNot
    case unknownFunctionKnown
    case dateTakesAQuotedDateDate
    case isNotADateYyyyMm
    case takesAnAnswerReferenceAnswerQuestion
    case textAfterTheEnd
    case unclosedParenthesis
    case listSeparatorExpected
    case valueExpected
    case callSeparatorExpected
    case missingUnanswered
    case missingDontKnow
    case missingNotApplicable
    case missingAbsent
    case missingNull
    case tokenEnd
    case tokenNumber
    case tokenString
    case tokenWord
    case operandOfNot
    case operandOfMinus
    case unknownName
    case unknownNameAvailable
    case questionIdExpected
    case metricIdExpected
    case takesArguments
    case takesOneArgument

    static func texts(in language: Language) -> [ExpressionText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
