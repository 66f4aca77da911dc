import Foundation

/// A workbook's shared strings, held as one run of UTF-8 bytes with offsets: a sheet of 600,000 distinct free texts
/// costs their bytes, not 600,000 string objects. Cells take their text out as they are read.
///
/// The first `memoryBytes` of text stay in memory; the strings after them go to a temporary file (`SpilledText`,
/// nameless once open), read back a string at a time, so a workbook of long interview notes is read with bounded
/// memory.
struct SharedStrings {
    private var bytes: [UInt8] = []
    /// Where each string ends in the whole run of text: `bytes`, then the spilled file (a string ending past `bytes`
    /// is in the file, at its offset less `bytes.count`).
    private var ends: [Int] = []
    private var spilled: SpilledText?
    /// How much text is kept in memory before the rest goes to a file.
    let memoryBytes: Int

    init(memoryBytes: Int = 64 << 20) {
        self.memoryBytes = memoryBytes
    }

    var count: Int { ends.count }

    /// Whether some strings went to a file, and where.
    var isSpilled: Bool { spilled != nil }
    var spilledPath: String? { spilled?.path }

    /// Whether the table is within the 4 GiB of text a workbook may share.
    var isWithinLimit: Bool { (ends.last ?? 0) < Int(UInt32.max) }

    mutating func append(_ text: String) throws {
        if spilled == nil && bytes.count + text.utf8.count <= memoryBytes {
            bytes.append(contentsOf: text.utf8)
            ends.append(bytes.count)
            return
        }
        let file = try spilled ?? SpilledText()
        spilled = file
        ends.append(bytes.count + (try file.append(text)))
    }

    /// Writes out what the spilled file still buffers; called once every string is in.
    func finish() throws {
        try spilled?.flush()
    }

    /// The string at `index`, nil past the end (or where the spilled file cannot be read back).
    subscript(_ index: Int) -> String? {
        guard index >= 0 && index < ends.count else { return nil }
        let (start, end) = (index == 0 ? 0 : ends[index - 1], ends[index])
        if end <= bytes.count { return String(decoding: bytes[start..<end], as: UTF8.self) }
        return spilled?.text(from: start - bytes.count, to: end - bytes.count)
    }
}
