import AuditModel

/// Why a `pattern:` cannot be used: it is not a valid regular expression, it uses a construct
/// the linear-time engine does not have, or it is too big. `offset` counts Unicode scalars from
/// the pattern's start (0-based), so that the loader can point at the file's column.
struct TextPatternError: AuditError, Equatable {
    enum Reason: Sendable, Equatable {
        // Not a regular expression.
        case unclosedGroup
        case unmatchedParenthesis
        case unclosedClass
        case emptyClass
        case nothingToRepeat
        case anchorRepeated
        case braceNotQuantifier
        case reversedCount(min: Int, max: Int)
        case reversedRange(from: String, to: String)
        case classInRange
        case loneBackslash
        case badHexEscape
        case invalidScalar(String)
        // Constructs the engine leaves out: they need backtracking, or mean different things in
        // different engines.
        case backreference
        case lookaround
        case namedGroup
        case atomicGroup
        case groupSyntax(String)
        case possessive
        case unicodeProperty
        case wordBoundary
        case anchorEscape(String)
        case nestedClass
        case classOperation(String)
        case escape(String)
        // Limits that keep matching fast.
        case countTooLarge
        case tooDeep
        case tooLarge
    }

    var reason: Reason
    var offset: Int

    init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// True for constructs that are valid elsewhere but not supported here (as opposed to
    /// patterns that are not regular expressions at all, or are too big).
    var isUnsupported: Bool {
        switch reason {
        case .backreference, .lookaround, .namedGroup, .atomicGroup, .groupSyntax, .possessive, .unicodeProperty,
            .wordBoundary, .anchorEscape, .nestedClass, .classOperation, .escape:
            true
        default:
            false
        }
    }

    func message(in language: Language) -> String {
        if reason == .tooLarge { return text[language] }  // the pattern as a whole
        return text[language]
            + QuestionnaireText.characterOfThePattern.text(["offset": .value(offset + 1)])[language]
    }

    /// What is wrong and what to write instead.
    var text: LocalizedText {
        let limits = "\(TextPattern.maximumCount)"
        switch reason {
        case .unclosedGroup:
            return QuestionnaireText.theIsNotClosedAdd.text()
        case .unmatchedParenthesis:
            return QuestionnaireText.unmatchedWriteForTheCharacterItself.text()
        case .unclosedClass:
            return QuestionnaireText.theCharacterClassIsNotClosed.text()
        case .emptyClass:
            return QuestionnaireText.emptyCharacterClassWriteForThe.text()
        case .nothingToRepeat:
            return QuestionnaireText.nothingToRepeatNoCharacterOr.text()
        case .anchorRepeated:
            return QuestionnaireText.andCannotBeRepeated.text()
        case .braceNotQuantifier:
            return QuestionnaireText.startsACountMMOr.text()
        case .reversedCount(let min, let max):
            return QuestionnaireText.inTheCountTheSmallerNumber.text(["min": .value(min), "max": .value(max)])
        case .reversedRange(let from, let to):
            return QuestionnaireText.theRangeIsReversedWrite.text(["from": .value(from), "to": .value(to)])
        case .classInRange:
            return QuestionnaireText.aRangeEndsMustBe.text()
        case .loneBackslash:
            return QuestionnaireText.thePatternEndsWithALone.text()
        case .badHexEscape:
            return QuestionnaireText.aCharacterCodeIsWrittenXhh.text()
        case .invalidScalar(let code):
            return QuestionnaireText.uIsNotAUnicodeCharacter.text(["code": .value(code)])
        case .backreference:
            return QuestionnaireText.backreferencesKAreNotSupportedPatterns.text()
        case .lookaround:
            return QuestionnaireText.lookaheadAndLookbehindAreNotSupported.text()
        case .namedGroup:
            return QuestionnaireText.namedGroupsAreNotSupportedWrite.text()
        case .atomicGroup:
            return QuestionnaireText.atomicGroupsAreNotSupportedWrite.text()
        case .groupSyntax(let opening):
            return QuestionnaireText.isNotSupportedOptionsCommentsConditions.text(["opening": .value(opening)])
        case .possessive:
            return QuestionnaireText.possessiveQuantifiersAreNotSupportedDrop.text()
        case .unicodeProperty:
            return QuestionnaireText.unicodePropertiesPPAreNot.text()
        case .wordBoundary:
            return QuestionnaireText.wordBoundariesBBAreNot.text()
        case .anchorEscape(let escape):
            return QuestionnaireText.isNotSupportedWriteAndA.text(["escape": .value(escape)])
        case .nestedClass:
            return QuestionnaireText.nestedClassesAndClassesAreNot.text()
        case .classOperation(let operation):
            return QuestionnaireText.classOperationsAreNotSupportedWrite.text([
                "operation": .value(operation), "prefix": .value(operation.prefix(1)),
            ])
        case .escape(let escape):
            return QuestionnaireText.isNotSupportedThereAreD.text(["escape": .value(escape)])
        case .countTooLarge:
            return QuestionnaireText.aCountAbove.text(["limits": .value(limits)])
        case .tooDeep:
            return QuestionnaireText.groupsNestDeeperThanLevels.text(["maximumDepth": .value(TextPattern.maximumDepth)])
        case .tooLarge:
            return QuestionnaireText.thePatternIsTooLargeMore.text(["maximumSize": .value(TextPattern.maximumSize)])
        }
    }
}
