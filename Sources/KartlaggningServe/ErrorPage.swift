/// A refused or failed request: what went wrong in words, a way back; never data, never a stack trace.
enum ErrorPage {
    static func render(status: Int, message: String, meeting: Bool) -> String {
        HTML.page(
            title: "Fel \(status)",
            body:
                "<h1>Det gick inte</h1>\n<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>\n<p><a href=\"/\">Till översikten</a></p>\n",
            meeting: meeting)
    }
}
