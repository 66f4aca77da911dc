import ArgumentParser
import KartlaggningReport

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes", abstract: "Each theme with the answers and respondents tagged, the themes below it included.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    @Option(help: "text, json, csv or markdown.") var format: AnswerListFormat = .text

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            print(try ThemeTree.render(try store.themeCounts(try store.codebook(id: codebook)), format: format), terminator: "")
        }
    }
}
