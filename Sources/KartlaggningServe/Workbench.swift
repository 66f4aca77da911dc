import Foundation
import Hummingbird
import Logging
import NIOCore

/// `kartlagg serve`: the local workbench — overview, answers behind a cell, coding — on 127.0.0.1 unless told
/// otherwise, stopped by Ctrl-C or SIGTERM.
///
/// ```swift
/// var options = WorkbenchOptions(database: "kartlaggning.sqlite")
/// options.port = 0  // any free port
/// try await Workbench.run(options) { url in print(url) }
/// ```
public enum Workbench {
    /// The application, not yet running: its router over the database (opened here; errors say why it cannot be).
    /// - Parameter running: called with the port once the server listens.
    public static func application(
        _ options: WorkbenchOptions, running: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let router = try router(options)
        var logger = Logger(label: "kartlagg-serve")
        logger.logLevel = .warning
        return Application(
            router: router, configuration: .init(address: .hostname(options.host, port: options.port), serverName: "kartlagg"),
            onServerRunning: { channel in await running(channel.localAddress?.port ?? options.port) }, logger: logger)
    }

    /// The routes over the database, for a server or a test.
    public static func router(_ options: WorkbenchOptions) throws -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        WorkbenchRoutes(data: try WorkbenchData(options: options), sessions: Sessions()).register(on: router)
        return router
    }

    /// Serves until Ctrl-C or SIGTERM; `announce` gets the address to open (with the token when there is one).
    public static func run(_ options: WorkbenchOptions, announce: @escaping @Sendable (String) -> Void) async throws {
        let app = try application(options) { port in
            let host = options.host.contains(":") ? "[\(options.host)]" : options.host
            announce("http://\(host):\(port)/" + (options.accessToken.map { "?token=\($0)" } ?? ""))
        }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// A random access token for `--host`.
    public static func newToken() -> String { String(Sessions.random().prefix(32)) }
}
