import ArgumentParser
import Foundation
import KartlaggningAnalysis

struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Erase a respondent and everything derived from them (GDPR): answers, tags, archived coding.",
        discussion:
            "The erasure is recorded (survey, counts, time) without the erased data, and deleted pages are overwritten. "
            + "Remove the respondent from the source files too: a later import of a file that still holds them adds them again.")

    @OptionGroup var database: WritingDatabaseOptions
    @Option(help: "The respondent's id, as `kartlagg query` and `export` show it.") var respondent: String
    @Option(help: "The survey the respondent answered.") var survey: String

    func run() throws {
        try Console.run {
            let store = try database.open(creating: false)
            let summary = try store.forget(respondent: respondent, survey: survey)
            // The names the index's texts are cleaned of may have changed with the respondent.
            try TermIndexing.update(store: store)
            print(
                "\(survey)/\(respondent): erased \(summary.answers) answers, \(summary.tags) tags and "
                    + "\(summary.archivedTags) archived tags; recorded without the erased data")
            Console.note("note: remove \(respondent) from the source files too, or a later import adds them again")
        }
    }
}
