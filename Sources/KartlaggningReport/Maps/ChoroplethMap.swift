import Foundation
import KartlaggningModel

/// A choropleth map as SVG: each area coloured by its class, hidden cells hatched (never coloured), areas below the
/// minimum base pale, a legend with each class's count of areas, names where they fit and an index where they do not,
/// a scale bar, a north arrow and the source line. Every area carries a `<title>` for screen readers and tooltips.
public enum ChoroplethMap {
    static let legendWidth = 230.0
    /// How area names are written: small, centred, dark with a white halo that keeps them legible on any fill.
    static let labelAttributes =
        "font-size=\"11\" text-anchor=\"middle\" fill=\"#111111\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\""
    static let paleFill = "#e9e9e9"
    static let noDataFill = "#ffffff"

    /// The map of `input`.
    public static func svg(_ input: ChoroplethInput) -> String {
        let id = input.id
        let width = Double(input.width)
        let words = MapWords.of(input.language)
        let language = input.language
        let units = drawnUnits(input)
        guard let bounds = input.map.bounds, !units.isEmpty else {
            return SVG.open(width: input.width, height: 60, id: id, title: input.title, description: words.noAreas, fontSize: 12)
                + "<text x=\"8\" y=\"44\">\(words.noAreas)</text>\n</svg>\n"
        }
        let mapTop = 58.0
        let mapMaxHeight = units.count > 60 ? 760.0 : 520.0
        let frame = MapFrame(bounds: bounds, maxWidth: width - legendWidth - 24, maxHeight: mapMaxHeight, left: 8, top: mapTop)
        let classes = classesFor(input)

        var areasSVG = ""
        var outlines = ""
        var labels = ""
        var numbers = ""
        var index: [(number: Int, text: String)] = []
        for unit in units {
            let value = input.values[unit.members[0]] ?? .noData
            let fill = fillFor(value, classes: classes, id: id)
            let drawn = draw(unit, value: value, fill: fill, input: input, frame: frame)
            areasSVG += drawn.areas
            outlines += drawn.outline
            // The label: name (and share) where it fits, else a number and a line in the index.
            let pixels = unit.members.compactMap { input.map.area($0) }.flatMap(\.polygons).map { $0.map { $0.map(frame.pixel) } }
            guard let anchor = MapLabels.anchor(pixels) else { continue }
            let valueText = shortValue(value, language: language)
            let nameWidth = Double(SVG.textWidth([unit.label], fontSize: 11))
            let twoLines = (width: max(nameWidth, Double(SVG.textWidth([valueText], fontSize: 11))), height: 26.0)
            let (x, y) = (number(anchor.point.x), anchor.point.y)
            if MapLabels.fits(width: twoLines.width, height: twoLines.height, at: anchor.point, in: pixels) {
                labels += "<text x=\"\(x)\" y=\"\(number(y - 2))\">\(SVG.escape(unit.label))</text>"
                labels += "<text x=\"\(x)\" y=\"\(number(y + 11))\">\(SVG.escape(valueText))</text>\n"
            } else if MapLabels.fits(width: nameWidth, height: 13, at: anchor.point, in: pixels) {
                labels += "<text x=\"\(x)\" y=\"\(number(y + 4))\">\(SVG.escape(unit.label))</text>\n"
            } else if state(value) == "shown" || units.count <= 40 {
                // An index entry says a share; with many areas, those without one (hidden, pale, no answers) are left
                // to their hatching, their colour and their tooltip, or the index would list hundreds of "··".
                let n = index.count + 1
                index.append((n, "\(unit.label): \(valueText)"))
                numbers += "<text x=\"\(x)\" y=\"\(number(y + 3))\">\(n)</text>\n"
            }
        }

        // The legend, right of the map.
        let legendX = width - legendWidth
        var legend = "<text x=\"\(number(legendX))\" y=\"\(number(mapTop + 4))\" font-weight=\"bold\">\(words.key)</text>\n"
        var y = mapTop + 22
        let counts = classCounts(units: units, input: input, classes: classes)
        for (i, label) in classes.labels.enumerated() where counts.classes.reduce(0, +) > 0 {
            legend += swatch(x: legendX, y: y, fill: classes.colours[i], text: "\(label) (\(counts.classes[i]))")
            y += 20
        }
        let specials: [(String, String, Int)] = [
            ("url(#\(id)-hatch)", words.hidden(input.minCell), counts.hidden),
            (paleFill, words.lowBase(input.minBase), counts.lowBase),
            (noDataFill, words.noData, counts.noData),
        ]
        for (fill, text, count) in specials where count > 0 {
            for (k, line) in SVG.lines("\(text) (\(count))", width: Int(legendWidth) - 30, fontSize: 12).enumerated() {
                legend +=
                    k == 0
                    ? swatch(x: legendX, y: y, fill: fill, text: line)
                    : "<text x=\"\(number(legendX + 24))\" y=\"\(number(y + 10))\">\(SVG.escape(line))</text>\n"
                y += 16
            }
            y += 4
        }
        legend += "<text x=\"\(number(legendX))\" y=\"\(number(y + 10))\" fill=\"#444444\">\(words.areasCounted)</text>\n"
        let legendBottom = y + 16

        // Scale bar and north arrow.
        let bar = scaleBar(frame: frame)
        let furniture = bar.svg + northArrow(x: bar.end + 64, y: frame.top + frame.height + 4)

        // Index, notes and source under the map.
        var bottom = max(frame.top + frame.height + 34, legendBottom) + 8
        var tail = ""
        if !index.isEmpty {
            let columns = max(1, Int(width / 250))
            let rows = (index.count + columns - 1) / columns
            for (k, entry) in index.enumerated() {
                let column = k / rows
                let row = k % rows
                tail +=
                    "<text x=\"\(number(8 + Double(column) * (width - 16) / Double(columns)))\" y=\"\(number(bottom + Double(row) * 14))\" font-size=\"10\">\(entry.number) \(SVG.escape(entry.text))</text>\n"
            }
            bottom += Double(rows) * 14 + 8
        }
        var footer: [String] = []
        for note in input.notes { footer += SVG.lines(note, width: Int(width) - 16, fontSize: 12) }
        footer += SVG.lines(
            "\(words.mapData): \(input.map.source ?? words.registryMap). \(words.projection): \(input.map.projection).",
            width: Int(width) - 16, fontSize: 12)
        tail += SVG.caption(footer, y: Int(bottom.rounded()))
        let height = Int((bottom + Double(footer.count) * 18).rounded(.up))

        let description = summary(counts: counts, units: units.count, words: words)
        var svg = SVG.open(width: input.width, height: height, id: id, title: input.title, description: description, fontSize: 12)
        svg += hatchDefinition(id: id)
        svg += """
            <text x="8" y="42" fill="#444444">\(SVG.escape(input.measure))</text>
            <g class="areas" stroke="#ffffff" stroke-width="0.7" stroke-linejoin="round" fill-rule="evenodd">

            """
        svg += areasSVG + "</g>\n"
        if !outlines.isEmpty { svg += "<g class=\"pools\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.4\">\n\(outlines)</g>\n" }
        // Labels as presentation attributes, not a style sheet: the workbench's Content-Security-Policy allows none inline.
        svg += "<g class=\"labels\" \(Self.labelAttributes)>\n\(labels)</g>\n"
        if !numbers.isEmpty {
            svg +=
                "<g class=\"index\" font-size=\"9\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111111\" paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"2.5\">\n\(numbers)</g>\n"
        }
        svg += furniture + legend + tail + "</svg>\n"
        return svg
    }

