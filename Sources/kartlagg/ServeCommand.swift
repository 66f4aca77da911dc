import ArgumentParser
import Foundation
import KartlaggningCore
import KartlaggningModel
import KartlaggningServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A local workbench in the browser: the overview and heatmap, the answers behind a cell, coding.",
        discussion: """
            Listens on 127.0.0.1 only, unless --host names another address (a LAN at a meeting): then a random access \
            token is required and printed in the address to open. Counts are crosstab's with the same --min-cell and \
            protection; a hidden cell cannot be opened by any filter or URL; quotes are pseudonymised unless --identifying \
            lets the page offer names. --meeting hides coding and shows quotes one at a time in large type. \
            Everything the page loads comes from kartlagg itself. Stop with Ctrl-C.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The port (0: any free one).") var port: Int = 8080
    @Option(help: ArgumentHelp("The address to listen on; anything but 127.0.0.1 needs the printed access token.", valueName: "address"))
    var host: String = "127.0.0.1"
    @Flag(help: "Open the workbench in the default browser.") var open = false
    @Flag(help: "A projector's view for a thematic-group meeting: no coding, larger type, quotes one at a time.") var meeting = false
    @Flag(help: "Let the page offer \"show names\" (quotes are pseudonymised otherwise).") var identifying = false
    @Option(help: "Hide counts below this (0: off).") var minCell: Int = CrossSpec.defaultMinCell
    @Option(help: "The codebook (default: the only one loaded).") var codebook: String?
    @Flag(
        inversion: .prefixedNo,
        help: "Record what pages show in the publication ledger beside the database (kartlaggning.sqlite.publicerat).")
    var publish = true
    @Flag(help: "Start a new publication ledger (the old one is kept beside it): earlier outputs no longer count.")
    var fresh = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port is 0 to 65535") }
        if minCell < 0 { throw ValidationError("--min-cell is 0 or more") }
    }

    func run() async throws {
        var options = WorkbenchOptions(database: database.path)
        options.port = port
        options.host = host
        options.meeting = meeting
        options.identifying = identifying
        options.minCell = minCell
        options.codebook = codebook
        options.publish = publish
        options.freshLedger = fresh
        if !options.isLoopback {
            options.accessToken = Workbench.newToken()
            Console.note(
                "warning: listening on \(host): anyone on this network who has the address below (with its token) can read "
                    + "the answers; stop with Ctrl-C when the meeting is over")
        }
        let opening = open
        do {
            try await Workbench.run(options) { url in
                // Written at once (not buffered): a script waiting for the address reads it as soon as it is there.
                let said =
                    "kartlagg workbench on \(database.path): \(url)\n"
                    + (meeting ? "(meeting mode: no coding) Stop with Ctrl-C.\n" : "Stop with Ctrl-C.\n")
                FileHandle.standardOutput.write(Data(said.utf8))
                if opening { Self.openInBrowser(url) }
            }
        } catch let error as StoreError {
            Console.error(Console.commandLine(error))
            throw ExitCode.failure
        } catch {
            Console.error(Self.describe(error))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("kartlagg workbench stopped.\n".utf8))
    }

    /// `xdg-open` (or macOS's `open`), when there is one.
    static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #if os(macOS)
            process.arguments = ["open", url]
        #else
            process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Console.note("(could not open a browser: open \(url) yourself)") }
    }

    /// An error in words: a port in use says so.
    static func describe(_ error: any Error) -> String {
        let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        if text.contains("Address already in use") || text.contains("EADDRINUSE") {
            return "the port is in use by another program: give --port another number (or 0 for any free one)"
        }
        return text
    }
}
