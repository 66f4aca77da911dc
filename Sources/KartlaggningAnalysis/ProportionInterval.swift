import Foundation

/// Confidence intervals for proportions and their differences that stay honest at small counts: Wilson's score
/// interval for one proportion, and Newcombe's hybrid score interval (his method 10, 1998) for the difference of two
/// independent ones.
public enum ProportionInterval {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    /// Wilson's score interval for `successes` of `trials`, as proportions 0–1.
    public static func wilson(_ successes: Int, of trials: Int, z: Double = z95) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }

    /// Newcombe's hybrid score interval for p₁ − p₂ (x₁ of n₁ against x₂ of n₂), as proportions.
    public static func newcombe(_ x1: Int, of n1: Int, _ x2: Int, of n2: Int, z: Double = z95) -> ClosedRange<Double> {
        guard n1 > 0, n2 > 0 else { return -1...1 }
        let p1 = Double(x1) / Double(n1)
        let p2 = Double(x2) / Double(n2)
        let a = wilson(x1, of: n1, z: z)
        let b = wilson(x2, of: n2, z: z)
        let d = p1 - p2
        let lower = d - ((p1 - a.lowerBound) * (p1 - a.lowerBound) + (b.upperBound - p2) * (b.upperBound - p2)).squareRoot()
        let upper = d + ((a.upperBound - p1) * (a.upperBound - p1) + (p2 - b.lowerBound) * (p2 - b.lowerBound)).squareRoot()
        return lower...upper
    }
}
