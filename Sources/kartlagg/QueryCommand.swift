import ArgumentParser
import Foundation
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningReport

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List free-text answers by theme, place, kind, survey, question or words, with the matched words marked.",
        discussion:
            "Filters combine: every one given must hold; several --theme match any of them, each with the themes below it. --text takes an SQLite FTS5 query (buss OR tåg, \"inget samarbete\", bredband*)."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The codebook whose tags count (default: the only one loaded).") var codebook: String?
    @Option(help: "A theme id (repeatable).") var theme: [String] = []
    @Option(help: "A district (aliases understood).") var district: String?
    @Option(help: "A service town.") var serviceTown: String?
    @Option(help: "A respondent kind (företag, förening, …).") var kind: String?
    @Option(help: "A survey id.") var survey: String?
    @Option(help: "A survey wave.") var wave: String?
    @Option(help: "A question id.") var question: String?
    @Option(help: "Words, as an FTS5 query.") var text: String?
    @Flag(help: "Include answers to questions the survey marks identifying (names, e-mail addresses).")
    var includeIdentifying = false
    @Flag(help: "Only answers no theme was found in.") var untagged = false
    @Option(help: "Show at most this many answers (the counts cover all).") var limit: Int?
    @Option(help: "text, json, csv or markdown.") var format: AnswerListFormat = .text
    @Flag(help: "Replace e-mail addresses, phone numbers, personnummer, organisationsnummer and the names the database holds, for sharing.")
    var pseudonymise = false

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            let stored: StoredCodebook?
            do {
                stored = try store.codebook(id: codebook)
            } catch StoreError.codebookNotFound(nil) where theme.isEmpty && !untagged {
                stored = nil
            }
            var filter = AnswerFilter()
            filter.codebook = stored?.codebook.id
            for id in theme {
                guard let stored, stored.codebook.themes.contains(where: { $0.id == id }) else {
                    throw StoreError.themeNotFound(theme: id, codebook: stored?.codebook.id ?? "(none)")
                }
                filter.themes += stored.codebook.descendants(of: id)
            }
            let registry = try store.districtRegistry().index()
            if let district {
                guard let match = registry.resolve(district) else {
                    throw ValidationError("\"\(district)\" is not a district in the registry")
                }
                filter.district = match.district
                if let town = match.serviceTown { filter.serviceTown = town }
            }
            if let serviceTown {
                guard let match = registry.resolveServiceTown(serviceTown) else {
                    throw ValidationError("\"\(serviceTown)\" is not a service town in the registry")
                }
                filter.serviceTown = match.serviceTown
            }
            filter.kind = kind
            filter.survey = survey
            filter.wave = wave
            filter.question = question
            filter.text = text
            filter.untagged = untagged
            filter.includeIdentifying = includeIdentifying
            filter.limit = limit
            var result = try store.answers(matching: filter, codebook: stored)
            if pseudonymise {
                let names = try store.namesToHide()
                let cleaner = Pseudonymizer(people: names.people, organisations: names.organisations)
                // Marked words would no longer line up with the cleaned text.
                result.hits = result.hits.map { hit in
                    var hit = hit
                    hit.text = cleaner.apply(hit.text)
                    hit.spans = []
                    return hit
                }
            }
            print(try AnswerList.render(result, format: format, colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        }
    }
}

extension AnswerListFormat: ExpressibleByArgument {}
