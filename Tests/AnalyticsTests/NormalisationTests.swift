import Testing

@testable import Analytics

@Suite struct NormalisationTests {
    @Test(arguments: [
        ("+7 (912) 345-67-89", "+79123456789"), ("8-912-345-67-89", "+79123456789"), ("9123456789", "+79123456789"),
        ("8 (495) 123 45 67", "+74951234567"), ("+7 912 345 67 89 доб. 12", "+79123456789"),
        ("79123456789", "+79123456789"), ("тел. 9123456789", "+79123456789"), ("+44 20 7946 0958", "+442079460958"),
    ])
    func phonesNormalise(text: String, normalised: String) {
        #expect(Normalise.phone(text) == normalised)
    }

    @Test(arguments: ["12345", "", "abc", "+7 (000) 000-00-00", "8 (999) 999-99-99", "1234567890", "++79123456789"])
    func nonPhonesAreRejected(text: String) {
        #expect(Normalise.phone(text) == nil)
    }

    @Test(arguments: ["a@b.ru", "first.last+tag@mail.example.com", "Ivan@Почта.рф", "x_y@sub-domain.co"])
    func validEmails(text: String) {
        #expect(Normalise.isValidEmail(text))
    }

    @Test(arguments: ["beta@", "@x.ru", "a@b", "a@@b.ru", "a b@c.ru", "a..b@c.ru", ".a@c.ru", "a@-c.ru", "a@c.r1", "a@c..ru", "нет"])
    func invalidEmails(text: String) {
        #expect(!Normalise.isValidEmail(text))
    }

    @Test(arguments: [
        ("ООО «Ромашка»", "ромашка"), ("Ромашка  ООО", "ромашка"), ("\"Ромашка\", ООО", "ромашка"),
        ("Общество с ограниченной ответственностью \"Ромашка\"", "ромашка"), ("ИП Иванов И.И.", "иванов и и"),
        ("Acme, LLC", "acme"), ("Ёлка АО", "елка"),
    ])
    func namesNormalise(text: String, key: String) {
        #expect(Normalise.nameKey(text) == key)
    }

    @Test func legalFormAloneIsNoName() {
        #expect(Normalise.nameKey("ООО") == nil)
    }

    @Test(arguments: [("7701 234 567", "7701234567"), ("ИНН 770123456789", "770123456789")])
    func taxIDsKeepDigits(text: String, key: String) {
        #expect(Normalise.taxID(text) == key)
        #expect(Normalise.taxID("123") == nil)
    }
}

@Suite struct RFMTests {
    @Test(arguments: [
        (5, 5, 1, "Champions"), (4, 4, 1, "Champions"), (3, 4, 1, "Loyal"), (5, 3, 1, "Loyal"), (5, 1, 1, "Potential loyalists"),
        (4, 2, 1, "Potential loyalists"), (3, 1, 1, "Potential loyalists"), (2, 5, 5, "Can't lose"), (1, 4, 4, "Can't lose"),
        (2, 5, 3, "At risk"), (1, 3, 5, "At risk"), (2, 2, 5, "Hibernating"), (1, 2, 5, "Long inactive"), (1, 1, 1, "Long inactive"),
    ])
    func segmentsOfRepeatCustomersFollowTheGrid(r: Int, f: Int, m: Int, segment: String) {
        #expect(RFMSegment(r: r, f: f, m: m, singlePurchase: false).name == segment)
    }

    @Test(arguments: [(5, "New"), (4, "New"), (3, "Potential loyalists"), (2, "Hibernating"), (1, "Long inactive")])
    func singlePurchaseCustomersAreSegmentedByRecency(r: Int, segment: String) {
        #expect(RFMSegment(r: r, f: 5, m: 5, singlePurchase: true).name == segment)
    }

    @Test func quintilesOfDistinctValues() {
        #expect(Computation.quintileScores([10, 20, 30, 40, 50]) == [1, 2, 3, 4, 5])
        #expect(Computation.quintileScores([50, 40, 30, 20, 10]) == [5, 4, 3, 2, 1])
    }

    @Test func tiesShareTheirMiddleScore() {
        #expect(Computation.quintileScores([7, 7, 7, 7]) == [3, 3, 3, 3])
        #expect(Computation.quintileScores([1, 1, 1, 2, 2, 2]) == [2, 2, 2, 5, 5, 5])
        #expect(Computation.quintileScores([42]) == [3])
    }

    @Test(
        arguments: [
            ([100.0], [Int8(0)]), ([80, 10, 5, 5], [0, 1, 1, 2]), ([50, 30, 15, 5], [0, 0, 1, 2]),
            ([70, 26, 4], [0, 0, 2]),
            (
                [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2]
            ),
        ] as [([Double], [Int8])])
    func abcClassesCutAt80And95(revenues: [Double], classes: [Int8]) {
        #expect(Computation.abcClasses(revenues) == classes)
    }

    @Test func abcNeedsAPositiveTotal() {
        #expect(Computation.abcClasses([0, 0]) == nil)
        #expect(Computation.abcClasses([10, -10]) == nil)
    }
}

@Suite struct TaxIDCheckDigitTests {
    @Test(arguments: [("7707083893", true), ("500100732259", true), ("7707083894", false), ("7701234567", false), ("123", false)])
    func innCheckDigits(inn: String, valid: Bool) {
        #expect(Normalise.isValidINN(inn) == valid)
    }
}
