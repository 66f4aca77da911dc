/// How one token of a pattern matches a token of text.
public enum TokenPattern: Hashable, Sendable {
    /// Same Swedish Snowball stem: `förening` matches föreningar, föreningen, föreningarnas.
    case stem(String)
    /// Exactly this token, no stemming: `=buss`.
    case exact(String)
    /// The token starts with this: `bredband*`.
    case prefix(String)
    /// The token ends with this: `*trafik`.
    case suffix(String)
    /// The token contains this: `*bygd*`.
    case infix(String)
}
