/// An attribute of a start tag, its name without prefix and its value with references resolved.
struct XMLAttribute: Equatable {
    var name: String
    var value: String
}

extension [XMLAttribute] {
    subscript(_ name: String) -> String? {
        first { $0.name == name }?.value
    }
}
