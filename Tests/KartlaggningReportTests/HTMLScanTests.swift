import Foundation
import Testing

@testable import KartlaggningReport

/// The HTML page's layout passes find elements by scanning bytes; each scan finds exactly what the regular expression
/// it stands for finds (the pattern as `String.matches(of:)` runs it), on ordinary markup and on the awkward cases:
/// line breaks inside cells, attributes, unclosed tags, entities, a `<` in text, non-ASCII names.
struct HTMLScanTests {
    static let samples: [String] = [
        "<table><thead><tr><th>Område</th><th align=\"right\">Svar</th></tr></thead><tbody><tr><td>Nätra</td><td align=\"right\">1 204</td></tr></tbody></table>",
        "<tr><td>a\nb</td><td>c</td></tr><tr><td>d</td></tr>",
        "<tr><th>x</td><td>y</th></tr><tr>open<td>never closed",
        "<td>one</td><td>two\u{2028}lines</td><td>three</td><td class=\"x\">four <em>five</em> &amp; &#8239; &#; &; &x</td>",
        "<ul><li><strong>A:</strong> a</li><li>b</li></ul>text<ul><li>c</li>",
        "<thead><tr><th>Å</th><th\nclass=\"wide\">Ä &lt;b&gt; <span>ö</span></th></tr></thead>",
        "a < b > c <> d <tr>\r\n</tr> <th",
    ]

    @Test func elementsAreWhatTheirPatternsMatch() throws {
        for sample in Self.samples {
            let text = sample[...]
            let tr = HTMLScan.elements(in: text, opens: [.init(name: "tr", attributes: false)], closes: ["</tr>"])
            #expect(tr.map(\.whole) == text.matches(of: /<tr>[\s\S]*?<\/tr>/).map(\.output), "\(sample)")
            let trLine = HTMLScan.elements(in: text, opens: [.init(name: "tr", attributes: false)], closes: ["</tr>"], singleLine: true)
            #expect(trLine.map(\.inner) == text.matches(of: /<tr>(.*?)<\/tr>/).map(\.output.1), "\(sample)")
            let td = HTMLScan.elements(in: text, opens: [.init(name: "td", attributes: true)], closes: ["</td>"], singleLine: true)
            #expect(td.map(\.inner) == text.matches(of: /<td[^>]*>(.*?)<\/td>/).map(\.output.1), "\(sample)")
            let th = HTMLScan.elements(in: text, opens: [.init(name: "th", attributes: true)], closes: ["</th>"], singleLine: true)
            #expect(th.map(\.inner) == text.matches(of: /<th[^>]*>(.*?)<\/th>/).map(\.output.1), "\(sample)")
            let cells = HTMLScan.elements(
                in: text, opens: [.init(name: "th", attributes: true), .init(name: "td", attributes: true)], closes: ["</th>", "</td>"],
                singleLine: true)
            #expect(cells.map(\.inner) == text.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/).map(\.output.1), "\(sample)")
            let lists = HTMLScan.elements(in: text, opens: [.init(name: "ul", attributes: false)], closes: ["</ul>"])
            #expect(lists.map(\.inner) == text.matches(of: /<ul>((?:(?!<\/ul>)[\s\S])*)<\/ul>/).map(\.output.1), "\(sample)")
            #expect(HTMLScan.openingTags("th", in: text) == text.matches(of: /<th[^>]*>/).count, "\(sample)")
            #expect(HTMLScan.untagged(text) == String(text).replacing(/<[^>]+>/, with: ""), "\(sample)")
            #expect(
                HTMLScan.plainText(text) == String(text).replacing(/<[^>]+>/, with: "").replacing(/&#?[a-zA-Z0-9]+;/, with: " "),
                "\(sample)")
        }
    }

    /// Pages to lay out: tables with and without a note before their chart, a wide table, charts with and without
    /// small maps after them, white space between, elements left open.
    static let pages: [String] = [
        "<h2>Teman</h2><table><tr><td>a</td></tr></table>\n<p>Not.</p>\n<figure><svg/></figure><p>x</p>",
        "<table><tr><td>a</td></tr></table><figure><svg/></figure><table><tr><td>b</td></tr></table> <p>n</p><p>m</p><figure>f</figure>",
        "<table><tr><td>" + String(repeating: "lång text ", count: 20) + "</td></tr></table>\n<figure><svg/></figure>",
        "<figure>chart</figure>\n<figure class=\"small-map\">k1</figure>\n<figure class=\"small-map key\">k2</figure>\n<p>efter</p>",
        "<figure>chart</figure><figure class=\"page\">x</figure><figure>c2</figure> <figure class=\"small-map\">open",
        "<h3>A</h3><table><tr><td>1</td></tr></table><h2>B</h2><h3>C</h3>text<h4>D</h4><h3>E</h3><table>",
    ]

