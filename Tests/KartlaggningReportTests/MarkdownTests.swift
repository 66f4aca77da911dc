import Testing

@testable import KartlaggningReport

struct MarkdownTests {
    @Test(arguments: [
        ("a|b", "a\\|b"), ("rad ett\nrad två", "rad ett<br>rad två"), ("c:\\temp", "c:\\\\temp"), ("windows\r\nrad", "windows<br>rad"),
        ("vanlig text", "vanlig text"),
    ])
    func cellsAreEscaped(text: String, cell: String) {
        #expect(Markdown.cell(text) == cell)
    }

    @Test func tableWithAlignment() {
        #expect(
            Markdown.table(["tema", "svar"], [["bredband | fiber", "12"]], numeric: [1])
                == "| tema | svar |\n|---|---:|\n| bredband \\| fiber | 12 |\n")
    }

    @Test func highlightMergesAndCountsScalars() {
        #expect(Highlighter.mark("Åtta år utan bredband", spans: [[13, 21]], open: "**", close: "**") == "Åtta år utan **bredband**")
        #expect(Highlighter.mark("abcdef", spans: [[0, 2], [1, 3], [4, 5]], open: "[", close: "]") == "[abc]d[e]f")
        #expect(Highlighter.mark("abc", spans: [], open: "[", close: "]") == "abc")
    }
}
