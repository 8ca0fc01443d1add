import Foundation

/// Work run at once on a thread of its own (with a stack large enough for deep parsing);
/// ``wait()`` blocks until it is done and gives its result, or rethrows its error — as often as
/// asked.
///
/// `result` is written once by the thread before `done` is signalled, and read only after waiting.
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error> = .failure(CancellationError())

    package init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    package func wait() throws -> Value {
        done.wait()
        done.signal()
        return try result.get()
    }
}
