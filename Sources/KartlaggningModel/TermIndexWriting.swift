/// What keeping the term index needs of a store: the names its texts are cleaned of, whether the index is current,
/// and a writer for the texts it does not hold. `KartlaggningStore` implements it; the analysis layer's
/// `TermIndexing.update` works through it, as auto-tagging works through `TagWriting`.
public protocol TermIndexWriting {
    /// The names of people and organisations the database holds, which no output may show.
    func namesToHide() throws -> (people: [String], organisations: [String])
    /// Whether the index holds every free text it covers, made the way `key` names.
    func termIndexIsCurrent(key: String) throws -> Bool
    /// Whether the index was noted complete, made the way `key` names, at the data's current version (no scan).
    func termIndexIsNotedComplete(key: String) throws -> Bool
    /// Indexes the texts the index does not hold (emptied first when made another way), with `terms` for each batch.
    @discardableResult
    func indexTerms(key: String, batchSize: Int, terms: ([IndexedText]) -> [[TermCount]], progress: ((Int) -> Void)?) throws -> Int
    /// Makes every applied codebook's theme digest (what theme reports read, made from the index) current where it
    /// is not.
    func refreshThemeDigests() throws
}
