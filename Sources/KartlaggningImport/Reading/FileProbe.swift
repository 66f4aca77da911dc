import Foundation

/// What one pass over a file's bytes tells: its SHA-256, its BOM, whether it is valid UTF-8
/// (and where not), whether it holds NUL bytes, and whether it reads plausibly as Windows-1252.
struct FileProbe {
    var sha256 = ""
    var size = 0
    var bom: TextEncoding?
    var bomLength = 0
    /// The line of the first byte that is not valid UTF-8, or nil when the whole file is valid.
    var firstInvalidUTF8Line: Int?
    /// The offset (from 1, as editors count bytes) of that byte.
    var firstInvalidUTF8Byte: Int?
    /// Size and modification time when the probe began.
    var stamp: FileStamp?
    /// The line of the first NUL byte (outside UTF-16), or nil.
    var firstNULLine: Int?
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
        var hasher = SHA256()
        let handle = try InputFile.open(path: path, file: file)
        defer { try? handle.close() }
        var validator = UTF8Validator()
        var sequenceStart = 0
        var line = 1
        var first = true
        var word = (letters: 0, high: 0)
        var oddNULs = 0, evenNULs = 0, sampled = 0
        while let chunk = try InputFile.read(handle, file: file) {
            if first {
                first = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
                    probe.bom = .utf8; probe.bomLength = 3
                } else if chunk.starts(with: [0xFF, 0xFE]) {
                    probe.bom = .utf16LE; probe.bomLength = 2
                } else if chunk.starts(with: [0xFE, 0xFF]) {
                    probe.bom = .utf16BE; probe.bomLength = 2
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
                for (offset, byte) in bytes.enumerated() {
                    if byte < 0x80 && validator.isComplete {
                        // ASCII, the bulk of any export: only lines, NULs and word boundaries matter.
                        if byte == 0x0A {
                            line += 1
                        } else if byte == 0 && probe.firstNULLine == nil {
                            probe.firstNULLine = line
                        }
                        if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                            word.letters += 1
                        } else if word.letters > 0 {
                            probe.count(word)
                            word = (0, 0)
                        }
                        continue
                    }
                    if probe.firstInvalidUTF8Line == nil {
                        // Report where the bad sequence starts, not the byte that gave it away.
                        let here = probe.size + offset + 1
                        let startsSequence = validator.isComplete
                        if !validator.accept(byte) {
                            probe.firstInvalidUTF8Line = line
                            probe.firstInvalidUTF8Byte = startsSequence ? here : sequenceStart
                        } else if startsSequence {
                            sequenceStart = here
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
        if probe.firstInvalidUTF8Line == nil && !validator.isComplete {
            probe.firstInvalidUTF8Line = line
            probe.firstInvalidUTF8Byte = sequenceStart
        }
        if probe.bom == nil && sampled >= 4 {
            if oddNULs * 3 > sampled && evenNULs == 0 { probe.bomlessUTF16 = .utf16LE }
            if evenNULs * 3 > sampled && oddNULs == 0 { probe.bomlessUTF16 = .utf16BE }
        }
        probe.sha256 = hasher.finalize()
        return probe
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

    static func isWindows1252Letter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0x8A, 0x8C, 0x8E, 0x9A, 0x9C, 0x9E, 0x9F: true
        case 0xC0...0xFF: byte != 0xD7 && byte != 0xF7
        default: false
        }
    }
}
