import Foundation
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore

/// The publication ledger's file (#22.4): records per data version, a table recorded once, and only the current
/// data's tables kept.
struct PublicationLedgerTests {
    @Test func recordsOnceAndKeepsOnlyTheCurrentDatasTables() throws {
        let folder = TemporaryDirectory()
        let database = folder.path("k.sqlite")
        // Nothing published: a reader makes no file.
        let reader = try PublicationLedger(beside: database, appending: false)
        #expect(try reader.tables(dataVersion: "a").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: database + ".publicerat"))
        let ledger = try PublicationLedger(beside: database, appending: true)
        let first = LedgerEntry(title: "kind × district", signature: "s1", body: "{\"x\":1}")
        #expect(try ledger.record(output: "overview report o.md", dataVersion: "a", tables: [first, first]) == 1)
        // The same table again publishes nothing new.
        #expect(try ledger.record(output: "crosstab", dataVersion: "a", tables: [first]) == nil)
        #expect(try ledger.tables(dataVersion: "a") == ["{\"x\":1}"])
        // Other data: its tables are recorded, the earlier data's go; the list of outputs stays.
        let second = LedgerEntry(title: "theme × district", signature: "s2", body: "{\"y\":2}")
        #expect(try ledger.record(output: "workbench", dataVersion: "b", tables: [second]) == 2)
        #expect(try ledger.tables(dataVersion: "a").isEmpty)
        #expect(try ledger.tables(dataVersion: "b") == ["{\"y\":2}"])
        let summary = try ledger.summary(dataVersion: "b")
        #expect(summary.current.map(\.output) == ["workbench"] && summary.current.map(\.tables) == [1])
        #expect(summary.earlier == 1 && !summary.startedFresh)
        // A fresh ledger keeps the old file beside it.
        let fresh = try PublicationLedger.startFresh(beside: database)
        #expect(try fresh.summary(dataVersion: "b").current.isEmpty)
        #expect(try fresh.summary(dataVersion: "b").startedFresh)
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("k.sqlite.publicerat.") }
        #expect(kept.count == 1)
    }
}
