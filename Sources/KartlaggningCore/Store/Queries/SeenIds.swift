/// The external ids an import session has written to a survey, as a Bloom filter: "not seen" is certain, "seen" may
/// be wrong about one id in a hundred or so. A survey that had no respondents when the session began holds only
/// those, so an id never seen is new and needs no lookup (one index probe per row of a first import: 0.26 s of
/// 200,000); an id maybe seen goes the way every id went before.
///
/// Filters are added as they fill, each twice the size of the last, so nothing needs to be known of the file's length:
/// 8 bits an id in each (a power of two, so a bit's place is a mask, not a division), about 4 MB at 2 million ids.
final class SeenIds {
    private struct Filter {
        var bits: [UInt64]
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            // 8 bits an id, in whole words (capacities are powers of two).
            bits = [UInt64](repeating: 0, count: max(1, capacity * 8 / 64))
            mask = UInt64(bits.count * 64 - 1)
        }

        private let mask: UInt64

        /// The `index`th of an id's four bits: double hashing of its hash's halves.
        func position(_ hash: UInt64, _ index: UInt64) -> Int {
            Int(((hash & 0xFFFF_FFFF) &+ index &* ((hash >> 32) | 1)) & mask)
        }

        mutating func insert(_ hash: UInt64) {
            for index: UInt64 in 0..<4 {
                let position = position(hash, index)
                bits[position >> 6] |= 1 << UInt64(position & 63)
            }
            count += 1
        }

        func mightContain(_ hash: UInt64) -> Bool {
            for index: UInt64 in 0..<4 {
                let position = position(hash, index)
                if bits[position >> 6] & (1 << UInt64(position & 63)) == 0 { return false }
            }
            return true
        }
    }

    private var filters: [Filter] = []

    /// An id's hash, the same for the whole process (Swift's hashing is seeded once per process).
    static func hash(_ id: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(id)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// Notes an id written, by its `hash`.
    func insert(_ hash: UInt64) {
        if filters.last.map({ $0.count >= $0.capacity }) ?? true {
            filters.append(Filter(capacity: (filters.last?.capacity ?? 32_768) * 2))
        }
        filters[filters.count - 1].insert(hash)
    }

    /// False when the id of `hash` was certainly never noted; true when it may have been.
    func mightContain(_ hash: UInt64) -> Bool {
        filters.contains { $0.mightContain(hash) }
    }
}
