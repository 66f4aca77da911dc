import Foundation

/// How much of one file a reader takes before it stops with a clear error: a file without line breaks,
/// a header of 100,000 columns or a 200 MB cell is refused quickly, in little memory.
public struct ReadLimits: Sendable, Equatable {
    /// The most bytes one cell (or JSON string) may hold.
    public var cellBytes: Int
    /// The most cells one row (or keys one record) may have.
    public var columns: Int
    /// The most bytes one row (a CSV record, a JSON record) may take.
    public var rowBytes: Int

    public static let defaultCellBytes = 1 << 20
    public static let defaultColumns = 5_000
    public static let defaultRowBytes = 16 << 20

    public init(cellBytes: Int = defaultCellBytes, columns: Int = defaultColumns, rowBytes: Int = defaultRowBytes) {
        self.cellBytes = cellBytes
        self.columns = columns
        self.rowBytes = rowBytes
    }

    /// `1048576`, `512K`, `1M`, `2G` (powers of 1024), or nil for anything else.
    public static func parseBytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "B", with: "")
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = trimmed.last, let unit = units[last] {
            guard let number = Int(trimmed.dropLast()), number > 0, number <= Int.max / unit else { return nil }
            return number * unit
        }
        guard let number = Int(trimmed), number > 0 else { return nil }
        return number
    }

    /// A byte count as people read it: `1 MiB`, `512 KiB`, `300 bytes`.
    public static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
