import AuditModel

/// The module's texts by key; the texts of each language are in `ModelText+ru.swift` and
/// `ModelText+en.swift` (docs/translating.md): arguments are named (`{file}`), a literal
/// brace is written `'{'`.
enum ModelText: String, TextCatalogue {
    case customers
    case sales
    case managers
    case deals
    case activities
    case campaigns
    case cannotWriteCheckThatTheFolder
    case theFileIsEmpty
    case cannotReadYaml
    case yamlSyntaxErrorLineWhatOpens
    case yamlSyntaxError
    case aCharacterYamlDoesNotAllow
    case yamlError
    case rub
    case count
    case percentSign
    case plusMinusPercent
    case pp
    case days
    case index
    case date
    case pp2
    case lastMonths
    case previousMonths
    case lastVsPreviousMonths
    case allHistory
    case asOfTheAsOfDate
    case lastDays
    case byFirstPurchaseCohort
    case expectedAMappingKeyValue
    case aKeyMustBeAString
    case duplicateKey
    case mustBeAString
    case isNotAnIdUseLower
    case contextAndKey
    case theTranslationIsMissing
    case theTextIsEmpty
    case mustBeANumber
    case mustBeAWholeNumber
    case mustBeTrueOrFalse
    case mustBeAList
    case theRequiredKeyIsMissing
    case theEncodingWasGivenWithEncoding
    case theFileIsReadAsUtf
    case theFileIsReadAsUtf2
    case theFileIsReadAs
    case customerId
    case name
    case customerType
    case taxId
    case email
    case phone
    case birthDate
    case gender
    case city
    case region
    case industry
    case segment
    case source
    case manager
    case created
    case emailConsent
    case error
    case inCell
    case onLine
    case errorLabel
    case warningLabel
    case noteLabel
    case errorsFound
    case notWriteWorkspace
    case notWriteFolder
    case notWriteSpecialFile
    case notReplaceDatabase
    case notReplaceForeignFile
    case quoted
    case duplicateKeysInMapping
    case unknownKeyNear
    case unknownKey
    case customersNoun
    case daysNoun
    case saleLinesNoun
    case rowsNoun

    static func texts(in language: Language) -> [ModelText: String] {
        switch language {
        case .ru: russian
        case .en: english
        }
    }
}
