import Foundation
import KartlaggningModel

/// The XML events of one part of a ZIP package, inflated and scanned as they are pulled.
final class XMLPartReader {
    private let stream: ZipPartStream
    private var scanner: XMLScanner
    private var ended = false
    private let file: String
    /// Where a read limit's error points: the sheet (`file!Sheet!`) and the row being read, which the sheet reader
    /// keeps up to date.
    var location: String
    var line = 0

    init(url: URL, part: String, file: String, limits: ReadLimits = ReadLimits()) {
        stream = ZipPartStream(url: url, part: part)
        scanner = XMLScanner(part: part, limits: limits)
        self.file = file
        location = file
    }

    /// The next event, nil at the end of the part.
    /// - Throws: `ImportError.unreadable` naming the part when it is missing, damaged or not well-formed XML.
    func next() throws -> XMLEvent? {
        do {
            while true {
                if let event = try scanner.next() { return event }
                if ended { return nil }
                if let chunk = try stream.next() {
                    scanner.feed(chunk)
                } else {
                    scanner.finish()
                    ended = true
                }
            }
        } catch let error as XMLScanError {
            if let limit = error.limit {
                throw ImportError.limitExceeded(file: location, line: line + 1, what: "\(error.part): \(error.message)", limit: limit)
            }
            throw ImportError.unreadable(file: file, reason: "\(error.part) is not well-formed XML: \(error.message)")
        } catch let error as ZipPartError {
            throw ImportError.unreadable(file: file, reason: error.message)
        }
    }

    /// Reads every event of the part, for the small parts (workbook, relationships, styles).
    func forEachEvent(_ body: (XMLEvent) throws -> Void) throws {
        while let event = try next() { try body(event) }
    }

    func cancel() { stream.cancel() }
}
