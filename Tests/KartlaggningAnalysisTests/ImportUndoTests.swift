import Foundation
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningAnalysis

/// A re-import lists what it changed, `imports` keeps it, and `import undo` takes it back — coders' work included.
struct ImportUndoTests {
    let folder = TemporaryDirectory()

    /// The sample company file with a correction: F001 moves to Nätra (Bjästa) and rates broadband 5, F003's idea is
    /// reworded, F005's challenges are gone, and F900 is new.
    func correction() throws -> String {
        let original = try String(contentsOfFile: Paths.sample("foretag-2025.csv"), encoding: .utf8)
        // "\r\n" is one Character in Swift: split on what the file uses.
        let newline = original.contains("\r\n") ? "\r\n" : "\n"
        var rows = original.components(separatedBy: newline)
        func edit(_ prefix: String, _ change: ([String]) -> [String]) throws {
            // Each edited record sits on one line of the file (no multi-line cell).
            let index = try #require(rows.firstIndex { $0.hasPrefix(prefix) || $0.hasPrefix("\u{FEFF}" + prefix) })
            rows[index] = change(rows[index].components(separatedBy: ";")).joined(separator: ";")
        }
        // F003's needs hold a quoted ';', so its idea is whatever follows the last one.
        try edit("F003;") { cells in cells.dropLast() + ["Kommunen borde lista tomma lokaler och hjälpa till med bygglov."] }
        try edit("F005;") { cells in
            var cells = cells
            cells[11] = ""
            return cells
        }
        var text = rows.joined(separator: newline)
        let f001 = try #require(text.range(of: "F001;Bredbyns Såg AB;Anundsjö;Bredbyn;Karin L;2025-03-04;Jord och skog;14;2;"))
        text.replaceSubrange(f001, with: "F001;Bredbyns Såg AB;Nätra;Bjästa;Karin L;2025-03-04;Jord och skog;14;5;")
        text += "F900;Nya Verkstaden AB;Grundsunda;Husum;Karin L;2025-04-01;Tillverkning;4;3;Lokaler;Nej;Hyran är hög.;Mer buss." + newline
        return folder.write("rattelse.csv", text)
    }

    func state(_ store: KartlaggningStore) throws -> [String: StoredRespondent] {
        var state: [String: StoredRespondent] = [:]
        try store.forEachRespondent(surveyId: "foretag-2025") { state[$0.externalId] = $0 }
        return state
    }

    /// A coder's tags as "respondent/question: themes", whatever the answers' ids.
    func coding(_ store: KartlaggningStore, _ stored: StoredCodebook, by coder: String) throws -> [String: Set<String>] {
        let hits = try store.answers(matching: AnswerFilter(), codebook: stored).hits
        let place = Dictionary(hits.map { ($0.answer, "\($0.respondent)/\($0.question)") }, uniquingKeysWith: { first, _ in first })
        return Dictionary(
            try store.coding(by: coder, codebook: stored).map { (place[$0.key] ?? "?", $0.value) }, uniquingKeysWith: { $0.union($1) })
    }

    @Test func aReImportListsWhatItChangedAndUndoTakesItBack() throws {
        let (store, stored) = try TaggingTests.sampleStore()
        _ = try TaggingTests.tag(store, stored)
        let locator = { (respondent: String, question: String) in
            AnswerReference.locator(survey: "foretag-2025", respondent: respondent, question: question)
        }
        try store.setManualTags(
            [
                ManualTag(answer: locator("F003", "ideer"), theme: "boende", coder: "Anna"),
                ManualTag(answer: locator("F005", "utmaningar"), theme: "kompetens", coder: "Anna", note: "rekrytering"),
                ManualTag(answer: locator("F007", "ideer"), theme: "samverkan", coder: "Anna"),
            ], codebook: stored)
        let before = try state(store)
        let annaBefore = try coding(store, stored, by: "Anna")
        let autoBefore = try coding(store, stored, by: "auto")

        let summary = try Importer(store: store).importFile(at: try correction(), survey: "foretag-2025")
        #expect(summary.status == .imported, "\(summary.errors) \(summary.fileError ?? "")")
        #expect(summary.counts == ImportCounts(rows: 26, added: 1, updated: 3, unchanged: 22, rejected: 0))
        let expected = [
            ImportChange(respondent: "F001", field: "district", isQuestion: false, before: "Anundsjö", after: "Nätra"),
            ImportChange(respondent: "F001", field: "service_town", isQuestion: false, before: "Bredbyn", after: "Bjästa"),
            ImportChange(respondent: "F001", field: "bredband_nojd", isQuestion: true, before: "2", after: "5"),
            ImportChange(
                respondent: "F003", field: "ideer", isQuestion: true,
                before: before["F003"]?.answers["ideer"]?.raw.trimmedCell,
                after: "Kommunen borde lista tomma lokaler och hjälpa till med bygglov."),
            ImportChange(
                respondent: "F005", field: "utmaningar", isQuestion: true, before: before["F005"]?.answers["utmaningar"]?.raw.trimmedCell,
                after: nil),
        ]
        #expect(summary.changes == expected)
        #expect(summary.changeCount == 5)
        let importId = try #require(summary.importId)
        #expect(try store.importChanges(batchId: importId) == expected)
        #expect(try store.tagsNeedingReview().map(\.respondent) == ["F003"])
        #expect(try store.archivedTags().map { "\($0.respondent)/\($0.question)/\($0.theme)" } == ["F005/utmaningar/kompetens"])
        #expect(try state(store)["F900"] != nil)

        // Undone: every value, flag and coder's tag as before; the archive empty again; auto tags return on tagging.
        let undo = try store.undoImport(id: importId)
        #expect(undo.respondentsRemoved == 1)
        #expect(undo.respondentsRestored == 3)
        #expect(undo.answersRestored == 2)
        #expect(undo.answersReinstated == 1)
        #expect(undo.answersRemoved == 0)
        #expect(undo.coderFlagsCleared == 1)
        #expect(undo.coderTagsRestored == 1)
        #expect(undo.coderTagsArchived == 0)
        #expect(try state(store) == before)
        #expect(try coding(store, stored, by: "Anna") == annaBefore)
        #expect(try store.tagsNeedingReview().isEmpty)
        #expect(try store.archivedTags().isEmpty)
        #expect(try store.imports().map(\.id) == [1, 2])
        _ = try AutoTagging.catchUp(store: store)
        #expect(try coding(store, stored, by: "auto") == autoBefore)
        #expect(try store.verify().filter { !$0.passed }.map(\.name) == [])
        #expect(try store.searchFreeText("bygglov").isEmpty)

        // The file can be imported again, and changes the same values.
        let again = try Importer(store: store).importFile(at: try correction(), survey: "foretag-2025")
        #expect(again.status == .imported)
        #expect(again.changes == expected)
    }

