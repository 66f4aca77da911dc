/// A JSON parser over a stream of UTF-8 chunks that tracks line and column for its errors.
final class JSONParser {
    private let stream: UTF8Stream
    private let file: String
    private var buffer: [UInt8] = []
    private var position = 0
    private(set) var line = 1
    /// The column of the next character, counted in characters (not bytes), from 1.
    private(set) var column = 1
    private static let maxDepth = 256
    private let limits: ReadLimits

    init(stream: UTF8Stream, file: String, limits: ReadLimits = ReadLimits()) {
        self.stream = stream
        self.file = file
        self.limits = limits
    }

    /// The next byte without consuming it, or nil at the end.
    func peek() throws -> UInt8? {
        while position >= buffer.count {
            guard let chunk = try stream.next() else {
                buffer = []
                position = 0
                return nil
            }
            buffer = chunk
            position = 0
        }
        return buffer[position]
    }

    private func advance() {
        let byte = buffer[position]
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        position += 1
    }

    func skipWhitespace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    func error(_ message: String, line: Int? = nil, column: Int? = nil) -> ImportError {
        .jsonSyntax(file: file, line: line ?? self.line, column: column ?? self.column, message: message)
    }

    /// Consumes `byte` after optional whitespace, or fails with `message`.
    func expect(_ byte: UInt8, _ message: String) throws {
        try skipWhitespace()
        guard try peek() == byte else { throw error(message) }
        advance()
    }

    /// Consumes `byte` after optional whitespace when it is next.
    func consume(_ byte: UInt8) throws -> Bool {
        try skipWhitespace()
        if try peek() == byte {
            advance()
            return true
        }
        return false
    }

    func atEnd() throws -> Bool {
        try skipWhitespace()
        return try peek() == nil
    }

    func parseValue(depth: Int = 0) throws -> JSONValue {
        try skipWhitespace()
        guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) levels deep") }
        guard let byte = try peek() else { throw error("unexpected end of file, expected a value") }
        switch byte {
        case 0x7B:
            advance()
            var members: [(String, JSONValue)] = []
            if try consume(0x7D) { return .object(members) }
            repeat {
                try skipWhitespace()
                guard try peek() == 0x22 else { throw error("expected a string key") }
                let key = try parseString()
                try expect(0x3A, "expected ':' after the key \"\(key.clipped())\"")
                members.append((key, try parseValue(depth: depth + 1)))
                if members.count > limits.columns {
                    throw ImportError.limitExceeded(
                        file: file, line: line, what: "an object has more than \(limits.columns) keys", limit: .columns)
                }
            } while try consume(0x2C)
            try expect(0x7D, "expected ',' or '}' after a value in an object")
            return .object(members)
        case 0x5B:
            advance()
            var items: [JSONValue] = []
            if try consume(0x5D) { return .array(items) }
            repeat { items.append(try parseValue(depth: depth + 1)) } while try consume(0x2C)
            try expect(0x5D, "expected ',' or ']' after a value in an array")
            return .array(items)
        case 0x22:
            return .string(try parseString())
        case 0x74:
            try literal("true")
            return .bool(true)
        case 0x66:
            try literal("false")
            return .bool(false)
        case 0x6E:
            try literal("null")
            return .null
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        default:
            throw error("unexpected character '\(String(UnicodeScalar(byte)))'")
        }
    }

    private func literal(_ word: String) throws {
        let (startLine, startColumn) = (line, column)
        for expected in word.utf8 {
            guard try peek() == expected else { throw error("invalid literal, expected \(word)", line: startLine, column: startColumn) }
            advance()
        }
    }

    private func parseNumber() throws -> String {
        let (startLine, startColumn) = (line, column)
        var bytes: [UInt8] = []
        while let byte = try peek(),
            (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
        {
            bytes.append(byte)
            advance()
            if bytes.count > 1_000 { break }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard Self.isNumber(bytes) else { throw error("invalid number \(text.clipped())", line: startLine, column: startColumn) }
        return text
    }

    /// RFC 8259's number: `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    static func isNumber(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let end = bytes.count
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if i < end && bytes[i] == 0x2D { i += 1 }
        guard i < end, isDigit(bytes[i]) else { return false }
        if bytes[i] == 0x30 {
            i += 1
        } else {
            while i < end && isDigit(bytes[i]) { i += 1 }
        }
        if i < end && bytes[i] == 0x2E {
            i += 1
            guard i < end, isDigit(bytes[i]) else { return false }
            while i < end && isDigit(bytes[i]) { i += 1 }
        }
        if i < end && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < end && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard i < end, isDigit(bytes[i]) else { return false }
            while i < end && isDigit(bytes[i]) { i += 1 }
        }
        return i == end
    }

    private func parseString() throws -> String {
        advance()  // the opening quote
        var bytes: [UInt8] = []
        while true {
            guard let byte = try peek() else { throw error("unterminated string") }
            advance()
            switch byte {
            case 0x22:
                return String(decoding: bytes, as: UTF8.self)
            case 0x5C:
                guard let escape = try peek() else { throw error("unterminated string") }
                advance()
                switch escape {
                case 0x22, 0x5C, 0x2F: bytes.append(escape)
                case 0x62: bytes.append(0x08)
                case 0x66: bytes.append(0x0C)
                case 0x6E: bytes.append(0x0A)
                case 0x72: bytes.append(0x0D)
                case 0x74: bytes.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        if try peek() == 0x5C {
                            advance()
                            guard try peek() == 0x75 else { throw error("expected a low surrogate \\u escape") }
                            advance()
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    UTF8Stream.appendUTF8(scalar, to: &bytes)
                default:
                    throw error("invalid escape \\\(String(UnicodeScalar(escape)))")
                }
            case 0x00...0x1F:
                throw error("a control character inside a string (write line breaks as \\n)")
            default:
                bytes.append(byte)
                if bytes.count > limits.cellBytes {
                    throw ImportError.limitExceeded(
                        file: file, line: line, what: "a string is larger than \(ReadLimits.describe(limits.cellBytes))",
                        limit: .cellSize)
                }
            }
        }
    }

    private func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = try peek() else { throw error("unterminated \\u escape") }
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }
}
