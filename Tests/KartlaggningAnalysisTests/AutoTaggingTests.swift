import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

/// Auto-tagging is a pure function with a writer at the edge: the tagger needs no store, and `run` writes only
/// through `TagWriting`, which any store (here one in memory) implements.
struct AutoTaggingTests {
    /// A store in memory: the answers it holds, the tags written to it.
    final class MemoryWriter: TagWriting {
        let answers: [(text: String, question: String)]
        var written: [String: [AutoTag]] = [:]
        var applied: [StoredCodebook] = []

        init(_ answers: [(text: String, question: String)]) { self.answers = answers }

        func appliedCodebooks() throws -> [StoredCodebook] { applied }

        func autoTag(
            _ stored: StoredCodebook, tagger: @escaping @Sendable (_ batch: [TagInput]) -> [[AutoTag]], progress: ((Int) -> Void)?
        ) throws -> TagRunSummary {
            var summary = TagRunSummary(codebook: stored.codebook.id, revision: stored.revision)
            let found = tagger(answers.map { TagInput(text: $0.text, question: $0.question) })
            for (answer, tags) in zip(answers, found) {
                written[answer.text] = tags
                summary.answersTagged += 1
                summary.answersWithThemes += tags.isEmpty ? 0 : 1
                summary.tagsWritten += tags.count
            }
            applied = [stored]
            return summary
        }
    }

    static let codebook = Codebook(
        id: "test", version: "1",
        themes: [
            Theme(id: "bredband", label: "Bredband", keywords: ["bredband", "fiber"]),
            Theme(id: "buss", label: "Kollektivtrafik", keywords: ["buss"]),
        ])

    @Test func theTaggerIsPure() throws {
        let tagger = try AutoTagging.tagger(for: Self.codebook)
        let text = "Fibern är för dålig och bussen går sällan"
        let first = tagger(text, "ideer")
        #expect(Set(first.map(\.theme)) == ["bredband", "buss"])
        // "bussen" is characters 24–29 of the text.
        #expect(first.first { $0.theme == "buss" }?.spans == [24..<30])
        #expect(tagger(text, "ideer") == first)
        #expect(tagger("Inget om det", "ideer").isEmpty)
    }

    @Test func runWritesOnlyThroughItsWriter() throws {
        let writer = MemoryWriter([("Bredband saknas", "q"), ("Ingen buss på helgen", "q"), ("Skolan", "q")])
        let stored = StoredCodebook(codebook: Self.codebook, revision: 2, loadedAt: "2026-12-05")
        let summary = try AutoTagging.run(store: writer, codebook: stored)
        #expect(summary.answersTagged == 3 && summary.answersWithThemes == 2 && summary.tagsWritten == 2)
        #expect(writer.written["Bredband saknas"]?.map(\.theme) == ["bredband"])
        #expect(writer.written["Skolan"] == [])
        // After an import: the codebook applied before runs again; one never applied would not.
        #expect(try AutoTagging.catchUp(store: writer).map(\.revision) == [2])
    }

    /// Matching on several threads gives the tags one thread gives, answer by answer and in order, on generated
    /// answers that repeat and vary their words (the workers' caches fill differently).
    @Test func severalWorkersTagAsOneDoes() throws {
        var rng = SeededGenerator(seed: 26)
        let words = ["fiber", "Fibern", "bredbandet", "buss", "bussarna", "skolan", "och", "är", "dålig", "saknas", "inte", "på", "helgen"]
        let batch = (0..<5_000).map { _ in
            TagInput(
                text: (0..<Int.random(in: 1...12, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "" }.joined(separator: " "),
                question: Bool.random(using: &rng) ? "ideer" : "ovrigt")
        }
        let one = try AutoTagging.batchTagger(for: Self.codebook, workers: 1)(batch)
        #expect(one.contains { !$0.isEmpty } && one.contains(where: \.isEmpty))
        for workers in [2, 3, 8] {
            let tagger = try AutoTagging.batchTagger(for: Self.codebook, workers: workers)
            #expect(tagger(batch) == one, "\(workers) workers")
            // Again, with the caches warm.
            #expect(tagger(Array(batch.reversed())) == one.reversed(), "\(workers) workers, warm")
        }
        // The same as the pure tagger, answer by answer.
        let single = try AutoTagging.tagger(for: Self.codebook)
        #expect(batch.prefix(200).map { single($0.text, $0.question) } == Array(one.prefix(200)))
    }
}
