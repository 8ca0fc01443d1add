import AuditModel
import Testing

/// Catalogue texts: named arguments and plural forms by each language's CLDR rules.
@Suite struct MessageTemplateTests {
    static let russian = "{count, plural, one {# ответ} few {# ответа} many {# ответов} other {# ответа}}"
    static let english = "{count, plural, one {# answer} other {# answers}}"

    @Test(arguments: [
        (0.0, "0 ответов", "0 answers"), (1, "1 ответ", "1 answer"), (2, "2 ответа", "2 answers"), (5, "5 ответов", "5 answers"),
        (11, "11 ответов", "11 answers"), (21, "21 ответ", "21 answers"), (22, "22 ответа", "22 answers"),
        (25, "25 ответов", "25 answers"), (111, "111 ответов", "111 answers"), (1.5, "1,5 ответа", "1.5 answers"),
    ])
    func pluralsAgreeWithTheNumber(count: Double, ru: String, en: String) throws {
        #expect(try MessageTemplate(Self.russian).render(["count": .number(count)], in: .ru) == ru)
        #expect(try MessageTemplate(Self.english).render(["count": .number(count)], in: .en) == en)
    }

    @Test func namedPlaceholdersExactZeroAndEscapedBraces() throws {
        let template = try MessageTemplate(
            "'{'{file}'}': {n, plural, =0 {пусто} one {# строка} few {# строки} many {# строк} other {# строки}}")
        #expect(template.render(["file": "a.csv", "n": 0], in: .ru) == "{a.csv}: пусто")
        #expect(template.render(["file": "a.csv", "n": 1_234], in: .ru) == "{a.csv}: 1\u{00A0}234 строки")
        #expect(template.argumentNames == ["file", "n"])
    }

    @Test(arguments: ["{", "{count, plural, one {x}}", "{count, plural, some {x} other {y}}", "text }", "{count, select, a {x}}"])
    func aMalformedTemplateIsRefused(source: String) {
        #expect(throws: MessageTemplate.SyntaxError.self) { try MessageTemplate(source) }
    }

    @Test func aMissingArgumentShowsItsName() throws {
        #expect(try MessageTemplate("Файл {file}").render([:], in: .ru) == "Файл {file}")
    }
}
