/// Whether a cell is shaped as a person's name — `Anna Berg`, `Anna-Karin Öberg`, `Olle S.`, `María José García` —
/// a common first name from the languages exports come in (sv, no, da, fi, en, de, fr, es, pt), then one or two
/// capitalised words. A column mostly of these identifies people whatever its header says.
package enum PersonalName {
    package static func looksLike(_ value: String) -> Bool {
        let utf8 = value.utf8
        // Names are short, with one or two spaces, and start with a capital: most answers are over at once.
        guard utf8.count >= 5, utf8.count <= 40, let lead = utf8.first, (lead >= 0x41 && lead <= 0x5A) || lead >= 0xC3,
            utf8.contains(0x20)
        else { return false }
        let words = value.split(separator: " ")
        guard words.count == 2 || words.count == 3, words.allSatisfy(isCapitalised) else { return false }
        let first = words[0].split(separator: "-").first.map(String.init) ?? ""
        guard firstNames.contains(first) else { return false }
        // The surname: a word, or an initial (`Olle S.`).
        return words.dropFirst().allSatisfy { $0.count >= 2 || $0.first?.isUppercase == true }
    }

    private static func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return word.dropFirst().allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" }
            && word.dropFirst().contains { $0.isLowercase || $0 == "." } || word.count == 1
    }

    /// Common first names (Statistics Sweden's and the neighbours' most frequent, and the usual in English, German,
    /// French, Spanish and Portuguese).
    package static let firstNames: Set<String> = [
        // Swedish
        "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Sara", "Emma", "Kerstin", "Ingrid", "Marie", "Malin", "Jenny",
        "Hanna", "Linda", "Annika", "Elin", "Birgitta", "Susanne", "Sofia", "Johanna", "Elisabeth", "Ulla", "Monica",
        "Helena", "Camilla", "Ida", "Julia", "Inger", "Margareta", "Lisa", "Louise", "Matilda", "Therese", "Caroline",
        "Gunilla", "Åsa", "Ebba", "Elsa", "Alice", "Maja", "Agnes", "Wilma", "Ella", "Klara", "Frida", "Amanda", "Sandra",
        "Cecilia", "Anneli", "Ann", "Anne", "Britt", "Gun", "Siv", "Ulrika", "Katarina", "Josefin", "Emelie", "Moa", "Astrid",
        "Saga", "Vera", "Linnea", "Ellen", "Olivia", "Stina", "Tove", "Ylva", "Lotta", "Mia", "Pia", "Nina", "Petra",
        "Barbro", "Gunnel", "Marianne", "Agneta", "Christina", "Charlotte", "Jessica", "Ingela", "Mona", "Eivor",
        "Lars", "Mikael", "Anders", "Johan", "Erik", "Per", "Karl", "Peter", "Jan", "Thomas", "Daniel", "Fredrik", "Hans",
        "Andreas", "Stefan", "Mats", "Marcus", "Magnus", "Jonas", "Mattias", "Bengt", "Alexander", "Oskar", "Nils", "Martin",
        "Leif", "Björn", "Bo", "Göran", "Sven", "Lennart", "Gustav", "Christer", "Patrik", "Viktor", "Henrik", "Joakim",
        "Emil", "David", "Robert", "Kjell", "Rolf", "Ulf", "Tommy", "Simon", "Jonathan", "Anton", "William", "Lucas",
        "Oliver", "Hugo", "Elias", "Axel", "Filip", "Olle", "Åke", "Kent", "Roger", "Tobias", "Sebastian", "Jakob", "Rasmus",
        "Niklas", "Robin", "Kevin", "Adam", "Isak", "Ludvig", "Albin", "Linus", "Gunnar", "Ingemar", "Arne", "Rune",
        "Torbjörn", "Stig", "Ola", "Jörgen", "Håkan", "Kenneth", "Claes", "Ove", "Tomas", "Pär", "Sten", "Carl",
        // Norwegian, Danish
        "Ole", "Knut", "Kari", "Bjørn", "Jens", "Søren", "Mette", "Hanne", "Lise", "Morten", "Kirsten", "Inge", "Tor", "Geir",
        "Trond", "Terje", "Odd", "Åse", "Solveig", "Silje", "Marit", "Ingvild", "Torill", "Randi", "Liv", "Jørgen", "Niels",
        "Poul", "Bent", "Birthe", "Lone", "Pernille", "Signe", "Kasper", "Mads", "Frederik", "Freja",
        // Finnish
        "Mikko", "Juha", "Timo", "Matti", "Jari", "Antti", "Jukka", "Markku", "Pekka", "Tuula", "Päivi", "Tiina", "Sari",
        "Minna", "Riitta", "Leena", "Pirjo", "Satu", "Heikki", "Ville", "Juho", "Eeva", "Aino", "Kaisa", "Sanna", "Tuomas",
        "Janne", "Esa", "Seppo", "Raija", "Marja", "Hannu", "Teemu", "Aleksi", "Eero",
        // English
        "John", "James", "Michael", "Mary", "Sarah", "Jennifer", "Elizabeth", "Susan", "Emily", "Patricia", "Richard",
        "Joseph", "Charles", "Matthew", "Paul", "Steven", "Andrew", "George", "Laura", "Karen", "Nancy", "Sophie",
        "Chris", "Tom", "Ben", "Sam", "Alex", "Kate", "Amy", "Rachel", "Rebecca", "Hannah", "Jack", "Harry", "Brian",
        "Jason", "Lucy", "Grace", "Jane", "Helen", "Margaret", "Barbara",
        // German
        "Klaus", "Wolfgang", "Jürgen", "Sabine", "Monika", "Ursula", "Claudia", "Andrea", "Birgit", "Katrin", "Uwe",
        "Dieter", "Günter", "Helmut", "Frank", "Jörg", "Lukas", "Felix", "Leon", "Heike", "Stephanie", "Markus",
        // French
        "Jean", "Pierre", "Michel", "Philippe", "Nathalie", "Isabelle", "Sylvie", "Catherine", "François", "Nicolas",
        "Julien", "Camille", "Léa", "Manon", "Chloé", "Louis", "Françoise", "Valérie", "Sébastien", "Antoine",
        // Spanish, Portuguese
        "José", "Juan", "Antonio", "Manuel", "Francisco", "Carlos", "Luis", "Javier", "Miguel", "Ana", "María", "Carmen",
        "Lucía", "Sofía", "João", "Pedro", "Paulo", "Mariana", "Beatriz", "Fernanda", "Rafael", "Gabriel", "Mateus",
        "Isabel", "Pablo", "Diego", "Alejandro", "Marta", "Elena", "Rosa",
    ]
}
