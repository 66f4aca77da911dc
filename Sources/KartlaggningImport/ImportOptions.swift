/// How `Importer` treats a file.
public struct ImportOptions: Sendable {
    public var read: ReadOptions
    /// Validate and count, write nothing.
    public var dryRun: Bool
    /// Import the valid rows and reject the others (to `rejects`), instead of failing the file.
    public var skipInvalid: Bool
    /// How many row errors a summary keeps in full.
    public var errorLimit: Int
    /// A row repeating an earlier row's respondent id replaces it, instead of being an error.
    public var lastWins: Bool

    public init(
        read: ReadOptions = ReadOptions(), dryRun: Bool = false, skipInvalid: Bool = false, errorLimit: Int = 100,
        lastWins: Bool = false
    ) {
        self.read = read
        self.dryRun = dryRun
        self.skipInvalid = skipInvalid
        self.errorLimit = errorLimit
        self.lastWins = lastWins
    }
}