    // MARK: Units

    /// A unit's areas as paths (fill, state, `<title>`, the link where there is one; a pool's members without borders
    /// of their own) and, for a pool, its outline: what the full map and the small ones draw alike.
    static func draw(_ unit: Unit, value: ChoroplethInput.Value, fill: String, input: ChoroplethInput, frame: MapFrame) -> (
        areas: String, outline: String
    ) {
        let title = SVG.escape(
            "\(unit.label): \(describe(value, minCell: input.minCell, minBase: input.minBase, language: input.language))")
        let pooled = unit.members.count > 1
        var areas = ""
        for member in unit.members {
            guard let area = input.map.area(member) else { continue }
            var path =
                "<path d=\"\(frame.path(area.polygons))\" fill=\"\(fill)\" data-area=\"\(SVG.escape(member))\" data-state=\"\(state(value))\""
            if pooled {
                path += " stroke=\"\(fill.hasPrefix("url") ? "none" : fill)\""
            } else if fill == noDataFill {
                path += " stroke=\"#bbbbbb\""
            }
            path += "><title>\(pooled ? SVG.escape("\(member) – ") : "")\(title)</title></path>"
            if let link = input.links?[member] { path = "<a href=\"\(SVG.escape(link))\">\(path)</a>" }
            areas += path + "\n"
        }
        guard pooled else { return (areas, "") }
        let outline = outline(unit.members.compactMap { input.map.area($0) }).map { "<path d=\"\(frame.polyline($0))\"/>\n" }.joined()
        return (areas, outline)
    }

