/// One variable of a labelled statistics file (SPSS `.sav`/`.zsav`/`.por`, Stata `.dta`), as the file defines it: the
/// survey definition it carries, read by `StatFile`.
public struct StatVariable: Sendable {
    /// How the file says the variable is measured (SPSS; Stata files say nothing).
    public enum Measure: String, Sendable {
        case unknown, nominal, ordinal, scale
    }

    /// What its numbers are: plain numbers, or dates and times in the file format's epoch.
    public enum Time: Sendable, Equatable {
        case none
        /// SPSS DATE, ADATE, EDATE, SDATE…: seconds since 1582-10-14. Stata `%td`: days since 1960-01-01.
        case date(epoch: StatEpoch)
        /// SPSS DATETIME: seconds since 1582-10-14. Stata `%tc`/`%tC`: milliseconds since 1960-01-01.
        case dateTime(epoch: StatEpoch)
    }

    /// The variable's name: the column kartlagg maps.
    public var name: String
    /// Its label: the question as it was asked.
    public var label: String
    /// Whether it holds text (else numbers).
    public var isString: Bool
    public var measure: Measure
    /// The file's display format (`F8.2`, `DATE11`, `%td`).
    public var format: String
    public var time: Time
    /// Its value labels, codes as kartlagg reads them (`1`, `2`, `a`), in code order.
    public var valueLabels: [(code: String, label: String)]
    /// User-missing values (SPSS), as codes.
    public var missingValues: [String]
    /// User-missing ranges (SPSS `97 THRU 99`), numeric.
    public var missingRanges: [ClosedRange<Double>]

    /// Whether its cells read as their value labels (a nominal variable: Kön, Område, Ja/Nej) rather than as codes (an
    /// ordinal or scale variable, or one whose labels name only a scale's ends, `1 = Mycket dåligt`, `5 = Mycket bra`).
    /// A code with no label reads as the code.
    public var readsAsLabels: Bool {
        guard !valueLabels.isEmpty else { return false }
        if isString { return true }
        switch measure {
        case .ordinal, .scale: return false
        case .nominal: return true
        case .unknown: return !labelsNameEndsOnly
        }
    }

    /// Two labels or fewer (not counting missing values) on numbers more than one apart: a scale's ends.
    var labelsNameEndsOnly: Bool {
        let numbers = valueLabels.filter { !isMissing($0.code) }.compactMap { Double($0.code) }
        guard numbers.count == valueLabels.filter({ !isMissing($0.code) }).count, numbers.count <= 2,
            let low = numbers.min(), let high = numbers.max()
        else { return false }
        return high - low > 1
    }

    /// Code → label, for reading cells as labels.
    var labelOfCode: [String: String] {
        Dictionary(valueLabels.map { ($0.code, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether `code` is user-missing: one of the missing values or in a missing range.
    public func isMissing(_ code: String) -> Bool {
        if missingValues.contains(code) { return true }
        guard let number = Double(code) else { return false }
        return missingRanges.contains { $0.contains(number) }
    }
}

/// The day numbers count from: SPSS's Gregorian start (1582-10-14) or Stata's 1960-01-01.
public enum StatEpoch: Sendable, Equatable {
    case spss, stata

    /// Days from 1970-01-01 to the epoch.
    var unixDays: Int {
        switch self {
        case .spss: -141_428  // 1582-10-14
        case .stata: -3_653  // 1960-01-01
        }
    }
}
