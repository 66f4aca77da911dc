import Testing

@testable import KartlaggningImport

struct SwedishValuesTests {
    @Test(arguments: [
        ("12", 12), ("12 000", 12000), ("12\u{00A0}000", 12000), ("1\u{202F}234\u{202F}567", 1_234_567), ("−3", -3), ("+4", 4),
        // Google Sheets and Excel write whole numbers as `6.0`; `6,00` with a Swedish mark.
        ("6.0", 6), ("6,00", 6), ("12 000,0", 12000), ("-2.0", -2),
    ])
    func integers(text: String, value: Int) {
        #expect(SwedishValues.integer(text) == value)
    }

    // `1.000` is a thousand or one; `3.05` is no whole number; a bare mark is no number.
    @Test(arguments: ["12,5", "tolv", "", "1 2a", "1.000", "3.05", ".0", "6.", "6.0.0"])
    func notIntegers(text: String) {
        #expect(SwedishValues.integer(text) == nil)
    }

    @Test(arguments: [
        ("3,5", 3.5), ("1 234,5", 1234.5), ("1\u{00A0}234,50", 1234.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
        ("3.5", 3.5), ("1.234.567", 1_234_567), ("−0,25", -0.25), ("7", 7),
    ])
    func decimals(text: String, value: Double) {
        #expect(SwedishValues.decimal(text) == value)
    }

    @Test(arguments: ["1,2,3", "3,5,", "tre", "1.2.3", "nan", "inf"])
    func notDecimals(text: String) {
        #expect(SwedishValues.decimal(text) == nil)
    }

    @Test(arguments: [
        ("Ja", true), ("nej", false), ("JA", true), ("J", true), ("N", false), ("yes", true), ("false", false), ("1", true), ("0", false),
    ])
    func booleans(text: String, value: Bool) {
        #expect(SwedishValues.boolean(text) == value)
    }

    @Test(arguments: ["kanske", "", "ja!"])
    func notBooleans(text: String) {
        #expect(SwedishValues.boolean(text) == nil)
    }

    @Test(arguments: [
        ("2025-03-14", "2025-03-14"), ("2025-3-4", "2025-03-04"), ("2025/03/14", "2025-03-14"), ("20250314", "2025-03-14"),
        ("14/3/2025", "2025-03-14"), ("14.3.2025", "2025-03-14"), ("14/3 2025", "2025-03-14"), ("14 mars 2025", "2025-03-14"),
        ("1 okt 2024", "2024-10-01"), ("2025-03-14 10:30", "2025-03-14"), ("2025-03-14T10:30:00", "2025-03-14"),
        ("29 februari 2024", "2024-02-29"),
    ])
    func dates(text: String, iso: String) {
        #expect(SwedishValues.date(text) == iso)
    }

    @Test(arguments: ["2025-02-30", "29 februari 2025", "14 smarch 2025", "igår", "2025-13-01", "3/14"])
    func notDates(text: String) {
        #expect(SwedishValues.date(text) == nil)
    }

    @Test(arguments: [("4", 4), ("4 - Ganska nöjd", 4), ("5 = Mycket nöjd", 5), ("2: Dålig", 2)])
    func scalePoints(text: String, value: Int) {
        #expect(SwedishValues.scalePoint(text) == value)
    }

    @Test func scaleLabelWithoutNumberIsNotAPoint() {
        #expect(SwedishValues.scalePoint("Ganska nöjd") == nil)
    }
}
