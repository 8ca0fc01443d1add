import Testing

@testable import Importers

/// Cells are checked for well-formed UTF-8 before their bytes are stored as text.
@Suite struct UTF8ValidationTests {
    static func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextEncoding.isValidUTF8($0) }
    }

    @Test(arguments: ["", "abc", "order-0000001;2026", "Заказ З-0000001", "ООО «Ромашка» — 2026", "€ 𝄞 日本", String(repeating: "x", count: 37)])
    func wellFormedTextPasses(text: String) {
        #expect(Self.valid(Array(text.utf8)))
    }

    @Test(arguments: [
        [0x80], [0xC0, 0xAF], [0xC3], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
        Array("abcdefgh".utf8) + [0xD0], Array("abcdefghijklmnop".utf8) + [0x9F] + Array("tail".utf8),
        Array("Заказ".utf8).dropLast(1) + Array("12345678".utf8),
    ] as [[UInt8]])
    func malformedBytesFail(bytes: [UInt8]) {
        #expect(!Self.valid(bytes))
    }
}
