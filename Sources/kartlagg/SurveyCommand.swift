import ArgumentParser

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Add, list and infer survey definitions.",
        subcommands: [SurveyAddCommand.self, SurveyListCommand.self, SurveyInferCommand.self])
}
