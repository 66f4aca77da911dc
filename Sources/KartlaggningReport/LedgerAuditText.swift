import KartlaggningAnalysis
import KartlaggningModel

/// `kartlagg audit` as text: what the ledger holds for the data as it is, and what the audit found.
public enum LedgerAuditText {
    public static func render(ledger: LedgerSummary, audit: JointAudit.Result) -> String {
        var lines: [String] = []
        let outputs = ledger.current.count
        lines.append(
            "\(ledger.path): \(outputs) output\(outputs == 1 ? "" : "s") of the data as it is now, \(audit.tables) table\(audit.tables == 1 ? "" : "s")"
                + (ledger.earlier > 0 ? " (\(ledger.earlier) output\(ledger.earlier == 1 ? "" : "s") of earlier data not audited)" : ""))
        if let started = ledger.startedAt {
            lines.append(
                "ledger started \(started)\(ledger.startedFresh ? " with \(Remedy.freshLedger): outputs before it do not count" : "")")
        }
        for publication in ledger.current {
            lines.append(
                "  #\(publication.id) \(publication.at) \(publication.output): \(publication.tables) table\(publication.tables == 1 ? "" : "s")"
            )
        }
        if audit.tables == 0 {
            lines.append("nothing has been published from the data as it is now")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("\(audit.hiddenValues) hidden value\(audit.hiddenValues == 1 ? "" : "s") audited together")
        for value in audit.shownElsewhere {
            lines.append("SHOWN: \(value) is hidden in one table and shown in another")
        }
        for finding in audit.findings {
            lines.append(
                "NARROW: \(finding.value) can be worked out to \(finding.lower)–\(finding.upper) (fewer than \(finding.minCell) possibilities), hidden in: \(finding.tables.joined(separator: "; "))"
            )
        }
        if !audit.inconsistent.isEmpty {
            lines.append("note: \(audit.inconsistent.count) value name(s) hold different counts in different tables and were audited apart")
        }
        if audit.findings.isEmpty && audit.shownElsewhere.isEmpty {
            lines.append("ok: no hidden value can be narrowed below min-cell from everything published")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
