/// Where a table's header and data lie in a file: from the survey definition (`header_row`,
/// `skip_after_header`, `sheet`), overridden by the command line, or found by `survey infer`.
public struct TableShape: Sendable, Equatable {
    /// The physical line (a sheet's row number) of the header, from 1; lines above it are a preamble.
    public var headerRow: Int
    /// Rows right after the header that are more header, not data (question texts, import ids).
    public var skipAfterHeader: Int

    public init(headerRow: Int = 1, skipAfterHeader: Int = 0) {
        self.headerRow = headerRow
        self.skipAfterHeader = skipAfterHeader
    }
}
