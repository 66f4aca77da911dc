import Foundation
import ZIPFoundation

/// Writes XLSX and ODS packages the way spreadsheet programs lay them out, from XML the tests spell out — so a
/// test states exactly what a producer writes (shared strings with rich-text runs, styles, merged cells, repeats).
public enum WorkbookWriter {
    /// Writes a ZIP package of `parts` (name, text), deflated, except `mimetype` (stored first, as ODS requires).
    public static func package(at path: String, parts: [(String, String)]) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: name == "mimetype" ? .none : .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }

    /// One sheet of an XLSX workbook: its name, the rows inside `<sheetData>`, and what follows it (merges).
    public struct Sheet {
        public var name: String
        public var rows: String
        public var after: String
        public var hidden: Bool

        public init(name: String, rows: String, after: String = "", hidden: Bool = false) {
            self.name = name
            self.rows = rows
            self.after = after
            self.hidden = hidden
        }
    }

    /// An XLSX workbook as Excel lays it out: content types, relationships, workbook, styles, shared strings
    /// (`<si>` elements as given), and the sheets.
    public static func xlsx(
        at path: String, sheets: [Sheet], sharedStrings: [String] = [], cellXfs: [Int] = [0], numFmts: [Int: String] = [:],
        date1904: Bool = false, prefix: String = ""
    ) throws {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = []
        parts.append(
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>
                """
            ))
        parts.append(
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """
            ))
        var relationships = ""
        var sheetElements = ""
        for (index, sheet) in sheets.enumerated() {
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            sheetElements +=
                "<\(p)sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>"
            parts.append(
                (
                    "xl/worksheets/sheet\(index + 1).xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <\(p)worksheet \(ns)="\(main)" xmlns:r="\(rel)"><\(p)dimension ref="A1"/><\(p)sheetData>\(sheet.rows)</\(p)sheetData>\(sheet.after)</\(p)worksheet>
                    """
                ))
        }
        relationships += "<Relationship Id=\"rIdS\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        relationships += "<Relationship Id=\"rIdT\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        parts.append(
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
                """
            ))
        parts.append(
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <\(p)workbook \(ns)="\(main)" xmlns:r="\(rel)"><\(p)workbookPr\(date1904 ? " date1904=\"1\"" : "")/><\(p)sheets>\(sheetElements)</\(p)sheets></\(p)workbook>
                """
            ))
        let formats = numFmts.sorted { $0.key < $1.key }.map { "<\(p)numFmt numFmtId=\"\($0.key)\" formatCode=\"\(escape($0.value))\"/>" }
            .joined()
        let xfs = cellXfs.map { "<\(p)xf numFmtId=\"\($0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" }.joined()
        parts.append(
            (
                "xl/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <\(p)styleSheet \(ns)="\(main)"><\(p)numFmts count="\(numFmts.count)">\(formats)</\(p)numFmts><\(p)cellStyleXfs count="1"><\(p)xf numFmtId="0"/></\(p)cellStyleXfs><\(p)cellXfs count="\(cellXfs.count)">\(xfs)</\(p)cellXfs></\(p)styleSheet>
                """
            ))
        parts.append(
            (
                "xl/sharedStrings.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <\(p)sst \(ns)="\(main)" count="\(sharedStrings.count)" uniqueCount="\(sharedStrings.count)">\(sharedStrings.joined())</\(p)sst>
                """
            ))
        try package(at: path, parts: parts)
    }

    /// An ODS spreadsheet: `mimetype` first and stored, a manifest, and `content.xml` with the tables given
    /// (each the XML inside `<table:table>`).
    public static func ods(at path: String, tables: [(name: String, body: String)]) throws {
        let body = tables.map { "<table:table table:name=\"\(escape($0.name))\">\($0.body)</table:table>" }.joined()
        try package(
            at: path,
            parts: [
                ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                (
                    "META-INF/manifest.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>
                    """
                ),
                (
                    "content.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:spreadsheet>\(body)</office:spreadsheet></office:body></office:document-content>
                    """
                ),
            ])
    }

    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
