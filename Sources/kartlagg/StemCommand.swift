import ArgumentParser
import KartlaggningAnalysis

struct StemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stem",
        abstract: "Print each word's Swedish Snowball stem: what a codebook keyword will match.",
        discussion: "A plain keyword such as `förening` matches every word with the same stem (föreningar, föreningen, föreningarnas).")

    @Argument(help: "The words to stem.") var words: [String]

    func run() throws {
        for word in words { print("\(word)\t\(SwedishStemmer.stem(word))") }
    }
}
