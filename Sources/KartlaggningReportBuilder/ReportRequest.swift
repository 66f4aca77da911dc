import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// What `kartlagg report` is asked for.
public struct ReportRequest: Sendable {
    public var kind: ReportKind
    /// Where the Markdown goes; charts go to `<name>-figurer/`, the HTML page to `<name>.html`.
    public var out: String
    /// Themes of a theme report (one section each).
    public var themes: [String] = []
    public var scope = ReportScope()
    public var codebook: String?
    public var title: String?
    /// Quotes per district (theme report) or per theme (district report).
    public var quotes = 2
    public var minCell = CrossSpec.defaultMinCell
    /// An area is broken out for a question from this many answers; fewer, and it is counted in its registry group or
    /// in "Övriga områden" (`AreaPooling`). 0: every area on its own.
    public var minBase = 10
    public var language = ReportLanguage.sv
    /// The report's date (ISO), so the same database gives the same report.
    public var date: String
    /// A user's template: its path and text.
    public var template: (file: String, text: String)?

    /// Reads a user's template file into `template`.
    /// - Throws: `ReportError.unreadableTemplate` when it cannot be read as UTF-8.
    public mutating func useTemplate(at path: String) throws {
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw ReportError.unreadableTemplate(path: path)
        }
        template = (path, text)
    }
    public var html = false
    /// Append what the report publishes to the publication ledger beside the database (reports do by default).
    public var publish = true
    /// Start a new ledger first (`--fresh`): the method box says so.
    public var freshLedger = false
    /// The order of the areas in the overview and theme reports (`--area-order`); the registry's groups either way.
    public var areaOrder = AreaOrder.registry
    /// How many of the largest differences the overview and district reports list.
    public var differences = 10
    /// Which differences they show: both groups large enough, holding after a multiple-comparison correction.
    public var differenceRule = DifferenceRule()

    public init(kind: ReportKind, out: String, date: String) {
        self.kind = kind
        self.out = out
        self.date = date
    }
}
