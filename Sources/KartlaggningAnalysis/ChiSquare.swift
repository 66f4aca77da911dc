import Foundation

/// Pearson's χ² test of independence for a contingency table.
public enum ChiSquare {
    /// The result of a test.
    public struct Result: Codable, Sendable, Equatable {
        public var chiSquare: Double
        public var degreesOfFreedom: Int
        public var pValue: Double
        /// Cramér's V: √(χ² / (n · (min(r, c) − 1))).
        public var cramersV: Double?
        /// Cells whose expected count is below 5, where the χ² approximation is poor.
        public var lowExpectedCells: Int
        public var cells: Int
    }

    /// Tests `table` (rows × columns of counts); all-zero rows and columns are left out.
    /// Nil when fewer than two rows or columns remain.
    public static func test(_ table: [[Double]]) -> Result? {
        let rows = table.filter { $0.reduce(0, +) > 0 }
        guard let width = rows.first?.count else { return nil }
        let keptColumns = (0..<width).filter { c in rows.contains { $0[c] > 0 } }
        let observed = rows.map { row in keptColumns.map { row[$0] } }
        guard observed.count >= 2, keptColumns.count >= 2 else { return nil }
        let rowSums = observed.map { $0.reduce(0, +) }
        let columnSums = keptColumns.indices.map { c in observed.reduce(0) { $0 + $1[c] } }
        let n = rowSums.reduce(0, +)
        var chi = 0.0
        var low = 0
        for (r, row) in observed.enumerated() {
            for (c, value) in row.enumerated() {
                let expected = rowSums[r] * columnSums[c] / n
                if expected < 5 { low += 1 }
                chi += (value - expected) * (value - expected) / expected
            }
        }
        let df = (observed.count - 1) * (keptColumns.count - 1)
        let k = min(observed.count, keptColumns.count)
        return Result(
            chiSquare: chi, degreesOfFreedom: df, pValue: upperTail(chi, df: df),
            cramersV: k > 1 ? (chi / (n * Double(k - 1))).squareRoot() : nil, lowExpectedCells: low,
            cells: observed.count * keptColumns.count)
    }

    /// P(X ≥ x) for X ~ χ²(df): the regularized upper incomplete gamma function Q(df/2, x/2).
    public static func upperTail(_ x: Double, df: Int) -> Double {
        guard x > 0 else { return 1 }
        return gammaQ(Double(df) / 2, x / 2)
    }

    /// Q(a, x), by its series for x < a + 1 and its continued fraction otherwise (Numerical Recipes, 6.2).
    static func gammaQ(_ a: Double, _ x: Double) -> Double {
        let lnGammaA = Double.logGamma(a)
        if x < a + 1 {
            var sum = 1 / a
            var term = sum
            var n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, 1 - sum * exp(-x + a * log(x) - lnGammaA))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return min(1, exp(-x + a * log(x) - lnGammaA) * h)
    }
}

extension Double {
    /// ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error below 1e-15).
    static func logGamma(_ x: Double) -> Double {
        let coefficients: [Double] = [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ]
        if x < 0.5 { return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x) }
        let z = x - 1
        var sum = coefficients[0]
        for i in 1..<9 { sum += coefficients[i] / (z + Double(i)) }
        let t = z + 7.5
        return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(sum)
    }
}
