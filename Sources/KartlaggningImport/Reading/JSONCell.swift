/// A flattened JSON cell.
enum JSONCell: Equatable {
    case value(String)
    case list([String])
    case null
}
