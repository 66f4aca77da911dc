import KartlaggningModel

/// A streaming, SAX-style XML scanner for the parts of a workbook kartlagg reads: bytes go in as they are
/// inflated, events come out one at a time, and nothing but the current token is held — a 200,000-row sheet
/// is read with the memory of one row.
///
/// It reads well-formed XML as spreadsheet programs write it: elements, attributes, text, character and the five
/// predefined entity references, CDATA; comments, processing instructions and a DOCTYPE are skipped. Names are
/// given without their namespace prefix (`x:c` and `c` are both `c`), which is how producers differ.
struct XMLScanner {
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    /// Where the search for the end of the token at `position` stopped when it needed more bytes, and the quote it
    /// was inside (in a tag): more bytes continue the search, so a token split over many chunks is scanned once.
    private var resume = 0
    private var resumeQuote: UInt8 = 0
    /// The longest run of text (a cell's, or the space between tags) and the longest tag, comment or declaration the
    /// scanner holds: past them it stops with the read limit's error, in the memory of the limit, not the part's.
    let maxText: Int
    let maxTag: Int
    /// The element names open now, to check that the document closes what it opens.
    private var open: [String] = []
    private var depth: Int { open.count }
    let part: String

    init(part: String, limits: ReadLimits = ReadLimits()) {
        self.part = part
        maxText = limits.cellBytes
        maxTag = max(limits.rowBytes, limits.cellBytes)
    }

