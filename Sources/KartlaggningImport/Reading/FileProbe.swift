import Foundation

/// What one pass over a file's bytes tells: its SHA-256, its BOM, whether it is valid UTF-8
/// (and where not), whether it holds NUL bytes (and whether it is binary), and whether it reads plausibly as
/// Windows-1252.
struct FileProbe {
    var sha256 = ""
    var size = 0
    var bom: TextEncoding?
    var bomLength = 0
    /// The line of the first byte that is not valid UTF-8, or nil when the whole file is valid.
    var firstInvalidUTF8Line: Int?
    /// The offset (from 1, as editors count bytes) of that byte.
    var firstInvalidUTF8Byte: Int?
    /// The sequences that are not valid UTF-8, and the first few lines that hold them.
    var invalidUTF8Count = 0
    var invalidUTF8Lines: [Int] = []
    /// Whether more lines hold them than are listed.
    var invalidUTF8OnMoreLines = false
    /// Valid UTF-8 sequences of two bytes or more ("ä" as 0xC3 0xA4). A Windows-1252 file almost never has one, so a
    /// file with more of them than invalid sequences is UTF-8 apart from a few stray bytes.
    var multibyteUTF8Count = 0
    /// Size and modification time when the probe began.
    var stamp: FileStamp?
    /// The NUL bytes, and the first few lines that hold them.
    var nulCount = 0
    var nulLines: [Int] = []
    var nulOnMoreLines = false
    /// C0 control bytes other than NUL, tab, line feed, form feed, carriage return and escape: text has next to none,
    /// a binary file (a ZIP, an SPSS file, an image) plenty.
    var controlCount = 0
    /// UTF-16 without a BOM, guessed from where the NUL bytes fall in ASCII text.
    var bomlessUTF16: TextEncoding?
    /// Words that read as Windows-1252 letters mostly from the upper half: Greek or Cyrillic in a
    /// single-byte encoding looks like this; Swedish does not.
    var implausibleWords = 0
    var wordsWithHighLetters = 0

    /// Reads `path` once, in chunks.
    static func probe(path: String, file: String) throws -> FileProbe {
        var probe = FileProbe()
        probe.stamp = InputFile.stamp(path: path)
        var hasher = FileFingerprint()
        let handle = try InputFile.open(path: path, file: file)
        defer { try? handle.close() }
        var validator = UTF8Validator()
        var sequenceStart = 0
        var line = 1
        var first = true
        var word = (letters: 0, high: 0)
        var oddNULs = 0
        var evenNULs = 0
        var sampled = 0
        while let chunk = try InputFile.read(handle, file: file) {
            if first {
                first = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                    probe.bom = .utf8
                    probe.bomLength = 3
                } else if chunk.starts(with: [0xFF, 0xFE]) {
                    probe.bom = .utf16LE
                    probe.bomLength = 2
                } else if chunk.starts(with: [0xFE, 0xFF]) {
                    probe.bom = .utf16BE
                    probe.bomLength = 2
                }
            }
            chunk.withUnsafeBufferPointer { bytes in
                hasher.update(bytes)
                if sampled < 4096 {
                    for (offset, byte) in bytes.prefix(4096 - sampled).enumerated() where byte == 0 {
                        if (probe.size + offset) % 2 == 1 { oddNULs += 1 } else { evenNULs += 1 }
                    }
                    sampled += min(bytes.count, 4096 - sampled)
                }
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count {
                    // Eight printable ASCII bytes at a time, outside a word with letters from the upper half (whose end
                    // is counted): no line, no control byte, and only the letters after the last non-letter carry on.
                    if word.high == 0 && validator.isComplete && offset + 8 <= bytes.count,
                        Self.isPrintableASCII(UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
                    {
                        var trailing = 0
                        while trailing < 8 && Self.isASCIILetter(bytes[offset + 7 - trailing]) { trailing += 1 }
                        word.letters = trailing == 8 ? word.letters + 8 : trailing
                        offset += 8
                        continue
                    }
                    let byte = bytes[offset]
                    offset += 1
                    if byte < 0x80 && validator.isComplete {
                        // ASCII, the bulk of any export: only lines, control bytes and word boundaries matter.
                        if byte == 0x0A {
                            line += 1
                        } else if byte < 0x20 {
                            probe.countControl(byte, line: line)
                        }
                        if Self.isASCIILetter(byte) {
                            word.letters += 1
                        } else if word.letters > 0 {
                            probe.count(word)
                            word = (0, 0)
                        }
                        continue
                    }
                    // Report where a bad sequence starts, not the byte that gave it away.
                    let here = probe.size + offset
                    let startsSequence = validator.isComplete
                    if validator.accept(byte) {
                        if startsSequence {
                            sequenceStart = here
                        } else if validator.isComplete {
                            probe.multibyteUTF8Count += 1
                        }
                    } else {
                        probe.countInvalidUTF8(at: startsSequence ? here : sequenceStart, line: line)
                        // A sequence cut short: the byte that cut it starts anew (a line feed still ends the line).
                        if !startsSequence {
                            if byte < 0x80 {
                                if byte == 0x0A { line += 1 } else if byte < 0x20 { probe.countControl(byte, line: line) }
                            } else if validator.accept(byte) {
                                sequenceStart = here
                            } else {
                                probe.countInvalidUTF8(at: here, line: line)
                            }
                        }
                    }
                    if Self.isWindows1252Letter(byte) {
                        word.letters += 1
                        if byte >= 0x80 { word.high += 1 }
                    } else if word.letters > 0 {
                        probe.count(word)
                        word = (0, 0)
                    }
                }
            }
            probe.size += chunk.count
        }
        if word.letters > 0 { probe.count(word) }
        if !validator.isComplete { probe.countInvalidUTF8(at: sequenceStart, line: line) }
        if probe.bom == nil && sampled >= 4 {
            if oddNULs * 3 > sampled && evenNULs == 0 { probe.bomlessUTF16 = .utf16LE }
            if evenNULs * 3 > sampled && oddNULs == 0 { probe.bomlessUTF16 = .utf16BE }
        }
        probe.sha256 = hasher.finalize()
        return probe
    }

