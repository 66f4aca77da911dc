import Foundation
import Testing

@testable import KartlaggningCore

/// The tagging run's queue of batches matched ahead of the writer (#26): every batch in order, the queue bounded by
/// batches and by bytes, and a consumer that stops early leaves no producer behind.
struct MatchedAheadTests {
    /// Counts the batches a producer got into the queue.
    final class Offered: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }

        /// Waits (up to two seconds) until the count is `expected`, and gives what it is then.
        func settle(at expected: Int) -> Int {
            for _ in 0..<200 where value != expected { usleep(10_000) }
            usleep(50_000)
            return value
        }
    }

    @Test func everyBatchComesInTheOrderItWasMade() {
        let ahead = MatchedAhead<Int>(capacity: 3, bytes: 1_000) { offer in
            for n in 0..<500 { guard offer(n, 1) else { return } }
        }
        var taken: [Int] = []
        while let n = ahead.next() { taken.append(n) }
        ahead.stop()
        #expect(taken == Array(0..<500))
        #expect(ahead.next() == nil)
    }

    @Test func theQueueHoldsAtMostItsCapacity() {
        let offered = Offered()
        let ahead = MatchedAhead<Int>(capacity: 2, bytes: 1_000) { offer in
            for n in 0..<10 {
                guard offer(n, 1) else { return }
                offered.add()
            }
        }
        #expect(offered.settle(at: 2) == 2, "two queued, the third waits")
        #expect(ahead.next() == 0)
        #expect(offered.settle(at: 3) == 3, "one taken, one more queued")
        ahead.stop()
        #expect(offered.value == 3, "the waiting offer is refused once the consumer stops")
    }

    @Test func theQueueHoldsAtMostItsBytesButAlwaysOneBatch() {
        let offered = Offered()
        let ahead = MatchedAhead<Int>(capacity: 10, bytes: 100) { offer in
            for (n, size) in [(0, 60), (1, 30), (2, 20), (3, 500)].enumerated().map({ $1 }) {
                guard offer(n, size) else { return }
                offered.add()
            }
        }
        #expect(offered.settle(at: 2) == 2, "60 + 30 bytes queued; 20 more would pass 100")
        #expect(ahead.next() == 0)
        #expect(offered.settle(at: 3) == 3)
        #expect(ahead.next() == 1)
        #expect(ahead.next() == 2)
        #expect(offered.settle(at: 4) == 4, "a batch past the bound alone is queued once the queue is empty")
        #expect(ahead.next() == 3)
        #expect(ahead.next() == nil)
        ahead.stop()
    }

    @Test func aConsumerThatStopsEarlyLeavesNoProducerBehind() {
        let offered = Offered()
        let finished = Offered()
        let ahead = MatchedAhead<Int>(capacity: 1, bytes: 1_000) { offer in
            defer { finished.add() }
            for n in 0..<1_000_000 {
                guard offer(n, 1) else { return }
                offered.add()
            }
        }
        #expect(ahead.next() == 0)
        ahead.stop()
        #expect(finished.value == 1, "stop returns after the producer has")
        #expect(offered.value < 10)
    }
}
