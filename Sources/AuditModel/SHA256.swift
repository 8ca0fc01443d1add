import CSHA256

/// SHA-256 (FIPS 180-4), used to fingerprint imported files. Streaming: feed chunks, then finish.
///
/// Written here because Foundation on Linux has no digest API and swift-crypto would pull
/// BoringSSL into every build for one function. Whole blocks go through the CPU's SHA
/// instructions where it has them (x86-64 SHA-NI: about 1.5 GB/s instead of ~300 MB/s, which
/// was a quarter of an import's reading thread); the portable rounds below are the fallback.
package struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    private var hardware = SHA256.hardwareAvailable

    /// Whether this CPU has SHA instructions (checked once).
    package static let hardwareAvailable = csha256_hardware_available() != 0

    package init() {}

    /// A hasher that never uses the CPU's SHA instructions (to test one path against the other).
    package init(portable: Bool) {
        hardware = !portable && SHA256.hardwareAvailable
    }

    package mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        length &+= UInt64(bytes.count)
        // Whole blocks of contiguous input are hashed where they lie (no copy of a large chunk).
        if buffer.isEmpty,
            let done = bytes.withContiguousStorageIfAvailable({ input -> Int in
                let whole = input.count / 64 * 64
                compressBlocks(input, whole)
                return whole
            })
        {
            buffer.append(contentsOf: bytes.dropFirst(done))
            return
        }
        buffer.append(contentsOf: bytes)
        let whole = buffer.count / 64 * 64
        guard whole > 0 else { return }
        buffer.withUnsafeBufferPointer { pointer in compressBlocks(pointer, whole) }
        buffer.removeFirst(whole)
    }

    /// The digest as 64 lowercase hex digits.
    package mutating func finalizeHex() -> String {
        var tail: [UInt8] = [0x80]
        let padding = (55 &- Int(length % 64) + 64) % 64
        tail.append(contentsOf: repeatElement(0, count: padding))
        let bits = length &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let savedLength = length
        update(tail)
        length = savedLength
        let hex: [Character] = Array("0123456789abcdef")
        var out = ""
        for word in state {
            for shift in stride(from: 28, through: 0, by: -4) { out.append(hex[Int((word >> UInt32(shift)) & 0xf)]) }
        }
        return out
    }

    /// The hex digest of `bytes`.
    package static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Hashes the first `count` bytes (a multiple of 64) of `input`.
    private mutating func compressBlocks(_ input: UnsafeBufferPointer<UInt8>, _ count: Int) {
        guard count > 0, let base = input.baseAddress else { return }
        if hardware {
            state.withUnsafeMutableBufferPointer { words in
                if let words = words.baseAddress { csha256_hardware_blocks(words, base, count / 64) }
            }
            return
        }
        var offset = 0
        while offset < count {
            compress(input, offset)
            offset += 64
        }
    }

    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>, _ offset: Int) {
        // The message schedule lives on the stack: no allocation per 64-byte block.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            SHA256.k.withUnsafeBufferPointer { k in
                for i in 0..<16 {
                    let base = offset + i * 4
                    w[i] =
                        UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16 | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var a = state[0], b = state[1], c = state[2], d = state[3]
                var e = state[4], f = state[5], g = state[6], h = state[7]
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g
                    g = f
                    f = e
                    e = d &+ t1
                    d = c
                    c = b
                    b = a
                    a = t1 &+ t2
                }
                state[0] &+= a
                state[1] &+= b
                state[2] &+= c
                state[3] &+= d
                state[4] &+= e
                state[5] &+= f
                state[6] &+= g
                state[7] &+= h
            }
        }
    }

    @inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

extension SHA256 {
    /// HMAC-SHA-256 (RFC 2104) of `message` under `key`, as 64 lowercase hex digits: a digest
    /// that cannot be recomputed, nor its input guessed, without the key.
    package static func hmacHex<Message: Collection>(key: [UInt8], message: Message) -> String where Message.Element == UInt8 {
        var block = key.count > 64 ? bytes(fromHex: hex(key)) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(bytes(fromHex: inner.finalizeHex()))
        return outer.finalizeHex()
    }

    private static func bytes(fromHex hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).map { $0 >= 0x61 ? $0 - 0x61 + 10 : $0 - 0x30 }
        return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
