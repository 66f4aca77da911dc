// The theme tree of a codebook: every place that rolls themes up or lists them in order asks it here.
extension Codebook {
    /// Each theme's ancestors, nearest first.
    public var ancestors: [String: [String]] {
        let parents = self.parents
        var result: [String: [String]] = [:]
        for theme in themes {
            var chain: [String] = []
            var current = theme.parent
            while let parent = current, !chain.contains(parent) {
                chain.append(parent)
                current = parents[parent]
            }
            result[theme.id] = chain
        }
        return result
    }

    /// Each theme with the themes it counts toward: itself, then its ancestors, nearest first (a respondent with an
    /// answer on a theme has its parents too).
    public var rollUp: [(theme: String, counted: [String])] {
        let ancestors = self.ancestors
        return themes.map { theme in (theme.id, [theme.id] + (ancestors[theme.id] ?? [])) }
    }

    /// Themes in tree order: each parent followed by its children.
    public var treeOrder: [String] {
        var ordered: [String] = []
        func visit(_ parent: String?) {
            for theme in themes where theme.parent == parent {
                ordered.append(theme.id)
                visit(theme.id)
            }
        }
        visit(nil)
        return ordered + themes.map(\.id).filter { !ordered.contains($0) }
    }
}
