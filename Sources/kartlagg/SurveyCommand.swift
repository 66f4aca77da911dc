import ArgumentParser

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Add, list, infer and remove survey definitions.",
        subcommands: [SurveyAddCommand.self, SurveyListCommand.self, SurveyInferCommand.self, SurveyRemoveCommand.self])
}
