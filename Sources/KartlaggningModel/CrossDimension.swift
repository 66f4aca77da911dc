/// A dimension a cross-tab can have as rows or columns.
public enum CrossDimension: Hashable, Sendable, CustomStringConvertible {
    case theme, district, serviceTown, kind, sector, survey, wave, interviewer
    /// A closed question's id (choice, multi, scale, boolean; integer and decimal with bins).
    case question(String)

    /// `theme`, `district`, `service-town`, `kind`, `sector`, `survey`, `wave`, `interviewer`, or a question id.
    public init(_ text: String) {
        switch text {
        case "theme": self = .theme
        case "district": self = .district
        case "service-town", "service_town", "serviceTown": self = .serviceTown
        case "kind": self = .kind
        case "sector": self = .sector
        case "survey": self = .survey
        case "wave": self = .wave
        case "interviewer": self = .interviewer
        default: self = .question(text)
        }
    }

    public var description: String {
        switch self {
        case .theme: "theme"
        case .district: "district"
        case .serviceTown: "service-town"
        case .kind: "kind"
        case .sector: "sector"
        case .survey: "survey"
        case .wave: "wave"
        case .interviewer: "interviewer"
        case .question(let id): id
        }
    }

    /// The sectors, in the order tables show them.
    public static let sectors = ["ideell", "privat", "offentlig", "(övrigt)"]

    /// The sector a respondent kind belongs to: föreningar are ideell, företag privat, offentlig offentlig.
    public static func sector(ofKind kind: String) -> String {
        switch MatchKey.make(kind) {
        case "forening": "ideell"
        case "foretag": "privat"
        case "offentlig": "offentlig"
        default: "(övrigt)"
        }
    }
}