    @Test func theLayoutPassesChangeWhatTheirPatternsDid() {
        for page in Self.pages {
            let beside = page.replacing(
                /(<table>(?:(?!<\/table>)[\s\S])*<\/table>\s*(?:<p>(?:(?!<\/p>)[\s\S])*<\/p>\s*)?)(<figure>(?:(?!<\/figure>)[\s\S])*<\/figure>)/
            ) { match in
                guard HTMLPage.width(of: match.output.1) <= 620 else { return String(match.output.0) }
                return "<div class=\"beside\"><div>" + match.output.1 + "</div>" + match.output.2 + "</div>"
            }
            #expect(HTMLPage.beside(page) == beside, "\(page)")
            let withMaps = page.replacing(
                /(<figure>(?:(?!<\/figure>)[\s\S])*<\/figure>)\s*((?:<figure class="small-map[^"]*">(?:(?!<\/figure>)[\s\S])*<\/figure>\s*)+)/
            ) { match in
                "<div class=\"with-maps\">" + match.output.1 + "<div class=\"maps\">" + match.output.2 + "</div></div>"
            }
            #expect(HTMLPage.withMaps(page) == withMaps, "\(page)")
            var pieces: [Substring] = []
            var rest = page[...]
            while let next = rest.dropFirst().firstRange(of: /<h[23]>/) {
                pieces.append(rest[..<next.lowerBound])
                rest = rest[next.lowerBound...]
            }
            pieces.append(rest)
            #expect(HTMLPage.headingPieces(page) == pieces, "\(page)")
        }
        #expect(HTMLPage.beside(Self.pages[0]).hasPrefix("<h2>Teman</h2><div class=\"beside\"><div><table>"))
        #expect(HTMLPage.withMaps(Self.pages[3]).hasPrefix("<div class=\"with-maps\"><figure>chart</figure><div class=\"maps\">"))
    }

    @Test func aGroupRowIsWhatItsPatternMatches() {
        let group = /<tr><td><strong>((?:(?!<\/).)*)<\/strong><\/td>(?:<td[^>]*><\/td>)*<\/tr>/
        for row in [
            "<tr><td><strong>Norra bygden</strong></td><td align=\"right\"></td><td></td></tr>",
            "<tr><td><strong>Norra</strong></td></tr>",
            "<tr><td><strong>Två\nrader</strong></td></tr>",
            "<tr><td><strong>Norra</strong></td><td>1</td></tr>",
            "<tr><td><strong>a</b></strong></td></tr>",
            "<tr><td>Nätra</td><td>4</td></tr>",
            "<tr><td><strong>Öst</strong></td><td\nclass=\"x\"></td></tr>",
        ] {
            #expect(HTMLPage.groupName(row) == row.wholeMatch(of: group).map { String($0.output.1) }, "\(row)")
        }
    }

    /// A chart put inline is trimmed scalar by scalar from its ends: the same text Foundation's trim gives.
    @Test(arguments: [
        "<svg/>", "\n  <svg>\n</svg>\n\n", "\u{00A0}\u{2028}<svg> a </svg>\u{3000}\r\n", "", " \t\n ", "x", "\u{85}é\u{301}\u{85}",
        " <svg>" + String(repeating: "<g/>\n", count: 10_000) + "</svg>\n",
    ])
    func chartsAreTrimmedAsFoundationTrims(_ text: String) {
        #expect(HTMLPage.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Numbers are written as `String(format:)` writes them, rounding included, however large.
    @Test func decimalsAreWhatStringFormatGives() {
        var values: [Double] = [
            0, -0.0, 0.05, 0.15, 0.25, 0.35, 1.45, 2.5, -2.5, 12.345, 99.95, 99.949_999, 1e-9, 1e15, 1e300, -1e300, .nan, .infinity,
        ]
        var seed: UInt64 = 42
        for _ in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(seed >> 11) / Double(1 << 53) * 200 - 100)
            values.append(Double(Int(seed >> 40) % 10_000) / 1000)  // many exact ties at the second decimal
        }
        for value in values {
            for digits in 0...3 {
                #expect(Numbers.fixed(value, digits: digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
            }
        }
        #expect(ReportLanguage.sv.decimal(-0.04) == "0,0")
        #expect(ReportLanguage.sv.decimal(-12.25, digits: 1) == "−12,2")
        #expect(ReportLanguage.en.decimal(1234.5678, digits: 2) == "1234.57")
    }
}
