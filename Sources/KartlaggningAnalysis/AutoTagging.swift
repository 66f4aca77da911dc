import Foundation
import KartlaggningModel

/// Auto-tagging: a codebook's compiled matcher as a pure function from an answer's text and question to its tags
/// (``tagger(for:)``), run over every answer its latest revision has not tagged yet by a store that writes them
/// (`TagWriting`, which the store implements).
///
/// ```swift
/// let summary = try AutoTagging.run(store: store, codebook: try store.codebook(id: "kodbok"))
/// ```
public enum AutoTagging {
    /// The tags `codebook`'s patterns give an answer's text (to the question with this id): pure, the same for the
    /// same text, question and codebook.
    public static func tagger(for codebook: Codebook) throws -> (_ text: String, _ question: String) -> [AutoTag] {
        let matcher = try CodebookMatcher(codebook: codebook)
        return { text, question in tags(matcher, TagInput(text: text, question: question)) }
    }

    /// The tags of a batch of answers, in the batch's order, matched on `workers` threads at once (each with its own
    /// copy of the compiled codebook): the same tags as one thread gives, in the same order, on more cores.
    public static func batchTagger(for codebook: Codebook, workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws
        -> @Sendable (_ batch: [TagInput]) -> [[AutoTag]]
    {
        let compiled = try CodebookMatcher(codebook: codebook)
        let matchers = WorkerMatchers((0..<max(1, workers)).map { _ in compiled.independentCopy() })
        return { batch in
            ParallelMap.map(batch, workers: matchers.all.count, state: { matchers.all[$0] }) { matcher, input in tags(matcher, input) }
                .map { $0 ?? [] }
        }
    }

    static func tags(_ matcher: CodebookMatcher, _ input: TagInput) -> [AutoTag] {
        matcher.autoTags(input.text, question: input.question)
    }

    /// Tags every free-text answer not yet tagged by the codebook's latest revision, on `workers` threads.
    /// - Parameter progress: called with the answers tagged so far.
    public static func run(
        store: some TagWriting, codebook stored: StoredCodebook, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: ((Int) -> Void)? = nil
    ) throws -> TagRunSummary {
        try store.autoTag(stored, tagger: try batchTagger(for: stored.codebook, workers: workers), progress: progress)
    }

    /// After an import: tags the new and changed answers with every codebook that has been applied before,
    /// so counts stay current without a separate tagging run. Codebooks never run are left alone.
    public static func catchUp(store: some TagWriting, progress: ((Int) -> Void)? = nil) throws -> [TagRunSummary] {
        try store.appliedCodebooks().map { try run(store: store, codebook: $0, progress: progress) }.filter { $0.answersTagged > 0 }
    }
}

/// The matchers of a batch tagger's workers: each used by one worker only, so shared across threads safely.
private final class WorkerMatchers: @unchecked Sendable {
    let all: [CodebookMatcher]
    init(_ all: [CodebookMatcher]) { self.all = all }
}