    struct Unit {
        var label: String
        var members: [String]
    }

    /// What is drawn as one: each pool, and each area in no pool, in the map's order.
    static func drawnUnits(_ input: ChoroplethInput) -> [Unit] {
        let drawn = Set(input.map.areas.map(\.name))
        var pooled: [String: Int] = [:]
        var units: [Unit] = []
        for pool in input.pools {
            let members = pool.districts.filter { drawn.contains($0) }
            guard !members.isEmpty else { continue }
            for member in members { pooled[member] = units.count }
            units.append(Unit(label: pool.label, members: members))
        }
        for area in input.map.areas where pooled[area.name] == nil {
            units.append(Unit(label: area.name, members: [area.name]))
        }
        return units
    }

    /// The borders of a union of areas: every ring's edges but those two members share, joined into lines.
    static func outline(_ areas: [AreaMap.Area]) -> [[AreaMap.Point]] {
        struct Edge: Hashable {
            let a: AreaMap.Point
            let b: AreaMap.Point
        }
        var edges: [Edge] = []
        var seen: [Edge: Int] = [:]
        for area in areas {
            for polygon in area.polygons {
                for ring in polygon where ring.count >= 2 {
                    for i in ring.indices {
                        let edge = Edge(a: ring[i], b: ring[(i + 1) % ring.count])
                        edges.append(edge)
                        seen[edge, default: 0] += 1
                    }
                }
            }
        }
        let outer = edges.filter { seen[Edge(a: $0.b, b: $0.a)] == nil }
        var lines: [[AreaMap.Point]] = []
        for edge in outer {
            if var last = lines.last, last.last == edge.a {
                last.append(edge.b)
                lines[lines.count - 1] = last
            } else {
                lines.append([edge.a, edge.b])
            }
        }
        return lines
    }

    // MARK: Values

    static func classesFor(_ input: ChoroplethInput) -> MapClasses {
        let shown =
            input.classValues
            ?? input.values.values.compactMap { value -> Double? in
                switch value {
                case .share(let percent, _, _): input.palette == .sequential ? percent : nil
                case .difference(let points, _, _): points
                default: nil
                }
            }
        return input.palette == .sequential
            ? MapClasses.sequential(shown, language: input.language) : MapClasses.diverging(shown, language: input.language)
    }

    static func fillFor(_ value: ChoroplethInput.Value, classes: MapClasses, id: String) -> String {
        switch value {
        case .share(let percent, _, _): classes.colours[classes.index(of: percent)]
        case .difference(let points, _, _): classes.colours[classes.index(of: points)]
        case .hidden: "url(#\(id)-hatch)"
        case .lowBase: paleFill
        case .noData: noDataFill
        }
    }

    static func state(_ value: ChoroplethInput.Value) -> String {
        switch value {
        case .share, .difference: "shown"
        case .hidden: "hidden"
        case .lowBase: "low-base"
        case .noData: "no-data"
        }
    }