    @Test func undoIsLastFirstAndNamesWhatToUndo() throws {
        let (store, _) = try TaggingTests.sampleStore()
        let correction = try Importer(store: store).importFile(at: try correction(), survey: "foretag-2025")
        let original = try Importer(store: store).importFile(at: Paths.sample("foretag-2025.csv"), survey: "foretag-2025")
        // The same bytes as import 1, after a correction: read again, and the correction is set back.
        #expect(original.status == .imported)
        #expect(original.counts.updated == 3 && original.counts.added == 0)
        #expect(original.warnings.contains { $0.hasPrefix("the same file was imported before (import 1); 3 respondents") })
        #expect(
            original.changes.first
                == ImportChange(respondent: "F001", field: "district", isQuestion: false, before: "Nätra", after: "Anundsjö"))
        let correctionId = try #require(correction.importId)
        let originalId = try #require(original.importId)
        #expect(throws: StoreError.importNotLast(id: correctionId, survey: "foretag-2025", later: [originalId])) {
            try store.undoImport(id: correctionId)
        }
        #expect(throws: StoreError.importNotFound(999)) { try store.undoImport(id: 999) }
        // The same bytes as the latest import: nothing to do, nothing written.
        let imports = try store.imports()
        let third = try Importer(store: store).importFile(at: Paths.sample("foretag-2025.csv"), survey: "foretag-2025")
        #expect(third.status == .alreadyImported)
        #expect(try store.imports() == imports)
        // An association survey's imports are their own stack.
        #expect(try store.imports(surveyId: "forening-2025").count == 1)
        _ = try store.undoImport(id: originalId)
        _ = try store.undoImport(id: correctionId)
        #expect(try store.imports(surveyId: "foretag-2025").count == 1)
    }

    /// Values of identifying columns never show in a change list, nor organisations' and interviewers' names.
    @Test func identifyingValuesAreNeverListed() throws {
        let store = try KartlaggningStore.inMemory()
        var survey = try DefinitionLoader.survey(
            at: folder.write(
                "s.yaml",
                """
                id: s
                title: S
                kind: inspel
                respondent: { id: Id, interviewer: Intervjuare }
                identifying: [E-post]
                questions:
                  - { id: epost, column: E-post, type: text }
                  - { id: svar, column: Svar, type: text }
                """))
        survey.title = "S"
        try store.addSurvey(survey)
        _ = try Importer(store: store).importFile(
            at: folder.write("a.csv", "Id;Intervjuare;E-post;Svar\n1;Karin L;anna@example.se;Bra\n"), survey: "s")
        let summary = try Importer(store: store).importFile(
            at: folder.write("b.csv", "Id;Intervjuare;E-post;Svar\n1;Olle S;anna.berg@example.se;Bättre\n"), survey: "s")
        let hidden = ImportChange.hidden
        let expected = [
            ImportChange(respondent: "1", field: "interviewer", isQuestion: false, before: hidden, after: hidden),
            ImportChange(respondent: "1", field: "epost", isQuestion: true, before: hidden, after: hidden),
            ImportChange(respondent: "1", field: "svar", isQuestion: true, before: "Bra", after: "Bättre"),
        ]
        #expect(summary.changes == expected)
        #expect(try store.importChanges(batchId: try #require(summary.importId)) == expected)
    }
}
