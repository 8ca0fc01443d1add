import AuditModel
import Testing

@testable import Report

@Suite struct ReportTextTests {
    @Test func everyTextExistsInBothLanguages() {
        for key in ReportText.allCases {
            #expect(!key[.ru].isEmpty && !key[.en].isEmpty, "\(key)")
        }
    }

    @Test func russianTextsAreInRussian() {
        let exceptions: Set<ReportText> = [.checksum]
        for key in ReportText.allCases where !exceptions.contains(key) {
            #expect(key[.ru].unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(key): \(key[.ru])")
        }
    }
}