    /// An area's value in words (its `<title>`).
    static func describe(_ value: ChoroplethInput.Value, minCell: Int, minBase: Int, language: ReportLanguage) -> String {
        let words = MapWords.of(language)
        return switch value {
        case .share(let percent, let n, let base):
            "\(language.percent(percent)) (\(language.integer(n)) \(words.of) \(language.integer(base)))"
        case .difference(let points, let percent, let base):
            "\(language.percent(percent)) \(words.of) \(language.integer(base)), \(language.points(points)) \(words.againstWhole)"
        case .hidden: words.hiddenTitle(minCell)
        case .lowBase(let base): words.lowBaseTitle(base, minBase)
        case .noData: words.noData
        }
    }

    /// An area's value as its label's second line.
    static func shortValue(_ value: ChoroplethInput.Value, language: ReportLanguage) -> String {
        let words = MapWords.of(language)
        return switch value {
        case .share(let percent, _, _): language.percent(percent)
        case .difference(let points, _, _): language.points(points) + " " + words.pointsShort
        case .hidden: ReportLanguage.hidden
        case .lowBase: words.lowBaseShort
        case .noData: words.noData
        }
    }

    struct Counts {
        var classes: [Int]
        var hidden = 0
        var lowBase = 0
        var noData = 0
    }

    static func classCounts(units: [Unit], input: ChoroplethInput, classes: MapClasses) -> Counts {
        var counts = Counts(classes: Array(repeating: 0, count: classes.labels.count))
        for unit in units {
            switch input.values[unit.members[0]] ?? .noData {
            case .share(let percent, _, _): counts.classes[classes.index(of: percent)] += 1
            case .difference(let points, _, _): counts.classes[classes.index(of: points)] += 1
            case .hidden: counts.hidden += 1
            case .lowBase: counts.lowBase += 1
            case .noData: counts.noData += 1
            }
        }
        return counts
    }

    static func summary(counts: Counts, units: Int, words: MapWords) -> String {
        let shown = counts.classes.reduce(0, +)
        var parts = [words.summary(units, shown)]
        if counts.hidden > 0 { parts.append("\(counts.hidden) \(words.hiddenCount)") }
        if counts.lowBase > 0 { parts.append("\(counts.lowBase) \(words.lowBaseCount)") }
        if counts.noData > 0 { parts.append("\(counts.noData) \(words.noDataCount)") }
        return parts.joined(separator: ", ") + "."
    }

    // MARK: Furniture

    static func swatch(x: Double, y: Double, fill: String, text: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"18\" height=\"12\" fill=\"\(fill)\" stroke=\"#888888\" stroke-width=\"0.6\"/>"
            + "<text x=\"\(number(x + 24))\" y=\"\(number(y + 10))\">\(SVG.escape(text))</text>\n"
    }

    /// A bar of a round length (1, 2 or 5 × 10ⁿ metres) about a quarter of the map's width, under its left corner.
    static func scaleBar(frame: MapFrame) -> (svg: String, end: Double) {
        let target = frame.width / 4 / frame.scale
        let magnitude = pow(10, (log10(max(target, 1))).rounded(.down))
        let metres = [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= target } ?? magnitude
        let length = metres * frame.scale
        let x = frame.left
        let y = frame.top + frame.height + 18
        let text = metres >= 1000 ? "\(MapClasses.number(metres / 1000)) km" : "\(MapClasses.number(metres)) m"
        let svg = """
            <g class="scale" stroke="#333333" stroke-width="1.2" fill="none"><path d="M\(number(x)) \(number(y - 5))V\(number(y))H\(number(x + length))V\(number(y - 5))"/></g>\
            <text x="\(number(x + length + 6))" y="\(number(y + 1))" font-size="11">\(text)</text>

            """
        return (svg, x + length)
    }

    static func northArrow(x: Double, y: Double) -> String {
        """
        <g class="north" aria-hidden="true"><path d="M\(number(x)) \(number(y))l-5 15l5 -4l5 4z" fill="#333333"/>\
        <text x="\(number(x + 12))" y="\(number(y + 14))" font-size="11">N</text></g>

        """
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
