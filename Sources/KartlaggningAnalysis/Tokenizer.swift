/// Splits text into tokens: runs of Unicode letters and digits, lowercased. Hyphens, punctuation and
/// white space separate tokens; å, ä and ö are letters like any other.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        // Each run of word scalars is cut from the text whole (a token built scalar by scalar cost most of the time
        // tokenising took).
        let view = text.unicodeScalars
        var run: String.UnicodeScalarView.Index?
        var start = 0
        var offset = 0
        var index = view.startIndex
        while index != view.endIndex {
            if isWordScalar(view[index]) {
                if run == nil {
                    run = index
                    start = offset
                }
            } else if let from = run {
                tokens.append(Token(text: Substring(view[from..<index]).lowercased(), start: start, end: offset))
                run = nil
            }
            offset += 1
            view.formIndex(after: &index)
        }
        if let from = run { tokens.append(Token(text: Substring(view[from..<index]).lowercased(), start: start, end: offset)) }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        let properties = scalar.properties
        // Combining marks (a decomposed ä) belong to the letter they follow.
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }
}
