import KartlaggningAnalysis

/// What one value reads as, for a column's profile: its shape and the types it fits. A pure function of the value, so
/// a profile reads each of a closed question's few values once (`ColumnProfile` keeps the readings of short values it
/// has seen) instead of running every parser on each of its thousands of cells.
struct ValueReading {
    /// Characters, and whether it breaks lines.
    let length: Int
    let breaks: Bool
    /// An e-mail address, phone number or personnummer (`contact`), an IP address or UUID (`machine`), or what looks
    /// like a person's name.
    let contact: Bool
    let machine: Bool
    let name: Bool
    /// A whole number, and whether it is written with a leading zero (then it is not one: a code).
    let whole: Int?
    let zeroLed: Bool
    /// Digits only, led by a zero (`0640`): a column of them is codes, not decimals.
    let zeroLedDigits: Bool
    /// A scale point from 0 to 100, bare or labelled.
    let scalePoint: Int?
    /// A decimal number, and the mark it can only be read with.
    let decimal: Bool
    let decimalMark: Character?
    let date: Bool
    /// Ja/Nej and the like, and whether as a word (not 0 or 1).
    let boolean: Bool
    let booleanWord: Bool
    let semicolon: Bool

    init(_ value: String) {
        let utf8 = value.utf8
        length = value.count
        breaks = utf8.contains(0x0A) || utf8.contains(0x0D)
        let shape = ValueShape.of(value)
        contact = shape == .email || shape == .phone || shape == .personnummer
        machine = shape == .ipAddress || shape == .uuid
        name = shape == nil && PersonalName.looksLike(value)
        // Typed values are short and start with a digit or a sign (Ja/Nej aside): free text skips the parsers.
        let lead = utf8.first ?? 0
        let numberLike = utf8.count <= 40 && ((lead >= 0x30 && lead <= 0x39) || lead == 0x2D || lead == 0x2B || lead == 0xE2)
        whole = numberLike ? SwedishValues.integer(value) : nil
        zeroLed = value.count > 1 && value.hasPrefix("0") && value.dropFirst().first?.isNumber == true
        zeroLedDigits = numberLike && value.count > 1 && value.hasPrefix("0") && value.allSatisfy(\.isNumber)
        if numberLike, let point = SwedishValues.scalePoint(value), (0...100).contains(point) {
            scalePoint = point
        } else {
            scalePoint = nil
        }
        decimal = numberLike && SwedishValues.decimal(value) != nil
        decimalMark = decimal ? Self.decimalMark(value) : nil
        let monthLed = lead >= 0x41 && utf8.count <= 30 && utf8.contains(0x2C)
        date = (numberLike || monthLed) && SwedishValues.date(value) != nil
        boolean = utf8.count <= 8 && SwedishValues.boolean(value) != nil
        booleanWord = boolean && !["0", "1"].contains(value)
        semicolon = utf8.contains(0x3B)
    }

    /// The decimal mark a number can only be read with: `3,5` a comma, `3.5` and `1,234.5` a point; nil when
    /// it has none or could be either (`1.234`, `1,234`).
    static func decimalMark(_ value: String) -> Character? {
        let marks = value.filter { $0 == "," || $0 == "." }
        guard let last = marks.last else { return nil }
        if Set(marks).count == 2 { return last }
        guard marks.count == 1, let index = value.lastIndex(of: last) else { return nil }
        let after = value[value.index(after: index)...].prefix { $0.isNumber }.count
        return after == 3 ? nil : last
    }
}
