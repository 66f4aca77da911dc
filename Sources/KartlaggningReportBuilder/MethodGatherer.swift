import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// The method box's figures: the codebook, how its tags were made, and how the coders agree (every person who
/// coded against the automatic tags, and every two people against each other).
enum MethodGatherer {
    static func note(
        store: KartlaggningStore, codebook loaded: StoredCodebook?, minCell: Int, selection: [String]
    ) throws -> MethodNote {
        guard let stored = loaded else {
            // No codebook loaded: the note says so, and tells nothing of tagging.
            var note = MethodNote(
                codebook: "", version: "", revision: 0, themes: 0, freeTextAnswers: 0, autoTaggedAnswers: 0, coders: [], agreements: [],
                minCell: minCell, selection: selection, applied: false)
            note.hasCodebook = false
            return note
        }
        let figures = try store.taggingFigures(stored)
        let coders = try store.coders(codebook: stored)
        let people = coders.filter { $0 != Coder.auto.rawValue }
        var pairs: [(String, String)] = []
        if coders.contains(Coder.auto.rawValue) { pairs += people.map { (Coder.auto.rawValue, $0) } }
        for (index, a) in people.enumerated() { pairs += people.dropFirst(index + 1).map { (a, $0) } }
        var coding: [String: [Int64: Set<String>]] = [:]
        func codingOf(_ coder: String) throws -> [Int64: Set<String>] {
            if let known = coding[coder] { return known }
            let fetched = try store.coding(by: coder, codebook: stored)
            coding[coder] = fetched
            return fetched
        }
        let themes = stored.codebook.themes.map(\.id)
        let agreements = try pairs.compactMap { a, b -> MethodNote.Agreement? in
            let report = Agreement.compute(coderA: a, a: try codingOf(a), coderB: b, b: try codingOf(b), themes: themes)
            guard report.answers > 0 else { return nil }
            return MethodNote.Agreement(
                coderA: a, coderB: b, answers: report.answers, kappa: report.overall.kappa,
                percentAgreement: report.overall.percentAgreement)
        }
        var note = MethodNote(
            codebook: stored.codebook.id, version: stored.codebook.version, revision: stored.revision, themes: themes.count,
            freeTextAnswers: figures.freeTextAnswers, autoTaggedAnswers: figures.autoTaggedAnswers,
            coders: figures.coders.map { MethodNote.Coder(name: $0.name, answers: $0.answers) }, agreements: agreements, minCell: minCell,
            selection: selection, applied: figures.applied)
        note.untagged = figures.untagged
        return note
    }
}
