import KartlaggningCore
import KartlaggningModel

/// Streams the records of a JSON file, one at a time, in any of the shapes users hand in:
/// - an array of record objects;
/// - an object with `records` (an array) and optional `defaults` (an object merged under every record:
///   a thematic-group meeting's date, district and place apply to all its statements);
/// - NDJSON: one object per line.
///
/// Nested objects are flattened to dotted keys.
///
/// Form tools' submissions are read as their own table exports flatten them (`FormToolJSON`): KoboToolbox's
/// `{"results": […]}` and ODK Central's `{"value": […]}`, or their records alone. `sheet` (`--sheet`) names a repeat
/// group, whose records are then read instead, linked to their parents. Other JSON is refused saying what was found.
final class JSONRecordReader {
    let file: String
    let encoding: TextEncoding
    let sha256: String
    private var parser: JSONParser
    private let path: String
    private var source: TextSource
    private var mode: Mode
    private var defaults: FlatCells = FlatCells()
    /// Objects read (submissions), and records handed out (repeat records included).
    private var objects = 0
    private var count = 0
    /// The array of records in a top-level object: `records` (kartlagg), `results` (Kobo), `value` (ODK Central).
    private var recordsKey = "records"
    /// The repeat group whose records are read, nil for the submissions themselves.
    private let repeatSheet: String?
    private var pending: [JSONRecord] = []
    private var repeatCounters: [String: Int] = [:]
    /// The form tool that wrote the records, once one is seen.
    private(set) var dialect: FormToolJSON.Dialect?
    /// Repeat groups met, in order, with their record counts; repeats ODK Central did not expand.
    private(set) var repeatSheets: [(name: String, records: Int)] = []
    private(set) var unexpandedRepeats: [String] = []

    private enum Mode {
        case array(first: Bool)
        case records(first: Bool)
        case ndjson, done
    }

    init(path: String, file: String, options: ReadOptions, format: SourceFormat) throws {
        self.file = file
        self.path = path
        repeatSheet = options.sheet
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
                guard case .object(let members) = top else {
                    throw ImportError.jsonShape(file: file, line: 1, message: "expected an array of records or an object")
                }
                if let formTool = FormToolJSON.recordsKey(of: members) {
                    recordsKey = formTool.key
                    dialect = formTool.dialect
                } else if members.first(where: { $0.0 == "records" }) == nil {
                    throw ImportError.jsonShape(file: file, line: 1, message: FormToolJSON.describeUnknown(members))
                }
                let key = recordsKey
                guard case .array? = members.first(where: { $0.0 == key })?.1 else {
                    throw ImportError.jsonShape(file: file, line: 1, message: "\"\(key)\" must be an array of objects")
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
            if key == .string(recordsKey) {
                try parser.expect(0x5B, "expected '[' after \"\(recordsKey)\"")
                return
            }
            _ = try parser.parseValue()
            try parser.expect(0x2C, "expected ','")
        }
    }

    /// The next record, or nil at the end: a submission, or with `sheet` the next record of that repeat group.
    func next() throws -> JSONRecord? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let (value, line) = try nextObject() else {
                if let repeatSheet, count == 0 {
                    let found = repeatSheets.map { "\"\($0.name)\" (\($0.records))" }.joined(separator: ", ")
                    throw ImportError.jsonShape(
                        file: file, line: 1,
                        message: "no repeat group \"\(repeatSheet)\" in the file; "
                            + (found.isEmpty ? "its records have none" : "it has " + found) + Self.unexpandedHint(unexpandedRepeats))
                }
                return nil
            }
            guard case .object(let members) = value else {
                throw ImportError.jsonShape(file: file, line: line, message: "record \(objects) is not an object")
            }
            guard let tool = dialect ?? FormToolJSON.dialect(of: members) else {
                if repeatSheet != nil {
                    throw ImportError.jsonShape(
                        file: file, line: line,
                        message:
                            "\(Remedy.chooseSheet(.setting)) (`sheet:`) names a repeat group of KoboToolbox or ODK Central submissions; these "
                            + "records are no form tool's")
                }
                var cells = defaults
                value.flattened(into: &cells)
                count += 1
                return JSONRecord(cells: cells, line: line, index: count)
            }
            dialect = tool
            let submission = FormToolJSON.submission(members, dialect: tool, index: objects, counters: &repeatCounters)
            for record in submission.repeats {
                if let at = repeatSheets.firstIndex(where: { $0.name == record.sheet }) {
                    repeatSheets[at].records += 1
                } else {
                    repeatSheets.append((record.sheet, 1))
                }
            }
            for name in submission.unexpanded where !unexpandedRepeats.contains(name) { unexpandedRepeats.append(name) }
            if let repeatSheet {
                for record in submission.repeats where record.sheet == repeatSheet {
                    count += 1
                    pending.append(JSONRecord(cells: record.cells, line: line, index: count))
                }
            } else {
                count += 1
                return JSONRecord(cells: submission.cells, line: line, index: count)
            }
        }
    }

    /// ODK Central leaves repeats out unless asked to expand them.
    static func unexpandedHint(_ names: [String]) -> String {
        names.isEmpty
            ? ""
            : "; the repeat" + (names.count == 1 ? " " : "s ") + names.map { "\"\($0)\"" }.joined(separator: ", ")
                + " \(names.count == 1 ? "is" : "are") not expanded: download the submissions with `$expand=*`"
    }

    /// The next object of the file with the line it starts on, or nil at the end.
    private func nextObject() throws -> (JSONValue, Int)? {
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
            return try object()
        case .ndjson:
            if try parser.atEnd() {
                mode = .done
                return nil
            }
            return try object()
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

    private func object() throws -> (JSONValue, Int) {
        try parser.skipWhitespace()
        let line = parser.line
        objects += 1
        return (try parser.parseValue(), line)
    }
}
