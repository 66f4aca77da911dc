import KartlaggningAnalysis
import KartlaggningCore
import KartlaggningModel
import Testing

@testable import KartlaggningReport
@testable import KartlaggningReportBuilder

/// `--area-order` and the registry's groups: the order areas are shown in, never a number, and never an order that
/// tells what a hidden figure holds.
struct AreaArrangementTests {
    let areas = ["Bjästa", "Husum", CrossSpec.unknown, "Bredbyn", "Gideå", "Solberg"]

    func make(
        _ order: AreaOrder, groups: [String: String] = [:], size: [String: Int] = [:], share: [String: Double] = [:]
    ) -> AreaArrangement {
        AreaArrangement.make(
            areas: areas, registryGroups: groups, order: order, size: { size[$0] }, share: { share[$0] }, other: "Övriga områden")
    }

    @Test func registryOrderKeepsTheListAndPutsNoAreaLast() {
        let arranged = make(.registry)
        #expect(arranged.order == ["Bjästa", "Husum", "Bredbyn", "Gideå", "Solberg", CrossSpec.unknown])
        #expect(arranged.groups.isEmpty)
    }

    @Test func sizeIsLargestFirstWithHiddenSizesLastInRegistryOrder() {
        // Solberg and Husum hidden (nil): after every shown size, Husum first as the registry lists it first.
        let arranged = make(.size, size: ["Bjästa": 30, "Bredbyn": 90, "Gideå": 30, CrossSpec.unknown: 200])
        #expect(arranged.order == ["Bredbyn", "Bjästa", "Gideå", "Husum", "Solberg", CrossSpec.unknown])
    }

    @Test func aHiddenShareNeverMovesItsArea() throws {
        // theme × area: Husum's 2 of 2 (100 %, the largest share) is hidden, and so is a cell beside it; its area
        // sorts after every shown share, in registry order, wherever its true share lies.
        let counts = CrossCounts(
            counts: [[12, 2, 9, 4], [30, 0, 20, 36]], rowBase: [27, 86], colBase: [40, 2, 25, 40], grand: 107,
            rowValues: ["bredband", "skola"], colValues: ["Bjästa", "Husum", "Bredbyn", "Gideå"])
        let table = CrossTabulation.tabulate(counts, spec: CrossSpec(rows: .theme, cols: .district))
        #expect(table.cell("bredband", "Husum")?.suppressed == true)
        let arranger = AreaArranger(groups: [:], order: .share(theme: "bredband"), language: .sv)
        let order = try arranger.overview(
            MappingSummary(
                basis: table, surveys: [], themes: table, themeLabels: [:], themeParents: [:], choices: [], scales: [], differences: []),
            codebook: "k"
        ).order
        let shown = table.colValues.filter { table.cell("bredband", $0)?.suppressed == false }
        let hidden = table.colValues.filter { table.cell("bredband", $0)?.suppressed == true }
        let shares = shown.compactMap { table.cell("bredband", $0)?.percent }
        #expect(order == shown.sorted { (table.cell("bredband", $0)?.percent ?? 0) > (table.cell("bredband", $1)?.percent ?? 0) } + hidden)
        #expect(shares.count == shown.count && order.last == hidden.last && hidden.contains("Husum"))
    }

