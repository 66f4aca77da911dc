/// What a cell's text is shaped as, when that tells who or what wrote it: a way to reach or name a person, or a form
/// tool's own stamp. Read from the characters alone (no lookup), so every value of a large file can be asked.
enum ValueShape: Equatable {
    case email, phone, personnummer, ipAddress, uuid

    static func of(_ value: String) -> ValueShape? {
        // Most cells are too short, too long, or words with spaces that no phone number starts like: no copy for them.
        let view = value.utf8
        guard view.count >= 7, view.count <= 120, let lead = view.first else { return nil }
        if view.contains(0x20) && lead != 0x2B && lead != 0x30 && lead != 0x28 { return nil }
        let utf8 = Array(view)
        guard !utf8.contains(0x20) || isPhoneLike(utf8) else { return nil }
        if let at = utf8.firstIndex(of: 0x40), at > 0, utf8[(at + 1)...].contains(0x2E), !utf8[(at + 1)...].contains(0x40),
            utf8.last != 0x2E
        {
            return .email
        }
        if isUUID(utf8) { return .uuid }
        if isIPAddress(value) { return .ipAddress }
        if isPersonnummer(utf8) { return .personnummer }
        if isPhoneLike(utf8) { return .phone }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `3f2b…-…` in the 8-4-4-4-12 layout, with or without ODK's `uuid:` before it.
    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: Array("uuid:".utf8)) ? Array(bytes.dropFirst(5)) : bytes
        guard body.count == 36 else { return false }
        return body.enumerated().allSatisfy { i, byte in
            [8, 13, 18, 23].contains(i) ? byte == 0x2D : (isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66))
        }
    }

    private static func isIPAddress(_ value: String) -> Bool {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in part.count <= 3 && Int(part).map { (0...255).contains($0) } == true }
    }

    /// `YYMMDD-NNNN`, `YYYYMMDD-NNNN` or `YYYYMMDDNNNN` (`+` for the old).
    private static func isPersonnummer(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.filter(isDigit)
        let marks = bytes.filter { !isDigit($0) }
        guard marks.count <= 1, marks.allSatisfy({ $0 == 0x2D || $0 == 0x2B }) else { return false }
        if marks.count == 1 { return (digits.count == 10 || digits.count == 12) && bytes[bytes.count - 5] == marks[0] }
        return digits.count == 12 && (bytes.starts(with: Array("19".utf8)) || bytes.starts(with: Array("20".utf8)))
    }

    /// `070-123 45 67`, `+46 70 123 45 67`, `(08) 123 456`: a leading `+` or `0`, 8–15 digits, and spacing marks.
    private static func isPhoneLike(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first == 0x2B || first == 0x30 || first == 0x28 else { return false }
        let digits = bytes.filter(isDigit).count
        let others = bytes.filter { !isDigit($0) }
        return (8...15).contains(digits) && others.allSatisfy { [0x2B, 0x20, 0x2D, 0x28, 0x29, 0x2F].contains($0) }
            && others.count >= 1
    }
}
