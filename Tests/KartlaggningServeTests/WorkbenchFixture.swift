import Foundation
import Hummingbird
import HummingbirdTesting
import KartlaggningServe
import NIOCore
import TestSupport

/// The sample project plus a small survey whose answers carry markup and a phone number, in a temporary folder;
/// and a client that keeps its browser session's cookie, as a browser does.
final class WorkbenchFixture: Sendable {
    let folder = TemporaryDirectory()
    var db: String { folder.path("k.sqlite") }

    init() throws {
        let failed = try CLI.prepareSample(db: folder.path("k.sqlite"), in: folder.url)
        guard failed.isEmpty else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: failed.joined()]) }
        _ = folder.write(
            "rost.survey.yaml",
            """
            id: rost-2025
            title: Röster 2025
            kind: privatperson
            respondent: { id: Nr, district: Område }
            questions:
              - { id: tankar, column: Tankar, type: text }
            """)
        let rows = [
            "1;Nätra;Ring mig på 070-123 45 67 om bussen",
            "2;Nätra;<script>alert('x')</script> bussen & tåget <b>nu</b>",
            "3;Nätra;Bussen går för sällan",
            "4;Nätra;Bussen till Bjästa",
            "5;Nätra;Fler bussar på kvällen",
        ]
        _ = folder.write("rost.csv", "Nr;Område;Tankar\n" + rows.joined(separator: "\n") + "\n")
        for step in [
            ["survey", "add", "--db", db, folder.path("rost.survey.yaml")],
            ["import", "--db", db, "--survey", "rost-2025", folder.path("rost.csv")], ["tag", "--db", db],
        ] {
            let result = try CLI.run(step, in: folder.url)
            guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        }
    }

    func options(_ change: (inout WorkbenchOptions) -> Void = { _ in }) -> WorkbenchOptions {
        var options = WorkbenchOptions(database: db)
        change(&options)
        return options
    }

    /// Runs `test` against the workbench's router (no network).
    func withClient<T: Sendable>(
        _ options: WorkbenchOptions? = nil, _ test: @Sendable (WorkbenchClient) async throws -> T
    ) async throws -> T {
        let app = Application(router: try Workbench.router(options ?? self.options()))
        return try await app.test(.router) { client in try await test(WorkbenchClient(client: client)) }
    }
}

/// A client with a cookie jar: what a browser sends back.
final class WorkbenchClient: @unchecked Sendable {
    let client: any TestClientProtocol
    private let lock = NSLock()
    private var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page: Sendable {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, headers: headers, body: nil)
    }

    /// A form post: fields URL-encoded.
    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> Page {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(Self.encode($0))=\(Self.encode($1))" }.joined(separator: "&")
        return try await send(uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> Page {
        var headers = headers
        let jar = lock.withLock { cookies.map { "\($0)=\($1)" }.joined(separator: "; ") }
        if !jar.isEmpty && headers[.cookie] == nil { headers[.cookie] = jar }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { lock.withLock { cookies[String(pair[0])] = String(pair[1]) } }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// The form token on a page.
    static func token(in page: String) -> String? {
        page.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/).map { String($0.1) }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
