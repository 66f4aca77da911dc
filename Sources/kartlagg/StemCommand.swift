import ArgumentParser
import KartlaggningAnalysis

struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Print each word's Swedish Snowball stem: what terms counts by.",
        discussion:
            "Under a codebook's `matching: stem` (the rule of codebooks stored before the choice existed) a plain keyword matches every word with the same stem. Under the default rule a keyword matches its own inflected forms and compounds instead: see `kartlagg codebook test ID TEXT --why WORD`."
    )

    @Argument(help: "The words to stem.") var words: [String]

    func run() throws {
        for word in words { print("\(word)\t\(SwedishStemmer.stem(word))") }
    }
}
