import Testing

@testable import KartlaggningCore

/// The quotes' one-pass choice keeps what sorting every candidate and taking each district's first would keep.
struct QuoteChoiceTests {
    @Test(arguments: [1, 2, 7]) func theSameAsSortingEverything(perDistrict: Int) {
        var generator = SystemRandomNumberGenerator()
        let districts = ["Nätra", "BLT", "", "Anundsjö", "Ö-vik", "Arnäs"]
        for _ in 0..<20 {
            let picks = (0..<Int.random(in: 0...300, using: &generator)).map { index in
                QuoteChoice.Pick(
                    answer: Int64(index * 7 % 307), district: districts.randomElement(using: &generator) ?? "",
                    matched: Int.random(in: 0...4, using: &generator))
            }
            var choice = QuoteChoice(perDistrict: perDistrict)
            for pick in picks.shuffled(using: &generator) {
                choice.offer(answer: pick.answer, district: pick.district, matched: pick.matched)
            }
            let expected = Dictionary(grouping: picks, by: \.district)
                .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                .flatMap { _, group in group.sorted { $0.isBetter(than: $1) }.prefix(perDistrict) }
            #expect(choice.chosen == expected)
        }
    }
}
