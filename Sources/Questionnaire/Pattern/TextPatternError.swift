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
            + LocalizedText(ru: " (символ \(offset + 1) шаблона)", en: " (character \(offset + 1) of the pattern)")[language]
    }

    /// What is wrong and what to write instead.
    var text: LocalizedText {
        let limits = "\(TextPattern.maximumCount)"
        switch reason {
        case .unclosedGroup:
            return LocalizedText(ru: "скобка «(» не закрыта; добавьте «)»", en: "the '(' is not closed; add ')'")
        case .unmatchedParenthesis:
            return LocalizedText(ru: "лишняя «)»; для самой скобки пишите «\\)»", en: "unmatched ')'; write '\\)' for the character itself")
        case .unclosedClass:
            return LocalizedText(ru: "класс символов «[» не закрыт; добавьте «]»", en: "the character class '[' is not closed; add ']'")
        case .emptyClass:
            return LocalizedText(
                ru: "пустой класс символов «[]»; для самой скобки пишите «\\]»",
                en: "empty character class '[]'; write '\\]' for the bracket itself")
        case .nothingToRepeat:
            return LocalizedText(
                ru: "повторять нечего: перед *, +, ? или {…} нет символа или группы; для самого символа пишите «\\*», «\\+», «\\?», «\\{»",
                en:
                    "nothing to repeat: no character or group before *, +, ? or {…}; write '\\*', '\\+', '\\?', '\\{' for the character itself"
            )
        case .anchorRepeated:
            return LocalizedText(ru: "«^» и «$» повторять нельзя", en: "'^' and '$' cannot be repeated")
        case .braceNotQuantifier:
            return LocalizedText(
                ru: "«{» открывает повтор {m}, {m,} или {m,n} (целые без пробелов); для самой скобки пишите «\\{»",
                en: "'{' starts a count {m}, {m,} or {m,n} (whole numbers, no spaces); write '\\{' for the brace itself")
        case .reversedCount(let min, let max):
            return LocalizedText(
                ru: "в повторе {\(min),\(max)} меньшее число должно идти первым",
                en: "in the count {\(min),\(max)} the smaller number comes first")
        case .reversedRange(let from, let to):
            return LocalizedText(
                ru: "диапазон «\(from)-\(to)» задан в обратном порядке; пишите «\(to)-\(from)»",
                en: "the range '\(from)-\(to)' is reversed; write '\(to)-\(from)'")
        case .classInRange:
            return LocalizedText(
                ru: "границей диапазона может быть только символ, не класс вроде \\d; для дефиса пишите «\\-»",
                en: "a range's ends must be characters, not a class such as \\d; write '\\-' for a hyphen")
        case .loneBackslash:
            return LocalizedText(
                ru: "шаблон кончается одиночной «\\»; для самой черты пишите «\\\\»",
                en: "the pattern ends with a lone '\\'; write '\\\\' for the backslash itself")
        case .badHexEscape:
            return LocalizedText(
                ru: "код символа пишется \\xHH, \\uHHHH, \\x{H…} или \\u{H…} (шестнадцатеричные цифры)",
                en: "a character code is written \\xHH, \\uHHHH, \\x{H…} or \\u{H…} (hexadecimal digits)")
        case .invalidScalar(let code):
            return LocalizedText(ru: "U+\(code) — не символ Юникода", en: "U+\(code) is not a Unicode character")
        case .backreference:
            return LocalizedText(
                ru: "обратные ссылки (\\1, \\k<…>) не поддерживаются: шаблоны проверяются за время, линейное от длины ответа",
                en: "backreferences (\\1, \\k<…>) are not supported: patterns are matched in time linear in the answer's length")
        case .lookaround:
            return LocalizedText(
                ru:
                    "просмотр вперёд и назад ((?=…), (?!…), (?<=…), (?<!…)) не поддерживается; разбейте проверку на несколько pattern или используйте check",
                en:
                    "lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported; split the check into several patterns or use check"
            )
        case .namedGroup:
            return LocalizedText(
                ru: "именованные группы не поддерживаются; пишите «( )» или «(?: )»",
                en: "named groups are not supported; write '( )' or '(?: )'")
        case .atomicGroup:
            return LocalizedText(
                ru: "атомарные группы (?>…) не поддерживаются; пишите «(?: )»", en: "atomic groups (?>…) are not supported; write '(?: )'")
        case .groupSyntax(let opening):
            return LocalizedText(
                ru: "«\(opening)» не поддерживается (флаги, комментарии, условия); поддерживаются группы «( )» и «(?: )»",
                en: "'\(opening)' is not supported (options, comments, conditions); groups are '( )' and '(?: )'")
        case .possessive:
            return LocalizedText(
                ru: "захватывающие повторы (*+, ++, ?+, {…}+) не поддерживаются; уберите «+» после повтора",
                en: "possessive quantifiers (*+, ++, ?+, {…}+) are not supported; drop the '+' after the quantifier")
        case .unicodeProperty:
            return LocalizedText(
                ru: "свойства Юникода (\\p{…}, \\P{…}) не поддерживаются; перечислите символы, например [А-Яа-яЁё]",
                en: "Unicode properties (\\p{…}, \\P{…}) are not supported; list the characters, e.g. [A-Za-z]")
        case .wordBoundary:
            return LocalizedText(
                ru: "границы слов (\\b, \\B) не поддерживаются; шаблон и так сравнивается со всем ответом",
                en: "word boundaries (\\b, \\B) are not supported; a pattern is matched against the whole answer anyway")
        case .anchorEscape(let escape):
            return LocalizedText(
                ru: "«\\\(escape)» не поддерживается; пишите «^» и «$» (шаблон и так сравнивается со всем ответом)",
                en: "'\\\(escape)' is not supported; write '^' and '$' (a pattern is matched against the whole answer anyway)")
        case .nestedClass:
            return LocalizedText(
                ru: "вложенные классы и [:классы:] не поддерживаются; для самой скобки пишите «\\[»",
                en: "nested classes and [:classes:] are not supported; write '\\[' for the bracket itself")
        case .classOperation(let operation):
            return LocalizedText(
                ru: "операции над классами («\(operation)») не поддерживаются; для самого символа пишите «\\\(operation.prefix(1))»",
                en: "class operations ('\(operation)') are not supported; write '\\\(operation.prefix(1))' for the character itself")
        case .escape(let escape):
            return LocalizedText(
                ru:
                    "«\\\(escape)» не поддерживается; есть \\d \\w \\s \\D \\W \\S, \\t \\n \\r \\f, \\xHH, \\uHHHH и «\\» перед знаком препинания",
                en:
                    "'\\\(escape)' is not supported; there are \\d \\w \\s \\D \\W \\S, \\t \\n \\r \\f, \\xHH, \\uHHHH and '\\' before punctuation"
            )
        case .countTooLarge:
            return LocalizedText(ru: "число повторов больше \(limits)", en: "a count above \(limits)")
        case .tooDeep:
            return LocalizedText(
                ru: "скобки вложены глубже \(TextPattern.maximumDepth) уровней",
                en: "groups nest deeper than \(TextPattern.maximumDepth) levels")
        case .tooLarge:
            return LocalizedText(
                ru: "шаблон слишком велик: с раскрытыми повторами больше \(TextPattern.maximumSize) шагов; уменьшите числа в {…}",
                en:
                    "the pattern is too large: more than \(TextPattern.maximumSize) steps once counts are expanded; lower the numbers in {…}"
            )
        }
    }
}
