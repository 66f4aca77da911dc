import Foundation
import TestSupport
import Testing

/// `kartlagg serve` as a command: what it prints on start, its errors, a clean stop on SIGTERM.
struct ServeCLITests {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    @Test func aMissingDatabaseAndABadPortAreClearErrors() throws {
        let missing = try CLI.run(["serve", "--db", folder.path("nope.sqlite")], in: folder.url)
        #expect(missing.status == 1 && missing.stderr.contains("no database here") && missing.stdout.isEmpty)
        let port = try CLI.run(["serve", "--db", db, "--port", "70000"], in: folder.url)
        #expect(port.status != 0 && port.stderr.contains("--port is 0 to 65535"))
    }

    @Test func itPrintsItsAddressRefusesATakenPortAndStopsOnSIGTERM() throws {
        #expect(try CLI.prepareSample(db: db, in: folder.url) == [])
        let binary = try #require(CLI.binary)
        let server = Process()
        server.executableURL = binary
        server.arguments = ["serve", "--db", db, "--port", "0"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        // The first line: the address, at once (not left in a buffer).
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let said = String(decoding: line, as: UTF8.self)
        let match = try #require(said.firstMatch(of: /http:\/\/127\.0\.0\.1:([0-9]+)\//), "\(said)")
        // The same port again: said in words.
        let second = try CLI.run(["serve", "--db", db, "--port", String(match.1)], in: folder.url)
        #expect(second.status == 1 && second.stderr.contains("the port is in use"))
        server.terminate()  // SIGTERM
        server.waitUntilExit()
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(server.terminationStatus == 0 && rest.contains("kartlagg workbench stopped."))
    }
}
