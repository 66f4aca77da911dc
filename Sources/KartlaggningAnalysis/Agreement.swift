/// Inter-coder agreement: Cohen's κ and percent agreement per theme and pooled, with the answer as the unit,
/// and precision, recall and F1 of the first coder against the second.
public enum Agreement {
    /// - Parameters:
    ///   - a: the first coder's themes per answer, for every answer it coded (an empty set: coded, no theme).
    ///   - b: the second coder's, likewise.
    ///   - themes: the themes to measure, in report order.
    public static func compute(
        coderA: String, a: [Int64: Set<String>], coderB: String, b: [Int64: Set<String>], themes: [String]
    ) -> AgreementReport {
        let units = Set(a.keys).intersection(b.keys).sorted()
        var perTheme: [AgreementReport.ThemeAgreement] = []
        var pooled = (both: 0, onlyA: 0, onlyB: 0, neither: 0)
        var disagreements: [AgreementReport.Disagreement] = []
        for theme in themes {
            var cell = (both: 0, onlyA: 0, onlyB: 0, neither: 0)
            for answer in units {
                let inA = a[answer, default: []].contains(theme)
                let inB = b[answer, default: []].contains(theme)
                switch (inA, inB) {
                case (true, true): cell.both += 1
                case (true, false):
                    cell.onlyA += 1
                    disagreements.append(.init(answer: answer, theme: theme, taggedBy: coderA))
                case (false, true):
                    cell.onlyB += 1
                    disagreements.append(.init(answer: answer, theme: theme, taggedBy: coderB))
                case (false, false): cell.neither += 1
                }
            }
            pooled = (pooled.both + cell.both, pooled.onlyA + cell.onlyA, pooled.onlyB + cell.onlyB, pooled.neither + cell.neither)
            perTheme.append(measure(theme, cell))
        }
        disagreements.sort { ($0.answer, $0.theme) < ($1.answer, $1.theme) }
        return AgreementReport(
            coderA: coderA, coderB: coderB, answers: units.count, themes: perTheme, overall: measure("(all)", pooled),
            disagreements: disagreements)
    }

    /// The measures of one 2×2 table.
    static func measure(_ theme: String, _ cell: (both: Int, onlyA: Int, onlyB: Int, neither: Int)) -> AgreementReport.ThemeAgreement {
        let n = cell.both + cell.onlyA + cell.onlyB + cell.neither
        let total = Double(n)
        let observed = n == 0 ? 0 : Double(cell.both + cell.neither) / total
        var kappa: Double?
        if n > 0 {
            let pA = Double(cell.both + cell.onlyA) / total
            let pB = Double(cell.both + cell.onlyB) / total
            let expected = pA * pB + (1 - pA) * (1 - pB)
            if expected < 1 { kappa = (observed - expected) / (1 - expected) }
        }
        let precision = cell.both + cell.onlyA == 0 ? nil : Double(cell.both) / Double(cell.both + cell.onlyA)
        let recall = cell.both + cell.onlyB == 0 ? nil : Double(cell.both) / Double(cell.both + cell.onlyB)
        var f1: Double?
        if let precision, let recall { f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        return .init(
            theme: theme, units: n, both: cell.both, onlyA: cell.onlyA, onlyB: cell.onlyB, neither: cell.neither,
            percentAgreement: observed, kappa: kappa, precision: precision, recall: recall, f1: f1)
    }
}
