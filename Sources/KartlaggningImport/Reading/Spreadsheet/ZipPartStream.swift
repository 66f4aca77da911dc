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
    private var failure: ZipPartError?
    private var cancelled = false
    private static let capacity = 4

    /// The most a part may inflate to, as a multiple of its packed size, once past `inflationGrace` bytes: what
    /// Apache POI allows (its minimum inflate ratio, 0.01). Real workbooks' parts inflate 3–8 times; a part that
    /// inflates 100 times more is a ZIP bomb (a gigabyte of one cell, of whitespace or of empty rows from a megabyte),
    /// refused as soon as it shows instead of after reading the gigabyte.
    static let maxInflation: UInt64 = 100
    static let inflationGrace: UInt64 = 16 << 20

    /// Starts inflating `part` of the archive at `url`.
    init(url: URL, part: String) {
        let thread = Thread { [self] in
            do {
                let archive = try Archive(url: url, accessMode: .read)
                guard let entry = archive[part] else { throw ZipPartMissing() }
                let allowed = max(Self.inflationGrace, entry.compressedSize.multipliedReportingOverflow(by: Self.maxInflation).partialValue)
                var inflated: UInt64 = 0
                _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                    inflated += UInt64(data.count)
                    if inflated > allowed { throw ZipPartInflatesTooMuch(packed: entry.compressedSize) }
                    try self.put(data)
                }
                self.finish(failure: nil)
            } catch is ZipPartMissing {
                self.finish(failure: ZipPartError(message: "the workbook has no \(part)"))
            } catch is ZipPartCancelled {
                self.finish(failure: nil)
            } catch let error as ZipPartInflatesTooMuch {
                self.finish(
                    failure: ZipPartError(
                        message: "\(part) inflates to more than \(Self.maxInflation) times its packed size of \(error.packed) bytes "
                            + "(real workbooks inflate 3–8 times; this is what a ZIP bomb does): save it again in a "
                            + "spreadsheet program, or export the sheet as CSV"))
            } catch {
                self.finish(failure: ZipPartError(message: "\(part) cannot be inflated (\(error))"))
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
        if let failure { throw failure }
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

    private func finish(failure: ZipPartError?) {
        condition.lock()
        done = true
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }
}

private struct ZipPartMissing: Error {}
private struct ZipPartCancelled: Error {}
private struct ZipPartInflatesTooMuch: Error { var packed: UInt64 }
