import KartlaggningCore
import KartlaggningModel

/// A table's column names as infer and import both read them: a group row joined to the row below it, and names that
/// repeat made distinct, the same way every time, so that a definition drafted from a file names its columns as the
/// import reads them.
enum HeaderNames {
    /// A question written once over several columns, its options or sub-questions in the row below — SurveyMonkey's
    /// and Netigate's two-row header, a web form's group row — read as one name a column: `Hur nöjd är du med …:
    /// Skolan`. A question over one column keeps its own text (the row below repeats it, or says `Response`); a column
    /// with nothing above takes the row below's name.
    static func join(_ header: [String], sub raw: [String]) -> [String] {
        let sub = raw.map(\.trimmedCell)
        var out = header
        var start = 0
        while start < header.count {
            var end = start + 1
            while end < header.count && (header[end].isEmpty || header[end] == header[start]) { end += 1 }
            if header[start].isEmpty {
                // Nothing above: each column is named by the row below.
                for column in start..<end where column < sub.count { out[column] = sub[column] }
            } else if end - start >= 2 {
                for column in start..<end {
                    let below = column < sub.count ? sub[column] : ""
                    out[column] = below.isEmpty || below == header[start] ? header[start] : "\(header[start]): \(below)"
                }
            }
            start = end
        }
        return out
    }

    /// Names that repeat — a `Motivering` after every rating, SurveyMonkey's `Other (please specify)` under several
    /// questions, two titles that differ only in spacing — made distinct: a short label repeated after different
    /// questions is named by the question before it (`Hur nöjd är du med bussen?: Motivering`); otherwise the first
    /// keeps its name and the others get their column number (`Kön (column 7)`).
    /// - Returns: the names and one note per repeated name.
    static func distinct(_ names: [String]) -> (names: [String], notes: [String]) {
        var positions: [String: [Int]] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty { positions[MatchKey.header(name), default: []].append(i) }
        let repeated = positions.filter { $0.value.count > 1 }
        guard !repeated.isEmpty else { return (names, []) }
        var out = names
        var notes: [String] = []
        for (_, columns) in repeated.sorted(by: { $0.value[0] < $1.value[0] }) {
            let name = names[columns[0]].trimmedCell
            let before = columns.map { $0 > 0 ? names[$0 - 1].trimmedCell : "" }
            let short = name.split(whereSeparator: \.isWhitespace).count <= 4 && name.count <= 40
            let byQuestion =
                short && before.allSatisfy { !$0.isEmpty && repeated[MatchKey.header($0)] == nil }
                && Set(before.map(MatchKey.header)).count == before.count
            if byQuestion {
                for (column, question) in zip(columns, before) { out[column] = "\(question): \(name)" }
                notes.append(
                    "\"\(name.clipped(40))\" heads \(columns.count) columns; each is named by the question before it "
                        + "(\"\(out[columns[0]].clipped(60))\", …)")
            } else {
                for column in columns.dropFirst() { out[column] = "\(name) (column \(column + 1))" }
                notes.append(
                    "\"\(name.clipped(40))\" heads columns " + columns.map { String($0 + 1) }.joined(separator: ", ")
                        + "; the first keeps the name, the others are named by their column (\"\(out[columns[1]].clipped(60))\")")
            }
        }
        // A made name may meet a real one: number what still repeats.
        var seen = Set<String>()
        for i in out.indices where !out[i].isEmpty {
            var candidate = out[i]
            var n = 2
            while !seen.insert(MatchKey.header(candidate)).inserted {
                candidate = "\(out[i]) (\(n))"
                n += 1
            }
            out[i] = candidate
        }
        return (out, notes)
    }
}
