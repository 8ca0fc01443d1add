import Foundation

/// Hands converted rows from the reading thread to the writing thread in bounded batches, so
/// that reading and converting a file overlaps with storing it (two cores, half the wall time).
///
/// Unchecked: every stored property but the constants is read and written only with
/// `condition` locked (the wait times are read once both threads are done).
final class RowPipe: @unchecked Sendable {
    typealias Batch = FlatBatch

    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    /// Batches in flight at most: memory stays bounded however large the file.
    private let capacity = 8

    struct Cancelled: Error {}

    /// Time the reader waited for room and the writer waited for a batch (`CRM_AUDIT_TIMING=1`).
    private(set) var readerWaited = Duration.zero
    private(set) var writerWaited = Duration.zero
    private let clock = ContinuousClock()

    /// Called by the reader; blocks while the writer is behind.
    func push(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        if batches.count >= capacity && !cancelled {
            let start = clock.now
            while batches.count >= capacity && !cancelled { condition.wait() }
            readerWaited += clock.now - start
        }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// Called by the reader once, when it is done (with its error, if any).
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or nil once the reader has finished and everything was taken.
    func pop() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        if batches.isEmpty && !finished {
            let start = clock.now
            while batches.isEmpty && !finished { condition.wait() }
            writerWaited += clock.now - start
        }
        if batches.isEmpty { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Called by the writer when it fails: the reader stops at its next batch. Waits for it.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// The reader's error, once finished.
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }
}

/// Carries a value to another thread whose use of it is ordered by a lock.
struct Handoff<Value>: @unchecked Sendable {
    let value: Value
}

extension ImportPass {
    /// Runs this pass on a reading thread while `store` writes batches on the calling thread.
    /// `prepare`, when given, sees each batch on the reading thread before it is handed over
    /// (work done there overlaps with the writer's); it is done with the last one when this returns.
    func runPipelined(prepare: ((RowPipe.Batch) -> Void)? = nil, store: (RowPipe.Batch) throws -> Void) throws {
        let pipe = RowPipe()
        let handoff = Handoff(value: (pass: self, prepare: prepare))
        let width = options.kind.fields.count
        let thread = Thread {
            var batch = FlatBatch(width: width)
            do {
                let prepare = handoff.value.prepare
                try handoff.value.pass.run { line, values, text in
                    batch.append(line: line, values: values, text: text)
                    if batch.count >= FlatBatch.capacity {
                        prepare?(batch)
                        try pipe.push(batch)
                        batch = FlatBatch(width: width)
                    }
                }
                if batch.count > 0 {
                    prepare?(batch)
                    try pipe.push(batch)
                }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = pipe.pop() { try store(batch) }
        } catch {
            pipe.cancelAndWait()
            throw error
        }
        if let error = pipe.error { throw error }
        if ProcessInfo.processInfo.environment["CRM_AUDIT_TIMING"] == "1" {
            FileHandle.standardError.write(Data("timing: reader waited \(pipe.readerWaited), writer waited \(pipe.writerWaited)\n".utf8))
        }
    }
}

/// Rows laid out flat for the writer: one byte buffer holds every text value of the batch, and
/// each value is a kind, a payload and a length. The reader builds it; the writer only binds.
struct FlatBatch {
    enum Kind: UInt8 { case null, text, real, integer }

    /// Rows a batch holds at most.
    static let capacity = 4_096

    let width: Int
    private(set) var lines: [Int] = []
    /// Per value (row-major, `width` a row), sized for ``capacity`` rows up front so that a row
    /// is written through one pointer per array: entries past `count * width` are unused.
    private(set) var kinds: [Kind]
    /// Text: offset into `bytes`; real: the bit pattern; integer: the value.
    private(set) var payloads: [Int64]
    private(set) var lengths: [Int32]
    private(set) var bytes: [UInt8] = []

    init(width: Int) {
        self.width = width
        lines.reserveCapacity(FlatBatch.capacity)
        kinds = [Kind](repeating: .null, count: FlatBatch.capacity * width)
        // Plain integers, written before they are read: no need to zero them first.
        let slots = FlatBatch.capacity * width
        payloads = [Int64](unsafeUninitializedCapacity: slots) { _, count in count = slots }
        lengths = [Int32](unsafeUninitializedCapacity: slots) { _, count in count = slots }
        bytes.reserveCapacity(FlatBatch.capacity * width * 16)
    }

    var count: Int { lines.count }

    /// Appends one row; at most ``capacity`` rows.
    mutating func append(line: Int, values: UnsafeBufferPointer<StoredValue>, text: DirectText) {
        precondition(lines.count < FlatBatch.capacity && values.count == width && text.width == width)
        let first = lines.count * width
        lines.append(line)
        let fields = text.fields, base = text.base
        // The row's text goes into `bytes` in one piece: its length first, then one append.
        var total = 0
        for field in 0..<width {
            let direct = fields[field]
            if direct.start >= 0 && base != nil {
                total += direct.end - direct.start
            } else if direct.start == -2 {
                total += 10
            } else if case .text(let text) = values[field] {
                total += text.utf8.count
            }
        }
        var offset = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: total))
        bytes.withUnsafeMutableBufferPointer { out in
            kinds.withUnsafeMutableBufferPointer { kinds in
                payloads.withUnsafeMutableBufferPointer { payloads in
                    lengths.withUnsafeMutableBufferPointer { lengths in
                        var slot = first
                        for field in 0..<width {
                            let direct = fields[field]
                            if direct.start >= 0, let base, let target = out.baseAddress {
                                let length = direct.end - direct.start
                                kinds[slot] = .text
                                payloads[slot] = Int64(offset)
                                lengths[slot] = Int32(clamping: length)
                                (target + offset).update(from: base + direct.start, count: length)
                                offset += length
                            } else if direct.start == -2, let target = out.baseAddress {
                                // A day: its ISO text straight into the bytes, no String made.
                                kinds[slot] = .text
                                payloads[slot] = Int64(offset)
                                lengths[slot] = 10
                                let day = direct.end
                                writeISODate(year: day / 10_000, month: day / 100 % 100, day: day % 100, to: target + offset)
                                offset += 10
                            } else {
                                switch values[field] {
                                case .null:
                                    kinds[slot] = .null
                                    payloads[slot] = 0
                                    lengths[slot] = 0
                                case .text(var text):
                                    kinds[slot] = .text
                                    payloads[slot] = Int64(offset)
                                    let length = text.utf8.count
                                    lengths[slot] = Int32(clamping: length)
                                    if let target = out.baseAddress {
                                        text.withUTF8 { source in
                                            if let from = source.baseAddress { (target + offset).update(from: from, count: source.count) }
                                        }
                                    }
                                    offset += length
                                case .real(let number):
                                    kinds[slot] = .real
                                    payloads[slot] = Int64(bitPattern: number.bitPattern)
                                    lengths[slot] = 0
                                case .integer(let number):
                                    kinds[slot] = .integer
                                    payloads[slot] = number
                                    lengths[slot] = 0
                                }
                            }
                            slot += 1
                        }
                    }
                }
            }
        }
    }
}
