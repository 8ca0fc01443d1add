import Foundation

/// Hands converted rows from the reading thread to the writing thread in bounded batches, so
/// that reading and converting a file overlaps with storing it (two cores, half the wall time).
final class RowPipe: @unchecked Sendable {
    typealias Batch = [(line: Int, values: [StoredValue])]

    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    /// Batches in flight at most: memory stays bounded however large the file.
    private let capacity = 8

    struct Cancelled: Error {}

    /// Called by the reader; blocks while the writer is behind.
    func push(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
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
        while batches.isEmpty && !finished { condition.wait() }
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
    func runPipelined(store: (RowPipe.Batch) throws -> Void) throws {
        let pipe = RowPipe()
        let handoff = Handoff(value: self)
        let thread = Thread {
            var batch: RowPipe.Batch = []
            batch.reserveCapacity(2_048)
            do {
                try handoff.value.run { line, values in
                    batch.append((line, values))
                    if batch.count >= 2_048 {
                        try pipe.push(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { try pipe.push(batch) }
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
    }
}
