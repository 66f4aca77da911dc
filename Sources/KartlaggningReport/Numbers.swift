import Foundation

/// Fixed number formats, so reports come out the same everywhere.
public enum Numbers {
    /// `0.727`, or `–` for a measure that is undefined.
    public static func ratio(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value, digits: digits)
    }

    /// `72.7 %`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value * 100, digits: 1) + " %"
    }

    /// `value` with `digits` decimals as C's `%.*f` writes it (rounded from its exact binary value, "." for the
    /// point): what `String(format:)` gives, without Foundation's format parsing, which a 300-area report paid for
    /// tens of thousands of times. Every plain `%.Nf` of the reports and their texts is written here.
    public static func fixed(_ value: Double, digits: Int) -> String {
        let capacity = 64
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            guard let base = buffer.baseAddress else { return String(format: "%.\(digits)f", value) }
            let written = withVaList([Int32(clamping: digits), value]) { vsnprintf(base, capacity, "%.*f", $0) }
            // Longer than the buffer (a huge number): Foundation's own, which writes the same digits.
            guard written >= 0 && Int(written) < capacity else { return String(format: "%.\(digits)f", value) }
            return String(cString: base)
        }
    }
}
