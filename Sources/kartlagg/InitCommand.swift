import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database, or bring an existing one up to the current schema.")

    @OptionGroup var database: WritingDatabaseOptions

    func run() throws {
        try Console.run {
            let store = try database.open(creating: true)
            print("\(database.path): ready (schema: \(try store.appliedMigrations().count) migrations applied)")
        }
    }
}
