import Foundation
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// Writes a report: gathers its inputs from the store, renders the Markdown with the kind's template, and writes
/// the charts beside it (`<name>-figurer/`) and, when asked, a standalone HTML page (`<name>.html`).
///
/// ```swift
/// var request = ReportRequest(kind: .theme, out: "tema.md", date: "2025-06-01")
/// request.themes = ["nararbetsplatser"]
/// let written = try ReportBuilder.write(request, store: store)
/// print(written.files)
/// ```
public enum ReportBuilder {
    /// What was written.
    public struct Outcome: Sendable, Equatable {
        /// Every file written, the Markdown first.
        public var files: [String]
        /// One line for the terminal.
        public var summary: String
        /// What the reader of the report should know first (a codebook not applied yet).
        public var warnings: [String] = []
    }

    /// One theme's section as its theme report gathers it — related themes, distinctive words, quotes — for a page
    /// that shows one theme (the workbench).
    public static func themeSection(
        _ theme: Theme, codebook: StoredCodebook, scope: ReportScope, minCell: Int, store: KartlaggningStore,
        publication: Publication? = nil
    ) throws -> ThemeReportInput.Section? {
        var request = ReportRequest(kind: .theme, out: "", date: "")
        request.scope = scope
        request.minCell = minCell
        request.themes = [theme.id]
        return try ThemeReportGatherer.gather(
            store: store, codebook: codebook, themes: [theme], request: request, publication: publication
        ).sections.first
    }

    /// The report's Markdown and its charts (file name → SVG), without writing anything.
    /// It consults the publication ledger and records nothing in it.
    public static func render(_ request: ReportRequest, store: KartlaggningStore) throws -> (markdown: String, charts: [(String, String)]) {
        let publication = try Publication(store: store, output: request.kind.rawValue + " report", appending: false)
        let rendered = try renderWithMethod(request, store: store, publication: publication, alongside: { _ in () })
        return (rendered.made.markdown, rendered.made.charts)
    }

    /// The report, its charts and the method figures it shows (which `write` warns from), its tables protected
    /// together and with what `publication` holds, and recorded in it.
    /// `alongside` is worked out from each round's report while its tables are audited (`Publication.protectTogether`).
    static func renderWithMethod<U: Sendable>(
        _ request: ReportRequest, store: KartlaggningStore, publication: Publication,
        alongside: @escaping @Sendable (Rendered) -> U
    ) throws -> (made: Rendered, alongside: U) {
        try publication.protectTogether({ try renderOnce(request, store: store, publication: publication) }, alongside: alongside)
    }

    /// A report as one round makes it: its Markdown, its charts (file name → SVG) and the method figures it shows.
    typealias Rendered = (markdown: String, charts: [(String, String)], method: MethodNote)

    /// One round of `renderWithMethod`.
    private static func renderOnce(_ request: ReportRequest, store: KartlaggningStore, publication: Publication) throws -> Rendered {
        // An overview needs no codebook: without one loaded it shows the closed questions only.
        let loaded: StoredCodebook?
        do {
            loaded = try store.codebook(id: request.codebook)
        } catch StoreError.codebookNotFound(nil) where request.kind == .overview {
            loaded = nil
        }
        let context: any ReportContext
        let method: MethodNote
        var charts: [(String, String)] = []
        switch request.kind {
        case .theme:
            guard let stored = loaded else { throw StoreError.codebookNotFound(request.codebook) }
            guard !request.themes.isEmpty else { throw ReportError.needsTheme }
            let themes = try request.themes.map { id in
                guard let theme = stored.codebook.themes.first(where: { $0.id == id }) else {
                    throw ReportError.unknownTheme(theme: id, codebook: stored.codebook.id)
                }
                return theme
            }
            let input = try ThemeReportGatherer.gather(
                store: store, codebook: stored, themes: themes, request: request, publication: publication)
            if input.byDistrict.totalSuppressed { throw ReportError.selectionHidden(minCell: request.minCell) }
            charts = input.sections.map { (ThemeReport.chartName($0), ThemeReport.districtChart(input, section: $0)) }
            let folder = figureFolder(request.out, charts: charts)
            var figures: [String: String] = [:]
            for section in input.sections { figures[section.theme.id] = folder.relative + "/" + ThemeReport.chartName(section) }
            context = ThemeReport.context(input, figures: figures)
            method = input.method
        case .overview:
            let arranger = try AreaArranger(store: store, order: request.areaOrder, language: request.language)
            let gathered = try MappingSummaryGatherer.gather(
                store: store, codebook: loaded, filters: request.scope.filters(), surveys: request.scope.surveys, minCell: request.minCell,
                language: request.language, differenceRule: request.differenceRule, publication: publication,
                pooling: request.language.pooling(minBase: request.minBase, groups: arranger.groups))
            if gathered.basis.totalSuppressed { throw ReportError.selectionHidden(minCell: request.minCell) }
            let summary = gathered.arranged(by: try arranger.overview(gathered, codebook: loaded?.codebook.id))
            var note = try MethodGatherer.note(
                store: store, codebook: loaded, minCell: request.minCell, selection: request.scope.lines(request.language))
            note.differenceRule = request.differenceRule
            note.comparedDifferences = summary.comparedDifferences
            note.freshLedger = publication.startedFresh
            note.minBase = request.minBase
            note.leftOut = summary.leftOut
            method = note
            let input = OverviewReportInput(
                codebook: loaded, date: request.date, title: request.title, language: request.language, summary: summary, method: method,
                differences: request.differences)
            charts = OverviewReport.charts(input).map { ($0.name, $0.svg) }
            let folder = figureFolder(request.out, charts: charts)
            context = OverviewReport.context(
                input, figures: Dictionary(charts.map { ($0.0, folder.relative + "/" + $0.0) }, uniquingKeysWith: { first, _ in first }))
        case .district:
            guard let stored = loaded else { throw StoreError.codebookNotFound(request.codebook) }
            let input = try DistrictReportGatherer.gather(store: store, codebook: stored, request: request, publication: publication)
            if input.summary.basis.totalSuppressed { throw ReportError.selectionHidden(minCell: request.minCell) }
            let chart = DistrictReport.chart(input)
            let locator = DistrictReport.locatorMap(input)
            charts = [(chart.name, chart.svg)] + (locator.map { [($0.name, $0.svg)] } ?? [])
            let folder = figureFolder(request.out, charts: charts).relative
            context = DistrictReport.context(input, figure: folder + "/" + chart.name, locator: locator.map { folder + "/" + $0.name })
            method = input.method
        }
        let markdown = try ReportTemplate.render(
            context, kind: request.kind, language: request.language, template: request.template?.text,
            file: request.template?.file ?? "(built-in)")
        return (markdown, charts, method)
    }

