import Foundation

/// Reads and maps a file's records on a thread of its own while the importer writes the ones before them: parsing,
/// checking and typing on one core, SQLite on the other. Records come out in the file's order, in batches through a
/// small buffer, so memory stays flat; a reading error comes out where it happened, after the records before it.
/// The stream and the mapper belong to the pipeline's thread until `next()` has returned nil or thrown, or `stop()`
/// has returned.
final class MappingPipeline {
    /// A record and what it maps to.
    struct Item {
        let record: SourceRecord
        let mapped: MappedRecord
    }

    /// Records per hand-over: one lock and wake-up per batch, not per record.
    static let batch = 64
    /// Batches read ahead. The writer's work comes in bursts (rows gathered cheaply, then a batch of thousands written
    /// at once, `BatchedInsert`): with two batches ahead, the reader stopped during each write and the writer then
    /// waited for it (7,858 waits at 200,000 respondents); 16 (1,024 records, about 15 MB more at the peak) carry it
    /// over most of a write: 6.3 → 5.8 s there (32: no faster, 40 MB more).
    static let readAhead = 16
    /// Bytes read ahead at most (`SourceRecord.weight`): 1,024 records of interview notes near the 1 MB cell limit
    /// would otherwise be a gigabyte waiting, and 1,024 rows of a thousand ratings each 150 MB.
    static let readAheadBytes = 24 << 20

    private let channel: BatchChannel<Item>

    init(stream: RecordStream, mapper: RecordMapper) {
        let owned = Owned(stream: stream, mapper: mapper)
        // Parsers recurse (JSON nesting) and ReadStat's callbacks run deep: the main thread's stack size.
        let weight: @Sendable (Item) -> Int = { $0.record.weight }
        channel = .producing(capacity: Self.readAhead, batch: Self.batch, budget: Self.readAheadBytes, weight: weight, stackSize: 1 << 23) {
            emit in
            while let record = try owned.stream.next() {
                guard emit(Item(record: record, mapped: owned.mapper.map(record))) else { return }
            }
        }
    }

    /// The next record and its mapping; nil at the end of the file.
    func nextItem() throws -> Item? { try channel.next() }

    /// Stops the reading thread and waits for it (the importer gave up: an error while writing).
    func stop() {
        channel.cancel()
        channel.waitUntilFinished()
    }

    deinit {
        if !channel.isFinished { stop() }
    }

    /// The stream and mapper, handed to the pipeline's thread (used by it alone until it has finished).
    private final class Owned: @unchecked Sendable {
        let stream: RecordStream
        let mapper: RecordMapper
        init(stream: RecordStream, mapper: RecordMapper) {
            self.stream = stream
            self.mapper = mapper
        }
    }
}
