extension String {
    /// The string without leading and trailing white space and line breaks.
    ///
    /// A fast path for the common case of a cell with nothing to trim, which Foundation's
    /// `trimmingCharacters(in:)` handles no faster than any other (it bridges to NSString).
    public var trimmedCell: String {
        // ASCII fast path: most cells start and end with a plain letter or digit.
        if let head = utf8.first, let tail = utf8.last, head > 0x20, head < 0x80, tail > 0x20, tail < 0x80 { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? start
        return String(scalars[start...end])
    }

    /// At most `limit` characters of the string, with `…` and the full length when it is longer: what an error
    /// message echoes of data, so a 200 MB cell never becomes a 200 MB message.
    public func clipped(_ limit: Int = 200) -> String {
        guard utf8.count > limit, count > limit else { return self }
        return String(prefix(limit)) + "… (\(count) characters)"
    }
}
