/// Splits text into tokens: runs of Unicode letters and digits, lowercased. Hyphens, punctuation and
/// white space separate tokens; å, ä and ö are letters like any other.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        // Most answers (Swedish, and most European languages' words) are ASCII and Latin-1 letters: read byte by byte.
        // A text with any other character is read scalar by scalar, as a whole.
        if let latin = text.utf8.withContiguousStorageIfAvailable(latinTokens), let tokens = latin { return tokens }
        return scalarTokens(in: text)
    }

    /// The tokens of a text whose every character is ASCII or in Latin-1's upper half (U+0080–U+00FF, two bytes from
    /// 0xC2 or 0xC3), lowercased byte by byte: A–Z by 0x20, À–Þ (not ×) by 0x20, as `lowercased()` does for them; ß, the
    /// lowercase letters and Latin-1's ª, µ and º are their own lowercase. `nil` for a text with any other character
    /// (its tokens are `scalarTokens`'). The same tokens as `scalarTokens` (`TokenizerTests`), without a `String`
    /// made and lowercased for each word through Unicode's tables.
    static func latinTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
        var tokens: [Token] = []
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var offset = 0
        var index = 0
        let count = bytes.count
        func end() {
            tokens.append(Token(text: String(decoding: word, as: UTF8.self), start: start, end: offset))
            word.removeAll(keepingCapacity: true)
        }
        while index < count {
            let byte = bytes[index]
            // The scalar's lowercase bytes if it is a word scalar (one byte, or two with `second`), else nil.
            var lowered: UInt8?
            var second: UInt8?
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x30...0x39, 0x61...0x7A: lowered = byte
                case 0x41...0x5A: lowered = byte | 0x20
                default: break
                }
            } else if byte == 0xC3 || byte == 0xC2, index + 1 < count {
                let next = bytes[index + 1]
                index += 2
                let scalar = (UInt32(byte & 0x1F) << 6) | UInt32(next & 0x3F)
                switch scalar {
                case 0xC0...0xDE where scalar != 0xD7:
                    (lowered, second) = (byte, next + 0x20)
                case 0xDF...0xFF where scalar != 0xF7, 0xAA, 0xB5, 0xBA, 0xB2, 0xB3, 0xB9, 0xBC...0xBE:
                    // ß and the lowercase letters; ª, µ, º; the superscripts ², ³, ¹ and the fractions ¼, ½, ¾ (numbers).
                    (lowered, second) = (byte, next)
                default: break
                }
            } else {
                return nil
            }
            if let lowered {
                if word.isEmpty { start = offset }
                word.append(lowered)
                if let second { word.append(second) }
            } else if !word.isEmpty {
                end()
            }
            offset += 1
        }
        if !word.isEmpty { end() }
        return tokens
    }

    /// Every text's tokens, read scalar by scalar: each run of word scalars cut from the text whole and lowercased.
    static func scalarTokens(in text: String) -> [Token] {
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
