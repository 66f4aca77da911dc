import Foundation

/// The kinds of file kartlagg reads.
public enum SourceFormat: String, Sendable, Codable {
    case csv, tsv, json, ndjson, xlsx, ods
    /// SPSS `.sav` (and compressed `.zsav`), SPSS portable `.por`, Stata `.dta`: read through ReadStat.
    case sav, por, dta

    /// The format asked for (`--format`), or else by the file's extension (`.json`, `.ndjson`/`.jsonl`,
    /// `.tsv`/`.tab`, `.xlsx`/`.xlsm`, `.ods`, `.sav`/`.zsav`, `.por`, `.dta`), or by its content (a ZIP package is a
    /// workbook, `$FL2` an SPSS file); anything else is CSV.
    static func resolve(_ requested: SourceFormat?, path: String, file: String) throws -> SourceFormat {
        if let requested { return requested }
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".ndjson") || lower.hasSuffix(".jsonl") { return .ndjson }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if lower.hasSuffix(".ods") { return .ods }
        if let kind = StatFile.Kind(path: path) { return SourceFormat(rawValue: kind.rawValue) ?? .sav }
        if lower.hasSuffix(".xls") {
            throw ImportError.unreadable(
                file: file, reason: "the old Excel format (.xls) is not read; save the workbook as .xlsx (or CSV) and import that")
        }
        // A workbook saved under another name: a ZIP package with a mimetype (ODS) or Office content types (XLSX).
        if let handle = FileHandle(forReadingAtPath: path) {
            defer { try? handle.close() }
            if let head = try? handle.read(upToCount: 80) {
                if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                    return String(decoding: head, as: UTF8.self).contains("opendocument") ? .ods : .xlsx
                }
                // An SPSS system file under another name: it starts `$FL2` (`$FL3` compressed).
                if head.starts(with: Array("$FL".utf8)) { return .sav }
            }
        }
        return .csv
    }

    var isJSON: Bool { self == .json || self == .ndjson }
    var isSpreadsheet: Bool { self == .xlsx || self == .ods }
    /// A labelled statistics file (SPSS, Stata): its definition is in it.
    var statKind: StatFile.Kind? { StatFile.Kind(rawValue: rawValue) }
}
