import Foundation

/// A checkbox question as SPSS and Stata files write it where there is no multiple-response set (ReadStat 1.1.8, Debian's,
/// reads none): one variable per option, named with a shared stem and a number (`behov_1`, `behov_2` …), labelled with
/// the question and the option (`Vad behöver bygden? - Bredband`), holding a code for chosen (1, or the option's own
/// label) and one for not chosen (0, or nothing). `StatRowReader` adds the set as one column, before its first
/// variable, whose cell is the chosen options joined by `separator`: one multi question, as survey tools meant it.
struct StatCheckboxSet: Sendable, Equatable {
    /// The added column's name: the variables' stem (`behov`), told apart from every variable's name.
    var name: String
    /// The question the variables share (their labels' common start), or the stem.
    var label: String
    /// Each option's variable (by index), its option text, and the cell texts that mean chosen (code and label).
    var members: [Member]
    var separator: String

    struct Member: Sendable, Equatable {
        var index: Int
        /// The variable's name.
        var variable: String
        var option: String
        var chosen: Set<String>
    }

    var options: [String] { members.map(\.option) }

    /// Words that say "not chosen" in a value label.
    static let no = ["0", "nej", "no", "ej valt", "inte valt", "not selected", "not checked", "unchecked", "ej markerad", "nej, inte"]
    /// Words that say only "chosen", not which option.
    static let yes = ["1", "ja", "yes", "valt", "vald", "selected", "checked", "markerad", "kryss", "x"]

    /// The sets among `variables`, in file order: runs of two or more numeric variables with one stem and numbers, each
    /// labelled as a box (one "chosen" code, at most one "not chosen"), whose options are named (see `make`) and all
    /// different.
    static func find(_ variables: [StatVariable]) -> [StatCheckboxSet] {
        var sets: [StatCheckboxSet] = []
        var names = Set(variables.map { $0.name.lowercased() })
        var i = 0
        while i < variables.count {
            guard let stem = stem(of: variables[i].name), !variables[i].isString else {
                i += 1
                continue
            }
            var j = i + 1
            while j < variables.count, !variables[j].isString, Self.stem(of: variables[j].name) == stem { j += 1 }
            if j - i >= 2, let set = make(stem: stem, variables: Array(variables[i..<j]), first: i, names: &names) { sets.append(set) }
            i = max(j, i + 1)
        }
        return sets
    }

    /// `behov` of `behov_1`, `behov.2`, `behov3`; nil for a name without a number at its end.
    static func stem(of name: String) -> String? {
        guard let match = name.wholeMatch(of: /(.*?[A-Za-z])[_.]?(\d+)/) else { return nil }
        return String(match.output.1)
    }

    private static func make(stem: String, variables: [StatVariable], first: Int, names: inout Set<String>) -> StatCheckboxSet? {
        // Each variable: its labels other than a "no" (at most one: the chosen code's), and what it was labelled.
        // Each variable is labelled as a box: a "chosen" code (1 = Valt, or 1 = Bredband) and at most a "not chosen".
        var chosenCodes: [(code: String, label: String)] = []
        for variable in variables {
            let labelled = variable.valueLabels.filter { !variable.isMissing($0.code) }
            let meaningful = labelled.filter { !no.contains($0.label.lowercased()) }
            guard let code = meaningful.first, meaningful.count == 1, labelled.count <= 2 else { return nil }
            chosenCodes.append(code)
        }
        let labels = variables.map(\.label)
        let shared = commonStart(labels)
        // The options are named: by the labels after a shared question and a mark (` - `, `: `, `[`, `?`), or by the
        // chosen codes' labels.
        let marked = shared.trimmingCharacters(in: .whitespaces).last.map { "-–—:[(?".contains($0) } ?? false
        let namedByValues = chosenCodes.allSatisfy { !yes.contains($0.label.lowercased()) }
        guard marked || namedByValues || Set(labels).count == 1 else { return nil }
        var members: [Member] = []
        for (offset, variable) in variables.enumerated() {
            let code = chosenCodes[offset]
            let fromLabel = marked ? String(variable.label.dropFirst(shared.count)).trimmingCharacters(in: separators) : ""
            let fromValue = yes.contains(code.label.lowercased()) ? "" : code.label
            let option = !fromLabel.isEmpty ? fromLabel : !fromValue.isEmpty ? fromValue : variable.name
            let chosen: Set<String> = [code.code, code.label]
            members.append(Member(index: first + offset, variable: variable.name, option: option, chosen: chosen))
        }
        guard Set(members.map(\.option)).count == members.count else { return nil }
        var name = stem
        while names.contains(name.lowercased()) { name += "_val" }
        names.insert(name.lowercased())
        let question = shared.trimmingCharacters(in: separators)
        let separator = members.contains { $0.option.contains(";") } ? " | " : ";"
        return StatCheckboxSet(name: name, label: question.isEmpty ? stem : question, members: members, separator: separator)
    }

    /// What stands between a question and its option in a label: ` - `, `: `, ` – `, `[`.
    static let separators = CharacterSet(charactersIn: " -–—:[]()/").union(.whitespaces)

    /// The longest start all texts share, cut back to a word's end.
    static func commonStart(_ texts: [String]) -> String {
        guard var start = texts.first, texts.count > 1 else { return "" }
        for text in texts.dropFirst() {
            while !text.hasPrefix(start) { start.removeLast() }
        }
        if texts.contains(where: { $0.count > start.count }), let last = start.last, !isSeparator(last) {
            // Cut inside a word: back to the last separator.
            while let last = start.last, !isSeparator(last) { start.removeLast() }
        }
        return start
    }

    static func isSeparator(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { separators.contains($0) }
    }

    /// The set's cell for a row (`fields` the variables' cells): the chosen options, joined.
    func cell(_ fields: [String]) -> String {
        members.filter { $0.index < fields.count && $0.chosen.contains(fields[$0.index]) }.map(\.option).joined(separator: separator)
    }
}