    @Test func anOverviewSortsBySharesOfANamedThemeOnly() {
        let table = CrossTabulation.tabulate(
            CrossCounts(counts: [[5]], rowBase: [5], colBase: [9], grand: 9, rowValues: ["a"], colValues: ["Bjästa"]),
            spec: CrossSpec(rows: .theme, cols: .district))
        let summary = MappingSummary(
            basis: table, surveys: [], themes: table, themeLabels: [:], themeParents: [:], choices: [], scales: [], differences: [])
        #expect(throws: ReportError.shareNeedsTheme) {
            try AreaArranger(groups: [:], order: .share(theme: nil), language: .sv).overview(summary, codebook: "k")
        }
        #expect(throws: ReportError.unknownTheme(theme: "b", codebook: "k")) {
            try AreaArranger(groups: [:], order: .share(theme: "b"), language: .sv).overview(summary, codebook: "k")
        }
    }

    @Test func namesSortAsSwedishDoes() {
        let names = ["Ödsbyn", "Åsele", "Ärla", "Zinkgruvan", "Edsele", "Éd", "abborrträsk", "Aspeå"]
        let arranged = AreaArrangement.make(
            areas: names, registryGroups: [:], order: .name, size: { _ in nil }, share: { _ in nil }, other: "")
        #expect(arranged.order == ["abborrträsk", "Aspeå", "Éd", "Edsele", "Zinkgruvan", "Åsele", "Ärla", "Ödsbyn"])
    }

    @Test func groupsComeInRegistryOrderWithUngroupedAreasUnderOther() {
        let groups = ["Husum": "Kusten", "Bjästa": "Inlandet", "Gideå": "Kusten"]
        let arranged = make(.size, groups: groups, size: ["Bjästa": 5, "Husum": 10, "Gideå": 20, "Bredbyn": 1, "Solberg": 2])
        // Inlandet first (Bjästa is listed first), then Kusten, then the rest; sizes sort within each group.
        #expect(arranged.order == ["Bjästa", "Gideå", "Husum", "Solberg", "Bredbyn", CrossSpec.unknown])
        #expect(
            arranged.groups(of: arranged.order + ["Hela kommunen"]) == [
                "Inlandet", "Kusten", "Kusten", "Övriga områden", "Övriga områden", "Övriga områden", nil,
            ])
    }

    @Test(arguments: [
        ("registry", AreaOrder.registry), ("size", .size), ("name", .name), ("share", .share(theme: nil)),
        ("share:bredband", .share(theme: "bredband")),
    ])
    func ordersAreReadFromTheirNames(text: String, order: AreaOrder) {
        #expect(AreaOrder(areaOrder: text) == order)
        #expect(order.description == text)
    }

    @Test(arguments: ["", "share:", "largest", "Size"])
    func otherNamesAreNoOrder(text: String) {
        #expect(AreaOrder(areaOrder: text) == nil)
    }

    @Test func arrangingColumnsMovesNoNumber() {
        let counts = CrossCounts(
            counts: [[9, 5, 1], [8, 6, 0]], rowBase: [15, 14], colBase: [17, 11, 1], grand: 29,
            rowValues: ["företag", "förening"], colValues: ["Nätra", "BLT", "Husum"])
        let table = CrossTabulation.tabulate(counts, spec: CrossSpec(rows: .kind, cols: .district))
        let arranged = table.arrangingColumns(["Husum", "Nätra"])
        #expect(arranged.colValues == ["Husum", "Nätra", "BLT"])
        #expect(arranged.colTotals.map(\.value) == ["Husum", "Nätra", "BLT"])
        for row in table.rowValues {
            for col in table.colValues { #expect(arranged.cell(row, col) == table.cell(row, col)) }
        }
        #expect(Set(arranged.cells.map { "\($0.row)/\($0.col)" }) == Set(table.cells.map { "\($0.row)/\($0.col)" }))
        #expect(arranged.rowTotals == table.rowTotals && arranged.total == table.total)
    }

    @Test func aTurnedGridListsAreasUnderTheirGroups() {
        var grid = ReportGrid(
            columns: ["Bjästa", "Husum", "Gideå", "Hela kommunen"],
            rows: [.init(name: "Tema a", cells: ["1", "2", "3", "6"]), .init(name: "Tema b", cells: ["4", "5", "6", "15"])])
        grid.corner = "Tema"
        let turned = grid.transposed(corner: "Område", groups: ["Inland *x*", "Kust", "Kust", nil])
        #expect(turned.columns == ["Tema a", "Tema b"])
        #expect(turned.rows.map(\.name) == ["**Inland \\*x\\***", "Bjästa", "**Kust**", "Husum", "Gideå", "Hela kommunen"])
        #expect(turned.rows[0].cells == ["", ""])
        #expect(turned.rows[3].cells == ["2", "5"])
        #expect(turned.rows[5].cells == ["6", "15"])
    }
}
