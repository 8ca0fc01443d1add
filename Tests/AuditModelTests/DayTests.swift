import AuditModel
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("2000-02-29", 11_016), ("2024-01-31", 19_753), ("1899-12-30", -25_569),
    ])
    func isoRoundTripsThroughOrdinal(iso: String, ordinal: Int) throws {
        let day = try #require(Day(iso: iso))
        #expect(day.ordinal == ordinal)
        #expect(Day(ordinal: ordinal).iso == iso)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "24-01-01", "2024/01/01", ""])
    func impossibleDatesAreRejected(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        var day = Day(year: 1900, month: 1, day: 1)!
        let end = Day(year: 2300, month: 1, day: 1)!
        while day < end {
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
            day = day.adding(days: 1)
        }
    }

    @Test func monthIndexAndLabel() {
        let day = Day(year: 2026, month: 11, day: 29)!
        #expect(Day.monthLabel(day.monthIndex) == "2026-11")
        #expect(day.startOfMonth.iso == "2026-11-01")
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func chunkedInputGivesTheSameDigest() {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var index = 0
        for size in [1, 63, 64, 65, 1000, 7] where index < bytes.count {
            hasher.update(bytes[index..<min(index + size, bytes.count)])
            index += size
        }
        hasher.update(bytes[index...])
        #expect(hasher.finalizeHex() == SHA256.hex(bytes))
    }

    @Test func aMillionLettersA() {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 4096, 65_537])
    func cpuInstructionsAndPortableRoundsAgree(size: Int) {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 8) }
        var fast = SHA256()
        var portable = SHA256(portable: true)
        fast.update(bytes)
        portable.update(bytes)
        #expect(fast.finalizeHex() == portable.finalizeHex())
    }
}