    /// Adds the next inflated bytes.
    mutating func feed(_ bytes: some Sequence<UInt8>) {
        if position > 1 << 16 && position * 2 > buffer.count {
            buffer.removeSubrange(0..<position)
            resume = max(0, resume - position)
            position = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Marks the end of the input: what is left must be complete.
    mutating func finish() {
        finished = true
    }

    /// The next event, or nil when more bytes are needed (or, after `finish`, at the end).
    mutating func next() throws -> XMLEvent? {
        while position < buffer.count {
            if buffer[position] != 0x3C {
                guard let end = firstIndex(of: 0x3C, from: max(position, resume)) ?? (finished ? buffer.count : nil) else {
                    resume = buffer.count
                    if buffer.count - position > maxText {
                        throw failure("a run of text longer than \(maxText) bytes", limit: .cellSize)
                    }
                    return nil
                }
                let start = position
                moveTo(end)
                if depth == 0 { continue }  // whitespace between the prolog and the root
                return .text(try decode(start, end))
            }
            guard position + 1 < buffer.count else {
                if finished { throw failure("the document ends inside a tag") }
                return nil
            }
            switch buffer[position + 1] {
            case 0x3F:  // <? … ?>
                guard let end = find([0x3F, 0x3E], from: position + 2) else { return try needMore("a processing instruction") }
                moveTo(end + 2)
            case 0x21:  // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE … >
                if starts(with: "<!--") {
                    guard let end = find(Array("-->".utf8), from: position + 4) else { return try needMore("a comment") }
                    moveTo(end + 3)
                } else if starts(with: "<![CDATA[") {
                    guard let end = find(Array("]]>".utf8), from: position + 9) else { return try needMore("a CDATA section") }
                    let text = try string(position + 9, end)
                    moveTo(end + 3)
                    return .text(text)
                } else {
                    guard let end = endOfDeclaration(from: position + 2) else { return try needMore("a declaration") }
                    moveTo(end + 1)
                }
            case 0x2F:  // </name>
                guard let end = firstIndex(of: 0x3E, from: position + 2) else { return try needMore("a closing tag") }
                let name = localName(position + 2, end)
                moveTo(end + 1)
                guard let innermost = open.popLast() else { throw failure("</\(name)> closes an element that was never opened") }
                if innermost != name { throw failure("</\(name)> where </\(innermost)> was expected") }
                return .end(name)
            default:
                guard let end = endOfTag(from: max(position + 1, resume)) else { return try needMore("a tag") }
                let event = try startTag(position + 1, end)
                moveTo(end + 1)
                if case .start(let name, _, let selfClosing) = event, !selfClosing { open.append(name) }
                return event
            }
        }
        if finished && depth > 0 { throw failure("the document ends before its elements are closed") }
        return nil
    }

    // MARK: - Tags

    private func startTag(_ from: Int, _ end: Int) throws -> XMLEvent {
        var close = end
        let selfClosing = buffer[end - 1] == 0x2F
        if selfClosing { close -= 1 }
        var i = from
        while i < close && !isSpace(buffer[i]) { i += 1 }
        let name = localName(from, i)
        var attributes: [XMLAttribute] = []
        while i < close {
            while i < close && isSpace(buffer[i]) { i += 1 }
            guard i < close else { break }
            let nameStart = i
            while i < close && buffer[i] != 0x3D && !isSpace(buffer[i]) { i += 1 }
            let attributeName = localName(nameStart, i)
            while i < close && isSpace(buffer[i]) { i += 1 }
            guard i < close, buffer[i] == 0x3D else { throw failure("attribute \(attributeName) of <\(name)> has no value") }
            i += 1
            while i < close && isSpace(buffer[i]) { i += 1 }
            guard i < close, buffer[i] == 0x22 || buffer[i] == 0x27 else {
                throw failure("attribute \(attributeName) of <\(name)> is not quoted")
            }
            let quote = buffer[i]
            let valueStart = i + 1
            guard let valueEnd = firstIndex(of: quote, from: valueStart, before: close) else {
                throw failure("attribute \(attributeName) of <\(name)> is not closed")
            }
            attributes.append(XMLAttribute(name: attributeName, value: try decode(valueStart, valueEnd)))
            i = valueEnd + 1
        }
        return .start(name, attributes, selfClosing: selfClosing)
    }

    /// The next token starts at `index`.
    private mutating func moveTo(_ index: Int) {
        position = index
        resume = 0
        resumeQuote = 0
    }

    /// The `>` that ends a start tag, skipping any inside quoted attribute values; nil (with where the search got to
    /// kept in `resume`) when the buffer ends first.
    private mutating func endOfTag(from: Int) -> Int? {
        var quote: UInt8 = from == resume ? resumeQuote : 0
        var i = from
        while i < buffer.count {
            let byte = buffer[i]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x3E {
                return i
            }
            i += 1
        }
        resume = buffer.count
        resumeQuote = quote
        return nil
    }

    /// The `>` that ends `<!DOCTYPE …>`, past an internal subset in brackets.
    private func endOfDeclaration(from: Int) -> Int? {
        var brackets = 0
        var i = from
        while i < buffer.count {
            switch buffer[i] {
            case 0x5B: brackets += 1
            case 0x5D: brackets -= 1
            case 0x3E where brackets <= 0: return i
            default: break
            }
            i += 1
        }
        return nil
    }

    // MARK: - Text

    /// The text of `from..<to` with entity and character references resolved.
    private func decode(_ from: Int, _ to: Int) throws -> String {
        guard let amp = firstIndex(of: 0x26, from: from, before: to) else { return try string(from, to) }
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        out.append(contentsOf: buffer[from..<amp])
        var i = amp
        while i < to {
            let byte = buffer[i]
            guard byte == 0x26 else {
                out.append(byte)
                i += 1
                continue
            }
            guard let semicolon = firstIndex(of: 0x3B, from: i + 1, before: min(to, i + 13)) else {
                throw failure("a bare & in text (write &amp;)")
            }
            let reference = String(decoding: buffer[(i + 1)..<semicolon], as: UTF8.self)
            switch reference {
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "amp": out.append(0x26)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                let scalar: Unicode.Scalar?
                if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
                    scalar = UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if reference.hasPrefix("#") {
                    scalar = UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
                guard let scalar else { throw failure("unknown entity &\(reference);") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = semicolon + 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw failure("text that is not valid UTF-8") }
        return text
    }

    private func string(_ from: Int, _ to: Int) throws -> String {
        guard let text = buffer.withUnsafeBufferPointer({ String(validating: $0[from..<to], as: UTF8.self) }) else {
            throw failure("text that is not valid UTF-8")
        }
        return text
    }

    /// The name at `from..<to` without its namespace prefix.
    private func localName(_ from: Int, _ to: Int) -> String {
        var start = from
        var i = from
        while i < to {
            if buffer[i] == 0x3A { start = i + 1 }
            i += 1
        }
        var end = to
        while end > start && isSpace(buffer[end - 1]) { end -= 1 }
        return String(decoding: buffer[start..<end], as: UTF8.self)
    }

    // MARK: - Bytes

    private func firstIndex(of byte: UInt8, from: Int, before end: Int? = nil) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            var i = from
            let end = min(end ?? bytes.count, bytes.count)
            while i < end {
                if bytes[i] == byte { return i }
                i += 1
            }
            return nil
        }
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var i = from
        while let candidate = firstIndex(of: first, from: i) {
            if candidate + needle.count > buffer.count { return nil }
            if buffer[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            i = candidate + 1
        }
        return nil
    }

    private func starts(with text: String) -> Bool {
        let bytes = Array(text.utf8)
        return position + bytes.count <= buffer.count && buffer[position..<(position + bytes.count)].elementsEqual(bytes)
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private func needMore(_ what: String) throws -> XMLEvent? {
        if finished { throw failure("the document ends inside \(what)") }
        if buffer.count - position > maxTag { throw failure("\(what) longer than \(maxTag) bytes", limit: .rowSize) }
        return nil
    }

    private func failure(_ message: String, limit: Remedy.ReadLimit? = nil) -> XMLScanError {
        XMLScanError(part: part, message: message, limit: limit)
    }
}
