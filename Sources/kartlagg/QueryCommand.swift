import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport
import KartlaggningReportBuilder

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
            var query = AnswerQuery()
            query.themes = theme
            query.district = district
            query.serviceTown = serviceTown
            query.pseudonymise = pseudonymise
            query.filter.codebook = codebook
            query.filter.kind = kind
            query.filter.survey = survey
            query.filter.wave = wave
            query.filter.question = question
            query.filter.text = text
            query.filter.untagged = untagged
            query.filter.includeIdentifying = includeIdentifying
            query.filter.limit = limit
            let result = try query.run(store: try database.openForReading())
            print(try AnswerList.render(result, format: format, colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        }
    }
}

extension AnswerListFormat: ExpressibleByArgument {}
