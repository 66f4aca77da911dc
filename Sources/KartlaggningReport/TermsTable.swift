import Foundation
import KartlaggningAnalysis

/// Renders the most frequent and the most distinctive terms per group.
public enum TermsTable {
    /// One group's terms.
    public struct Group: Codable, Sendable, Equatable {
        public var group: String
        public var frequent: [TermKeyness]
        public var distinctive: [TermKeyness]

        public init(group: String, frequent: [TermKeyness], distinctive: [TermKeyness]) {
            self.group = group
            self.frequent = frequent
            self.distinctive = distinctive
        }
    }

    /// A term's other forms, as ` [föreningar/föreningarna]`; nothing when it had one.
    static func forms(_ term: TermKeyness) -> String {
        term.forms.isEmpty ? "" : " [" + term.forms.joined(separator: "/") + "]"
    }

    public static func render(_ groups: [Group], json: Bool) throws -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(groups), as: UTF8.self) + "\n"
        }
        var out = ""
        for group in groups {
            out += "\(group.group)\n"
            out += "  most frequent:    " + group.frequent.map { "\($0.term)\(forms($0)) \($0.count)" }.joined(separator: ", ") + "\n"
            out +=
                "  most distinctive: "
                + group.distinctive.map { "\($0.term)\(forms($0)) (\($0.count), G² \(Numbers.ratio($0.logLikelihood, digits: 1)))" }
                .joined(separator: ", ") + "\n"
        }
        return out
    }
}