    /// How many lines the probe names where it lists them.
    static let linesNamed = 5

    private mutating func countInvalidUTF8(at byte: Int, line: Int) {
        if invalidUTF8Count == 0 {
            firstInvalidUTF8Line = line
            firstInvalidUTF8Byte = byte
        }
        invalidUTF8Count += 1
        Self.note(line, in: &invalidUTF8Lines, more: &invalidUTF8OnMoreLines)
    }

    private static func note(_ line: Int, in lines: inout [Int], more: inout Bool) {
        guard lines.last != line else { return }
        if lines.count < linesNamed { lines.append(line) } else { more = true }
    }

    private mutating func countControl(_ byte: UInt8, line: Int) {
        if byte == 0 {
            nulCount += 1
            Self.note(line, in: &nulLines, more: &nulOnMoreLines)
        } else if byte != 0x09 && byte != 0x0C && byte != 0x0D && byte != 0x1B {
            controlCount += 1
        }
    }

    /// Whether the file is binary rather than text with a few NUL bytes in it (an old export pads with them): it has
    /// control bytes text does not have, or is mostly NULs. Only asked of files not read as UTF-16.
    var isBinary: Bool {
        nulCount > 0 && (controlCount * 100 > size || nulCount * 2 > size)
    }

    /// Whether a file that is not valid UTF-8 is UTF-8 all the same, apart from a few stray bytes (a Windows-1252
    /// line pasted into it): more valid multi-byte sequences than invalid ones.
    var isMostlyUTF8: Bool {
        invalidUTF8Count > 0 && multibyteUTF8Count >= invalidUTF8Count
    }

    private mutating func count(_ word: (letters: Int, high: Int)) {
        guard word.high > 0 else { return }
        wordsWithHighLetters += 1
        if word.high >= 3 && word.high * 2 > word.letters { implausibleWords += 1 }
    }

    /// Whether a single-byte reading as Windows-1252 looks like a Western European language.
    var readsAsWindows1252: Bool {
        !(implausibleWords >= 3 && implausibleWords * 4 > wordsWithHighLetters)
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// Whether all eight bytes are printable ASCII (0x20–0x7F): none from the upper half, none a control byte.
    static func isPrintableASCII(_ bytes: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        // With no high bit set, a byte below 0x20 borrows into its own high bit when 0x20 is taken from each byte.
        return bytes & high == 0 && (bytes &- 0x2020_2020_2020_2020) & ~bytes & high == 0
    }

    static func isWindows1252Letter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E, 0x9F: true
        case 0xC0...0xFF: byte != 0xD7 && byte != 0xF7
        default: false
        }
    }
}
