/// Finding elements in the HTML Ink writes, by scanning its bytes: what `HTMLPage`'s layout passes look for (tables,
/// lists, rows, cells) without a regular expression per element — a page of 300 areas has thousands of cells, and
/// Swift's regular expressions were most of its time. Each function finds what its documented pattern matches,
/// leftmost first and without overlaps, as `String.matches(of:)` does.
enum HTMLScan {
    /// An element's opening tag: `<name>` exactly, or `<name…>` with anything but `>` before the bracket.
    struct Open {
        let name: String
        let attributes: Bool
    }

    /// One element found: the whole match and what lies between its tags.
    struct Element {
        let whole: Substring
        let inner: Substring
    }

    /// The elements opened by one of `opens` and closed by the first of `closes` after it (`<table>([\s\S]*?)</table>`;
    /// with `singleLine`, `(.*?)`: no line break between the tags, else the opening tag is passed over).
    static func elements(in text: Substring, opens: [Open], closes: [String], singleLine: Bool = false) -> [Element] {
        var found: [Element] = []
        let bytes = text.utf8
        let closeBytes = closes.map { Array($0.utf8) }
        let openBytes = opens.map { (Array("<\($0.name)".utf8), $0.attributes) }
        var position = bytes.startIndex
        search: while position < bytes.endIndex {
            guard let start = bytes[position...].firstIndex(of: UInt8(ascii: "<")) else { break }
            position = bytes.index(after: start)
            for (prefix, attributes) in openBytes where bytes[start...].starts(with: prefix) {
                var afterOpen = bytes.index(start, offsetBy: prefix.count)
                if attributes {
                    guard let bracket = bytes[afterOpen...].firstIndex(of: UInt8(ascii: ">")) else { continue }
                    afterOpen = bytes.index(after: bracket)
                } else {
                    guard afterOpen < bytes.endIndex, bytes[afterOpen] == UInt8(ascii: ">") else { continue }
                    afterOpen = bytes.index(after: afterOpen)
                }
                guard let (innerEnd, end) = firstClose(closeBytes, in: bytes, from: afterOpen, singleLine: singleLine) else { continue }
                found.append(Element(whole: text[start..<end], inner: text[afterOpen..<innerEnd]))
                position = end
                continue search
            }
        }
        return found
    }

    /// Where the first of `closes` starts and ends after `from` (nil: none, or with `singleLine` a line break first).
    private static func firstClose(
        _ closes: [[UInt8]], in bytes: Substring.UTF8View, from: Substring.UTF8View.Index, singleLine: Bool
    ) -> (Substring.UTF8View.Index, Substring.UTF8View.Index)? {
        var position = from
        while position < bytes.endIndex {
            let byte = bytes[position]
            if singleLine && isLineBreak(bytes, at: position) { return nil }
            if byte == UInt8(ascii: "<") {
                for close in closes where bytes[position...].starts(with: close) {
                    return (position, bytes.index(position, offsetBy: close.count))
                }
            }
            position = bytes.index(after: position)
        }
        return nil
    }

    /// Whether a line break (what `.` does not match: \n, \r, \u{0B}, \u{0C}, \u{85}, \u{2028}, \u{2029}) starts at
    /// `position`.
    private static func isLineBreak(_ bytes: Substring.UTF8View, at position: Substring.UTF8View.Index) -> Bool {
        switch bytes[position] {
        case 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0xC2: return bytes[position...].starts(with: [0xC2, 0x85])
        case 0xE2: return bytes[position...].starts(with: [0xE2, 0x80, 0xA8]) || bytes[position...].starts(with: [0xE2, 0x80, 0xA9])
        default: return false
        }
    }

    /// `text` with each element `elements(in:opens:closes:)` finds replaced by what `transform` makes of it.
    static func replacingElements(
        in text: String, open: Open, close: String, _ transform: (Element) -> String
    ) -> String {
        let found = elements(in: text[...], opens: [open], closes: [close])
        guard !found.isEmpty else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var position = text.startIndex
        for element in found {
            out += text[position..<element.whole.startIndex]
            out += transform(element)
            position = element.whole.endIndex
        }
        out += text[position...]
        return out
    }

