import Foundation

/// A map's colour classes: breaks at round numbers over the values shown, five classes at most.
struct MapClasses: Equatable {
    /// The upper bound of each class but the last (values below the first break are class 0).
    var breaks: [Double]
    var colours: [String]
    /// For the legend: each class's range in words.
    var labels: [String]

    /// ColorBrewer's YlGnBu (5 classes) and PuOr (5 classes): both safe for colour-blind readers and in print.
    static let sequentialColours = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    static let divergingColours = ["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"]

    /// The class of `value`.
    func index(of value: Double) -> Int {
        breaks.firstIndex { value < $0 } ?? breaks.count
    }

    /// Classes for shares from 0 to the largest shown (at least 10 %): a round step (2, 2.5, 5, 10, 20, 25 %) giving at
    /// most five.
    static func sequential(_ values: [Double], language: ReportLanguage = .sv) -> MapClasses {
        let words = MapWords.of(language)
        func number(_ value: Double) -> String { MapClasses.number(value, language) }
        let top = max(values.max() ?? 0, 10)
        let step = [2.0, 2.5, 5, 10, 20, 25].first { ($0 * 5) >= top } ?? 25
        let count = max(1, min(5, Int((top / step).rounded(.down)) + 1))
        let breaks = (1..<count).map { Double($0) * step }
        let colours = pick(sequentialColours, count)
        var labels: [String] = []
        for i in 0..<count {
            let low = Double(i) * step
            labels.append(
                i == count - 1 ? "\(number(low)) % \(words.andMore)" : "\(number(low)) \(words.to) \(number(low + step)) %")
        }
        return MapClasses(breaks: breaks, colours: colours, labels: labels)
    }

    /// Five classes symmetric about 0 (differences in percentage points): about the same, somewhat and clearly
    /// below or above, with a round step.
    static func diverging(_ values: [Double], language: ReportLanguage = .sv) -> MapClasses {
        let words = MapWords.of(language)
        func number(_ value: Double) -> String { MapClasses.number(value, language) }
        let largest = max(values.map(abs).max() ?? 0, 1)
        let step = [1.0, 2, 2.5, 5, 10, 20, 25].first { $0 * 2.5 >= largest } ?? 25
        let half = step / 2
        let breaks = [-half - step, -half, half, half + step]
        let labels = [
            "\(number(half + step)) \(words.pointsLower)",
            "\(number(half))–\(number(half + step)) \(words.lower)",
            "±\(number(half)) \(words.within)",
            "\(number(half))–\(number(half + step)) \(words.higher)",
            "\(number(half + step)) \(words.pointsHigher)",
        ]
        return MapClasses(breaks: breaks, colours: divergingColours, labels: labels)
    }

    /// `count` colours spread over a five-colour ramp (the lightest and darkest kept).
    static func pick(_ ramp: [String], _ count: Int) -> [String] {
        switch count {
        case 1: [ramp[2]]
        case 2: [ramp[1], ramp[3]]
        case 3: [ramp[0], ramp[2], ramp[4]]
        case 4: [ramp[0], ramp[1], ramp[3], ramp[4]]
        default: ramp
        }
    }

    static func number(_ value: Double, _ language: ReportLanguage = .sv) -> String {
        value.rounded() == value ? String(Int(value)) : language.decimal(value)
    }
}
