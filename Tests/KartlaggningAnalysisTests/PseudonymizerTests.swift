import Testing

@testable import KartlaggningAnalysis

struct PseudonymizerTests {
    static let clean = Pseudonymizer(people: ["Karin Lund", "Per N"], organisations: ["Bredbyns Såg AB", "IF Nätra"])

    @Test(arguments: [
        ("Mejla karin.lund@exempel.se eller info@bredbyn-sag.se", "Mejla [e-post] eller [e-post]"),
        ("Ring 0660-880 18 efter lunch", "Ring [telefon] efter lunch"),
        ("Mobil: +46 70 123 45 67.", "Mobil: [telefon]."),
        ("070-123 45 67 eller 08-123 456 78", "[telefon] eller [telefon]"),
        ("Nummer 0046701234567", "Nummer [telefon]"),
        // 811228-9874 is the Swedish tax agency's example personnummer; its Luhn digit holds.
        ("Personnummer 811228-9874 och 19811228-9874", "Personnummer [personnummer] och [personnummer]"),
        // 556036-0793 has a valid Luhn digit and 20+ in the month position: an organisationsnummer.
        ("Org.nr 556036-0793", "Org.nr [organisationsnummer]"),
        ("Karin Lund sa det, och Karin höll med. Lunden är fin.", "[person] sa det, och [person] höll med. Lunden är fin."),
        ("Vi på Bredbyns Såg AB och IF Nätra", "Vi på [organisation] och [organisation]"),
        ("Per N antecknade", "[person] antecknade"),
        ("Per kom, 100 kr per dag", "[person] kom, 100 kr per dag"),
        // Mistyped check digits still point at one person: the 19800101-1234, and 811228-9875.
        ("Mitt nummer är 19800101-1234, hans 811228-9875", "Mitt nummer är [personnummer], hans [personnummer]"),
        // A samordningsnummer: 60 added to the day (63 → the 3rd), whatever its check digit.
        ("Samordningsnr 701263-2391 och 19701263-2390", "Samordningsnr [samordningsnummer] och [samordningsnummer]"),
        // An organisationsnummer-shaped number with a wrong check digit.
        ("Föreningens nr 802456-1235", "Föreningens nr [organisationsnummer]"),
        // Not identifying: years, counts, sums, a date, a number that is no date and fails the check digit.
        ("2025 fick vi 12 000 kr, 2025-03-14, och 811345-9875", "2025 fick vi 12 000 kr, 2025-03-14, och 811345-9875"),
        ("Nätra är fint", "Nätra är fint"),
        // Names by their shape, whoever the database knows: a first name and a surname or initial, or a first name alone.
        ("Anna Berg sa att grannen Olle Svensson vet mer", "[person] sa att grannen [person] vet mer"),
        ("Fråga Anna-Karin Öberg eller Olle S. i byalaget", "Fråga [person] eller [person] i byalaget"),
        ("Anna tycker att grannen Olle vet mer", "[person] tycker att grannen [person] vet mer"),
        ("Bo i byn är bra. Stig längs ån finns. Vi bor i Nätra", "Bo i byn är bra. Stig längs ån finns. Vi bor i Nätra"),
        ("Bredbyns Såg AB och Skolan i Bjästa", "[organisation] och Skolan i Bjästa"),
        // Street addresses: a street word and a number.
        (
            "Vi bor på Storgatan 12 i Bjästa, nära Skolvägen 4B och Kyrkbacken 3 A",
            "Vi bor på [adress] i Bjästa, nära [adress] och [adress]"
        ),
        ("Skriv till Box 45 eller kom till Storgatan", "Skriv till [adress] eller kom till Storgatan"),
        ("Vägen 12 km söderut är dålig, 3 gator saknar ljus", "Vägen 12 km söderut är dålig, 3 gator saknar ljus"),
    ])
    func replaces(text: String, expected: String) {
        #expect(Self.clean.apply(text) == expected)
    }

    /// For word lists: the same spans blanked, so no part of them can be counted as a word.
    @Test func redactBlanksWhatApplyLabels() {
        let text = "Karin Lund (karin.lund@exempel.se, 070-123 45 67, 19800101-1234) på Bredbyns Såg AB vill ha fiber"
        let redacted = Self.clean.redact(text)
        #expect(Self.clean.apply(text) == "[person] ([e-post], [telefon], [personnummer]) på [organisation] vill ha fiber")
        for gone in ["Karin", "Lund", "karin", "exempel", "070", "19800101", "Bredbyns", "Såg", "person", "telefon", "e-post"] {
            #expect(!redacted.contains(gone), "\(gone) in \(redacted)")
        }
        #expect(redacted.hasSuffix("vill ha fiber"))
    }

    @Test func personalNamesByShape() {
        for value in ["Anna Berg", "Olle Svensson", "Anna-Karin Öberg", "Per Nilsson", "María José García", "Mikko Virtanen", "Olle S."] {
            #expect(PersonalName.looksLike(value), "\(value)")
        }
        for value in ["Bredbyns Såg AB", "Stora Wäsby", "Anna tycker att bussen borde gå oftare", "Ja", "Nätra", "ANNA BERG", "1 2 3"] {
            #expect(!PersonalName.looksLike(value), "\(value)")
        }
    }

    @Test func luhn() {
        #expect(Pseudonymizer.luhn("8112289874"))
        #expect(!Pseudonymizer.luhn("8112289875"))
        #expect(Pseudonymizer.luhn("5560360793"))
    }
}
