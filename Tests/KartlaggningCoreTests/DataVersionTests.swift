import KartlaggningModel
import TestSupport
import Testing

@testable import KartlaggningCore

/// The data version the publication ledger keys its records by (#22.4): it changes with every write that changes
/// something, and with nothing else.
struct DataVersionTests {
    @Test func theDataVersionChangesWithTheDataOnly() throws {
        let store = try StoreFixtures.companyStore()
        let first = try store.contentVersion()
        #expect(first.count == 32)
        _ = try store.surveys()
        _ = try store.status()
        #expect(try store.contentVersion() == first)
        // A write that changes nothing leaves it.
        #expect(try store.addSurvey(StoreFixtures.companySurvey) == .unchanged)
        #expect(try store.contentVersion() == first)
        var changed = StoreFixtures.companySurvey
        changed.title = "Ny titel"
        #expect(try store.addSurvey(changed) == .replaced)
        let second = try store.contentVersion()
        #expect(second != first)
        // Another database never claims the same version.
        #expect(try StoreFixtures.companyStore().contentVersion() != second)
    }
}
