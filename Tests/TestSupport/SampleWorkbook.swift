import Foundation

/// Workbooks shaped like the exports municipal teams get, for tests.
public enum SampleWorkbook {
    static let places = ["Bjästa", "Husum", "Bredbyn", "Köpmanholmen", "Björna", "Gideå"]
    static let services = ["Bredband", "Kollektivtrafik", "Närarbetsplats", "Mataffär", "Vårdcentral"]
    static let comments = [
        "Bussen går för sällan på kvällarna", "Vi behöver en närarbetsplats i byn", "Fibern har gjort stor skillnad",
        "", "Mataffären är viktig för hela bygden", "",
    ]

    /// A Microsoft Forms export: `ID`, `Starttid` and `Sluttid` as Excel date-times (style numFmt 22), `E-post` and
    /// `Namn` (anonymous), one column per question headed by its text, several choices in one cell ending in `;`.
    public static func microsoftForms(at path: String, rows: Int) throws {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let i = index[text] { return i }
            index[text] = strings.count
            strings.append("<si><t xml:space=\"preserve\">\(WorkbookWriter.escape(text))</t></si>")
            return strings.count - 1
        }
        let header = [
            "ID", "Starttid", "Sluttid", "E-post", "Namn", "Var bor du?", "Hur nöjd är du med att bo i bygden? (1-5)",
            "Vilka tjänster saknar du i bygden?", "Har du bredband hemma?", "Övriga synpunkter",
        ]
        func cell(_ column: Int, _ row: Int, string text: String) -> String {
            "<c r=\"\(columnName(column))\(row)\" t=\"s\"><v>\(shared(text))</v></c>"
        }
        var xml = "<row r=\"1\">" + header.enumerated().map { cell($0.offset, 1, string: $0.element) }.joined() + "</row>"
        for i in 1...rows {
            let r = i + 1
            let start = 45_730.0 + Double(i) / 24
            var cells =
                "<c r=\"A\(r)\"><v>\(i)</v></c><c r=\"B\(r)\" s=\"1\"><v>\(start)</v></c><c r=\"C\(r)\" s=\"1\"><v>\(start + 0.004)</v></c>"
            cells += cell(3, r, string: "anonymous")
            cells += cell(5, r, string: places[i % places.count])
            cells += "<c r=\"G\(r)\"><v>\(i % 5 + 1)</v></c>"
            let chosen = services.enumerated().filter { ($0.offset + i) % 3 == 0 }.map(\.element)
            if !chosen.isEmpty { cells += cell(7, r, string: chosen.joined(separator: ";") + ";") }
            cells += cell(8, r, string: i % 4 == 0 ? "Nej" : "Ja")
            let comment = comments[i % comments.count]
            if !comment.isEmpty { cells += cell(9, r, string: comment) }
            xml += "<row r=\"\(r)\">\(cells)</row>"
        }
        try WorkbookWriter.xlsx(at: path, sheets: [.init(name: "Form1", rows: xml)], sharedStrings: strings, cellXfs: [0, 22])
    }

    static func columnName(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }
}
