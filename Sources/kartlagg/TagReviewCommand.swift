import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel
import KartlaggningReport

/// `kartlagg tag review`: coders' tags whose answer text a re-import changed, and the archive.
struct TagReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List coders' tags whose answer text changed in a re-import, and accept or drop them.",
        discussion:
            "A re-import that changes a coded free text keeps every coder's tag on it and flags it here with the text the coder saw. "
            + "--accept keeps a tag as it is; --drop moves it to the archive. Tags on answers a re-import no longer has are "
            + "archived, never deleted: --archived lists them.")

    @OptionGroup var database: WritingDatabaseOptions
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Keep these flagged tags (ids from the list).", valueName: "tag"))
    var accept: [Int64] = []
    @Flag(help: "Keep every flagged tag.") var acceptAll = false
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Move these flagged tags to the archive.", valueName: "tag"))
    var drop: [Int64] = []
    @Option(help: "Who decides (recorded with a dropped tag).") var by: String?
    @Flag(help: "List the archived tags instead.") var archived = false
    @Option(help: "text or json.") var format: OutputFormat = .text

    func validate() throws {
        let deciding = !accept.isEmpty || acceptAll || !drop.isEmpty
        if acceptAll && !accept.isEmpty { throw ValidationError("--accept-all already accepts every flagged tag") }
        if deciding && archived { throw ValidationError("--archived lists the archive; decide on flagged tags without it") }
        if !drop.isEmpty && by == nil { throw ValidationError("--drop needs --by NAME: who decided the tag no longer fits") }
    }

    func run() throws {
        try Console.run {
            if accept.isEmpty && !acceptAll && drop.isEmpty {
                let store = try database.database.openForReading()
                if archived {
                    try Console.emit(try store.archivedTags(), as: format, text: TagReviewText.archive)
                } else {
                    try Console.emit(try store.tagsNeedingReview(), as: format, text: TagReviewText.review)
                }
                return
            }
            let store = try database.open(creating: false)
            let person = by ?? "a reviewer"
            if acceptAll {
                print("\(try store.resolveReview(.accept, tags: nil, by: person)) flagged tags kept")
            } else if !accept.isEmpty {
                print("\(try store.resolveReview(.accept, tags: accept, by: person)) flagged tags kept")
            }
            if !drop.isEmpty {
                print("\(try store.resolveReview(.drop, tags: drop, by: person)) flagged tags moved to the archive")
            }
        }
    }
}
