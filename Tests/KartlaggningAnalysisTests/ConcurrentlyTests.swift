import Foundation
import Testing

@testable import KartlaggningAnalysis

/// Two pieces of work at once: both results come back, the second ran on another thread, and an error of the first
/// is thrown only once the second has finished.
struct ConcurrentlyTests {
    private struct Refused: Error {}

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    @Test func bothResultsComeBack() throws {
        let caller = pthread_self()
        let (here, there) = try Concurrently.run({ (1...1_000).reduce(0, +) }, alongside: { pthread_self() })
        #expect(here == 500_500)
        #expect(pthread_equal(there, caller) == 0, "the work alongside ran on a thread of its own")
    }

    @Test func anErrorWaitsForTheWorkAlongside() {
        let finished = Flag()
        #expect(throws: Refused.self) {
            _ = try Concurrently.run(
                { throw Refused() },
                alongside: {
                    Thread.sleep(forTimeInterval: 0.05)
                    finished.set()
                })
        }
        #expect(finished.isSet)
    }
}
