import Foundation
import ZIPFoundation

/// The inflated bytes of one part of a ZIP package (a workbook's sheet), pulled chunk by chunk.
///
/// ZIPFoundation pushes inflated chunks to a closure; readers here pull. A worker thread runs the extraction
/// and hands chunks over through a queue of at most four, so a part of any size is read with flat memory.
final class ZipPartStream: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var done = false
    private var failure: String?
    private var cancelled = false
    private static let capacity = 4

    /// Starts inflating `part` of the archive at `url`.
    init(url: URL, part: String) {
        let thread = Thread { [self] in
            do {
                let archive = try Archive(url: url, accessMode: .read)
                guard let entry = archive[part] else { throw ZipPartMissing() }
                _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                    try self.put(data)
                }
                self.finish(failure: nil)
            } catch is ZipPartMissing {
                self.finish(failure: "the workbook has no \(part)")
            } catch is ZipPartCancelled {
                self.finish(failure: nil)
            } catch {
                self.finish(failure: "\(part) cannot be inflated (\(error))")
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        cancel()
    }

    /// The next chunk, nil at the end.
    /// - Throws: `ZipPartError` when the part is missing or damaged.
    func next() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !done { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw ZipPartError(message: failure) }
        return nil
    }

    /// Stops the worker (when a reader gives up early).
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    private func put(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.capacity && !cancelled { condition.wait() }
        if cancelled { throw ZipPartCancelled() }
        chunks.append(data)
        condition.broadcast()
    }

    private func finish(failure: String?) {
        condition.lock()
        done = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }
}

private struct ZipPartMissing: Error {}
private struct ZipPartCancelled: Error {}
