import Dispatch
import Foundation

/// One batch's work at a time on a thread of its own while the caller goes on: the tagging run matches the next batch
/// of answers while it writes the tags of the last. `start` hands over a batch, `result` waits for what it gave; a
/// batch still running when the caller stops (an error) is waited for by `finish`, so no work outlives the run.
final class BackgroundBatch<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    private let work: @Sendable (Input) -> Output
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var output: Output?
    private var running = false

    init(_ work: @escaping @Sendable (Input) -> Output) { self.work = work }

    /// Starts `input`'s work; the one before must have been taken with `result()`.
    func start(_ input: Input) {
        lock.withLock {
            precondition(!running, "a batch is still running")
            running = true
        }
        let work = work
        Thread.detachNewThread { [self] in
            let made = work(input)
            lock.withLock { output = made }
            done.signal()
        }
    }

    /// What the running batch gave, once it has.
    func result() -> Output {
        done.wait()
        return lock.withLock {
            running = false
            defer { output = nil }
            guard let made = output else { preconditionFailure("result() without a batch started") }
            return made
        }
    }

    /// Waits for a batch still running, its result dropped.
    func finish() {
        if lock.withLock({ running }) { _ = result() }
    }
}
