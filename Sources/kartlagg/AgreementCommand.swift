import ArgumentParser
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "How two coders agree (either may be `auto`): Cohen's κ, percent agreement, precision, recall and F1 per theme.",
        discussion:
            "The unit is the answer; only answers both coders coded count. Precision, recall and F1 are the first coder's against the second: `--coder auto --coder anna` measures the codebook against Anna."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    @Option(help: "A coder (give two; `auto` is the matcher).") var coder: [String]
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        if coder.count != 2 { throw ValidationError("give exactly two coders: --coder A --coder B") }
    }

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            let stored = try store.codebook(id: codebook)
            let known = try store.coders(codebook: stored)
            for name in coder where !known.contains(name) {
                throw ValidationError("no coding by \"\(name)\" with \(stored.codebook.id); coders: \(known.joined(separator: ", "))")
            }
            let report = Agreement.compute(
                coderA: coder[0], a: try store.coding(by: coder[0], codebook: stored), coderB: coder[1],
                b: try store.coding(by: coder[1], codebook: stored), themes: stored.codebook.themes.map(\.id))
            print(try AgreementTable.render(report, json: format == .json), terminator: "")
        }
    }
}
