import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
    struct CodebookOption: ParsableArguments {
        @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    }
}
