import KartlaggningModel

/// A small map showing where one district lies: it dark, the others pale, its name on it, a scale bar and the source.
public enum LocatorMap {
    /// The locator map of `district` on `map`; nil when the map has no such area.
    public static func svg(map: AreaMap, district: String, title: String, language: ReportLanguage = .sv) -> String? {
        guard map.area(district) != nil, let bounds = map.bounds else { return nil }
        let width = 320.0
        let id = "lage-" + FileName.safe(district)
        let frame = MapFrame(bounds: bounds, maxWidth: width - 16, maxHeight: 300, left: 8, top: 34)
        var areas = ""
        for area in map.areas {
            let own = area.name == district
            areas +=
                "<path d=\"\(frame.path(area.polygons))\" fill=\"\(own ? "#2c7fb8" : "#e3e3e3")\" data-area=\"\(SVG.escape(area.name))\""
                + "><title>\(SVG.escape(area.name))</title></path>\n"
        }
        var label = ""
        if let target = map.area(district) {
            let pixels = target.polygons.map { $0.map { $0.map(frame.pixel) } }
            if let anchor = MapLabels.anchor(pixels) {
                label =
                    "<text x=\"\(ChoroplethMap.number(anchor.point.x))\" y=\"\(ChoroplethMap.number(anchor.point.y + 4))\">\(SVG.escape(district))</text>\n"
            }
        }
        let bar = ChoroplethMap.scaleBar(frame: frame)
        let credit = SVG.lines(
            (map.source.map { (language == .sv ? "Kartdata: " : "Map data: ") + $0 } ?? "") + " · \(map.projection)",
            width: Int(width) - 16,
            fontSize: 12)
        let bottom = frame.top + frame.height + 40
        let height = Int(bottom) + credit.count * 18
        let description =
            language == .sv
            ? "\(district) markerat på kartan över kommunens \(map.areas.count) områden."
            : "\(district) marked on the map of the municipality's \(map.areas.count) districts."
        return SVG.open(width: Int(width), height: height, id: id, title: title, description: description, fontSize: 12)
            + "<g class=\"areas\" stroke=\"#ffffff\" stroke-width=\"0.7\" fill-rule=\"evenodd\">\n\(areas)</g>\n"
            + "<g class=\"labels\" \(ChoroplethMap.labelAttributes)>\(label)</g>\n" + bar.svg
            + SVG.caption(credit, y: Int(bottom))
            + "</svg>\n"
    }
}
