/// How one token of a pattern matches a token of text.
public enum TokenPattern: Hashable, Sendable {
    /// Same Swedish Snowball stem: `förening` matches föreningar, föreningen, föreningarnas (a plain keyword under
    /// the `stem` rule).
    case stem(String)
    /// A plain keyword under the `forms` and `compounds` rules: one of the word's inflected forms
    /// (`SwedishInflection.forms`), and with `compounds` a compound that begins with it.
    case word(String, compounds: Bool)
    /// Exactly this token, no stemming: `=buss`.
    case exact(String)
    /// The token starts with this: `bredband*`.
    case prefix(String)
    /// The token ends with this: `*trafik` under the `stem` rule.
    case suffix(String)
    /// The token ends with one of the word's forms: `*trafik` (kollektivtrafiken) under the `forms` and `compounds`
    /// rules.
    case head(String)
    /// The token contains this: `*bygd*`.
    case infix(String)
}
