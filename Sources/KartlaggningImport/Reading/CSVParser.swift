/// An RFC 4180 CSV parser over a stream of UTF-8 chunks, yielding one record at a time.
///
/// Handles quoted delimiters and line breaks, doubled quotes, LF, CRLF, CR and mixed line endings, and
/// tracks the physical line each record starts on. Blank lines are skipped. A quote RFC 4180 does not
/// allow (`"a"b`, `a"b`) is an error naming its line, since a reader can only guess what was meant; with
/// `lenientQuotes` such cells are read as Excel reads them (`ab`, `a"b`) and counted. A quote that is
/// never closed is always an error, and so is a cell, row or header past the `limits`.
struct CSVParser {
    private let stream: UTF8Stream
    private let file: String
    let delimiter: UInt8
    private var ready: [CSVRow] = []
    private var readyIndex = 0
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var state = State.fieldStart
    private var line = 1
    private var rowLine = 1
    private var rowStarted = false
    private var quoteLine = 1
    private var previousWasCR = false
    private var finished = false
    /// Blank lines skipped so far.
    private(set) var blankLines = 0
    /// Cells with quotes RFC 4180 does not allow, read as Excel reads them (with `lenientQuotes`).
    private(set) var strayQuotes = 0
    private let lenientQuotes: Bool
    private let limits: ReadLimits
    private var rowBytes = 0
    private var failure: ImportError?

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    private static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    init(stream: UTF8Stream, file: String, delimiter: UInt8, lenientQuotes: Bool = false, limits: ReadLimits = ReadLimits()) {
        self.stream = stream
        self.file = file
        self.delimiter = delimiter
        self.lenientQuotes = lenientQuotes
        self.limits = limits
    }

    /// The next record, or nil at the end of the file.
    mutating func next() throws -> CSVRow? {
        while readyIndex >= ready.count {
            if finished { return nil }
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if let chunk = try stream.next() {
                chunk.withUnsafeBufferPointer { consume($0) }
                if let failure { throw failure }
            } else {
                try finish()
            }
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    private mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if !rowStarted {
                if previousWasCR && byte == Self.lf {
                    previousWasCR = false
                    i += 1
                    continue
                }
                rowStarted = true
                rowLine = line
            }
            switch state {
            case .fieldStart, .unquoted:
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == Self.cr || byte == Self.lf {
                    endRow()
                    countBreak(byte)
                } else if byte == Self.quote && state == .fieldStart {
                    state = .quoted
                    quoteLine = line
                } else {
                    // Fast path: take the run of ordinary bytes at once.
                    var end = i + 1
                    var quoted = byte == Self.quote
                    while end < count {
                        let next = bytes[end]
                        if next == delimiter || next == Self.cr || next == Self.lf { break }
                        quoted = quoted || next == Self.quote
                        end += 1
                    }
                    let run = UnsafeBufferPointer(rebasing: bytes[i..<end])
                    if quoted {
                        guard lenientQuotes else { return fail(.strayQuote(file: file, line: line, inQuotedCell: false)) }
                        strayQuotes += 1
                    }
                    field.append(contentsOf: run)
                    state = .unquoted
                    previousWasCR = false
                    i = end
                    if !withinLimits(adding: run.count) { return }
                    continue
                }
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else {
                    var end = i + 1
                    while end < count && bytes[end] != Self.quote && bytes[end] != Self.cr && bytes[end] != Self.lf { end += 1 }
                    if byte == Self.cr || byte == Self.lf {
                        field.append(byte)
                        countBreak(byte)
                        i += 1
                        continue
                    }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    previousWasCR = false
                    if !withinLimits(adding: end - i) { return }
                    i = end
                    continue
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    field.append(Self.quote)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == Self.cr || byte == Self.lf {
                    endRow()
                    countBreak(byte)
                } else {
                    guard lenientQuotes else { return fail(.strayQuote(file: file, line: line, inQuotedCell: true)) }
                    strayQuotes += 1
                    field.append(byte)
                    state = .unquoted
                }
            }
            if !withinLimits(adding: 1) { return }
            if byte != Self.cr && byte != Self.lf { previousWasCR = false }
            i += 1
        }
    }

    private mutating func fail(_ error: ImportError) {
        failure = error
    }

    /// Counts bytes into the row and checks the cell, row and column limits; false (with `failure` set) past one.
    private mutating func withinLimits(adding count: Int) -> Bool {
        rowBytes += count
        if field.count > limits.cellBytes {
            fail(
                .limitExceeded(
                    file: file, line: rowLine, what: "a cell is larger than \(ReadLimits.describe(limits.cellBytes))",
                    limit: .cellSize))
            return false
        }
        if rowBytes > limits.rowBytes {
            fail(
                .limitExceeded(
                    file: file, line: rowLine,
                    what: "a row is longer than \(ReadLimits.describe(limits.rowBytes)) (a file without line breaks?)",
                    limit: .rowSize))
            return false
        }
        if fields.count >= limits.columns {
            fail(
                .limitExceeded(
                    file: file, line: rowLine, what: "a row has more than \(limits.columns) cells", limit: .columns))
            return false
        }
        return true
    }

    private mutating func countBreak(_ byte: UInt8) {
        if byte == Self.cr {
            line += 1
            previousWasCR = true
        } else {
            if !previousWasCR { line += 1 }
            previousWasCR = false
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow() {
        let wasQuoted = state == .quoteInQuoted
        endField()
        state = .fieldStart
        rowStarted = false
        if fields.count == 1 && fields[0].isEmpty && !wasQuoted {
            blankLines += 1
        } else {
            ready.append(CSVRow(fields: fields, line: rowLine))
        }
        fields.removeAll(keepingCapacity: true)
        rowBytes = 0
    }

    private mutating func finish() throws {
        finished = true
        if state == .quoted { throw ImportError.unterminatedQuote(file: file, line: quoteLine) }
        if rowStarted { endRow() }
    }
}
