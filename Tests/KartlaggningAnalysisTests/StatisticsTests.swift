import Foundation
import TestSupport
import Testing

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

/// Statistics never undo protection (#22.6): the enumeration attack — every fill of the hidden cells that keeps what
/// the table shows, tried against the printed χ² — finds more than one fill for every hidden cell.
struct ProtectedStatisticsTests {
    /// A rating × district table of small districts: two ratings few gave.
    static let counts = [[12, 9, 15, 7], [1, 2, 1, 0], [14, 11, 9, 8], [2, 1, 0, 2], [20, 16, 18, 11]]

    @Test func theEnumerationAttackFindsMoreThanOneFillForEveryHiddenCell() throws {
        let rowValues = (1...5).map(String.init)
        let colValues = ["Anundsjö", "Nätra", "Grundsunda", "BLT"]
        var options = HandMadeTable()
        options.minCell = 3
        options.stats = true
        let rowBase = Self.counts.map { $0.reduce(0, +) }
        let colBase = (0..<4).map { c in Self.counts.reduce(0) { $0 + $1[c] } }
        let grand = rowBase.reduce(0, +)
        let table = CrossTabulation.tabulate(
            counts: Self.counts, rowBase: rowBase, colBase: colBase, grand: grand, rowValues: rowValues, colValues: colValues,
            options: options)
        let printed = try #require(table.stats?.table?.chiSquare)
        #expect(table.stats?.warnings.contains { $0.hasPrefix("χ² with the rows holding hidden cells merged into one") } == true)
        let hidden = rowValues.map { row in
            colValues.map { col in table.cells.first { $0.row == row && $0.col == col }?.suppressed ?? false }
        }
        let hiddenRowTotal = table.rowTotals.map(\.suppressed)
        let hiddenColTotal = table.colTotals.map(\.suppressed)
        #expect(hidden.joined().contains(true))
        // Every table an attacker cannot tell from this one: shown cells and totals as printed, hidden cells free.
        var fills: [[[Int]]] = []
        var current = Self.counts
        let places = (0..<5).flatMap { r in (0..<4).compactMap { c in hidden[r][c] ? (r, c) : nil } }
        // Row by row, each row's hidden cells taking what its shown total leaves; columns checked at the end.
        func fill(_ index: Int, left: Int) {
            if index == places.count || (index > 0 && places[index].0 != places[index - 1].0) {
                guard left == 0 else { return }
                if index == places.count {
                    if (0..<4).allSatisfy({ c in current.reduce(0) { $0 + $1[c] } == colBase[c] }) { fills.append(current) }
                    return
                }
            }
            let (r, c) = places[index]
            let remaining =
                index == 0 || places[index - 1].0 != r
                ? rowBase[r] - (0..<4).filter { !hidden[r][$0] }.reduce(0) { $0 + Self.counts[r][$1] } : left
            let lastInRow = index + 1 == places.count || places[index + 1].0 != r
            for value in (lastInRow ? remaining...remaining : 0...remaining) where value <= colBase[c] {
                current[r][c] = value
                fill(index + 1, left: remaining - value)
            }
            current[r][c] = Self.counts[r][c]
        }
        fill(0, left: 0)
        #expect(fills.contains(Self.counts))
        // With the printed (merged) χ²: every fill fits, so every hidden cell keeps more than one value.
        let fitting = fills.filter { candidate in
            let stats = ProtectedStatistics.compute(
                counts: candidate, rowBase: rowBase, colBase: colBase, rowValues: rowValues, colValues: colValues, hidden: hidden,
                hiddenRowTotal: hiddenRowTotal, hiddenColTotal: hiddenColTotal, multiResponseRows: false, multiResponseCols: false)
            return stats.table.map { abs($0.chiSquare - printed) < 1e-9 } ?? false
        }
        #expect(fitting.count == fills.count)
        for (r, c) in places where Self.counts[r][c] > 0 {
            #expect(Set(fitting.map { $0[r][c] }).count > 1, "cell \(r),\(c)")
        }
        // The whole table's χ², as printed before, singles the truth out among them: the attack this rule stops.
        let whole = ChiSquare.test(Self.counts.map { $0.map(Double.init) })?.chiSquare ?? 0
        let byWhole = fills.filter { abs((ChiSquare.test($0.map { $0.map(Double.init) })?.chiSquare ?? -1) - whole) < 1e-9 }
        #expect(byWhole.count < fills.count)
    }

    @Test func mergingSumsTheMarkedLines() {
        #expect(
            ProtectedStatistics.merge([[1, 2, 3], [4, 5, 6], [7, 8, 9]], rows: [true, false, true], cols: [false, true, false])
                == [[4, 6, 5], [8, 12, 10]])
    }
}
