import Foundation
import Testing
import TestSupport
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

    @Test func askingForUTF8OnInvalidBytesNamesTheLine() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("bad.csv", bytes: Array("a,b\n1,2\n".utf8) + [0x47, 0xE4, 0x2C, 0x31, 0x0A])
        #expect(throws: ImportError.invalidUTF8(file: "bad.csv", line: 3, byte: 10, why: "as asked")) {
            try SourceTable(path: path, file: "bad.csv", options: ReadOptions(encoding: "utf-8"))
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
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256IsTheSameInChunks() {
        let bytes = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 1000, 70_000] {
            hasher.update(Array(bytes[offset..<offset + size]))
            offset += size
        }
        hasher.update(Array(bytes[offset...]))
        #expect(hasher.finalize() == SHA256.hex(bytes))
    }
}
