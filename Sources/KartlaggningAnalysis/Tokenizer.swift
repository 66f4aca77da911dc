/// Splits text into tokens: runs of Unicode letters and digits, lowercased. Hyphens, punctuation and
/// white space separate tokens; å, ä and ö are letters like any other.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(Token(text: String(current).lowercased(), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
            offset += 1
        }
        if !current.isEmpty { tokens.append(Token(text: String(current).lowercased(), start: start, end: offset)) }
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
