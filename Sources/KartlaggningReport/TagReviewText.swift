import KartlaggningModel

/// `tag review` as terminal text: the flagged tags with the text they coded and the text now, and the archive.
public enum TagReviewText {
    public static func review(_ items: [TagReviewItem]) -> String {
        if items.isEmpty { return "no coded answer has changed since it was coded\n" }
        var lines: [String] = []
        for item in items {
            lines.append(
                "tag \(item.tag)  answer \(item.answer) · \(item.survey) / \(item.respondent) / \(item.question) · "
                    + "\(item.coder): \(item.negative ? "not " : "")\(item.theme) (codebook \(item.codebook))")
            lines.append("    coded: \(oneLine(item.previousText))")
            lines.append("    now:   \(oneLine(item.currentText))")
        }
        lines.append(
            "\(items.count) flagged tag\(items.count == 1 ? "" : "s"); \(Remedy.settleTags)")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func archive(_ tags: [ArchivedTag]) -> String {
        if tags.isEmpty { return "the archive is empty\n" }
        var lines: [String] = []
        for tag in tags {
            lines.append(
                "#\(tag.id)  \(tag.survey) / \(tag.respondent) / \(tag.question) · \(tag.coder): \(tag.negative ? "not " : "")"
                    + "\(tag.theme) (codebook \(tag.codebook)) · archived \(tag.archivedAt): \(oneLine(tag.reason))")
            lines.append("    text: \(oneLine(tag.text))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        return flat.count > 200 ? String(flat.prefix(200)) + "…" : flat
    }
}
