import Foundation

/// Fixed number formats, so reports come out the same everywhere.
public enum Numbers {
    /// `0.727`, or `–` for a measure that is undefined.
    public static func ratio(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(digits)f", value)
    }

    /// `72.7 %`.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.1f %%", value * 100)
    }
}
