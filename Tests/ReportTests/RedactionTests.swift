import AuditModel
import Rules
import Testing

@testable import Report

/// The pseudonymised copy: what is found, what is left alone.
@Suite struct RedactionTests {
    let matcher = PersonalValueMatcher(
        [
            PersonalValue(field: "name", value: "ИП Сидоров А.В."),
            PersonalValue(field: "name", value: "Опт"),
            PersonalValue(field: "customer_id", value: "ТС-000815"),
            PersonalValue(field: "tax_id", value: "7420570951"),
            PersonalValue(field: "phone", value: "+7 (922) 248-69-71"),
            PersonalValue(field: "phone", value: "нет"),
        ], pseudonyms: Pseudonyms(key: Array("test key".utf8)))

    @Test func aNameIsFoundInsideASentenceWhateverItsCase() {
        let text = matcher.redact("Клиент ип сидоров а.в. не покупал 200 дней")
        #expect(!text.lowercased().contains("сидоров"))
        #expect(text.hasPrefix("Клиент Client-"))
        #expect(text.hasSuffix(" не покупал 200 дней"))
    }

    @Test func theSameValueAlwaysGetsTheSamePseudonym() {
        #expect(matcher.redact("ИП Сидоров А.В.") == matcher.redact("ип сидоров а.в."))
        #expect(matcher.redact("ТС-000815") != matcher.redact("ИП Сидоров А.В."))
    }

    @Test func aValueNotShapedLikeItsColumnIsNoIdentifier() {
        #expect(matcher.redact("Нет") == "Нет", "'нет' typed in the phone column is no phone")
    }

    @Test func pseudonymsCannotBeRecomputedWithoutTheCopysKey() {
        let other = PersonalValueMatcher(
            [PersonalValue(field: "customer_id", value: "ТС-000815")],
            pseudonyms: Pseudonyms(key: Array("another key".utf8)))
        #expect(other.redact("ТС-000815") != matcher.redact("ТС-000815"))
        // Not the unkeyed digest an attacker could compute from a guessed code.
        #expect(!matcher.redact("ТС-000815").contains(String(SHA256.hex(Array("тс-000815".utf8)).prefix(6)).uppercased()))
    }

    @Test func hmacMatchesTheRFC4231Vector() {
        #expect(
            SHA256.hmacHex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let longKey = [UInt8](repeating: 0xaa, count: 131)
        #expect(
            SHA256.hmacHex(key: longKey, message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func aShortValueIsReplacedOnlyAsAWholeText() {
        #expect(matcher.redact("Опт") != "Опт")
        #expect(matcher.redact("Оптовая торговля: опт и розница") == "Оптовая торговля: опт и розница")
    }

    @Test func aValueIsNotFoundInsideALongerWordOrNumber() {
        #expect(matcher.redact("ТС-0008150") == "ТС-0008150")
        #expect(matcher.redact("код ТС-000815, 12 заказов").contains("Client-"))
    }

    @Test func identifiersAreFoundByShapeWhenTheDataDoesNotListThem() {
        let text = matcher.redact("пишите ivan.petrov@mail.ru или звоните +7 912 345-67-89; ИНН 502713452801, КПП 772801001")
        #expect(!text.contains("ivan.petrov"))
        #expect(!text.contains("345-67-89"))
        #expect(!text.contains("502713452801"))
        #expect(text.contains("772801001"), "a nine-digit КПП identifies no one")
    }

    @Test func moneyDatesAndChecksumsAreLeftAlone() {
        for text in ["271 600 000 ₽", "2026-11-29", "29.11.2026", "sha256 3f2a1234567890ab", "+22,4 %", "845 клиентов"] {
            #expect(matcher.redact(text) == text)
        }
    }

    @Test func everyTextOfTheInputIsSwept() throws {
        var input = try ReportFixture.input()
        input.answers = input.answers.map { row in
            var row = row
            row.note = "Главный клиент — ИП Сидоров А.В., тел. +7 (922) 248-69-71"
            return row
        }
        let options = ReportOptions(
            language: .ru, redact: true,
            personalValues: [
                PersonalValue(field: "name", value: "ИП Сидоров А.В."), PersonalValue(field: "phone", value: "+7 (922) 248-69-71"),
            ])
        for page in [
            ReportRenderer.html(input, options: options), ReportRenderer.markdown(input, options: options),
            try ReportRenderer.json(input, options: options),
        ] {
            #expect(!page.contains("Сидоров"))
            #expect(!page.contains("248-69-71"))
        }
        #expect(ReportRenderer.html(input, options: options).contains("Псевдонимизированная копия"))
    }

    @Test func aCustomerNamedLikeTheReportsOwnWordsDoesNotBreakTheCopy() throws {
        let input = try ReportFixture.input()
        let options = ReportOptions(
            language: .en, redact: true,
            personalValues: [
                PersonalValue(field: "name", value: "high"), PersonalValue(field: "name", value: "findings"),
            ])
        let page = ReportRenderer.html(input, options: options)
        #expect(page.contains("id=\"findings\""))
    }
}
