/// One JSON record, flattened, with the line its object starts on and its number in the file (from 1).
struct JSONRecord {
    var cells: FlatCells
    var line: Int
    var index: Int
}
