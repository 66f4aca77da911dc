import ArgumentParser
import Foundation
import KartlaggningCore

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
                    try Console.emit(try store.archivedTags(), as: format, text: Self.archiveText)
                } else {
                    try Console.emit(try store.tagsNeedingReview(), as: format, text: Self.reviewText)
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

    static func reviewText(_ items: [TagReviewItem]) -> String {
        if items.isEmpty { return "no coded answer has changed since it was coded\n" }
        var lines: [String] = []
        for item in items {
            lines.append(
                "tag \(item.tag)  answer \(item.answer) · \(item.survey) / \(item.respondent) / \(item.question) · "
                    + "\(item.coder): \(item.negative ? "not " : "")\(item.theme) (codebook \(item.codebook))")
            lines.append("    coded: \(oneLine(item.previousText))")
            lines.append("    now:   \(oneLine(item.currentText))")
        }
        lines.append(
            "\(items.count) flagged tag\(items.count == 1 ? "" : "s"); keep with --accept TAG (or --accept-all), "
                + "archive with --drop TAG --by NAME")
        return lines.joined(separator: "\n") + "\n"
    }

    static func archiveText(_ tags: [ArchivedTag]) -> String {
        if tags.isEmpty { return "the archive is empty\n" }
        var lines: [String] = []
        for tag in tags {
            lines.append(
                "#\(tag.id)  \(tag.survey) / \(tag.respondent) / \(tag.question) · \(tag.coder): \(tag.negative ? "not " : "")"
                    + "\(tag.theme) (codebook \(tag.codebook)) · archived \(tag.archivedAt): \(oneLine(tag.reason))")
            lines.append("    text: \(oneLine(tag.text))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
