import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a Markdown report for a thematic-group meeting: who raised a theme, where, and what they said.",
        discussion:
            "So far the theme report (--kind theme) exists; overview and district reports, charts and HTML are to come. Quotes are pseudonymised and chosen deterministically; the same database and options give the same file."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp("Where to write the report.", valueName: "file.md")) var out: String
    @Option(help: "theme (overview and district are not written yet).") var kind: String = "theme"
    @Option(help: "The theme the report is about.") var theme: String
    @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    @Option(help: "A title (default: Tema: the theme's label).") var title: String?
    @Option(help: "Quotes per district.") var quotes: Int = 2
    @Option(help: "Suppress counts below this (0: off).") var minCell: Int = 3
    @Option(help: ArgumentHelp("The report's date (default: today).", valueName: "yyyy-mm-dd")) var date: String?
    @Option(help: ArgumentHelp("A Mustache template to use instead of the built-in one.", valueName: "file")) var template: String?

    func validate() throws {
        if kind != "theme" { throw ValidationError("--kind \(kind) is not written yet; --kind theme is") }
        if quotes < 0 || minCell < 0 { throw ValidationError("--quotes and --min-cell are 0 or more") }
    }

    func run() throws {
        try Console.run {
            let store = try database.open(creating: false)
            let stored = try store.codebook(id: codebook)
            guard let themeDefinition = stored.codebook.themes.first(where: { $0.id == theme }) else {
                throw StoreError.themeNotFound(theme: theme, codebook: stored.codebook.id)
            }
            let day = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
            let input = try ThemeReportGatherer.gather(
                store: store, codebook: stored, theme: themeDefinition, date: day, title: title, quotesPerDistrict: quotes, minCell: minCell
            )
            let templateText = try template.map { path -> String in
                guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                    throw ValidationError("\(path): cannot be read as UTF-8 text")
                }
                return text
            }
            // Figures go beside the report: tema.md → tema-figurer/omraden.svg.
            let base = (out as NSString).deletingPathExtension
            let folder = base + "-figurer"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let chart = folder + "/omraden.svg"
            guard FileManager.default.createFile(atPath: chart, contents: Data(ThemeReport.districtChart(input).utf8)) else {
                throw ValidationError("\(chart): cannot be written")
            }
            let relative = (folder as NSString).lastPathComponent + "/omraden.svg"
            let markdown = try ThemeReport.render(input, template: templateText, file: template ?? "(built-in)", figure: relative)
            guard FileManager.default.createFile(atPath: out, contents: Data(markdown.utf8)) else {
                throw ValidationError("\(out): cannot be written")
            }
            print("\(out): theme report on \(theme) (\(input.quotes.count) quotes)")
        }
    }
}
