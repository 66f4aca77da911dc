/// How a codebook's plain keywords (no `*`, no `=`) match the words of an answer.
public enum KeywordMatching: String, Codable, Sendable, CaseIterable {
    /// The Swedish Snowball stem of the token equals the keyword's. The rule of every codebook stored before
    /// `matching` existed (a stored revision keeps matching as it was tagged).
    case stem
    /// The token is one of the keyword's inflected forms (`SwedishInflection.forms`); no stemming, so that a
    /// keyword does not meet the unrelated words Snowball gives the same stem (`villa` and "vill", `post` and
    /// "postade").
    case forms
    /// `forms`, or the token is a compound that begins with the keyword (`vindkraft` in vindkraftsetableringen).
    case compounds

    /// What a codebook file that does not say gets.
    public static let `default` = KeywordMatching.compounds
}
