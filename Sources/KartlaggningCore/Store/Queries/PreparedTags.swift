import KartlaggningModel

/// One answer's auto tags made ready to write, on the thread that matched them: each tag with its spans as the JSON
/// the `tag` table stores, and each theme once (at its first tag) with the words all its tags matched, for
/// `answerTheme` (a theme can fire by several patterns).
struct PreparedTags: Sendable {
    struct Tag: Sendable {
        var theme: String
        var pattern: String
        /// `[[start,end],…]`.
        var spans: String
    }

    var tags: [Tag]
    var themes: [(theme: String, words: Int)]
    /// What the answer weighs in a batch: each tag one, and each matched word one more.
    var weight: Int

    init(_ found: [AutoTag]) {
        tags = found.map { tag in
            Tag(
                theme: tag.theme, pattern: tag.pattern,
                spans: "[" + tag.spans.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]")
        }
        // An answer has a few tags: no table is built for them.
        themes = found.indices.compactMap { index in
            let theme = found[index].theme
            guard !found[..<index].contains(where: { $0.theme == theme }) else { return nil }
            return (theme, found[index...].reduce(0) { $1.theme == theme ? $0 + $1.spans.count : $0 })
        }
        weight = found.reduce(0) { $0 + 1 + $1.spans.count }
    }
}
