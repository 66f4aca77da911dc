import Foundation

/// Batches made ahead of their consumer on a thread of their own: a tagging run's texts read and matched while the
/// writer writes the batches before them. With one batch in hand at a time, the two threads took turns: the writer's
/// batches vary (a batch that fills a batched insert writes 8,192 rows, the next none), and each short one waited for
/// the next match, 1.3–1.5 s of a 9 s run over 600,000 texts. Queued a few ahead, a short batch takes the next that is
/// ready.
///
/// The producer offers each batch with its bytes of text; an offer waits while the queue holds `capacity` batches, or
/// `bytes` of text with at least one batch (so a batch of long texts waits for the queue to empty), and is refused
/// once the consumer has stopped. Memory: the batches queued, the one being made and the one being written.
final class MatchedAhead<Batch: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(batch: Batch, bytes: Int)] = []
    private var queuedBytes = 0
    private var produced = false
    private var stopped = false
    private let ended = DispatchSemaphore(value: 0)
    private let capacity: Int
    private let bytes: Int

    /// Starts `produce` on a thread of its own; it offers batch after batch (`offer` gives false once the consumer has
    /// stopped: it should return then) and returns when there are no more.
    init(capacity: Int, bytes: Int, produce: @escaping @Sendable (_ offer: (Batch, _ bytes: Int) -> Bool) -> Void) {
        self.capacity = max(1, capacity)
        self.bytes = bytes
        Thread.detachNewThread { [self] in
            produce { batch, size in self.offer(batch, bytes: size) }
            condition.withLock {
                produced = true
                condition.broadcast()
            }
            ended.signal()
        }
    }

    private func offer(_ batch: Batch, bytes size: Int) -> Bool {
        condition.withLock {
            while !stopped && !queue.isEmpty && (queue.count >= capacity || queuedBytes + size > bytes) { condition.wait() }
            guard !stopped else { return false }
            queue.append((batch, size))
            queuedBytes += size
            condition.broadcast()
            return true
        }
    }

    /// The next batch, once it is made; nil once the producer has returned and every batch was taken.
    func next() -> Batch? {
        condition.withLock {
            while queue.isEmpty && !produced { condition.wait() }
            guard !queue.isEmpty else { return nil }
            let first = queue.removeFirst()
            queuedBytes -= first.bytes
            condition.broadcast()
            return first.batch
        }
    }

    /// Stops taking batches (the consumer is done or has failed) and waits for the producer to return, so no work
    /// outlives the run. Called once.
    func stop() {
        condition.withLock {
            stopped = true
            queue = []
            queuedBytes = 0
            condition.broadcast()
        }
        ended.wait()
    }
}
