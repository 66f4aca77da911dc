import Foundation

/// A bounded hand-over of batches from a producing thread to the one that reads them: the producer waits while it is
/// full, the reader while it is empty; cancelling (the reader gone) makes the producer stop. The producer's error
/// reaches the reader after the batches made before it.
///
/// Full means `capacity` batches waiting, or — where elements have a weight (their bytes) — `budget` of weight: a
/// thousand rows of short answers are a few megabytes, a thousand rows of interview notes near the cell limit a
/// gigabyte. A batch is handed over at `size` elements or at its share of the budget, whichever comes first.
///
/// A batch the reader is done with goes back to the producer's thread, which lets go of it there (`spent`): freeing
/// what was parsed (every cell's and answer's strings) was 0.4 s of the import writer's 4.9 s at 200,000 respondents,
/// on the thread everything waits for, while the producer's thread had time to spare. It weighs against the budget
/// until it is let go of, so the bound holds as before.
final class BatchChannel<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var head = 0
    private var done = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity: Int
    private let budget: Int
    /// The weight of each batch waiting (from `head`), and their sum.
    private var weights: [Int] = []
    private var waiting = 0
    /// The most weight that was ever waiting (what the bound held to).
    private(set) var peakWaiting = 0

    /// The reader's batch in hand, its weight, and its next element (the reader's alone).
    private var pending: [Element] = []
    private var pendingWeight = 0
    private var nextIndex = 0
    /// Batches the reader is done with, for the producer to let go of, and their weight (still counted in `waiting`).
    private var spent: [[Element]] = []
    private var spentWeight = 0

    init(capacity: Int, budget: Int = .max) {
        self.capacity = capacity
        self.budget = budget
    }

    /// A channel whose producer runs `produce` on a thread of its own: each element `produce` emits goes into a batch
    /// of `batch`, handed over when full; `emit` returns false once the reader is gone (`produce` should stop). The
    /// last batch and the end (or `produce`'s error) follow when it returns.
    /// - Parameters:
    ///   - budget: the weight waiting at most (past one batch's), by `weight`.
    static func producing(
        capacity: Int, batch size: Int, budget: Int = .max, weight: @escaping @Sendable (Element) -> Int = { _ in 0 }, stackSize: Int,
        _ produce: @escaping @Sendable (_ emit: (Element) -> Bool) throws -> Void
    ) -> BatchChannel {
        let channel = BatchChannel(capacity: capacity, budget: budget)
        let share = max(1, budget / max(1, capacity))
        let thread = Thread {
            var batch: [Element] = []
            var batchWeight = 0
            batch.reserveCapacity(size)
            do {
                try produce { element in
                    batch.append(element)
                    batchWeight += weight(element)
                    guard batch.count == size || batchWeight >= share else { return true }
                    defer {
                        batch.removeAll(keepingCapacity: true)
                        batchWeight = 0
                    }
                    return channel.put(batch, weight: batchWeight)
                }
                if !batch.isEmpty { _ = channel.put(batch, weight: batchWeight) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        thread.stackSize = stackSize
        thread.start()
        return channel
    }

    /// The next element, waiting for its batch; nil at the end; the producer's error after the elements before it.
    func next() throws -> Element? {
        if nextIndex == pending.count {
            // The batch in hand moves into the channel under its lock, so the producer's reference is the last.
            guard let (batch, weight) = try take(returning: &pending, weight: pendingWeight) else {
                // Given back: asked again, the reader is at the end again.
                pending = []
                pendingWeight = 0
                nextIndex = 0
                return nil
            }
            pending = batch
            pendingWeight = weight
            nextIndex = 0
        }
        defer { nextIndex += 1 }
        return pending[nextIndex]
    }

    /// Hands a batch over, waiting for room; false when the reader is gone (the producer should stop).
    func put(_ batch: [Element], weight: Int = 0) -> Bool {
        // The batches the reader gave back are let go of here, on this thread, once the lock is released.
        var letGo: [[Element]] = []
        defer { letGo.removeAll() }
        condition.lock()
        defer { condition.unlock() }
        // An empty channel takes any batch, however heavy: the producer never waits on a reader with nothing to read.
        while true {
            if !spent.isEmpty {
                letGo.append(contentsOf: spent)
                spent.removeAll()
                waiting -= spentWeight
                spentWeight = 0
            }
            guard head < batches.count && (batches.count - head >= capacity || waiting + weight > budget) && !cancelled else { break }
            condition.wait()
        }
        if cancelled { return false }
        batches.append(batch)
        weights.append(weight)
        waiting += weight
        peakWaiting = max(peakWaiting, waiting)
        condition.broadcast()
        return true
    }

    /// The producer ended, after its last batch or with an error.
    func finish(_ error: (any Error)?) {
        condition.lock()
        done = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch and its weight, waiting for one; nil at the end; the producer's error once the batches before it
    /// are taken. `finished` (of `weight`), the batch the reader is done with, is moved out (left empty) and goes back
    /// to the producer to let go of while it still produces; after that, here.
    func take(returning finished: inout [Element], weight: Int) throws -> ([Element], Int)? {
        condition.lock()
        defer { condition.unlock() }
        if done {
            waiting -= weight
        } else if !finished.isEmpty {
            spent.append(finished)
            spentWeight += weight
        }
        finished = []
        while head == batches.count && !done { condition.wait() }
        if head < batches.count {
            let batch = batches[head]
            let batchWeight = weights[head]
            batches[head] = []  // the slot lets go of it: memory holds only the batches not yet taken
            head += 1
            if head > 64 && head * 2 > batches.count {
                batches.removeFirst(head)
                weights.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return (batch, batchWeight)
        }
        if let failure { throw failure }
        return nil
    }

    /// The reader is gone: a waiting or later `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the producer has ended.
    var isFinished: Bool {
        condition.lock()
        defer { condition.unlock() }
        return done
    }

    /// Waits until the producer has ended (after `cancel`, its next `put` ends it).
    func waitUntilFinished() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }
}
