import KartlaggningCore

/// What a column's values look like, gathered in one pass with bounded memory.
struct ColumnProfile {
    static let distinctCap = 60

    let name: String
    var nonEmpty = 0
    /// Distinct values in first-seen order, up to the cap.
    var distinct: [String] = []
    private var distinctSet: Set<String> = []
    var tooManyDistinct = false
    var allInteger = true
    var allDecimal = true
    var allDate = true
    var allBoolean = true
    var anyBooleanWord = false
    var leadingZero = false
    /// Every value is a scale point, and some carry their label (`4 - Ganska nöjd`).
    var allScalePoints = true
    var anyScaleLabel = false
    var minScalePoint = Int.max
    var maxScalePoint = Int.min
    var minInteger = Int.max
    var maxInteger = Int.min
    var maxLength = 0
    var lineBreaks = false
    var rowsWithSemicolon = 0
    var parts: [String] = []
    private var partSet: Set<String> = []
    var tooManyParts = false
    /// All values, kept only for id candidates, to prove uniqueness.
    var uniqueness: Set<String>?
    var duplicates = false

    init(name: String, trackUniqueness: Bool) {
        self.name = name
        if trackUniqueness { uniqueness = [] }
    }

    mutating func add(_ raw: String) {
        let value = raw.trimmedCell
        guard !value.isEmpty else { return }
        nonEmpty += 1
        if uniqueness != nil, !uniqueness!.insert(value).inserted { duplicates = true }
        if !tooManyDistinct && distinctSet.insert(value).inserted {
            distinct.append(value)
            if distinct.count > Self.distinctCap { tooManyDistinct = true; distinctSet = [] }
        }
        maxLength = max(maxLength, value.count)
        if value.contains("\n") || value.contains("\r") { lineBreaks = true }
        if allInteger {
            if let number = SwedishValues.integer(value), !(value.count > 1 && value.hasPrefix("0")) {
                minInteger = min(minInteger, number)
                maxInteger = max(maxInteger, number)
            } else {
                allInteger = false
            }
        }
        if value.count > 1 && value.hasPrefix("0") && value.allSatisfy(\.isNumber) { leadingZero = true }
        if allScalePoints {
            if let point = SwedishValues.scalePoint(value), (0...100).contains(point) {
                minScalePoint = min(minScalePoint, point)
                maxScalePoint = max(maxScalePoint, point)
                if SwedishValues.integer(value) == nil { anyScaleLabel = true }
            } else {
                allScalePoints = false
            }
        }
        if allDecimal && (SwedishValues.decimal(value) == nil || leadingZero) { allDecimal = false }
        if allDate && SwedishValues.date(value) == nil { allDate = false }
        if allBoolean {
            if SwedishValues.boolean(value) == nil { allBoolean = false } else if !["0", "1"].contains(value) { anyBooleanWord = true }
        }
        if value.contains(";") {
            rowsWithSemicolon += 1
        }
        if !tooManyParts {
            for part in value.split(separator: ";") {
                let item = String(part).trimmedCell
                if !item.isEmpty && partSet.insert(item).inserted {
                    parts.append(item)
                    if parts.count > 30 { tooManyParts = true; break }
                }
            }
        }
    }
}
