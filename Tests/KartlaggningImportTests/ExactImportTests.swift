import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore
@testable import KartlaggningImport

/// What is imported is exactly what the file held while it was read: a file written meanwhile is refused
/// whole, a bad byte in a UTF-8 file is an error, and the hash recorded is the hash of the bytes parsed.
struct ExactImportTests {
    let folder = TemporaryDirectory()

    func store() throws -> KartlaggningStore {
        let store = try KartlaggningStore(path: folder.path("k.sqlite"))
        try store.loadDistricts(StoreFixtures.districts)
        try store.addSurvey(StoreFixtures.companySurvey)
        return store
    }

    func companies(_ count: Int) -> String {
        ImporterTests.file(folder, "foretag.csv", rows: (1...count).map { ImporterTests.companyRow("F\($0)") })
    }

    enum Change: String, CaseIterable {
        /// Cut at a row boundary, as a download in progress or a save over the file leaves it.
        case truncated
        /// Rows added at the end.
        case appended
        /// One value changed in place, the size the same.
        case overwritten
    }

    /// The issue's reproduction: the file changes while the import reads it (here from the progress callback,
    /// after 5,000 of 12,000 rows). Nothing is written, and the complete file imports afterwards.
    @Test(arguments: Change.allCases)
    func aFileThatChangesWhileItIsReadIsRefusedWhole(change: Change) throws {
        let store = try store()
        let path = companies(12_000)
        let original = try #require(FileManager.default.contents(atPath: path))
        var changed = false
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag") { rows in
            guard !changed, rows >= 5_000 else { return }
            changed = true
            var bytes = original
            switch change {
            case .truncated:
                let cut = bytes.count * 6 / 10
                let boundary = bytes[..<cut].lastIndex(of: 0x0A) ?? cut
                bytes = bytes.prefix(boundary + 1)
            case .appended:
                bytes.append(contentsOf: Array((ImporterTests.companyRow("F-extra") + "\r\n").utf8))
            case .overwritten:
                // F11999's scale 4 → 2, near the end: bytes not read yet.
                let row = Array(ImporterTests.companyRow("F11999").utf8)
                guard let at = bytes.firstRange(of: row) else { return }
                let scale = at.lowerBound + row.count - "4;Bredband;Ja;2001-05-01;Mer fiber".utf8.count
                bytes[scale] = 0x32
            }
            // Not atomic: the same file (inode) rewritten, as a spreadsheet saving in place does.
            let handle = FileHandle(forWritingAtPath: path)
            handle?.truncateFile(atOffset: 0)
            handle?.write(bytes)
            try? handle?.close()
        }
        #expect(changed)
        #expect(summary.status == .failed)
        #expect(summary.fileError?.contains("the file changed while it was being read") == true, "\(summary.fileError ?? "")")
        #expect(try store.status().respondents == 0)
        // The file as it is now imports in full, not "already imported".
        let again = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(again.status == .imported)
        let expected = change == .truncated ? again.rows : (change == .appended ? 12_001 : 12_000)
        #expect(again.rows == expected && again.added == expected)
    }

    @Test func theRecordedHashIsTheHashOfTheBytesParsed() throws {
        let store = try store()
        let path = companies(3)
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        var hasher = FileFingerprint()
        hasher.update(Array(try #require(FileManager.default.contents(atPath: path))))
        #expect(summary.sha256 == hasher.finalize())
        #expect(try store.status().imports.map(\.sha256) == [summary.sha256])
    }

    /// A UTF-8 byte-order mark promises UTF-8: a bad byte after it, however late, is an error naming line and byte.
    @Test func aBadByteInAUTF8FileIsAnErrorEvenAfterTheDetectionSample() throws {
        let store = try store()
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((StoreFixtures.companyHeader + "\r\n").utf8)
        for i in 1...3_000 { bytes += Array((ImporterTests.companyRow("F\(i)") + "\r\n").utf8) }
        let badAt = bytes.count + 1 + "F-bad;Nätra;Firma ".utf8.count
        bytes += Array("F-bad;Nätra;Firma ".utf8) + [0xE4] + Array("x;2025-03-04;Handel;3;1,5;4;Bredband;Ja;2001-05-01;x\r\n".utf8)
        let path = folder.write("bom.csv", bytes: bytes)
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        #expect(summary.status == .failed)
        #expect(
            summary.fileError
                == ImportError.invalidUTF8(
                    file: path, line: 3_002, byte: badAt, why: "by its byte-order mark", count: 1, lines: [3_002], moreLines: false
                )
                .errorDescription)
        #expect(try store.status().respondents == 0)
        // Asked to read it as Windows-1252, it is decoded as asked: every byte a character (here the UTF-8
        // header comes out as "OmrÃ¥de", which the survey then cannot find), the BOM dropped.
        let asked = try Importer(store: store).importFile(
            at: path, survey: "test-foretag", options: ImportOptions(read: ReadOptions(encoding: "windows-1252")))
        #expect(asked.fileError?.contains("the file has \"Nr\", \"OmrÃ¥de\"") == true, "\(asked.fileError ?? "")")
    }

    @Test func messagesEchoAtMostAFewHundredCharactersOfData() throws {
        let store = try store()
        let long = String(repeating: "Lång text ", count: 10_000)
        let path = ImporterTests.file(folder, "lang.csv", rows: [ImporterTests.companyRow("F1", district: long)])
        let summary = try Importer(store: store).importFile(at: path, survey: "test-foretag")
        let message = try #require(summary.errors.first?.formatted(file: "lang.csv"))
        #expect(message.count < 400)
        #expect(message.contains("… (99999 characters)"))
        let header = folder.write("header.csv", String(repeating: "Kolumn ", count: 5_000) + ";b\r\n1;2\r\n")
        let missing = try Importer(store: store).importFile(at: header, survey: "test-foretag")
        #expect((missing.fileError ?? "").count < 3_000)
    }
}
