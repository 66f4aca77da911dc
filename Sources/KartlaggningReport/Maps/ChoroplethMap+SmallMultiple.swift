import KartlaggningModel

extension ChoroplethMap {
    /// A small map for a row of several (small multiples, one per theme): the theme as title and the areas coloured,
    /// hatched or pale as `svg` draws them, each with its `<title>`; no names, legend, scale or source of its own —
    /// `sharedLegend` gives them once for the row, whose maps share their classes (`ChoroplethInput.classValues`).
    public static func smallMultiple(_ input: ChoroplethInput) -> String {
        let width = Double(input.width)
        let words = MapWords.of(input.language)
        let units = drawnUnits(input)
        guard let bounds = input.map.bounds, !units.isEmpty else {
            return SVG.open(width: input.width, height: 40, id: input.id, title: input.title, description: words.noAreas, fontSize: 12)
                + "</svg>\n"
        }
        let frame = MapFrame(bounds: bounds, maxWidth: width - 8, maxHeight: width * 1.15, left: 4, top: 30)
        let classes = classesFor(input)
        var areas = ""
        var outlines = ""
        for unit in units {
            let value = input.values[unit.members[0]] ?? .noData
            let fill = fillFor(value, classes: classes, id: input.id)
            let drawn = draw(unit, value: value, fill: fill, input: input, frame: frame)
            areas += drawn.areas
            outlines += drawn.outline
        }
        let counts = classCounts(units: units, input: input, classes: classes)
        let height = Int((frame.top + frame.height + 6).rounded(.up))
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(input.width)" height="\(height)" viewBox="0 0 \(input.width) \(height)" role="img" aria-labelledby="\(input.id)-title \(input.id)-desc" font-family="sans-serif" font-size="12">
            <title id="\(input.id)-title">\(SVG.escape(input.title))</title>
            <desc id="\(input.id)-desc">\(SVG.escape(summary(counts: counts, units: units.count, words: words)))</desc>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        for (k, line) in SVG.lines(input.title, width: input.width - 8, fontSize: 13).prefix(1).enumerated() {
            svg += "<text x=\"4\" y=\"\(18 + k * 16)\" font-size=\"13\" font-weight=\"bold\">\(SVG.escape(line))</text>\n"
        }
        svg += hatchDefinition(id: input.id)
        svg += "<g class=\"areas\" stroke=\"#ffffff\" stroke-width=\"0.6\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n\(areas)</g>\n"
        if !outlines.isEmpty { svg += "<g class=\"pools\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1.2\">\n\(outlines)</g>\n" }
        return svg + "</svg>\n"
    }

    /// The legend of a row of small multiples: their classes, the hatching of hidden cells and the pale of thin areas,
    /// one under the other, then the credit and the projection; `input.width` wide (a narrow column beside the maps).
    public static func sharedLegend(_ input: ChoroplethInput) -> String {
        let words = MapWords.of(input.language)
        let classes = classesFor(input)
        let hidden = input.values.values.contains(.hidden)
        let pale = input.values.values.contains { if case .lowBase = $0 { true } else { false } }
        var items = zip(classes.colours, classes.labels).map { ($0, $1) }
        if hidden { items.append(("url(#\(input.id)-hatch)", words.hidden(input.minCell))) }
        if pale { items.append((paleFill, words.lowBase(input.minBase))) }
        var body = "<text x=\"4\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(SVG.escape(words.key))</text>\n"
        var y = 30.0
        for (fill, text) in items {
            body +=
                "<rect x=\"4\" y=\"\(number(y))\" width=\"18\" height=\"12\" fill=\"\(fill)\" stroke=\"#888888\" stroke-width=\"0.6\"><title>\(SVG.escape(text))</title></rect>"
            for (k, line) in SVG.lines(text, width: input.width - 32, fontSize: 12).enumerated() {
                body += "<text x=\"28\" y=\"\(number(y + 10 + Double(k) * 15))\">\(SVG.escape(line))</text>\n"
                y += k == 0 ? 0 : 15
            }
            y += 20
        }
        let credit = SVG.lines(
            "\(words.mapData): \(input.map.source ?? words.registryMap). \(words.projection): \(input.map.projection).",
            width: input.width - 8,
            fontSize: 12)
        let height = Int(y + 8) + credit.count * 18
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(input.width)" height="\(height)" viewBox="0 0 \(input.width) \(height)" role="img" aria-labelledby="\(input.id)-title" font-family="sans-serif" font-size="12">
            <title id="\(input.id)-title">\(SVG.escape(words.key))</title>
            <rect width="100%" height="100%" fill="#ffffff"/>

            """ + hatchDefinition(id: input.id) + body
                + credit.enumerated().map {
                    "<text x=\"4\" y=\"\(Int(y) + 6 + $0.offset * 18)\" fill=\"#444444\">\(SVG.escape($0.element))</text>\n"
                }.joined()
                + "</svg>\n"
    }

    /// The hatching of hidden cells, as a pattern `url(#ID-hatch)` fills with.
    static func hatchDefinition(id: String) -> String {
        """
        <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#ffffff"/><line x1="1" y1="0" x2="1" y2="6" stroke="#444444" stroke-width="1.6"/></pattern></defs>

        """
    }
}
