/// A short, stable fingerprint of some texts (FNV-1a, 64 bits, each text ended by a separator): to tell two
/// versions of the same thing apart, never to protect anything.
public struct Fingerprint: Sendable {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds one text.
    public mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0x1C)
    }

    private mutating func mix(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }

    /// The fingerprint as `digits` hex digits (at most 16).
    public func hex(_ digits: Int = 16) -> String {
        let full = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - full.count) + full).prefix(max(1, min(digits, 16))))
    }
}
