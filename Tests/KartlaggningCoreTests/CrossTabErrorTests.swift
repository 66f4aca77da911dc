import KartlaggningCore
import KartlaggningModel
import TestSupport
import Testing

/// A cross-tab that cannot be made says why as a typed case carrying the names involved, and reads the same as before.
struct CrossTabErrorTests {
    @Test func eachRefusalIsATypedCase() throws {
        let store = try StoreFixtures.companyStore()
        #expect(throws: StoreError.unknownDimension("nope")) {
            try store.crossFacts(CrossSpec(rows: .question("nope"), cols: .district))
        }
        #expect(throws: StoreError.notCrossTabulable(question: "ideer", type: "text")) {
            try store.crossFacts(CrossSpec(rows: .question("ideer"), cols: .district))
        }
        #expect(throws: StoreError.binsNeeded(question: "anstallda", type: "integer")) {
            try store.crossFacts(CrossSpec(rows: .question("anstallda"), cols: .district))
        }
        #expect(
            StoreError.notCrossTabulable(question: "ideer", type: "text").errorDescription
                == "crosstab: \"ideer\" is a text question; cross-tabs take choice, multi, scale, boolean, and integer or decimal "
                + "with \(Remedy.giveBins)")
        #expect(
            StoreError.ambiguousQuestion("nojd", surveys: ["a", "b"]).errorDescription
                == "crosstab: several surveys have a question \"nojd\"; write survey/question: a/nojd, b/nojd")
        #expect(
            StoreError.notARespondentField("theme", filtering: true).errorDescription
                == "crosstab: theme is not a respondent field to filter by")
    }
}
