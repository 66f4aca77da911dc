import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// `kartlagg codebook load` as a library call: a codebook file read, every pattern compiled (a bad one is an error
/// naming its theme before anything is stored), then stored as a new codebook or the next revision of one; a new
/// revision of a codebook in use tags the answers at once, so no reader meets a revision half applied.
///
/// ```swift
/// let loaded = try CodebookLoad.run(file: "SampleSurveys/kodbok.yaml", store: store)
/// print(loaded.summary)   // codebook kodbok 2025-1: added, revision 1 (14 themes)
/// ```
public enum CodebookLoad {
    /// What loading did.
    public struct Outcome: Codable, Sendable, Equatable {
        public var codebook: String
        public var version: String
        public var outcome: CodebookLoadOutcome
        public var revision: Int
        public var themes: Int
        /// A new revision of a codebook in use tags the answers at once (no counts of an old revision under a new one):
        /// what that tagging did.
        public var tagging: TagRunSummary?

        /// One line for the terminal.
        public var summary: String {
            "codebook \(codebook) \(version): \(outcome.rawValue), revision \(revision) (\(themes) themes)"
        }
    }

    /// Reads, checks and stores the codebook at `file`.
    /// - Throws: `ImportError` for a file that cannot be read, `PatternError` for a pattern that does not compile.
    public static func run(file: String, store: KartlaggningStore) throws -> Outcome {
        try run(file: file, opening: { store })
    }

    /// The same, with the store opened only once the file has been read and checked (so a bad file creates no
    /// database).
    public static func run(file: String, opening open: () throws -> KartlaggningStore) throws -> Outcome {
        let codebook = try DefinitionLoader.codebook(at: file)
        _ = try CodebookMatcher(codebook: codebook)
        let store = try open()
        let inUse = try store.appliedCodebooks().contains { $0.codebook.id == codebook.id }
        let (outcome, revision) = try store.loadCodebook(codebook)
        var loaded = Outcome(
            codebook: codebook.id, version: codebook.version, outcome: outcome, revision: revision, themes: codebook.themes.count)
        if inUse && outcome == .newRevision {
            loaded.tagging = try AutoTagging.run(store: store, codebook: try store.codebook(id: codebook.id))
        }
        return loaded
    }
}
