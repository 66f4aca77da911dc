import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel

/// What a column's values look like, gathered in one pass with bounded memory.
///
/// Each candidate type keeps the values that do not fit it (the first few, with their lines), so a column stays
/// numeric, a scale or a date when a handful of its cells are typing slips or shifted values.
struct ColumnProfile {
    static let distinctCap = 60

    let name: String
    var nonEmpty = 0
    /// Distinct values in first-seen order, up to the cap, with how often each occurs.
    var distinct: [String] = []
    var counts: [String: Int] = [:]
    /// The line each distinct value is first seen on.
    var firstLines: [String: Int] = [:]
    var tooManyDistinct = false
    /// Every value with its count, past the option cap, while they are short and few enough to be a checkbox
    /// question's joins (up to 2,000 of at most 200 characters): what `CheckboxAnswers.options` reads.
    var joins: [String: Int]? = [:]
    /// Missing-value tokens (`NA`, `..`) seen, with their counts: never values.
    var missingTokens: [String: Int] = [:]
    var integer = Fit()
    var decimal = Fit()
    var date = Fit()
    var boolean = Fit()
    /// Scale points, bare or labelled (`4 - Ganska nöjd`).
    var scalePoint = Fit()
    var anyBooleanWord = false
    var leadingZero = false
    var anyScaleLabel = false
    var minScalePoint = Int.max
    var maxScalePoint = Int.min
    var minInteger = Int.max
    var maxInteger = Int.min
    /// Values that are decimals only with a decimal comma, or only with a decimal point.
    var commaDecimals = 0
    var pointDecimals = 0
    var maxLength = 0
    /// Values shaped as a way to reach or name a person (e-mail address, phone number, personnummer), or as a form
    /// tool's own (IP address, UUID).
    var contactValues = 0
    var machineValues = 0
    /// Values shaped as a person's name (`Anna Berg`).
    var nameValues = 0
    var lineBreaks = false
    var rowsWithSemicolon = 0
    var parts: [String] = []
    private var partSet: Set<String> = []
    var tooManyParts = false
    /// Distinct values with counts, kept for columns that may name areas (up to 5,000 names).
    var places: [String: Int]?
    var tooManyPlaces = false
    var placeCount: Int { places?.count ?? 0 }
    /// All values, kept only for id candidates, to prove uniqueness.
    var uniqueness: Set<String>?
    var duplicates = false

    /// The values of one column that do not fit a type: how many, and the first few with their lines.
    struct Fit {
        var misfits = 0
        init(misfits: Int = 0) { self.misfits = misfits }
        var examples: [(line: Int, value: String)] = []

        mutating func miss(_ value: String, line: Int) {
            misfits += 1
            if examples.count < 5 { examples.append((line, value)) }
        }

        /// Whether the type holds for a column of `count` values: every value fits, or a handful (at most 5 and at
        /// most 1 %) do not.
        func holds(of count: Int) -> Bool {
            misfits == 0 || (misfits <= 5 && misfits * 100 <= count)
        }
    }

    /// Tokens that exports write for "no value": R's and SPSS's `NA`, agencies' `.` and `..`, a dash.
    static let commonMissingTokens: Set<String> = ["NA", "N/A", "n/a", "#N/A", "NULL", ".", "..", "...", "-", "–", "—"]

    init(name: String, trackUniqueness: Bool, trackPlaces: Bool) {
        self.name = name
        if trackUniqueness { uniqueness = [] }
        if trackPlaces { places = [:] }
    }

