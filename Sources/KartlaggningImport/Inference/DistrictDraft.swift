import KartlaggningCore
import KartlaggningModel

/// A district registry drafted from the area column of an export: each distinct name once, with how many rows
/// give it. Names that differ only in case, spacing or dashes are one district (the variants become aliases);
/// names that differ in a letter — å, ä and ö included — stay apart for a person to merge.
public struct DistrictDraft: Sendable {
    /// The districts in descending order of rows, each with its written variants and row count.
    public var districts: [(name: String, variants: [String], rows: Int)]
    /// Rows with no area (empty or a missing-value token).
    public var emptyRows: Int
    public var file: String
    public var column: String

    /// Reads `column` of the file at `path` (CSV, TSV, XLSX or ODS, the header found as `survey infer` finds it; or a
    /// JSON file's records, form tools' submissions included).
    public static func infer(path: String, column: String, options: ReadOptions = ReadOptions()) throws -> DistrictDraft {
        let nextValue: () throws -> String?
        if SourceFormat.isJSONPath(path, options.format) {
            let reader = try JSONRecordReader(
                path: path, file: path, options: options, format: try SourceFormat.resolve(options.format, path: path, file: path))
            var seen: Set<String> = []
            nextValue = {
                guard let record = try reader.next() else {
                    if !seen.contains(column) {
                        throw ImportError.missingColumns(file: path, line: 1, columns: [column], available: seen.sorted())
                    }
                    return nil
                }
                for key in record.cells.order where seen.count < 200 { seen.insert(key) }
                if case .value(let text)? = record.cells[column] {
                    seen.insert(column)
                    return text.trimmedCell
                }
                if record.cells[column] != nil { seen.insert(column) }
                return ""
            }
        } else {
            let table = try SourceTable(
                path: path, file: path, options: options, shape: options.headerRow == nil ? nil : options.shape())
            guard let index = RecordStream.locate([column], in: table.header).first ?? nil else {
                throw ImportError.missingColumns(
                    file: path, line: table.headerLine, columns: [column], available: table.header.filter { !$0.isEmpty })
            }
            nextValue = {
                guard let row = try table.next() else { return nil }
                return index < row.fields.count ? row.fields[index].trimmedCell : ""
            }
        }
        var counts: [String: Int] = [:]
        var order: [String] = []
        var empty = 0
        while let value = try nextValue() {
            if value.isEmpty || ColumnProfile.commonMissingTokens.contains(value) {
                empty += 1
                continue
            }
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        var groups: [String: (variants: [String], rows: Int)] = [:]
        var groupOrder: [String] = []
        for value in order {
            let key = MatchKey.place(value)
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: ([], 0)].variants.append(value)
            groups[key, default: ([], 0)].rows += counts[value] ?? 0
        }
        let districts = groupOrder.compactMap { key -> (String, [String], Int)? in
            guard let group = groups[key] else { return nil }
            // The most written variant names the district.
            let name = group.variants.max { (counts[$0] ?? 0, $1) < (counts[$1] ?? 0, $0) } ?? group.variants[0]
            return (name, group.variants.filter { $0 != name }, group.rows)
        }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }
        return DistrictDraft(districts: districts, emptyRows: empty, file: path, column: column)
    }

    /// The registry as YAML (`Schemas/districts.schema.json`), each district's row count as a comment.
    public var yaml: String {
        var out = "# District registry drafted by \(Remedy.inferDistricts) from \"\(column)\" in \(file):\n"
        out += "# \(districts.count) names in \(districts.reduce(0) { $0 + $1.rows }) rows"
        out += emptyRows > 0 ? "; \(emptyRows) rows name no area.\n" : ".\n"
        out += "# check: merge names that mean the same place (add one as an alias of the other), add the service towns.\n"
        out += "districts:\n"
        for district in districts {
            out += "  - name: \(JSONText.string(district.name))  # \(district.rows) row\(district.rows == 1 ? "" : "s")\n"
            if !district.variants.isEmpty {
                out += "    aliases: [" + district.variants.map(JSONText.string).joined(separator: ", ") + "]\n"
            }
        }
        return out
    }
}
