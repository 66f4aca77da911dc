import Foundation

/// Two pieces of work at once: one on the calling thread, the other on a thread of its own, both finished when it
/// returns (two cores: a report's page is laid out while its tables are audited). A thread of its own, not the
/// system's pool: a caller that is itself on the pool (a workbench request) could otherwise wait for a pool thread
/// that never comes.
public enum Concurrently {
    /// Runs `here` on this thread and `alongside` on another; returns both results once both are done. An error
    /// `here` throws is thrown after `alongside` has finished, so nothing is left running.
    public static func run<A, B: Sendable>(_ here: () throws -> A, alongside: @escaping @Sendable () -> B) throws -> (A, B) {
        let other = Outcome<B>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            other.value = alongside()
            done.signal()
        }
        // The main thread's stack: a page's Markdown is parsed by recursion.
        thread.stackSize = 1 << 23
        thread.start()
        let mine: Result<A, any Error>
        do {
            mine = .success(try here())
        } catch {
            mine = .failure(error)
        }
        done.wait()
        guard let theirs = other.value else { preconditionFailure("the work alongside gave no result") }
        return (try mine.get(), theirs)
    }

    /// The other thread's result, read once the semaphore says it is written.
    private final class Outcome<B>: @unchecked Sendable {
        var value: B?
    }
}
