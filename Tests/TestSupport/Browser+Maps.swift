import Foundation

extension Browser {
    /// What is wrong with a map as the browser draws it: an area (`path[data-area]`) with nothing drawn or outside the
    /// map, a text outside it, a hidden area whose hatching is missing (its pattern absent, or a fill that is not
    /// it), fewer areas than `areas`. Empty when all is well; nil without a browser.
    public static func mapProblems(ofSVG svg: String, areas: Int, in folder: URL) throws -> [String]? {
        guard let browser = Self.path else { return nil }
        let page = folder.appendingPathComponent(".map-check.html")
        try ("<!doctype html><html><body>" + svg + "<script>\(mapScript)</script></body></html>").write(
            to: page, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: page) }
        let (json, status) = try checkOutput(of: page, browser: browser, width: 1000, id: "kartlagg-map-check")
        guard let json else { return ["the browser ran no check (status \(status))"] }
        struct Check: Decodable {
            var drawn: Int
            var hidden: Int
            var problems: [String]
        }
        let check = try JSONDecoder().decode(Check.self, from: Data(json.utf8))
        var problems = check.problems
        if check.drawn != areas { problems.append("\(check.drawn) areas drawn, not \(areas)") }
        return problems
    }

    static let mapScript = """
        (function () {
          const problems = [];
          const svg = document.querySelector('svg');
          const box = svg.getBoundingClientRect();
          let drawn = 0, hidden = 0;
          for (const path of Array.from(svg.querySelectorAll('path[data-area]'))) {
            const r = path.getBoundingClientRect();
            const name = path.getAttribute('data-area');
            if (r.width <= 0 || r.height <= 0) { problems.push('nothing drawn: ' + name); continue; }
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
              problems.push('area outside the map: ' + name);
            drawn++;
            if (path.getAttribute('data-state') === 'hidden') {
              hidden++;
              const fill = path.getAttribute('fill') || '';
              const id = (fill.match(/^url\\(#(.+)\\)$/) || [])[1];
              const pattern = id && document.getElementById(id);
              if (!pattern || pattern.tagName.toLowerCase() !== 'pattern' || !pattern.querySelector('line'))
                problems.push('hidden but not hatched: ' + name);
              if (getComputedStyle(path).fill.indexOf('url(') < 0) problems.push('hatching not applied: ' + name);
            }
          }
          for (const text of Array.from(svg.querySelectorAll('text'))) {
            const t = text.getBoundingClientRect();
            if (t.width === 0) continue;
            if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1)
              problems.push('text outside the map: "' + text.textContent.slice(0, 40) + '"');
          }
          const out = document.createElement('pre');
          out.id = 'kartlagg-map-check';
          out.textContent = JSON.stringify({ drawn: drawn, hidden: hidden, problems: problems });
          document.body.appendChild(out);
        })();
        """
}
