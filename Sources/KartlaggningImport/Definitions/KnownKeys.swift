import Yams

/// The keys a file people write may use, level by level: the JSON Schemas in `Schemas/` as a table (a test keeps the
/// two equal). A key outside them is a typo that would otherwise be dropped without a word (`aliasez:`, `keywrds:`),
/// so it stops the load with its line and the nearest known key.
struct KnownKeys: Sendable {
    let keys: Set<String>
    /// The shape of a key's value, where it is a mapping or a list of mappings.
    let children: [String: KnownKeys]

    init(_ keys: Set<String>, children: [String: KnownKeys] = [:]) {
        self.keys = keys
        self.children = children
    }

    static let survey = KnownKeys(
        [
            "id", "title", "wave", "kind", "kinds", "respondent", "questions", "identifying", "technical", "sheet", "header_row",
            "skip_after_header", "missing",
        ],
        children: [
            "respondent": KnownKeys(["id", "kind", "district", "service_town", "organisation", "interviewer", "date", "wave"]),
            "questions": KnownKeys(
                [
                    "id", "column", "label", "text", "type", "options", "scale", "separator", "required", "missing", "codes",
                    "decimal_mark",
                ],
                children: ["scale": KnownKeys(["min", "max"])]),
        ])

    static let districts = KnownKeys(
        ["districts", "map"],
        children: [
            "districts": KnownKeys(["name", "aliases", "service_towns", "group", "code"]),
            "map": KnownKeys(["file", "property", "source"]),
        ])

    static let codebook = KnownKeys(
        ["id", "version", "language", "matching", "themes"],
        children: ["themes": KnownKeys(["id", "label", "parent", "description", "keywords", "exclude", "questions"])])

    /// Checks `text` (YAML or JSON); a file that does not parse is left to the decoder, which names the syntax error.
    func check(_ text: String, file: String) throws {
        guard let node = try? Yams.compose(yaml: text) else { return }
        try check(node, file: file, path: "")
    }

    private func check(_ node: Node, file: String, path: String) throws {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                guard keys.contains(name) else {
                    let nearest = Self.nearest(name, in: keys)
                    throw ImportError.definition(
                        file: file, line: key.mark?.line,
                        message: "unknown key \"\(name)\"\(path.isEmpty ? "" : " in \(path)")"
                            + (nearest.map { "; did you mean \"\($0)\"?" } ?? "; known keys: " + keys.sorted().joined(separator: ", ")))
                }
                if let child = children[name] { try child.check(value, file: file, path: path.isEmpty ? name : "\(path).\(name)") }
            }
        case .sequence(let sequence):
            for (i, item) in sequence.enumerated() { try check(item, file: file, path: "\(path)[\(i)]") }
        default:
            break
        }
    }

    /// The known key closest to `name` by edit distance, when it is close (at most a third of its letters apart).
    static func nearest(_ name: String, in keys: Set<String>) -> String? {
        let scored = keys.map { ($0, distance(name.lowercased(), $0)) }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        guard let best = scored.first, best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance: insertions, deletions and substitutions of characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() { current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))) }
            previous = current
        }
        return previous[b.count]
    }
}
