import ArgumentParser
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database, while others go on working (SQLite's online backup).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The copy to write (must not exist).", valueName: "file")) var target: String

    func run() throws {
        try Console.run {
            try database.openForReading().backup(to: target)
            print("\(database.path): copied to \(target)")
        }
    }
}
