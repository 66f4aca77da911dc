import Foundation
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

struct EncodingTests {
    static let text = "Område;Svar\r\nNätra;Får vi fiber? Café é\r\n"
    static let expected = [["Område": "Nätra", "Svar": "Får vi fiber? Café é"]]

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    static let encodings: [(name: String, bytes: [UInt8], detected: TextEncoding)] = [
        ("utf-8", Array(text.utf8), .utf8),
        ("utf-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8),
        ("windows-1252", Array(text.data(using: .windowsCP1252)!), .windows1252),
        ("utf-16le", utf16(text, bigEndian: false, bom: true), .utf16LE),
        ("utf-16be", utf16(text, bigEndian: true, bom: true), .utf16BE),
        ("utf-16le without BOM", utf16(text, bigEndian: false, bom: false), .utf16LE),
    ]

    @Test(arguments: encodings.map(\.name))
    func roundTripsSwedishLetters(name: String) throws {
        let entry = Self.encodings.first { $0.name == name }!
        let folder = TemporaryDirectory()
        let path = folder.write("svar.csv", bytes: entry.bytes)
        let table = try SourceTable(path: path, file: "svar.csv", options: ReadOptions())
        #expect(table.encoding == entry.detected)
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(try readTable(path) == Self.expected)
    }

    @Test func validUTF8IsNeverReadAsWindows1252() throws {
        // "Ã¤" is what ä looks like when UTF-8 is mis-decoded; every byte here is also valid Windows-1252.
        let folder = TemporaryDirectory()
        let path = folder.write("a.csv", "a,b\nä,Ã¤\n")
        let table = try SourceTable(path: path, file: "a.csv", options: ReadOptions())
        #expect(table.encoding == .utf8)
        #expect(try readTable(path) == [["a": "ä", "b": "Ã¤"]])
    }

    @Test func invalidUTF8FromLateInTheFileStillSwitchesToWindows1252() throws {
        var bytes = Array("a,b\n".utf8)
        for i in 0..<20_000 { bytes += Array("\(i),text\n".utf8) }
        bytes += [0x47, 0xE4, 0x76, 0x6C, 0x65, 0x2C, 0x78, 0x0A]  // "Gävle,x" in Windows-1252
        let folder = TemporaryDirectory()
        let path = folder.write("late.csv", bytes: bytes)
        let rows = try readTable(path)
        #expect(rows.count == 20_001)
        #expect(rows.last == ["a": "Gävle", "b": "x"])
    }

    /// A UTF-8 file with one Windows-1252 line pasted in stays UTF-8: it is refused, naming the lines, not read as
    /// Windows-1252 with every å, ä and ö garbled.
    @Test func aFewStrayBytesInAUTF8FileAreRefusedNamingTheirLines() throws {
        var bytes = Array("Område;Svar\n".utf8)
        for i in 0..<40 { bytes += Array("Nätra;Får vi fiber \(i)?\n".utf8) }
        bytes += Array("Björna;G".utf8) + [0xE4] + Array("vle\n".utf8)  // line 42, Windows-1252
        bytes += Array("Björna;Sm".utf8) + [0xE5, 0x0A]  // line 43: read as UTF-8, 0xE5 starts a sequence the line feed cuts
        let folder = TemporaryDirectory()
        let path = folder.write("mixed.csv", bytes: bytes)
        let badAt = bytes.firstIndex(of: 0xE4)! + 1
        let error = ImportError.invalidUTF8(
            file: "mixed.csv", line: 42, byte: badAt,
            why: "everywhere else (83 characters such as å, ä, ö are written as UTF-8)", count: 2, lines: [42, 43], moreLines: false)
        #expect(throws: error) { try SourceTable(path: path, file: "mixed.csv", options: ReadOptions()) }
        #expect(
            error.errorDescription?.contains("byte \(badAt) is not valid UTF-8 (2 places in all, on lines 42, 43), in a file") == true)
        // Asked for UTF-8, the stray bytes are read as Windows-1252 characters, with a warning naming the lines.
        let table = try SourceTable(path: path, file: "mixed.csv", options: ReadOptions(encoding: "utf-8"))
        #expect(table.encoding == .utf8)
        #expect(
            table.warnings == [
                "2 places (on lines 42, 43) are not valid UTF-8 and were read as Windows-1252 characters, as \(Remedy.encoding("utf-8")) "
                    + "asks; check those lines"
            ])
        let rows = try readTable(path, options: ReadOptions(encoding: "utf-8"))
        #expect(rows.count == 42)
        #expect(rows[0] == ["Område": "Nätra", "Svar": "Får vi fiber 0?"])
        #expect(rows[40] == ["Område": "Björna", "Svar": "Gävle"])
        #expect(rows[41] == ["Område": "Björna", "Svar": "Små"])
    }

    /// Stray bytes split across the reader's chunks are read the same as anywhere else.
    @Test func strayBytesAcrossChunkBoundariesAreReadAlike() throws {
        var bytes = Array("a;b\n".utf8)
        var expected: [[String: String]] = []
        var i = 0
        while bytes.count < 300_000 {
            bytes += Array("ä\(i);ö".utf8) + (i % 997 == 0 ? [0xE5] : []) + [0x0A]
            expected.append(["a": "ä\(i)", "b": i % 997 == 0 ? "öå" : "ö"])
            i += 1
        }
        let folder = TemporaryDirectory()
        let path = folder.write("long.csv", bytes: bytes)
        #expect(try readTable(path, options: ReadOptions(encoding: "utf-8")) == expected)
    }

    /// The probe reads printable ASCII eight bytes at a time: wherever those blocks fall (the text moved by 0–15
    /// spaces), it counts the same lines, control bytes, invalid and multi-byte UTF-8 sequences and single-byte words,
    /// and names the same lines and (moved) bytes. The text puts line feeds, a tab, a control byte, a Greek word in
    /// Windows-1252 (letters from the upper half after and before ASCII letters), a cut-short UTF-8 sequence and
    /// Swedish letters at every distance from a block's edge.
    @Test func theProbeCountsAlikeWhereverItsBlocksFall() throws {
        var base: [UInt8] = []
        for n in 0..<90 {
            base += Array(String(repeating: "x", count: n % 11).utf8) + Array("Långviksmon;".utf8)
            switch n % 5 {
            case 0: base += [0x0A]
            case 1: base += Array(" a".utf8) + [0xE1, 0xE8, 0xE7, 0xE1] + Array("b\t".utf8)  // "aάθηάb" in windows-1253 bytes
            // Nine ASCII letters and nine from the upper half: one word, just not implausible (9 × 2 > 18 is false) —
            // unless the letters before a block were lost. The spaces after the control byte move where the blocks
            // fall in it (a byte read alone restarts them).
            case 2: base += [0x01] + Array(repeating: 0x20, count: n % 9) + Array("abcdefghi".utf8) + Array(0xE1...0xE9) + [0x20]
            case 3: base += [0xC3, 0x41, 0x0A]  // "Ã" cut short by "A"
            default: base += Array("Trehörningsjö Björna\r\n".utf8)
            }
        }
        let folder = TemporaryDirectory()
        func probe(_ shift: Int) throws -> FileProbe {
            let path = folder.write("probe-\(shift).csv", bytes: Array(repeating: 0x20, count: shift) + base)
            return try FileProbe.probe(path: path, file: "probe.csv")
        }
        let first = try probe(0)
        #expect(first.invalidUTF8Count > 0 && first.multibyteUTF8Count > 0 && first.controlCount > 0)
        #expect(first.wordsWithHighLetters > 0 && first.implausibleWords > 0)
        for shift in 1..<16 {
            let moved = try probe(shift)
            #expect(moved.size == first.size + shift)
            #expect(moved.invalidUTF8Count == first.invalidUTF8Count && moved.invalidUTF8Lines == first.invalidUTF8Lines)
            #expect(moved.firstInvalidUTF8Line == first.firstInvalidUTF8Line)
            #expect(moved.firstInvalidUTF8Byte == first.firstInvalidUTF8Byte.map { $0 + shift })
            #expect(moved.multibyteUTF8Count == first.multibyteUTF8Count && moved.controlCount == first.controlCount)
            #expect(moved.wordsWithHighLetters == first.wordsWithHighLetters && moved.implausibleWords == first.implausibleWords)
        }
        // Counted by hand: 18 SOH bytes (tab and carriage return are not counted); 18 Greek words (4 letters from the
        // upper half of 6 → implausible), and no Swedish word is.
        #expect(first.controlCount == 18 && first.implausibleWords == 18)
    }

    /// A few NUL bytes in a text export (an old SurveyMonkey CSV pads with them) are left out with a warning that
    /// counts them; a binary file is still refused.
    @Test func nulBytesInTextAreDroppedWithAWarning() throws {
        let folder = TemporaryDirectory()
        var bytes = Array("Område;Svar\r\n".utf8) + [0]
        bytes += Array("Nätra;Ja\r\n".utf8) + [0, 0] + Array("Anundsjö;Nej\r\n".utf8) + [0]
        let path = folder.write("nul.csv", bytes: bytes)
        let table = try SourceTable(path: path, file: "nul.csv", options: ReadOptions())
        #expect(table.encoding == .utf8)
        #expect(table.warnings == ["4 NUL bytes (on lines 2, 3, 4) are not text and were left out"])
        #expect(try readTable(path) == [["Område": "Nätra", "Svar": "Ja"], ["Område": "Anundsjö", "Svar": "Nej"]])
        // A binary file renamed .csv (a PNG here) has control bytes text never has.
        var binary: [UInt8] = [0x89] + Array("PNG".utf8) + [0x1A, 0x00, 0x00, 0x00, 0x02]
        for i in 0..<2_000 { binary.append(UInt8(truncatingIfNeeded: i &* 7919 >> 3)) }
        let binaryPath = folder.write("svar.csv", bytes: binary)
        #expect(throws: ImportError.binaryFile(file: "svar.csv", line: 1)) {
            try SourceTable(path: binaryPath, file: "svar.csv", options: ReadOptions())
        }
        // An SPSS file renamed .csv starts `$FL2`: it is read as SPSS, and this damaged one is refused saying so.
        var spss: [UInt8] = Array("$FL2@(#) IBM SPSS STATISTICS".utf8) + [0x02, 0x00, 0x00, 0x00]
        for i in 0..<2_000 { spss.append(UInt8(truncatingIfNeeded: i &* 7919 >> 3)) }
        let spssPath = folder.write("export.csv", bytes: spss)
        do {
            _ = try SourceTable(path: spssPath, file: "export.csv", options: ReadOptions())
            Issue.record("a damaged SPSS file was read")
        } catch let error as ImportError {
            #expect(error.localizedDescription.hasPrefix("export.csv: cannot be read: ReadStat could not read it as an SPSS file"))
        }
    }

    @Test func latin1OptionOverridesDetection() throws {
        let folder = TemporaryDirectory()
        // 0x80 is € in Windows-1252 but a C1 control in ISO-8859-1.
        let path = folder.write("x.csv", bytes: Array("a\n".utf8) + [0x80, 0x0A])
        #expect(try readTable(path) == [["a": "€"]])
        #expect(try readTable(path, options: ReadOptions(encoding: "iso-8859-1")) == [["a": "\u{80}"]])
    }

    @Test func unknownEncodingNameIsAClearError() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("x.csv", "a\n1\n")
        #expect(throws: ImportError.self) { try SourceTable(path: path, file: "x.csv", options: ReadOptions(encoding: "ebcdic")) }
    }

    @Test func sha256MatchesPublishedVectors() {
        #expect(FileFingerprint.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(FileFingerprint.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            FileFingerprint.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            FileFingerprint.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256IsTheSameInChunks() {
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = FileFingerprint()
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 70_000] {
            hasher.update(Array(bytes[offset..<offset + size]))
            offset += size
        }
        hasher.update(Array(bytes[offset...]))
        #expect(hasher.finalize() == FileFingerprint.hex(bytes))
    }
}
