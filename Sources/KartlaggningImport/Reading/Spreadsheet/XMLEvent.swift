/// One step through an XML document.
enum XMLEvent: Equatable {
    case start(String, [XMLAttribute], selfClosing: Bool)
    case end(String)
    case text(String)
}
