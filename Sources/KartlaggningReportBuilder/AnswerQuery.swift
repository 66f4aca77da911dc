import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// `kartlagg query` as a library call: free-text answers by theme (with the themes below it), place, kind, survey,
/// wave, question or words, optionally pseudonymised for sharing.
///
/// ```swift
/// var query = AnswerQuery()
/// query.themes = ["nararbetsplatser"]
/// query.district = "Nätra"
/// query.filter.kind = "förening"
/// let result = try query.run(store: store)
/// ```
public struct AnswerQuery: Sendable {
    /// Theme ids as asked (each widened here to the themes below it).
    public var themes: [String] = []
    /// A district as people write it (aliases and service towns understood).
    public var district: String?
    /// A service town as people write it.
    public var serviceTown: String?
    /// The rest of the filter, used as it is: codebook (nil: the only one loaded; none is needed without themes),
    /// kind, survey, wave, question, FTS5 text, untagged, identifying answers, limit.
    public var filter = AnswerFilter()
    /// Replace e-mail addresses, phone and identity numbers and the names the database holds.
    public var pseudonymise = false

    public init() {}

    /// - Throws: `StoreError` for an unknown codebook or theme; `AnswerQueryError` for a place the registry lacks.
    public func run(store: KartlaggningStore) throws -> AnswerQueryResult {
        let stored: StoredCodebook?
        do {
            stored = try store.codebook(id: filter.codebook)
        } catch StoreError.codebookNotFound(nil) where themes.isEmpty && !filter.untagged {
            stored = nil
        }
        var filter = filter
        filter.codebook = stored?.codebook.id
        filter.themes = []
        for id in themes {
            guard let stored, stored.codebook.themes.contains(where: { $0.id == id }) else {
                throw StoreError.themeNotFound(theme: id, codebook: stored?.codebook.id ?? "(none)")
            }
            filter.themes += stored.codebook.descendants(of: id)
        }
        let registry = try store.districtRegistry().index()
        if let district {
            guard let match = registry.resolve(district) else { throw AnswerQueryError.unknownDistrict(district) }
            filter.district = match.district
            if let town = match.serviceTown { filter.serviceTown = town }
        }
        if let serviceTown {
            guard let match = registry.resolveServiceTown(serviceTown) else { throw AnswerQueryError.unknownServiceTown(serviceTown) }
            filter.serviceTown = match.serviceTown
        }
        // Searching pseudonymised text: every hit is checked against the text shown, so counts come from all of them.
        let limit = filter.limit
        if pseudonymise && filter.text != nil { filter.limit = nil }
        var result = try store.answers(matching: filter, codebook: stored)
        if pseudonymise {
            let cleaner = try store.pseudonymizer()
            // Marked words would no longer line up with the cleaned text.
            result.hits = result.hits.map { hit in
                var hit = hit
                hit.text = cleaner.apply(hit.text)
                hit.spans = []
                return hit
            }
            if let text = filter.text {
                // Found only by what the mask hides (a personnummer, a name): not found, and not counted.
                let words = SearchWords(query: text)
                result.hits = result.hits.filter { words.match($0.text) }
                result.answers = result.hits.count
                result.respondents = Set(result.hits.map { "\($0.survey)/\($0.respondent)" }).count
                if let limit { result.hits = Array(result.hits.prefix(limit)) }
            }
        }
        return result
    }
}
