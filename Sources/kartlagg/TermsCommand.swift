import ArgumentParser
import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningReport

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "The most frequent and most distinctive terms per group (log-likelihood keyness against the rest).",
        discussion:
            "Swedish stop words are left out. With --untagged, only answers the codebook found no theme in: how to find what the codebook misses."
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "district, kind, survey or wave.") var by: TermGrouping = .district
    @Flag(help: "Only answers without a theme of the codebook.") var untagged = false
    @Option(help: "The codebook for --untagged (default: the only one loaded).") var codebook: String?
    @Option(help: "Terms per list.") var top: Int = 10
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        try Console.run {
            let store = try database.openForReading()
            let stored = untagged ? try store.codebook(id: codebook) : nil
            var keyness = Keyness()
            // Words of e-mail addresses, numbers and the names the database holds are left out of the lists.
            let names = try store.namesToHide()
            let cleaner = Pseudonymizer(people: names.people, organisations: names.organisations)
            try store.forEachFreeText(groupedBy: by, untaggedBy: stored) { group, text in keyness.add(cleaner.redact(text), to: group) }
            let groups = keyness.counts.keys.sorted().map { group in
                TermsTable.Group(
                    group: group, frequent: keyness.frequent(in: group, top: top), distinctive: keyness.distinctive(in: group, top: top))
            }
            print(try TermsTable.render(groups, json: format == .json), terminator: "")
        }
    }
}

extension TermGrouping: ExpressibleByArgument {}
