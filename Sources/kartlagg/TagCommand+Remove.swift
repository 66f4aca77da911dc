import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A coder says an answer is not about a theme (overrules the auto tag).")
        @OptionGroup var decision: Decision

        func run() throws {
            try Console.run {
                try decision.record(negative: true)
                print("answer \(decision.answer): \(decision.coder) says not \(decision.theme)")
            }
        }
    }
}
