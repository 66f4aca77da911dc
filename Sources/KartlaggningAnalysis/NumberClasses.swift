/// Size classes for a number question's distribution chart (employees, members, kronor): a class for zero, then
/// decades — `0`, `1–9`, `10–99`, `100+` for whole numbers, `0–<1`, `1–<10`, `10+` for decimals — with a class for
/// negatives where there are any. The edges are round numbers, never an answer's own value, so a class's bounds tell
/// nothing about any respondent; the last class is open (`100+`), so the largest answer is not shown either. With
/// more than six decades the classes step by a hundred instead; from 10¹⁵ up all is one open class.
public struct NumberClasses: Sendable, Equatable {
    /// The classes' lower bounds in order (nil: everything below zero).
    public let lowers: [Double?]
    public let labels: [String]

    /// - Parameters:
    ///   - smallest, largest: the answers' range.
    ///   - integer: whole numbers (`1–9`) or decimals (`1–<10`).
    ///   - number: how a bound is written (`1 000` in Swedish).
    public init(smallest: Double, largest: Double, integer: Bool, number: (Int) -> String) {
        var lowers: [Double?] = []
        var labels: [String] = []
        if smallest < 0 {
            lowers.append(nil)
            labels.append("<0")
        }
        var decades = 0
        while decades < 15 && largest >= Self.pow10(decades) { decades += 1 }
        let step = decades > 6 ? 2 : 1
        // Zero (below one, for decimals) first, then a class per decade (or two), the last one open.
        lowers.append(0)
        labels.append(integer ? "0" : "0–<1")
        for exponent in stride(from: 0, to: decades, by: step) {
            let (lower, next) = (Int(Self.pow10(exponent)), exponent + step)
            lowers.append(Double(lower))
            let upper = Int(Self.pow10(next))
            labels.append(
                next >= decades
                    ? "\(number(lower))+" : integer ? "\(number(lower))–\(number(upper - 1))" : "\(number(lower))–<\(number(upper))")
        }
        self.lowers = lowers
        self.labels = labels
    }

    /// The class `value` falls in.
    public func index(of value: Double) -> Int {
        guard value >= 0 else { return 0 }
        return lowers.lastIndex { $0.map { value >= $0 } ?? false } ?? 0
    }

    private static func pow10(_ exponent: Int) -> Double { (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