    /// Renders the report and writes it, its charts and (with `request.html`) its HTML page. A template error
    /// leaves every file as it was.
    public static func write(_ request: ReportRequest, store: KartlaggningStore) throws -> Outcome {
        try ReportFileSet(out: request.out, chartFolder: figureFolder(request.out).path, version: "").checkFolder()
        let publication = try Publication(
            store: store, output: "\(request.kind.rawValue) report \((request.out as NSString).lastPathComponent)",
            appending: request.publish, fresh: request.freshLedger)
        // The HTML page laid out while the report's tables are audited.
        let html = request.html
        let rendered = try renderWithMethod(request, store: store, publication: publication) { made in
            html ? page(request, markdown: made.markdown, charts: made.charts) : nil
        }
        let (markdown, charts, method) = rendered.made
        var warnings: [String] = []
        if !publication.unresolved.isEmpty {
            warnings.append(CrossTabQuery.unresolvedNote(publication.unresolved))
        }
        if method.hasCodebook && !method.applied {
            warnings.append(
                "codebook \"\(method.codebook)\" revision \(method.revision) has not been applied: run \(Remedy.tag) for its themes")
        }
        let folder = figureFolder(request.out, charts: charts)
        var set = ReportFileSet(out: request.out, chartFolder: figureFolder(request.out).path, version: ReportFileSet.version(of: charts))
        var files = [request.out]
        for (name, svg) in charts {
            set.addChart(name, svg)
            files.append(folder.path + "/" + name)
        }
        set.add(request.out, markdown)
        if let html = rendered.alongside {
            let page = (request.out as NSString).deletingPathExtension + ".html"
            set.add(page, html)
            files.insert(page, at: 1)
        }
        try set.write()
        // Recorded once the files are in place: the ledger never holds what no one was given.
        try publication.commit()
        let what =
            switch request.kind {
            case .theme: "theme report on \(request.themes.joined(separator: ", "))"
            case .overview: "overview report"
            case .district: "district report on \(request.scope.districts.first ?? "")"
            }
        return Outcome(
            files: files, summary: "\(request.out): \(what); \(files.count - 1) more file\(files.count == 2 ? "" : "s") beside it",
            warnings: warnings)
    }

    /// The report as one standalone HTML page, its charts inline.
    static func page(_ request: ReportRequest, markdown: String, charts: [(String, String)]) -> String {
        let folder = figureFolder(request.out, charts: charts)
        let inline = Dictionary(charts.map { (folder.relative + "/" + $0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        let title = markdown.split(separator: "\n").first.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? ""
        return HTMLPage.render(markdown: markdown, title: HTMLPage.unescape(title), language: request.language, figures: inline)
    }

    /// The folder charts go to: `tema.md` → `tema-figurer`, and its name as the report links it; with `charts`, the
    /// folder of their version in it (`tema-figurer/<version>`, `ReportFileSet`).
    static func figureFolder(_ out: String, charts: [(String, String)]? = nil) -> (path: String, relative: String) {
        var path = (out as NSString).deletingPathExtension + "-figurer"
        var relative = Markdown.linkTarget((path as NSString).lastPathComponent)
        if let charts {
            let version = ReportFileSet.version(of: charts)
            path += "/" + version
            relative += "/" + version
        }
        return (path, relative)
    }
}
