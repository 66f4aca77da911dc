import KartlaggningCore
import KartlaggningModel
import Testing

/// The matcher's name is stated once, and people cannot take it however they spell it.
struct CoderTests {
    @Test func theMatchersNameIsReservedInAnySpelling() {
        #expect(Coder.auto.rawValue == "auto" && Coder.auto.isAuto)
        #expect(Coder.autoSQL == "'\(Coder.auto.rawValue)'")
        for name in ["auto", "AUTO", " Auto ", "áuto"] { #expect(Coder.isReserved(name), "\(name)") }
        for name in ["Anna", "automat", "au to"] { #expect(!Coder.isReserved(name), "\(name)") }
        #expect(!Coder(rawValue: "Anna").isAuto)
    }
}
