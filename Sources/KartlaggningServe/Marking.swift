/// Marked words in an answer's text, as markup: the text escaped piece by piece, the marked pieces in `<mark>`.
enum Marking {
    /// `text` (spans in Unicode scalars, overlapping ones merged) as escaped markup.
    static func html(_ text: String, spans: [[Int]]) -> String {
        var merged: [(Int, Int)] = []
        for span in spans.filter({ $0.count == 2 && $0[0] < $0[1] }).map({ ($0[0], $0[1]) }).sorted(by: { $0 < $1 }) {
            if let last = merged.last, span.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, span.1) } else { merged.append(span) }
        }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var position = 0
        func piece(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return HTML.escape(String(view))
        }
        for (start, end) in merged where start >= position && start < scalars.count {
            let end = min(end, scalars.count)
            out += piece(position..<start) + "<mark>" + piece(start..<end) + "</mark>"
            position = end
        }
        return out + piece(position..<scalars.count)
    }

    /// Where the words of a full-text query occur in `text`: each word of the query (its operators, quotes and `*`
    /// left out) marks the words of the text that begin with it, case folded.
    static func wordSpans(of query: String?, in text: String) -> [[Int]] {
        guard let query else { return [] }
        let operators: Set<String> = ["and", "or", "not", "near"]
        let wanted = words(in: query).map { $0.word.lowercased() }.filter { !operators.contains($0) }
        guard !wanted.isEmpty else { return [] }
        return words(in: text).compactMap { found in
            let word = found.word.lowercased()
            return wanted.contains { word.hasPrefix($0) } ? [found.start, found.end] : nil
        }
    }

    /// Runs of letters and digits, with their scalar offsets.
    static func words(in text: String) -> [(word: String, start: Int, end: Int)] {
        var out: [(String, Int, Int)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                out.append((String(current), start, offset))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append((String(current), start, start + current.count)) }
        return out
    }
}
