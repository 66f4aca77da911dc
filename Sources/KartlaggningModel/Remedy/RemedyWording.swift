/// How a front end spells a ``Remedy``: the command-line tool as commands and flags, a library user as settings.
public protocol RemedyWording: Sendable {
    func text(for remedy: Remedy) -> String
}
