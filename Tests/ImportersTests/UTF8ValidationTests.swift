import AuditModel
import TestSupport
import Testing

@testable import Importers

/// Cells are checked for well-formed UTF-8 before their bytes are stored as text.
@Suite struct UTF8ValidationTests {
    static func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextEncoding.isValidUTF8($0) }
    }

    @Test(arguments: [
        "", "abc", "order-0000001;2026", "Заказ З-0000001", "ООО «Ромашка» — 2026", "€ 𝄞 日本", String(repeating: "x", count: 37),
    ])
    func wellFormedTextPasses(text: String) {
        #expect(Self.valid(Array(text.utf8)))
    }

    @Test(
        arguments: [
            [0x80], [0xC0, 0xAF], [0xC3], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
            Array("abcdefgh".utf8) + [0xD0], Array("abcdefghijklmnop".utf8) + [0x9F] + Array("tail".utf8),
            Array("Заказ".utf8).dropLast(1) + Array("12345678".utf8),
        ] as [[UInt8]])
    func malformedBytesFail(bytes: [UInt8]) {
        #expect(!Self.valid(bytes))
    }

    /// Bytes are well-formed exactly when decoding them changes nothing (ill-formed parts
    /// become U+FFFD). Pieces of text, bare lead and continuation bytes, overlong and
    /// surrogate forms, at every offset within eight-byte words.
    @Test func agreesWithTheStandardLibraryOnMixedBytes() {
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("1234567".utf8), Array("Ж".utf8), Array("ё".utf8), Array("€".utf8), Array("𝄞".utf8),
            Array("é".utf8), [0xC2, 0xA0], [0xDF, 0xBF], [0xD0], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xEF, 0xBF, 0xBD],
        ]
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                // Mostly text, now and then a malformed piece.
                let index = Int(generator.next() % 100)
                bytes += index < 90 ? pieces[index % 7] : pieces[7 + index % (pieces.count - 7)]
            }
            let expected = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            #expect(Self.valid(bytes) == expected, "\(bytes)")
            if Self.valid(bytes) != expected { return }
        }
    }
}
