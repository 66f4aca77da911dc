/// The kinds of file kartlagg reads.
public enum SourceFormat: String, Sendable, Codable {
    case csv, tsv, json, ndjson

    /// The format named by `--format`, or else by the file's extension (`.json`, `.ndjson`/`.jsonl`,
    /// `.tsv`/`.tab`); anything else is CSV.
    static func resolve(_ requested: String?, path: String, file: String) throws -> SourceFormat {
        if let requested {
            guard let format = SourceFormat(rawValue: requested.lowercased()) else {
                throw ImportError.unknownFormat(file: file, format: requested)
            }
            return format
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") { return .ndjson }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        return .csv
    }

    var isJSON: Bool { self == .json || self == .ndjson }
}
