import Foundation

/// An SVG written as PNG by a program made for it: `rsvg-convert` (librsvg) where the machine has it, else headless
/// Chromium. kartlagg draws SVG itself; rasterising text and patterns well is those programs' work. The command line's
/// (`kartlagg map --out FILE.png`): the libraries write SVG.
enum SVGRasteriser {
    /// No program to rasterise with.
    struct Unavailable: Error, LocalizedError {
        var errorDescription: String? {
            "a PNG map needs rsvg-convert (Debian: apt-get install librsvg2-bin) or chromium; write .svg to need neither"
        }
    }

    /// Writes `svg` as a PNG at `path`, twice the SVG's pixel size (sharp in print and on high-density screens).
    /// - Throws: `Unavailable` where neither program is found; `CocoaError` where it fails.
    static func writePNG(_ svg: String, to path: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kartlagg-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("map.svg")
        try Data(svg.utf8).write(to: source)
        let staged = directory.appendingPathComponent("map.png").path
        if let rsvg = find("rsvg-convert") {
            try run(rsvg, ["--zoom", "2", "--background-color", "white", "-o", staged, source.path])
        } else if let chromium = find("chromium") ?? find("chromium-browser") ?? find("google-chrome") {
            let size = dimensions(svg)
            try run(
                chromium,
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=2",
                    "--window-size=\(size.width),\(size.height)", "--screenshot=\(staged)", source.path,
                ])
        } else {
            throw Unavailable()
        }
        guard FileManager.default.fileExists(atPath: staged) else { throw CocoaError(.fileWriteUnknown) }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: staged, toPath: path)
    }

    static func find(_ program: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The SVG's `width` and `height` attributes.
    static func dimensions(_ svg: String) -> (width: Int, height: Int) {
        func attribute(_ name: String) -> Int {
            guard let range = svg.range(of: " \(name)=\"") else { return 800 }
            let digits = svg[range.upperBound...].prefix { $0.isNumber }
            return Int(digits) ?? 800
        }
        return (attribute("width"), attribute("height"))
    }
}
