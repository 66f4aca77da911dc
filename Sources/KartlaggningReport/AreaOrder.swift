/// How a report orders its areas (`report --area-order`): as the registry lists them, largest first, by name, or by
/// a theme's share, highest first. Areas whose figure is hidden come after those shown, in registry order, so an
/// order never tells what a hidden cell holds; the area of no-one comes last.
public enum AreaOrder: Sendable, Equatable, CustomStringConvertible {
    case registry
    /// Most respondents first.
    case size
    /// Alphabetical, as Swedish sorts (å, ä, ö after z).
    case name
    /// The theme's share of each area's respondents, highest first; nil: each theme report section's own theme.
    case share(theme: String?)

    /// `registry`, `size`, `name`, `share` or `share:THEME`.
    public init?(areaOrder argument: String) {
        switch argument {
        case "registry": self = .registry
        case "size": self = .size
        case "name": self = .name
        case "share": self = .share(theme: nil)
        default:
            guard argument.hasPrefix("share:"), argument.count > "share:".count else { return nil }
            self = .share(theme: String(argument.dropFirst("share:".count)))
        }
    }

    public var description: String {
        switch self {
        case .registry: "registry"
        case .size: "size"
        case .name: "name"
        case .share(let theme): theme.map { "share:\($0)" } ?? "share"
        }
    }
}
