import ArgumentParser
import KartlaggningCore
import KartlaggningImport
import KartlaggningModel

struct SurveyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a survey definition (YAML or JSON), or update the one with the same id.")

    @OptionGroup var database: WritingDatabaseOptions
    @Argument(help: "The survey definition file (see Schemas/survey.schema.json).") var file: String

    func run() throws {
        try Console.run {
            let survey = try DefinitionLoader.survey(at: file)
            let outcome = try database.open(creating: true).addSurvey(survey)
            print("survey \(survey.id): \(outcome.rawValue) (\(survey.questions.count) questions)")
        }
    }
}
