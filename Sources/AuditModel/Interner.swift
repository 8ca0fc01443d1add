import Foundation

/// Strings turned into dense integer keys, so that the computation works on arrays.
///
/// Keys are looked up by their UTF-8 bytes (straight from SQLite's buffers), so that a String is
/// made only for a value not seen before — or never, for an interner made with `keepsNames: false`
/// (then ``name(_:)`` decodes a key's bytes on demand and ``names`` stays empty).
package struct Interner: Sendable {
    /// Open addressing; a slot holds the key's hash in its high 32 bits and key + 1 in the low
    /// 32 bits (0 = empty), so that a probe reads one word.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var bytes: [UInt8] = []
    /// The value of each key, when the interner keeps names (see ``name(_:)`` otherwise).
    package private(set) var names: [String] = []
    private var keepsNames = true
    private var lastKey: Int32 = -1
    /// The sum of the slots read ahead by ``intern(_:into:)`` (kept so that the reads stay).
    private var touched: UInt64 = 0
    /// False for an interner made from stored values (``init(values:starts:)``) until a lookup
    /// needs its hash table: a stored dictionary that is only read by key costs no hashing.
    private var indexed = true

    package var count: Int { starts.count }

    package init(keepsNames: Bool = true) {
        self.keepsNames = keepsNames
    }

    /// An interner sized for about `capacity` distinct values.
    package init(capacity: Int, keepsNames: Bool = true) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
        self.keepsNames = keepsNames
        if keepsNames { names.reserveCapacity(capacity) }
    }

    /// An interner over values stored by ``storage``: `bytes` holds every value's UTF-8 bytes,
    /// `starts` where each begins (ascending, the first 0). Nil when `starts` does not fit `bytes`.
    /// The hash table is built on the first lookup.
    package init?(values bytes: [UInt8], starts: [Int]) {
        var previous = 0
        for start in starts {
            guard start >= previous, start <= bytes.count else { return nil }
            previous = start
        }
        guard starts.first.map({ $0 == 0 }) ?? true else { return nil }
        self.bytes = bytes
        self.starts = starts
        keepsNames = false
        indexed = false
        slots = []
    }

    /// The values' bytes and where each begins, for storing (see ``init(values:starts:)``).
    package var storage: (bytes: [UInt8], starts: [Int]) { (bytes, starts) }

    private func valueHashes() -> [UInt64] {
        if indexed { return hashes }
        return bytes.withUnsafeBufferPointer { all in
            starts.indices.map { key in
                let end = key + 1 < starts.count ? starts[key + 1] : bytes.count
                return Self.hash(UnsafeBufferPointer(rebasing: all[starts[key]..<end]))
            }
        }
    }

    /// Builds the hash table of an interner made from stored values.
    private mutating func index() {
        guard !indexed else { return }
        hashes = valueHashes()
        indexed = true
        var size = 1024
        while size < starts.count * 2 + 2 { size *= 2 }
        slots = Array(repeating: 0, count: size / 2)
        grow()
    }

    /// The value of `key`.
    package func name(_ key: Int) -> String {
        if keepsNames { return names[key] }
        let start = starts[key], end = key + 1 < starts.count ? starts[key + 1] : bytes.count
        return bytes[start..<end].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// The keys of `other`'s values in this interner, in `other`'s key order (values not yet here
    /// are added in that order). Slots are read ahead 64 values at a time, as in ``intern(_:into:)``.
    package mutating func keys(of other: Interner) -> [Int32] {
        index()
        var keys = [Int32]()
        keys.reserveCapacity(other.count)
        let otherHashes = other.valueHashes()
        other.bytes.withUnsafeBufferPointer { all in
            var first = 0
            while first < other.count {
                let last = min(first + ByteBatch.capacity, other.count)
                let mask = slots.count - 1
                var touched: UInt64 = 0
                for key in first..<last { touched &+= slots[Int(truncatingIfNeeded: otherHashes[key]) & mask] }
                self.touched = touched
                for key in first..<last {
                    let end = key + 1 < other.starts.count ? other.starts[key + 1] : other.bytes.count
                    keys.append(intern(UnsafeBufferPointer(rebasing: all[other.starts[key]..<end]), hash: otherHashes[key]))
                }
                first = last
            }
        }
        return keys
    }

    /// Whether `arena[start..<start + buffer.count]` holds the bytes of `buffer`: eight bytes at a
    /// time (values are short: a call to memcmp costs more than the comparison).
    private static func same(_ arena: [UInt8], _ start: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress else { return false }
            let left = UnsafeRawPointer(storedBase + start), right = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= buffer.count {
                if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                {
                    return false
                }
                offset += 8
            }
            while offset < buffer.count {
                if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
                offset += 1
            }
            return true
        }
    }

    /// Eight bytes at a time (the last eight read once, overlapping), then MurmurHash3's
    /// finaliser, so that keys differing only in their last digits spread over the whole table.
    package static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        guard let base = buffer.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= buffer.count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash << 31) | (hash >> 33)
            offset += 8
        }
        var tail: UInt64 = 0
        if offset < buffer.count && buffer.count >= 8 {
            // The last eight bytes, overlapping the chunks already read: one load, not a loop.
            tail = raw.loadUnaligned(fromByteOffset: buffer.count - 8, as: UInt64.self)
        } else {
            var shift: UInt64 = 0
            while offset < buffer.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
        }
        hash ^= tail
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    private func find(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, key: Int32) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, -1) }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let k = Int(entry & 0xFFFF_FFFF) - 1
                let start = starts[k], end = k + 1 < starts.count ? starts[k + 1] : bytes.count
                if end - start == buffer.count && Self.same(bytes, start, buffer) {
                    return (slot, Int32(k))
                }
            }
            slot = (slot + 1) & mask
        }
    }

    package mutating func intern(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int32 {
        // Consecutive lines of one order repeat their values: check the last key first.
        if isLastKey(buffer) { return lastKey }
        let key = insert(buffer, hash: hash ?? Self.hash(buffer))
        lastKey = key
        return key
    }

    /// Interns a batch of values held in `batch` and appends their keys (−1 for a missing value)
    /// to `keys`, in batch order — the same keys as interning them one by one. The table slots of
    /// the whole batch are read first, so that their cache misses overlap instead of queueing.
    package mutating func intern(_ batch: ByteBatch, into keys: inout [Int32]) {
        guard !batch.ends.isEmpty else { return }
        index()
        var hashes = [UInt64](repeating: 0, count: batch.ends.count)
        batch.bytes.withUnsafeBufferPointer { all in
            let mask = slots.count - 1
            var touched: UInt64 = 0
            for item in batch.ends.indices where batch.present[item] {
                let buffer = UnsafeBufferPointer(rebasing: all[batch.start(item)..<batch.ends[item]])
                hashes[item] = Self.hash(buffer)
                touched &+= slots[Int(truncatingIfNeeded: hashes[item]) & mask]
            }
            self.touched = touched
            for item in batch.ends.indices {
                guard batch.present[item] else {
                    keys.append(-1)
                    continue
                }
                keys.append(intern(UnsafeBufferPointer(rebasing: all[batch.start(item)..<batch.ends[item]]), hash: hashes[item]))
            }
        }
    }

    /// Interns `buffer` as ``intern(_:hash:)`` does; a value not seen before that is not valid
    /// UTF-8 is stored as the text it reads as (each bad sequence U+FFFD, as `String(decoding:)`
    /// makes it), so that it is found again by that text. Only new values are checked.
    package mutating func internRepairing(_ buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
        if isLastKey(buffer) { return lastKey }
        index()
        let hash = Self.hash(buffer)
        let (slot, found) = find(buffer, hash: hash)
        let key: Int32
        if found >= 0 {
            key = found
        } else if TextEncoding.isValidUTF8(buffer) {
            key = add(buffer, hash: hash, slot: slot)
        } else {
            var repaired = String(decoding: buffer, as: UTF8.self)
            key = repaired.withUTF8 { insert($0, hash: Self.hash($0)) }
        }
        lastKey = key
        return key
    }

    /// Whether `buffer` is the value interned last (consecutive lines of one order repeat theirs).
    private func isLastKey(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lastKey >= 0 else { return false }
        let k = Int(lastKey)
        let start = starts[k], end = k + 1 < starts.count ? starts[k + 1] : bytes.count
        return end - start == buffer.count && Self.same(bytes, start, buffer)
    }

    private mutating func insert(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        index()
        let (slot, found) = find(buffer, hash: hash)
        if found >= 0 { return found }
        return add(buffer, hash: hash, slot: slot)
    }

    /// Adds a value not yet present at the empty `slot` its probe ended on.
    private mutating func add(_ buffer: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) -> Int32 {
        let key = Int32(starts.count)
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(key + 1)
        hashes.append(hash)
        starts.append(bytes.count)
        bytes.append(contentsOf: buffer)
        if keepsNames { names.append(String(decoding: buffer, as: UTF8.self)) }
        if starts.count * 2 > slots.count { grow() }
        return key
    }

    package mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0) }
    }

    package func key(_ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer in
            guard indexed else {
                // A stored dictionary not yet indexed: one scan beats building the table for one lookup.
                return starts.indices.first { key in
                    let end = key + 1 < starts.count ? starts[key + 1] : bytes.count
                    return end - starts[key] == buffer.count && Self.same(bytes, starts[key], buffer)
                }.map { Int32($0) }
            }
            let found = find(buffer, hash: Self.hash(buffer)).key
            return found >= 0 ? found : nil
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (key, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(key + 1)
        }
    }
}

/// Up to ``capacity`` optional values copied out of SQLite's buffers, for ``Interner/intern(_:into:)``.
package struct ByteBatch {
    package static let capacity = 64
    package var bytes: [UInt8] = []
    package var ends: [Int] = []
    package var present: [Bool] = []

    package init() {
        bytes.reserveCapacity(Self.capacity * 32)
        ends.reserveCapacity(Self.capacity)
        present.reserveCapacity(Self.capacity)
    }

    package var isFull: Bool { ends.count >= Self.capacity }

    package func start(_ item: Int) -> Int { item == 0 ? 0 : ends[item - 1] }

    package mutating func append(_ buffer: UnsafeBufferPointer<UInt8>?) {
        if let buffer { bytes.append(contentsOf: buffer) }
        ends.append(bytes.count)
        present.append(buffer != nil)
    }

    package mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        present.removeAll(keepingCapacity: true)
    }
}