    mutating func add(_ raw: String, line: Int) {
        let value = raw.trimmedCell
        guard !value.isEmpty else { return }
        if Self.commonMissingTokens.contains(value) {
            missingTokens[value, default: 0] += 1
            return
        }
        nonEmpty += 1
        if var seen = uniqueness {
            uniqueness = nil  // unique while it is changed, so the insert does not copy it
            if !seen.insert(value).inserted { duplicates = true }
            uniqueness = seen
        }
        if !tooManyDistinct {
            if let count = counts[value] {
                counts[value] = count + 1
            } else {
                counts[value] = 1
                firstLines[value] = line
                distinct.append(value)
                if distinct.count > Self.distinctCap {
                    tooManyDistinct = true
                    counts = [:]
                    firstLines = [:]
                }
            }
        }
        if var seen = places, !tooManyPlaces {
            places = nil  // unique while it is changed, so the insert does not copy it
            seen[value, default: 0] += 1
            if seen.count > 5_000 {
                tooManyPlaces = true
                seen = [:]
            }
            places = seen
        }
        let reading = reading(of: value)
        if var seen = joins {
            joins = nil  // unique while it is changed, so the insert does not copy it
            seen[value, default: 0] += 1
            // Free text (a long answer, a line break, thousands of different answers) ends it: memory stays small.
            joins = reading.length <= 200 && !reading.breaks && seen.count <= 2_000 ? seen : nil
        }
        maxLength = max(maxLength, reading.length)
        if reading.contact { contactValues += 1 }
        if reading.machine { machineValues += 1 }
        if reading.name { nameValues += 1 }
        if reading.breaks { lineBreaks = true }
        if let number = reading.whole, !reading.zeroLed {
            minInteger = min(minInteger, number)
            maxInteger = max(maxInteger, number)
        } else {
            integer.miss(value, line: line)
        }
        if reading.zeroLedDigits { leadingZero = true }
        if let point = reading.scalePoint {
            minScalePoint = min(minScalePoint, point)
            maxScalePoint = max(maxScalePoint, point)
            if reading.whole == nil { anyScaleLabel = true }
        } else {
            scalePoint.miss(value, line: line)
        }
        if !reading.decimal || leadingZero {
            decimal.miss(value, line: line)
        } else if let mark = reading.decimalMark {
            if mark == "," { commaDecimals += 1 } else { pointDecimals += 1 }
        }
        if !reading.date { date.miss(value, line: line) }
        if !reading.boolean {
            boolean.miss(value, line: line)
        } else if reading.booleanWord {
            anyBooleanWord = true
        }
        if reading.semicolon { rowsWithSemicolon += 1 }
        if !tooManyParts {
            for part in value.split(separator: ";") {
                let item = String(part).trimmedCell
                if !item.isEmpty && partSet.insert(item).inserted {
                    parts.append(item)
                    if parts.count > 30 {
                        tooManyParts = true
                        break
                    }
                }
            }
        }
    }

    /// The readings of the short values seen (up to `distinctCap` of them): a closed question's cells repeat a few
    /// values, each read once.
    private var readings: [String: ValueReading] = [:]

    /// What `value` reads as: kept for a short value while there are few, worked out otherwise (a long text is
    /// neither looked up nor kept: hashing it would cost more than reading it).
    private mutating func reading(of value: String) -> ValueReading {
        guard value.utf8.count <= 40 else { return ValueReading(value) }
        if let known = readings[value] { return known }
        let reading = ValueReading(value)
        if readings.count < Self.distinctCap { readings[value] = reading }
        return reading
    }

    /// The note for a type that holds despite a few values: which lines do not fit.
    func misfitNote(_ fit: Fit, readAs type: String) -> String? {
        guard fit.misfits > 0 else { return nil }
        let shown = fit.examples.map { "line \($0.line) (\"\($0.value.clipped(40))\")" }.joined(separator: ", ")
        return "\"\(name.clipped(60))\" is read as \(type), but \(fit.misfits == 1 ? "one value does" : "\(fit.misfits) values do") not "
            + "fit: \(shown); import rejects \(fit.misfits == 1 ? "that row" : "those rows") — check them (a shifted row?), "
            + "or import the rest with \(Remedy.skipInvalid(rejects: false))"
    }
}
