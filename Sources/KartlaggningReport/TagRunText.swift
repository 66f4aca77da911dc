import KartlaggningModel

/// A tagging run as terminal text.
public enum TagRunText {
    public static func render(_ s: TagRunSummary) -> String {
        "codebook \(s.codebook) revision \(s.revision): \(s.answersTagged) answers tagged (\(s.answersWithThemes) with themes, "
            + "\(s.tagsWritten) tags), \(s.answersUpToDate) already up to date"
            + (s.tagsReplaced > 0 ? ", \(s.tagsReplaced) older auto tags replaced" : "") + "\n"
    }
}
