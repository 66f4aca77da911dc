/// Streams the records of a JSON file, one at a time, in any of the shapes users hand in:
/// - an array of record objects;
/// - an object with `records` (an array) and optional `defaults` (an object merged under every record:
///   a thematic-group meeting's date, district and place apply to all its statements);
/// - NDJSON: one object per line.
///
/// Nested objects are flattened to dotted keys.
final class JSONRecordReader {
    let file: String
    let encoding: TextEncoding
    let sha256: String
    private var parser: JSONParser
    private let path: String
    private var source: TextSource
    private var mode: Mode
    private var defaults: [String: JSONCell] = [:]
    private var count = 0

    private enum Mode { case array(first: Bool), records(first: Bool), ndjson, done }

    init(path: String, file: String, options: ReadOptions, format: SourceFormat) throws {
        self.file = file
        self.path = path
        source = try TextSource.open(path: path, file: file, requested: options.encoding)
        encoding = source.encoding
        sha256 = source.probe.sha256
        parser = JSONParser(stream: source.stream, file: file, limits: options.limits)
        try parser.skipWhitespace()
        if format == .ndjson {
            mode = .ndjson
            return
        }
        switch try parser.peek() {
        case 0x5B:
            _ = try parser.consume(0x5B)
            mode = .array(first: true)
        case 0x7B:
            // First pass: find `defaults`, check `records`, and tell one object from NDJSON.
            let top = try parser.parseValue()
            if !(try parser.atEnd()) {
                guard try parser.peek() == 0x7B else { throw parser.error("unexpected content after the top-level value") }
                mode = .ndjson
            } else {
                guard case .object(let members) = top, let records = members.first(where: { $0.0 == "records" })?.1 else {
                    throw ImportError.jsonShape(
                        file: file, line: 1,
                        message: "expected an array of records, or an object with \"records\" (and optional \"defaults\")")
                }
                guard case .array = records else {
                    throw ImportError.jsonShape(file: file, line: 1, message: "\"records\" must be an array of objects")
                }
                if let value = members.first(where: { $0.0 == "defaults" })?.1 {
                    guard case .object = value else {
                        throw ImportError.jsonShape(file: file, line: 1, message: "\"defaults\" must be an object")
                    }
                    value.flattened(into: &defaults)
                }
                mode = .records(first: true)
            }
            // Second pass streams the records.
            source = try TextSource.open(path: path, file: file, requested: options.encoding)
            parser = JSONParser(stream: source.stream, file: file, limits: options.limits)
            if case .records = mode { try seekRecords() }
        case nil:
            throw ImportError.emptyFile(file: file)
        default:
            _ = try parser.parseValue()
            throw ImportError.jsonShape(file: file, line: parser.line, message: "expected an array of records or an object")
        }
    }

    /// What the user should know about how the bytes were read (NUL bytes left out).
    var warnings: [String] { source.warnings }

    /// After the last record: the SHA-256 of the bytes parsed; throws when the file changed while it was read.
    func verifyUnchanged() throws -> String {
        try source.verifyUnchanged(path: path, file: file)
    }

    /// Moves the parser into the `records` array of the top-level object.
    private func seekRecords() throws {
        try parser.expect(0x7B, "expected '{'")
        while true {
            let key = try parser.parseValue()
            try parser.expect(0x3A, "expected ':'")
            if key == .string("records") {
                try parser.expect(0x5B, "expected '[' after \"records\"")
                return
            }
            _ = try parser.parseValue()
            try parser.expect(0x2C, "expected ','")
        }
    }

    /// The next record, or nil at the end.
    func next() throws -> JSONRecord? {
        switch mode {
        case .done:
            return nil
        case .array(let first), .records(let first):
            if try parser.consume(0x5D) {
                if case .records = mode { try finishTopObject() }
                guard try parser.atEnd() else { throw parser.error("unexpected content after the records") }
                mode = .done
                return nil
            }
            if !first { try parser.expect(0x2C, "expected ',' or ']' between records") }
            if case .array = mode { mode = .array(first: false) } else { mode = .records(first: false) }
            return try record()
        case .ndjson:
            if try parser.atEnd() {
                mode = .done
                return nil
            }
            return try record()
        }
    }

    private func finishTopObject() throws {
        while try parser.consume(0x2C) {
            _ = try parser.parseValue()
            try parser.expect(0x3A, "expected ':'")
            _ = try parser.parseValue()
        }
        try parser.expect(0x7D, "expected '}' at the end of the object")
    }

    private func record() throws -> JSONRecord {
        try parser.skipWhitespace()
        let line = parser.line
        count += 1
        let value = try parser.parseValue()
        guard case .object = value else {
            throw ImportError.jsonShape(file: file, line: line, message: "record \(count) is not an object")
        }
        var cells = defaults
        value.flattened(into: &cells)
        return JSONRecord(cells: cells, line: line, index: count)
    }
}
