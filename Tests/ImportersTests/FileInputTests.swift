import AuditModel
import Foundation
import TestSupport
import Testing

@testable import Importers

/// The fingerprint of a file is the SHA-256 of exactly the bytes read, whether it is computed
/// on the reading thread or on a thread of its own.
@Suite struct FileInputTests {
    @Test(arguments: [0, 1, 64, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 4_321, 7 * (1 << 20)])
    func hashingInTheBackgroundGivesTheDigestOfTheBytesRead(size: Int) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var bytes = [UInt8](repeating: 0, count: size)
        var state: UInt32 = 2_463_534_242
        for index in bytes.indices {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            bytes[index] = UInt8(truncatingIfNeeded: state)
        }
        let path = try writeBytes(bytes, to: "data.bin", in: directory)
        for background in [false, true] {
            var input = try FileInput(path: path, hashInBackground: background)
            var read: [UInt8] = []
            while try input.readChunk({ read.append(contentsOf: $0) }) {}
            #expect(read == bytes)
            #expect(input.sha256() == SHA256.hex(bytes))
            // Asked again, the same.
            #expect(input.sha256() == SHA256.hex(bytes))
        }
    }

    @Test func aReaderLeftHalfWayStopsItsHashingThread() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = try writeBytes([UInt8](repeating: 7, count: 5 << 20), to: "big.bin", in: directory)
        for _ in 0..<20 {
            var input = try FileInput(path: path, hashInBackground: true)
            _ = try input.readChunk { _ in }
            _ = try input.readChunk { _ in }
        }  // each deinit waits for its thread to hash what it was given, then ends it
    }

    @Test func theFingerprintOfAPartlyReadFileCoversWhatWasRead() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bytes = [UInt8](repeating: 0x41, count: 3 << 20)
        let path = try writeBytes(bytes, to: "a.bin", in: directory)
        var input = try FileInput(path: path, hashInBackground: true)
        _ = try input.readChunk { _ in }
        #expect(input.sha256() == SHA256.hex(bytes.prefix(1 << 20)))
        // Reading on after that hashes on the reading thread, from where the other stopped.
        while try input.readChunk({ _ in }) {}
        #expect(input.sha256() == SHA256.hex(bytes))
    }
}
