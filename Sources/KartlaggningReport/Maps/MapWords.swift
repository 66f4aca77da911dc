/// The words a map writes, in the report's language.
struct MapWords: Sendable {
    var key: String
    var areasCounted: String
    var to: String
    var andMore: String
    var pointsLower: String
    var pointsHigher: String
    var lower: String
    var higher: String
    var within: String
    var pointsShort: String
    var of: String
    var hidden: @Sendable (Int) -> String
    var hiddenTitle: @Sendable (Int) -> String
    var lowBase: @Sendable (Int) -> String
    var lowBaseTitle: @Sendable (Int, Int) -> String
    var lowBaseShort: String
    var noData: String
    var againstWhole: String
    var mapData: String
    var registryMap: String
    var projection: String
    var summary: @Sendable (Int, Int) -> String
    var hiddenCount: String
    var lowBaseCount: String
    var noDataCount: String
    var noAreas: String

    static func of(_ language: ReportLanguage) -> MapWords { language == .sv ? swedish : english }

    static let swedish = MapWords(
        key: "Förklaring", areasCounted: "Antal områden inom parentes.", to: "till under", andMore: "och mer",
        pointsLower: "procentenheter lägre eller mer", pointsHigher: "procentenheter högre eller mer", lower: "lägre", higher: "högre",
        within: "procentenheter", pointsShort: "p.e.", of: "av",
        hidden: { "dolt: färre än \($0) eller räknebart ur annat som visas" },
        hiddenTitle: { "dolt (färre än \($0), eller räknebart ur det som visas)" },
        lowBase: { "färre än \($0) svarande: ingen andel" }, lowBaseTitle: { "\($0) svarande, färre än \($1): ingen andel" },
        lowBaseShort: "för få svar", noData: "inga svar", againstWhole: "procentenheter mot hela", mapData: "Kartdata",
        registryMap: "registrets karta", projection: "Projektion", summary: { "Karta över \($0) områden: \($1) med andel" },
        hiddenCount: "dolda", lowBaseCount: "med för få svarande", noDataCount: "utan svar", noAreas: "Kartan har inga områden.")

    static let english = MapWords(
        key: "Key", areasCounted: "Number of districts in brackets.", to: "to under", andMore: "and more",
        pointsLower: "percentage points lower or more", pointsHigher: "percentage points higher or more", lower: "lower",
        higher: "higher", within: "percentage points", pointsShort: "pp", of: "of",
        hidden: { "hidden: fewer than \($0) or derivable from what is shown" },
        hiddenTitle: { "hidden (fewer than \($0), or derivable from what is shown)" },
        lowBase: { "fewer than \($0) respondents: no share" }, lowBaseTitle: { "\($0) respondents, fewer than \($1): no share" },
        lowBaseShort: "too few", noData: "no answers", againstWhole: "percentage points against the whole", mapData: "Map data",
        registryMap: "the registry's map", projection: "Projection", summary: { "Map of \($0) districts: \($1) with a share" },
        hiddenCount: "hidden", lowBaseCount: "with too few respondents", noDataCount: "without answers",
        noAreas: "The map has no districts.")
}
