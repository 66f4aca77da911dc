import Foundation

/// A real headless browser (Debian's `chromium`) looking at a rendered HTML report as it prints: A4 landscape, the
/// page's own print rules applied. `make test` installs Chromium where it can; where it is absent, tests that need it
/// are skipped with a message.
public enum Browser {
    /// The browser, if the machine has one.
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// An A4 landscape page's printable width in CSS pixels: 297 mm less the report's 12 mm margins, at 96 px per inch.
    public static let a4LandscapeWidth = Int(((297.0 - 2 * 12) / 25.4 * 96).rounded(.down))

    /// What is wrong with the page's layout at `width`: every element reaching past the page's right edge, every
    /// table or figure caption cut off, every text of an inline chart outside its chart. Empty when all fits.
    public static func layoutProblems(ofHTMLFile path: String, width: Int = a4LandscapeWidth) throws -> [String] {
        guard let browser = Self.path else { return ["no browser"] }
        let html = try String(contentsOfFile: path, encoding: .utf8)
        // The copy may run the check: the report's own policy forbids every script.
        let checked = html.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'unsafe-inline';")
            .replacingOccurrences(of: "</body>", with: "<script>\(script)</script></body>")
        let copy = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".layout-check.html")
        try checked.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let (json, status) = try checkOutput(of: copy, browser: browser, width: width, id: "kartlagg-layout-check")
        guard let json else { return ["the browser ran no check (status \(status))"] }
        struct Check: Decodable {
            var width: Int
            var elements: Int
            var problems: [String]
        }
        let check = try JSONDecoder().decode(Check.self, from: Data(json.utf8))
        if check.width != width { return ["the page was \(check.width) px wide, not \(width)"] }
        if check.elements < 10 { return ["the page has almost nothing on it (\(check.elements) elements)"] }
        return check.problems
    }

    /// The text a page's check script left in `<pre id="ID">` (JSON, entities decoded), as the browser ran it at
    /// `width`; nil where the script left none.
    static func checkOutput(of page: URL, browser: String, width: Int, id: String) throws -> (json: String?, status: Int32) {
        let run = try ExternalTool.run(
            browser,
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=\(width),800", "--dump-dom",
                page.absoluteString,
            ])
        let dom = String(decoding: run.stdout, as: UTF8.self)
        guard let start = dom.range(of: "<pre id=\"\(id)\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
        else { return (nil, run.status) }
        let json = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        return (json, run.status)
    }

    /// How many A4 pages the page prints to, as the browser prints it (its own print rules: A4 landscape); nil without
    /// a browser or where it wrote no PDF.
    public static func printedPages(ofHTMLFile path: String) throws -> Int? {
        guard let data = try printed(path) else { return nil }
        // Each page is an object of type /Page (the tree's nodes are /Pages).
        let text = String(decoding: data, as: UTF8.self)
        return text.matches(of: /\/Type\s*\/Page[^s]/).count
    }

    /// The poppler text extractor, if the machine has it (`make browser` installs it).
    public static let pdftotext: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The text of each printed page, laid out as printed (`pdftotext -layout`); nil without a browser or pdftotext.
    public static func printedPageTexts(ofHTMLFile path: String) throws -> [String]? {
        guard let pdftotext, let data = try printed(path) else { return nil }
        let pdf = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".text-check.pdf")
        try data.write(to: pdf)
        defer { try? FileManager.default.removeItem(at: pdf) }
        let process = try ExternalTool.run(pdftotext, ["-layout", "-enc", "UTF-8", pdf.path, "-"])
        guard process.succeeded else { return nil }
        let text = process.stdout
        // Pages end in a form feed.
        var pages = String(decoding: text, as: UTF8.self).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// The page printed to PDF by the browser, as it prints it; nil without a browser or where it wrote no PDF.
    static func printed(_ path: String) throws -> Data? {
        guard let browser = Self.path else { return nil }
        let pdf = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".print-check.pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        _ = try ExternalTool.run(
            browser,
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                URL(fileURLWithPath: path).absoluteString,
            ])
        return FileManager.default.contents(atPath: pdf.path)
    }

    /// Where a printed page begins with a row of a table's body: the table went on from the page before without its
    /// header. `markdown` is the report the page renders, its tables the ones looked for. Also how many pages begin
    /// with a table's header row (a table that went on, its header repeated), so a check can tell it saw one.
    /// `namedGroups` counts the pages that begin with a header followed by a registry group's name (a row in bold):
    /// a group that went on, named again.
    public static func pagesStartingInATable(_ pages: [String], markdown: String) -> (
        bodyRows: [String], repeatedHeaders: Int, namedGroups: Int
    ) {
        func words(_ line: some StringProtocol) -> String {
            line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var headers = Set<String>()
        var rows = Set<String>()
        var groups = Set<String>()
        var previous = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { previous = String(line) }
            guard line.hasPrefix("| ") else { continue }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map {
                $0.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "**", with: "")
            }
            let text = words(cells.joined(separator: " "))
            if line.hasPrefix("|---") || text.isEmpty { continue }
            if line.hasPrefix("| **") { groups.insert(text) }
            if !previous.hasPrefix("|") { headers.insert(text) } else { rows.insert(text) }
        }
        rows.subtract(headers)
        var bodyRows: [String] = []
        var repeated = 0
        var named = 0
        for (number, page) in pages.enumerated().dropFirst() {
            let lines = page.split(separator: "\n").map(words).filter { !$0.isEmpty }
            guard let first = lines.first else { continue }
            if rows.subtracting(groups).contains(first) { bodyRows.append("page \(number + 1): \(first)") }
            if headers.contains(first) {
                repeated += 1
                if lines.count > 1, groups.contains(lines[1]) { named += 1 }
            }
        }
        return (bodyRows, repeated, named)
    }

    /// Applies the page's print rules on screen, then measures.
    static let script = """
        (function () {
          for (const sheet of Array.from(document.styleSheets)) {
            for (const rule of Array.from(sheet.cssRules)) {
              if (rule.media && rule.media.mediaText.indexOf('print') >= 0) {
                for (const inner of Array.from(rule.cssRules)) {
                  if (inner.type === CSSRule.STYLE_RULE) sheet.insertRule(inner.cssText, sheet.cssRules.length);
                }
              }
            }
          }
          const width = document.documentElement.clientWidth;
          const problems = [];
          const name = (el) => el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 50) + '"';
          for (const el of Array.from(document.body.querySelectorAll('*'))) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 1) problems.push('wider than the page (' + Math.round(r.right) + ' px): ' + name(el));
            if ((el.tagName === 'FIGCAPTION' || el.tagName === 'CAPTION') &&
                (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) problems.push('caption cut: ' + name(el));
          }
          for (const svg of Array.from(document.querySelectorAll('svg'))) {
            const box = svg.getBoundingClientRect();
            for (const text of Array.from(svg.querySelectorAll('text'))) {
              const t = text.getBoundingClientRect();
              if (t.width === 0) continue;
              if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1)
                problems.push('text outside its chart: ' + name(text));
            }
            // A chart shows something: a bar, a segment, a square or a map's area with its value (each carries a title).
            if (!svg.querySelector('rect > title, path > title')) problems.push('chart without a mark: ' + name(svg));
          }
          const out = document.createElement('pre');
          out.id = 'kartlagg-layout-check';
          out.textContent = JSON.stringify({ width: width, elements: document.body.querySelectorAll('*').length, problems: problems });
          document.body.appendChild(out);
        })();
        """
}
