import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel
import KartlaggningReport

extension TagCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A coder tags an answer with a theme.")
        @OptionGroup var decision: Decision

        func run() throws {
            try Console.run {
                try decision.record(negative: false)
                print("answer \(decision.answer): \(decision.coder) tags \(decision.theme)")
            }
        }
    }
}
