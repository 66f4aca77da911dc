/// A question's label from its column header, as people read it: an R- or SPSS-style name (`Vilken.är.din.högsta.
/// utbildningsnivå.`, `nojd_med_bredband`) with its dots and underscores turned back into spaces, and a question
/// mark restored where the name lost it (R's `make.names` turns "?" into "."): a label that begins with a question
/// word and ends without a mark gets one. A header that reads as words already is kept as written.
enum QuestionLabel {
    /// Words that open a question, Swedish and English.
    static let questionWords: Set<String> = [
        "vilken", "vilket", "vilka", "vad", "hur", "varför", "när", "var", "vart", "vem", "vems", "har", "är", "kan", "skulle",
        "brukar", "tycker", "känner", "finns", "vill", "anser", "hade", "gör", "får", "bor", "arbetar", "använder", "what",
        "which", "how", "why", "when", "where", "who", "do", "does", "did", "is", "are", "have", "has", "can", "would", "should",
        "will",
    ]

    /// The label for a column, or nil where the header already reads as the label (no change to suggest).
    static func from(header: String) -> String? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        // R and SPSS names have no spaces; their dots and underscores stand for them.
        guard !trimmed.contains(" "), trimmed.contains(where: { $0 == "." || $0 == "_" }) else { return nil }
        let words = trimmed.split(whereSeparator: { $0 == "." || $0 == "_" }).map(String.init)
        guard words.count >= 2 else { return nil }
        var label = words.joined(separator: " ")
        if let first = words.first, questionWords.contains(first.lowercased()) { label += "?" }
        if let first = label.first, first.isLowercase { label = first.uppercased() + label.dropFirst() }
        return label
    }
}
