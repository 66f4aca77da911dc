import Mustache

/// The variables of a theme report (see `ThemeReport.swedish`). With one theme, its section's variables are also at
/// the top level, so a short template needs no `{{#sections}}`.
public struct ThemeReportContext: ReportContext, MustacheParent, Equatable {
    public var title: String
    public var codebook: String
    public var version: String
    public var revision: Int
    public var date: String
    public var total: String
    public var minCell: Int
    public var sections: [ReportThemeSection]
    public var method: MethodBox.Context
    /// The summary's sentences (`ReportSummary.themes`), one per theme.
    public var summary: [String] = []
    public var hasSummary = false

    /// A variable by name: the report's own, else (with one theme) its section's.
    public func child(named name: String) -> Any? {
        if let own = Mirror(reflecting: self).children.first(where: { $0.label == name }) { return own.value }
        guard sections.count == 1, let section = sections.first else { return nil }
        return Mirror(reflecting: section).children.first { $0.label == name }?.value
    }
}
