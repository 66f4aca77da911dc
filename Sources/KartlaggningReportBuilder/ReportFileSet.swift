import Foundation

/// A report's files (the Markdown, the HTML page, the chart folder), written as a set: everything is written to a
/// hidden staging folder beside the report first, then moved into place by renames, so a failure or a kill while
/// writing leaves the previous set as it was, and no temporary file outlives the next run.
struct ReportFileSet {
    /// The report's Markdown file, as `--out` names it.
    let out: String
    private var files: [(name: String, text: String)] = []
    private var charts: [(name: String, svg: String)] = []
    private let chartFolder: String

    init(out: String, chartFolder: String) {
        self.out = out
        self.chartFolder = chartFolder
    }

    /// Adds a file beside the report (the Markdown or the HTML page), by its path.
    mutating func add(_ path: String, _ text: String) {
        files.append(((path as NSString).lastPathComponent, text))
    }

    /// Adds a chart to the chart folder.
    mutating func addChart(_ name: String, _ svg: String) {
        charts.append((name, svg))
    }

    private var directory: String {
        let folder = (out as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Fails at once where the report's folder is missing or not a writable folder: before a report of 300 areas is
    /// computed, not after. - Throws: `ReportError.notWritable` naming `out`.
    func checkFolder() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue,
            FileManager.default.isWritableFile(atPath: directory)
        else { throw ReportError.notWritable(path: out) }
    }

    private var stagingPrefix: String { "." + (out as NSString).lastPathComponent + ".kartlagg-" }

    /// Writes the set. - Throws: `ReportError.notWritable` naming the path that could not be written; the
    /// files already in place are then unchanged.
    func write() throws {
        let manager = FileManager.default
        removeLeftovers()
        let staging = directory + "/" + stagingPrefix + UUID().uuidString
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportError.notWritable(path: out)
        }
        defer { try? manager.removeItem(atPath: staging) }
        let chartName = (chartFolder as NSString).lastPathComponent
        if !charts.isEmpty {
            let folder = staging + "/" + chartName
            try create(folder)
            for (name, svg) in charts { try Self.write(svg, to: folder + "/" + name, reportAs: chartFolder + "/" + name) }
        }
        for (name, text) in files { try Self.write(text, to: staging + "/" + name, reportAs: directory + "/" + name) }
        // Into place: the chart folder first (the old one is moved into the staging folder and goes with it), then
        // the HTML page, the Markdown last: a report file always finds its charts.
        if !charts.isEmpty {
            if manager.fileExists(atPath: chartFolder) {
                try move(chartFolder, to: staging + "/previous-" + chartName, reportAs: chartFolder)
            }
            try move(staging + "/" + chartName, to: chartFolder, reportAs: chartFolder)
        }
        let report = (out as NSString).lastPathComponent
        for (name, _) in files.filter({ $0.name != report }) + files.filter({ $0.name == report }) {
            try move(staging + "/" + name, to: directory + "/" + name, reportAs: directory + "/" + name)
        }
    }

    /// Staging folders a killed run left behind.
    private func removeLeftovers() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(stagingPrefix) { try? manager.removeItem(atPath: directory + "/" + name) }
    }

    private func create(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            throw ReportError.notWritable(path: chartFolder)
        }
    }

    private func move(_ source: String, to target: String, reportAs path: String) throws {
        // rename(2): atomic, and it replaces a file already there.
        if rename(source, target) != 0 { throw ReportError.notWritable(path: path) }
    }

    private static func write(_ text: String, to path: String, reportAs shown: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw ReportError.notWritable(path: shown)
        }
    }
}
