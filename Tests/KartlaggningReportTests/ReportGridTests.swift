import Mustache
import Testing

@testable import KartlaggningReport

/// A grid gives the templates every variable `Mirror` would: each stored property by its name, an optional's value
/// or nil, and nothing else.
struct ReportGridTests {
    /// What Mustache finds through reflection: the property's value, an optional unwrapped.
    static func reflected(_ object: Any, _ name: String) -> String? {
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return String(describing: value) }
        return mirror.children.first.map { String(describing: $0.value) }
    }

    @Test(arguments: [false, true])
    func everyPropertyIsGivenAsReflectionGivesIt(filled: Bool) {
        var grid = ReportGrid(columns: ["Nätra", "BLT"], rows: [ReportGrid.Row(name: "Bredband", cells: ["12 %", "–"])])
        if filled {
            grid.corner = "Tema"
            grid.text = "Hur nöjd?"
            grid.id = "bredband"
            grid.multi = true
            grid.note = "Övriga: 3 områden"
            grid.columnValues = ["Nätra"]
            grid.separated = true
            grid = grid.paged(maxColumns: 1)
        }
        let labels = Mirror(reflecting: grid).children.compactMap(\.label)
        #expect(labels.count == 10)
        for label in labels {
            #expect(grid.child(named: label).map { String(describing: $0) } == Self.reflected(grid, label), "\(label)")
        }
        let row = grid.rows[0]
        for label in Mirror(reflecting: row).children.compactMap(\.label) {
            #expect(row.child(named: label).map { String(describing: $0) } == Self.reflected(row, label), "\(label)")
        }
        #expect(grid.child(named: "nothing") == nil && row.child(named: "corner") == nil)
        // Rendered, the same table as before.
        let template = try? MustacheTemplate(string: ReportGrid.template)
        #expect(template?.render(grid.parts.first ?? grid).contains("| Bredband |") == true)
    }
}
