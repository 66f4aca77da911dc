import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningImport

/// The evaluation set (Tests/Evaluation/) under each matching rule: the figures docs/codebook.md quotes, held here so a
/// change to the matcher that loses them fails.
struct MatchingEvaluationTests {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/Evaluation")

    static func run(_ rule: KeywordMatching, codebook: String = "matching-codebook.yaml") throws -> CodebookEvaluation.Result {
        try CodebookEvaluation.run(
            codebook: folder.appendingPathComponent(codebook).path, set: folder.appendingPathComponent("matching-set.tsv").path,
            matching: rule)
    }

    /// Recall over the answers that write a keyword inflected, as a genitive, in a compound or hyphenated.
    static func inflectionRecall(_ result: CodebookEvaluation.Result) -> Double {
        let forms = result.forms.filter { ["infl", "gen", "comp", "hyph"].contains($0.form) }
        return Double(forms.map(\.found).reduce(0, +)) / Double(forms.map(\.labelled).reduce(0, +))
    }

    @Test func theDefaultFindsInflectionsAndCompounds() throws {
        let set = try Self.run(.stem)
        #expect(set.answers == 610)
        let stem = set
        let forms = try Self.run(.forms)
        let compounds = try Self.run(.compounds)
        // Figures of this set (docs/codebook.md, the matching table): recall on inflected and compounded keywords.
        #expect(Self.inflectionRecall(stem) < 0.55)
        #expect(Self.inflectionRecall(forms) > 0.70)
        #expect(Self.inflectionRecall(compounds) >= 0.95)
        // Every inflected form and genitive the set names is found without the stem rule's false friends.
        #expect(forms.forms.first { $0.form == "infl" }?.recall == 1)
        #expect(forms.micro.precision >= 0.97)
        #expect(compounds.micro.precision >= 0.95)
        #expect(compounds.micro.f1 >= stem.micro.f1 + 0.2)
        #expect(KeywordMatching.default == .compounds)
    }

    @Test func aLabelThatIsNoThemeNamesItsLine() throws {
        let folder = TemporaryDirectory()
        let set = folder.write("set.csv", "text;themes\nBussen är sen;kollektivtrafik\nSkolan;skolor\n")
        #expect {
            try CodebookEvaluation.run(codebook: Self.folder.appendingPathComponent("matching-codebook.yaml").path, set: set)
        } throws: { error in
            (error as? LocalizedError)?.errorDescription?.contains(
                "set.csv:3: column \"themes\": \"skolor\" is not a theme of codebook eval")
                == true
        }
    }
}
