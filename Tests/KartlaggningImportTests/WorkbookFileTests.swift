import Foundation
import TestSupport
import Testing

@testable import KartlaggningImport

/// A workbook or statistics file is known by its SHA-256, read in one pass over its bytes, and refused when it is
/// written while it is read.
struct WorkbookFileTests {
    @Test func itsFingerprintIsItsSHA256() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("abc.sav", bytes: Array("abc".utf8))
        let file = try WorkbookFile(path: path, file: "abc.sav")
        // FIPS 180-2's example: SHA-256("abc").
        #expect(file.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try file.verifyUnchanged() == file.sha256)
        // A large file, read in many chunks, hashes as its bytes do in one piece.
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let large = folder.write("large.xlsx", bytes: bytes)
        #expect(try WorkbookFile(path: large, file: "large.xlsx").sha256 == FileFingerprint.hex(bytes))
    }

    @Test func aFileWrittenWhileReadIsRefused() throws {
        let folder = TemporaryDirectory()
        let path = folder.write("svar.xlsx", bytes: Array(repeating: 7, count: 10_000))
        let file = try WorkbookFile(path: path, file: "svar.xlsx")
        _ = folder.write("svar.xlsx", bytes: Array(repeating: 8, count: 10_000))
        #expect(throws: ImportError.self) { try file.verifyUnchanged() }
        #expect(throws: ImportError.self) { try WorkbookFile(path: folder.write("tom.xlsx", bytes: []), file: "tom.xlsx") }
    }
}
