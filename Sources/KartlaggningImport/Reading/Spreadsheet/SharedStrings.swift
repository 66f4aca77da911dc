/// A workbook's shared strings, held as one run of UTF-8 bytes with offsets: a sheet of 600,000 distinct free texts
/// costs their bytes, not 600,000 string objects. Cells take their text out as they are read.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var count: Int { ends.count }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// The string at `index`, nil past the end.
    subscript(_ index: Int) -> String? {
        guard index >= 0 && index < ends.count else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }

    /// Whether the table fits the offsets (4 GiB of text).
    var isWithinLimit: Bool { bytes.count < Int(UInt32.max) }
}
