import Foundation

/// The kinds of respondent kartlagg knows; a survey may declare more.
public enum RespondentKind {
    /// The built-in kinds: companies, associations, thematic groups, public bodies, written input and private persons.
    public static let builtIn = ["företag", "förening", "temagrupp", "offentlig", "inspel", "privatperson"]

    /// The canonical kind for `raw` among `allowed`, compared case- and diacritic-insensitively
    /// (`Foretag`, `FÖRETAG` → `företag`); nil when none matches.
    public static func canonical(_ raw: String, allowed: [String]) -> String? {
        let key = MatchKey.make(raw)
        return allowed.first { MatchKey.make($0) == key }
    }
}