    /// `text` with each match `match` finds replaced: `match` is asked at each occurrence of `start` (leftmost first)
    /// and gives where its match ends and what replaces it, or nil (none there; the search goes on from the next
    /// occurrence). After a match the search goes on from its end, as `String.replacing(_:with:)` does.
    static func replacingMatches(
        in text: String, startingWith start: String, _ match: (String.UTF8View, String.Index) -> (end: String.Index, with: String)?
    ) -> String {
        let bytes = text.utf8
        let startBytes = Array(start.utf8)
        var out = ""
        var copied = text.startIndex
        var position = text.startIndex
        while let found = nextOccurrence(of: startBytes, in: bytes, from: position) {
            if let (end, replacement) = match(bytes, found) {
                out += text[copied..<found]
                out += replacement
                copied = end
                position = end
            } else {
                position = bytes.index(after: found)
            }
        }
        guard copied != text.startIndex else { return text }
        out += text[copied...]
        return out
    }

    /// Where `needle` next occurs in `bytes` at or after `from`.
    static func nextOccurrence(of needle: [UInt8], in bytes: String.UTF8View, from: String.Index) -> String.Index? {
        guard let first = needle.first else { return nil }
        var position = from
        while position < bytes.endIndex, let candidate = bytes[position...].firstIndex(of: first) {
            if bytes[candidate...].starts(with: needle) { return candidate }
            position = bytes.index(after: candidate)
        }
        return nil
    }

    /// Where the element starting at `position` with `open` (the whole opening tag, or with `openEnd` its start up
    /// to attributes without `end` closed by `openEnd`) ends: after the first `close` (nil: it does not start there or
    /// is never closed).
    static func elementEnd(
        in bytes: String.UTF8View, at position: String.Index, open: String, attributesUpTo openEnd: String? = nil, close: String
    ) -> String.Index? {
        let openBytes = Array(open.utf8)
        guard bytes[position...].starts(with: openBytes) else { return nil }
        var afterOpen = bytes.index(position, offsetBy: openBytes.count)
        if let openEnd {
            // `[^"]*` then `">`, for `openEnd` = `">`: up to the first quote, which must close the tag.
            let endBytes = Array(openEnd.utf8)
            guard let quote = bytes[afterOpen...].firstIndex(of: endBytes[0]), bytes[quote...].starts(with: endBytes) else { return nil }
            afterOpen = bytes.index(quote, offsetBy: endBytes.count)
        }
        guard let closeAt = nextOccurrence(of: Array(close.utf8), in: bytes, from: afterOpen) else { return nil }
        return bytes.index(closeAt, offsetBy: close.utf8.count)
    }

    /// The first position at or after `position` that is not white space (`\s` as Ink writes it between elements: space,
    /// tab, line breaks).
    static func skippingWhitespace(in bytes: String.UTF8View, from position: String.Index) -> String.Index {
        var position = position
        while position < bytes.endIndex {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: position = bytes.index(after: position)
            default: return position
            }
        }
        return position
    }

    /// How many times `needle` occurs in `text`, without overlaps.
    static func occurrences(of needle: String, in text: Substring) -> Int {
        text.ranges(of: needle).count
    }

    /// How many opening tags `<name[^>]*>` `text` has (`<th` also counts `<thead>`, as the pattern does).
    static func openingTags(_ name: String, in text: Substring) -> Int {
        var count = 0
        var rest = text
        while let start = rest.range(of: "<\(name)") {
            guard let bracket = rest[start.upperBound...].firstIndex(of: ">") else { break }
            count += 1
            rest = rest[rest.index(after: bracket)...]
        }
        return count
    }

    /// `html` without its tags (`<[^>]+>` removed).
    static func untagged(_ html: Substring) -> String {
        String(decoding: untaggedBytes(html), as: UTF8.self)
    }

    private static func untaggedBytes(_ html: Substring) -> [UInt8] {
        var untagged: [UInt8] = []
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: ">"),
                let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">"))
            {
                index = close + 1
                continue
            }
            untagged.append(bytes[index])
            index += 1
        }
        return untagged
    }

    /// A cell's text as shown: tags (`<[^>]+>`) removed, then each entity (`&#?[a-zA-Z0-9]+;`) one space.
    static func plainText(_ html: Substring) -> String {
        let untagged = untaggedBytes(html)
        var index = 0
        var out: [UInt8] = []
        out.reserveCapacity(untagged.count)
        index = 0
        while index < untagged.count {
            if untagged[index] == UInt8(ascii: "&") {
                var end = index + 1
                if end < untagged.count && untagged[end] == UInt8(ascii: "#") { end += 1 }
                let nameStart = end
                while end < untagged.count, isASCIIAlphanumeric(untagged[end]) { end += 1 }
                if end > nameStart, end < untagged.count, untagged[end] == UInt8(ascii: ";") {
                    out.append(UInt8(ascii: " "))
                    index = end + 1
                    continue
                }
            }
            out.append(untagged[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
