import Dispatch

/// A batch's work split over threads, its results kept in the batch's order: each worker takes one contiguous share,
/// with state of its own (a matcher's cache, a lemmatizer), so the results are those one thread gives.
enum ParallelMap {
    static func map<Item: Sendable, State, Output: Sendable>(
        _ items: [Item], workers: Int, state: @escaping @Sendable (_ worker: Int) -> State,
        _ transform: @escaping @Sendable (inout State, Item) -> Output
    ) -> [Output?] {
        let workers = max(1, workers)
        let results = Results<Output>(count: items.count)
        let share = (items.count + workers - 1) / workers
        let run: @Sendable (Int) -> Void = { worker in
            var own = state(worker)
            for index in (worker * share)..<min(items.count, (worker + 1) * share) { results.set(index, transform(&own, items[index])) }
        }
        if workers == 1 || items.count < 64 {
            for worker in 0..<workers { run(worker) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: run)
        }
        return results.values
    }

    /// The outputs as the workers write them: each worker writes its own indices only, into memory allocated once
    /// (an array's own buffer may not be written from two threads: a mutating access takes the whole array).
    private final class Results<Output: Sendable>: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<Output?>
        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }
        deinit {
            storage.deinitialize()
            storage.deallocate()
        }
        func set(_ index: Int, _ output: Output) { storage[index] = output }
        var values: [Output?] { Array(storage) }
    }
}
