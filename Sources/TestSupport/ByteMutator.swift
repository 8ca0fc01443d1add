/// Damaged copies of a file, as a careless transfer or a hostile sender makes them: flipped bits,
/// a cut end, inserted bytes, a repeated chunk. The same seed gives the same copies on every run.
package struct ByteMutator {
    /// One kind of damage.
    package enum Mutation: CaseIterable, Sendable {
        case bitFlip, truncation, insertion, duplication
    }

    package var generator: SeededGenerator
    /// The damage `mutate` may do.
    package var mutations: [Mutation]
    /// Bytes that mean something to one of the parsers, inserted half of the time instead of
    /// random ones (quotes, delimiters, line ends, markup, YAML indicators).
    package var structuralBytes: [UInt8] = Array("\"';,\t\r\n<>/&=:-{}[]#|*!%@?\\ 0123456789".utf8) + [0x00, 0xC3, 0xD0, 0xEF, 0xFF]

    package init(seed: UInt64, mutations: [Mutation] = Mutation.allCases) {
        generator = SeededGenerator(state: seed)
        self.mutations = mutations
    }

    /// `length` random bytes.
    package mutating func randomBytes(length: Int) -> [UInt8] {
        (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// `bytes` with one to `steps` kinds of damage applied one after another.
    package mutating func mutate(_ bytes: [UInt8], steps: Int = 3) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...max(steps, 1), using: &generator) {
            guard let mutation = mutations.randomElement(using: &generator) else { break }
            result = apply(mutation, to: result)
        }
        return result
    }

    /// `bytes` with `mutation` done once at a random place.
    package mutating func apply(_ mutation: Mutation, to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        switch mutation {
        case .bitFlip:
            guard !result.isEmpty else { return result }
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<result.count, using: &generator)
                result[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            }
        case .truncation:
            guard !result.isEmpty else { return result }
            result.removeLast(Int.random(in: 1...result.count, using: &generator))
        case .insertion:
            let count = Int.random(in: 1...8, using: &generator)
            let inserted =
                Bool.random(using: &generator)
                ? randomBytes(length: count)
                : (0..<count).compactMap { _ in structuralBytes.randomElement(using: &generator) }
            result.insert(contentsOf: inserted, at: Int.random(in: 0...result.count, using: &generator))
        case .duplication:
            guard !result.isEmpty else { return result }
            let start = Int.random(in: 0..<result.count, using: &generator)
            let end = Int.random(in: start...min(result.count, start + 64), using: &generator)
            let chunk = result[start..<end]
            result.insert(contentsOf: chunk, at: Int.random(in: 0...result.count, using: &generator))
        }
        return result
    }
}
