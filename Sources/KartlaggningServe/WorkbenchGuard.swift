import Foundation
import Hummingbird

/// What every request passes: the Host check (a page elsewhere cannot reach 127.0.0.1 through a rebound name), the
/// access token when listening beyond this machine, the security headers (a Content-Security-Policy allowing only
/// kartlagg's own script and style), and errors as pages — what was wrong in words, never a stack trace.
struct WorkbenchGuard<Context: RequestContext>: RouterMiddleware {
    let options: WorkbenchOptions

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try checkHost(request)
            if let redirect = try checkToken(request) {
                response = redirect
            } else {
                response = try await next(request, context)
            }
        } catch let error as WorkbenchError {
            response = Self.page(status: error.status, message: error.localizedDescription, meeting: options.meeting)
        } catch let error as any HTTPResponseError {
            let message =
                error.status == .notFound
                ? WorkbenchError.notFound(path: request.uri.path).localizedDescription
                : "the request cannot be served (\(error.status.code))"
            response = Self.page(status: error.status, message: message, meeting: options.meeting)
        } catch {
            FileHandle.standardError.write(Data("workbench: \(request.method) \(request.uri.path): \(error)\n".utf8))
            response = Self.page(
                status: .internalServerError, message: "something went wrong; the terminal says what", meeting: options.meeting)
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    static func page(status: HTTPResponse.Status, message: String, meeting: Bool) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: ErrorPage.render(status: status.code, message: message, meeting: meeting))))
    }

    /// On loopback, only requests naming this machine (127.0.0.1, localhost, [::1]) are served.
    func checkHost(_ request: Request) throws {
        guard options.isLoopback, let host = request.head.authority else { return }
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.split(separator: ":").first ?? "")
        guard WorkbenchOptions.loopbackNames.contains(name.lowercased()) else { throw WorkbenchError.wrongHost(host) }
    }

    /// With an access token: `?token=` once (answered by a redirect that sets the cookie), the cookie after.
    func checkToken(_ request: Request) throws -> Response? {
        guard let token = options.accessToken else { return nil }
        let fields = FormFields(request.uri.query ?? "")
        if let given = fields["token"] {
            guard Sessions.same(given, token) else { throw WorkbenchError.accessTokenNeeded }
            let rest = FormFields.query(fields.names.filter { $0 != "token" }.map { ($0, fields[$0]) })
            return Response(
                status: .seeOther,
                headers: [
                    .location: request.uri.path + (rest.isEmpty ? "" : "?" + rest),
                    .setCookie: "kl_access=\(token); Path=/; HttpOnly; SameSite=Strict",
                ])
        }
        guard let cookie = request.cookies["kl_access"]?.value, Sessions.same(cookie, token) else {
            throw WorkbenchError.accessTokenNeeded
        }
        return nil
    }
}
