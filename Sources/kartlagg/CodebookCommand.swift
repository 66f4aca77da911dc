import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningReport

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook", abstract: "Load, list, show and try out codebooks of themes.",
        subcommands: [Load.self, List.self, Show.self, Test.self, Eval.self, Suggest.self])
}
