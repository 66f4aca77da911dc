/// Guesses a CSV file's delimiter from a sample of its text.
///
/// Counts each candidate (`;` `,` tab `|`) outside quotes in every record of the sample and prefers the
/// one that occurs the same, non-zero number of times in every record: a Swedish Excel export has
/// commas inside its cells (decimal commas, prose) but the same number of semicolons on every row.
enum DialectSniffer {
    static let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]

    /// - Parameters:
    ///   - sample: the start of the file, as UTF-8.
    ///   - complete: whether the sample is the whole file (else its last record may be cut short).
    ///   - skipRecords: records above the header row, which do not count.
    /// - Returns: the delimiter byte, or nil when no candidate occurs at all (a one-column file).
    static func sniff(_ sample: [UInt8], complete: Bool, skipRecords: Int = 0) -> UInt8? {
        var records: [[Int]] = []
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var nonEmpty = false
        var previous: UInt8 = 0
        for byte in sample {
            if byte == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                if nonEmpty { records.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                nonEmpty = false
                previous = byte
                if records.count >= 200 + skipRecords { break }
                continue
            } else if !inQuotes, let index = candidates.firstIndex(of: byte) {
                counts[index] += 1
            }
            if !(byte == 0x0A && previous == 0x0D) { nonEmpty = true }
            previous = byte
        }
        if nonEmpty && (complete || records.isEmpty) { records.append(counts) }
        let considered = Array(records.dropFirst(skipRecords))
        guard !considered.isEmpty else { return nil }
        var best: (index: Int, score: Double)?
        for index in candidates.indices {
            let column = considered.map { $0[index] }
            var frequency: [Int: Int] = [:]
            for count in column where count > 0 { frequency[count, default: 0] += 1 }
            guard let (modal, times) = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
            // Share of records with the modal count, a little weight on the count itself to break ties.
            let consistency = Double(times) / Double(column.count)
            let score = consistency * 1000 + Double(min(modal, 50))
            if score > best?.score ?? -.infinity { best = (index, score) }
        }
        return best.map { candidates[$0.index] }
    }
}
