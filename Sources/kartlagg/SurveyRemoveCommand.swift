import ArgumentParser
import KartlaggningCore
import KartlaggningModel

struct SurveyRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a survey definition (one with answers only with --force, after a copy of the database).",
        discussion:
            "A survey with no answers yet goes at once: fix its definition and `survey add` it again. One with answers is refused unless --force is given; then a consistent copy of the whole database is written first (PATH.removed-SURVEY-N) and the survey's respondents, answers and coders' tags go with it."
    )

    @OptionGroup var database: WritingDatabaseOptions
    @Argument(help: "The survey's id.") var survey: String
    @Flag(help: "Remove the survey's respondents, answers and tags too (a copy of the database is written first).")
    var force = false

    func run() throws {
        try Console.run {
            let removal = try database.open(creating: false).removeSurvey(id: survey, force: force)
            var text = "survey \(removal.survey): removed"
            if removal.respondents > 0 {
                text += " with \(removal.respondents) respondents, \(removal.answers) answers and \(removal.manualTags) coder tags"
            }
            if let backup = removal.backup { text += "; the database before is in \(backup)" }
            print(text)
        }
    }
}
