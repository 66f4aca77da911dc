import Foundation
import KartlaggningCore
import KartlaggningModel

/// A report's files (the Markdown, the HTML page, the charts), written as a set: everything is written to a hidden
/// staging folder beside the report first, then moved into place by renames. The charts go to a folder of their own
/// version inside the chart folder (`oversikt-figurer/<version>/`, named by their content, `version(of:)`), which the
/// Markdown links: the rename of the Markdown is the one step that replaces the report, so a failure or a kill at any
/// point leaves either the old Markdown with its own charts or the new one with its own — never old text with new
/// figures. The HTML page carries its charts inline. Older chart versions go once the new Markdown is in place, and no
/// temporary file outlives the next run.
struct ReportFileSet {
    /// The report's Markdown file, as `--out` names it.
    let out: String
    private var files: [(name: String, text: String)] = []
    private var charts: [(name: String, svg: String)] = []
    /// The chart folder (`oversikt-figurer`) and the charts' version folder in it.
    private let chartFolder: String
    private let version: String

    init(out: String, chartFolder: String, version: String) {
        self.out = out
        self.chartFolder = chartFolder
        self.version = version
    }

    /// The charts' version: a fingerprint of their names and content, so the same charts keep their folder.
    static func version(of charts: [(String, String)]) -> String {
        var fingerprint = Fingerprint()
        for (name, svg) in charts {
            fingerprint.add(name)
            fingerprint.add(svg)
        }
        return fingerprint.hex(10)
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
        let versionFolder = chartFolder + "/" + version
        if !charts.isEmpty && !manager.fileExists(atPath: versionFolder) {
            let folder = staging + "/" + version
            try create(folder)
            for (name, svg) in charts { try Self.write(svg, to: folder + "/" + name, reportAs: versionFolder + "/" + name) }
            var isFolder: ObjCBool = false
            if !manager.fileExists(atPath: chartFolder, isDirectory: &isFolder) {
                try create(chartFolder)
            } else if !isFolder.boolValue {
                throw ReportError.notWritable(path: chartFolder)
            }
            try move(folder, to: versionFolder, reportAs: versionFolder)
        }
        for (name, text) in files { try Self.write(text, to: staging + "/" + name, reportAs: directory + "/" + name) }
        // Into place: the charts' version folder first (a new name: nothing old is touched), then the HTML page, the
        // Markdown last — the step that replaces the report.
        let report = (out as NSString).lastPathComponent
        for (name, _) in files.filter({ $0.name != report }) + files.filter({ $0.name == report }) {
            try move(staging + "/" + name, to: directory + "/" + name, reportAs: directory + "/" + name)
        }
        // The report now links the new version: older versions (and charts an older kartlagg wrote loose in the
        // folder) go.
        if !charts.isEmpty, let names = try? manager.contentsOfDirectory(atPath: chartFolder) {
            for name in names where name != version { try? manager.removeItem(atPath: chartFolder + "/" + name) }
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
            throw ReportError.notWritable(path: folder)
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
