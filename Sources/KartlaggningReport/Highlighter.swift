/// Marks matched words in a text, given spans in Unicode scalars.
public enum Highlighter {
    /// `text` with `open` before and `close` after each span; overlapping spans are merged.
    public static func mark(_ text: String, spans: [[Int]], open: String, close: String) -> String {
        var merged: [(Int, Int)] = []
        for span in spans.filter({ $0.count == 2 }).map({ ($0[0], $0[1]) }).sorted(by: { $0 < $1 }) {
            if let last = merged.last, span.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, span.1) } else { merged.append(span) }
        }
        guard !merged.isEmpty else { return text }
        var out = ""
        var next = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if next < merged.count && offset == merged[next].0 { out += open }
            out.unicodeScalars.append(scalar)
            if next < merged.count && offset + 1 == merged[next].1 {
                out += close
                next += 1
            }
        }
        return out
    }
}
