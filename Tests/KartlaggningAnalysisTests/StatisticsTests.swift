import Foundation
import Testing
import TestSupport

@testable import KartlaggningAnalysis

struct StatisticsTests {
    /// Wikipedia's worked example of Cohen's κ: 50 proposals, both yes 20, A only 5, B only 10, both no 15:
    /// p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
    @Test func kappaMatchesThePublishedExample() {
        var a: [Int64: Set<String>] = [:]
        var b: [Int64: Set<String>] = [:]
        for id in Int64(0)..<50 {
            let (inA, inB) = id < 20 ? (true, true) : id < 25 ? (true, false) : id < 35 ? (false, true) : (false, false)
            a[id] = inA ? ["x"] : []
            b[id] = inB ? ["x"] : []
        }
        let report = Agreement.compute(coderA: "A", a: a, coderB: "B", b: b, themes: ["x"])
        let x = report.themes[0]
        #expect((x.both, x.onlyA, x.onlyB, x.neither) == (20, 5, 10, 15))
        #expect(abs(x.percentAgreement - 0.7) < 1e-12)
        #expect(abs(x.kappa! - 0.4) < 1e-12)
        // Precision 20/25, recall 20/30, F1 = 2·0.8·0.667/(0.8+0.667) = 0.727…
        #expect(abs(x.precision! - 0.8) < 1e-12)
        #expect(abs(x.recall! - 2.0 / 3.0) < 1e-12)
        #expect(abs(x.f1! - 0.7272727272727273) < 1e-12)
        #expect(report.disagreements.count == 15)
    }

    @Test func pooledAndUndefinedKappa() {
        let a: [Int64: Set<String>] = [1: ["x"], 2: ["x", "y"], 3: [], 4: ["y"], 9: ["x"]]
        let b: [Int64: Set<String>] = [1: ["x"], 2: ["x"], 3: ["y"], 4: ["y"]]
        let report = Agreement.compute(coderA: "auto", a: a, coderB: "anna", b: b, themes: ["x", "y", "z"])
        #expect(report.answers == 4)  // answer 9 was coded by one coder only
        // y: both 1 (4), A only 1 (2), B only 1 (3), neither 1 (1): p_o 0.5, p_e 0.5 → κ 0.
        #expect(report.themes[1].kappa == 0)
        // z: nobody uses it, chance agreement is total: κ undefined.
        #expect(report.themes[2].kappa == nil)
        #expect(report.themes[2].percentAgreement == 1)
        // Pooled over 12 decisions: both 3, A only 1, B only 1, neither 7 → p_o 10/12, p_e (4/12)² + (8/12)² = 5/9 → κ 5/8.
        #expect(report.overall.units == 12)
        #expect(abs(report.overall.kappa! - 0.625) < 1e-12)
        #expect(
            report.disagreements == [
                .init(answer: 2, theme: "y", taggedBy: "auto"), .init(answer: 3, theme: "y", taggedBy: "anna"),
            ])
    }

    /// G² = 2·Σ O·ln(O/E): a = 10 in a group of 100 tokens, b = 5 in the rest's 200: E = 5 and 10,
    /// G² = 2·(10·ln 2 + 5·ln 0.5) = 10·ln 2 = 6.9315.
    @Test func logLikelihoodByHand() {
        #expect(abs(Keyness.logLikelihood(a: 10, b: 5, c: 100, d: 200) - 10 * log(2.0)) < 1e-12)
        #expect(Keyness.logLikelihood(a: 0, b: 0, c: 10, d: 10) == 0)
        // A term only in the group: 2·a·ln((c+d)/c).
        #expect(abs(Keyness.logLikelihood(a: 3, b: 0, c: 30, d: 70) - 6 * log(100.0 / 30.0)) < 1e-12)
    }

    @Test func keynessRanksDistinctiveTerms() {
        var keyness = Keyness()
        keyness.add("Bussen går inte. Bussen är sen. Vi vill ha fiber.", to: "Nätra")
        keyness.add("Fiber och fiber, mer fiber, fiber till byn.", to: "BLT")
        #expect(keyness.counts["Nätra"]?["och"] == nil)  // a stop word
        #expect(keyness.frequent(in: "Nätra", top: 2).map(\.term) == ["bussen", "fiber"])
        #expect(keyness.distinctive(in: "Nätra", top: 1).map(\.term) == ["bussen"])
        #expect(keyness.distinctive(in: "BLT", top: 1).map(\.term) == ["fiber"])
        #expect(!keyness.distinctive(in: "Nätra", top: 10).map(\.term).contains("fiber"))
    }

    /// Terms by lemma: inflected forms counted together, shown as the most frequent form with the others; function
    /// words that name no theme left out; pairs of neighbouring words within a clause.
    @Test func termsAreCountedByLemma() {
        var keyness = Keyness()
        keyness.add("Föreningen och föreningarna. Föreningarna kommer att finnas kvar, också många föreningar.", to: "a")
        keyness.add("Bussen går bara sällan.", to: "b")
        let frequent = keyness.frequent(in: "a", top: 10)
        #expect(frequent.first?.term == "föreningarna")
        #expect(frequent.first?.count == 4)
        #expect(frequent.first?.forms == ["föreningar", "föreningen"])
        #expect(frequent.map(\.term) == ["föreningarna", "kvar"])  // kommer, finnas, också, många: function words
        #expect(keyness.frequent(in: "b", top: 10).map(\.term) == ["bussen"])  // går, bara, sällan
        var pairs = Keyness(ngrams: 2)
        pairs.add("Det finns inget samarbete. Kollektiv trafik saknas, en närarbetsplats behövs; kollektiv trafiken går.", to: "a")
        let bigrams = pairs.frequent(in: "a", top: 10)
        // inget samarbete (a negation and a word), kollektiv trafik (twice, two forms); not across the full stop or
        // comma, not en närarbetsplats (a stop word), not närarbetsplats behövs (a function word).
        #expect(bigrams.map(\.term) == ["kollektiv trafik", "inget samarbete", "trafik saknas"])
        #expect(bigrams.first?.count == 2)
        #expect(bigrams.first?.forms == ["kollektiv trafiken"])
    }

    @Test(.enabled(if: Paths.conformanceAvailable, "../shared/conformance/ is not beside this clone: the public suites cannot run"))
    func stopWordsAreSnowballs() throws {
        let text = try String(
            contentsOf: Paths.conformance.appendingPathComponent("snowball-swedish/spec/website-swedish-stop.txt"), encoding: .utf8)
        let words = text.split(separator: "\n").compactMap { line -> String? in
            let word = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : word
        }
        #expect(Set(words) == SwedishStopWords.words)
        #expect(words.count == 114)
    }
}
