import Foundation

/// A file's text as a stream of UTF-8 byte chunks, whatever its encoding; the BOM is dropped.
///
/// Chunks may end inside a character: readers work on bytes and only build strings from whole cells,
/// and every delimiter they look for is ASCII.
final class UTF8Stream {
    let encoding: TextEncoding
    private let handle: FileHandle
    private let file: String
    private var skip: Int
    private var carry: [UInt8] = []
    private var highSurrogate: UInt32?
    private var pushedBack: [[UInt8]] = []
    /// The SHA-256 of the file's bytes as this stream read them: what is parsed is what is recorded.
    private var hasher = FileFingerprint()
    private var bytesRead = 0
    private var reachedEnd = false

    /// NUL bytes are left out (a text file with a few of them; the probe warned).
    private let dropsNULs: Bool
    /// Bytes that are not valid UTF-8 are read as Windows-1252 characters (`--encoding utf-8` on a file with a few).
    private let repairsUTF8: Bool
    private var validator = UTF8Validator()
    /// The start of a multi-byte sequence not yet complete at the end of a chunk.
    private var sequence: [UInt8] = []

    init(
        path: String, file: String, encoding: TextEncoding, bomLength: Int, dropsNULs: Bool = false, repairsUTF8: Bool = false
    ) throws {
        self.encoding = encoding
        self.dropsNULs = dropsNULs
        self.repairsUTF8 = repairsUTF8
        self.file = file
        self.handle = try InputFile.open(path: path, file: file)
        self.skip = bomLength
    }

    deinit { try? handle.close() }

    /// The next chunk of UTF-8 bytes, or nil at the end of the file.
    func next() throws -> [UInt8]? {
        if let chunk = pushedBack.popLast() { return chunk }
        while var bytes = try readRaw() {
            if skip > 0 {
                let dropped = min(skip, bytes.count)
                bytes.removeFirst(dropped)
                skip -= dropped
            }
            var out = transcode(bytes)
            if dropsNULs && out.contains(0) { out.removeAll { $0 == 0 } }
            if !out.isEmpty { return out }
        }
        if !sequence.isEmpty {
            // The file ends inside a sequence: its bytes are stray.
            var out: [UInt8] = []
            for byte in sequence { Self.appendWindows1252(byte, to: &out) }
            sequence = []
            return out
        }
        return nil
    }

    private func readRaw() throws -> [UInt8]? {
        guard !reachedEnd, let bytes = try InputFile.read(handle, file: file) else {
            reachedEnd = true
            return nil
        }
        hasher.update(bytes)
        bytesRead += bytes.count
        return bytes
    }

    /// Reads what the parser left (trailing whitespace) and returns the SHA-256 and size of every byte read.
    func finishReading() throws -> (sha256: String, size: Int) {
        while try readRaw() != nil {}
        var final = hasher
        return (final.finalize(), bytesRead)
    }

    /// Puts a chunk back, to be returned by the next call of `next()` (for sniffing ahead).
    func pushBack(_ chunk: [UInt8]) {
        pushedBack.append(chunk)
    }

    private func transcode(_ bytes: [UInt8]) -> [UInt8] {
        switch encoding {
        case .utf8:
            return repairsUTF8 ? repairUTF8(bytes) : bytes
        case .iso88591, .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    out.append(byte)
                } else {
                    if encoding == .windows1252 {
                        Self.appendWindows1252(byte, to: &out)
                    } else {
                        Self.appendUTF8(UInt32(byte), to: &out)
                    }
                }
            }
            return out
        case .utf16LE, .utf16BE:
            var input = carry + bytes
            carry = []
            if input.count % 2 == 1 { carry = [input.removeLast()] }
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                let unit =
                    encoding == .utf16LE
                    ? UInt32(input[index]) | UInt32(input[index + 1]) << 8
                    : UInt32(input[index]) << 8 | UInt32(input[index + 1])
                index += 2
                if let high = highSurrogate {
                    highSurrogate = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        Self.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                        continue
                    }
                    Self.appendUTF8(0xFFFD, to: &out)
                }
                if (0xD800...0xDBFF).contains(unit) {
                    highSurrogate = unit
                    continue
                }
                Self.appendUTF8((0xDC00...0xDFFF).contains(unit) ? 0xFFFD : unit, to: &out)
            }
            return out
        }
    }

    /// UTF-8 as it stands, with each byte that is not part of a valid sequence read as a Windows-1252 character.
    private func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if sequence.isEmpty && byte < 0x80 {
                out.append(byte)
                continue
            }
            if validator.accept(byte) {
                sequence.append(byte)
                if validator.isComplete {
                    out += sequence
                    sequence = []
                }
                continue
            }
            // A stray byte, or a sequence cut short: its bytes are read one by one, the byte that cut it anew.
            let cut = !sequence.isEmpty
            for stray in sequence { Self.appendWindows1252(stray, to: &out) }
            sequence = []
            if !cut {
                Self.appendWindows1252(byte, to: &out)
            } else if byte < 0x80 {
                out.append(byte)
            } else if validator.accept(byte) {
                sequence = [byte]
            } else {
                Self.appendWindows1252(byte, to: &out)
            }
        }
        return out
    }

    static func appendWindows1252(_ byte: UInt8, to out: inout [UInt8]) {
        if byte < 0x80 {
            out.append(byte)
        } else {
            appendUTF8(byte < 0xA0 ? TextEncoding.windows1252High[Int(byte) - 0x80] : UInt32(byte), to: &out)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
