import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook", abstract: "Load, list, show, try out, score and extend codebooks of themes.",
        discussion:
            "A plain keyword (förening) matches every inflected form of the word (föreningen, föreningar, föreningarnas) and, with the default `matching: compounds`, compounds that begin with it (föreningsliv); `*word` matches it as a compound's last part in any form, `word*` a prefix, `*word*` anywhere, `=word` exactly. `matching: forms` turns compounds off; `matching: stem` is the Snowball rule of codebooks stored before. See Schemas/codebook.schema.json.",
        subcommands: [Load.self, List.self, Show.self, Test.self, Eval.self, Suggest.self])
}
