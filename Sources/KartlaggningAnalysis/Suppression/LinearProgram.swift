/// A small linear program, `a·x ≤ / = / ≥ b` with `x ≥ 0`, solved by the two-phase simplex method with Bland's
/// rule (no cycling). Feasibility is settled once; then any number of objectives are optimised from that basis.
///
/// Sized for what suppression audits ask: tens to a few hundred variables, dense tableaux.
struct LinearProgram {
    enum Relation { case atMost, equal, atLeast }

    struct Constraint {
        /// Variable index → coefficient.
        var terms: [Int: Double]
        var relation: Relation
        var bound: Double
    }

    var variables: Int
    var constraints: [Constraint] = []

    init(variables: Int) {
        self.variables = variables
    }

    mutating func add(_ terms: [Int: Double], _ relation: Relation, _ bound: Double) {
        constraints.append(Constraint(terms: terms, relation: relation, bound: bound))
    }

    /// The program of one group of variables (`members`, numbered 0… in their order here) from the constraints over
    /// all of them that touch the group.
    init(group members: [Int], of constraints: [Constraint]) {
        self.init(variables: members.count)
        let local = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1, $0) })
        for constraint in constraints where constraint.terms.keys.contains(where: { local[$0] != nil }) {
            add(
                Dictionary(uniqueKeysWithValues: constraint.terms.compactMap { key, value in local[key].map { ($0, value) } }),
                constraint.relation, constraint.bound)
        }
    }

    /// The program with a feasible basis found (phase 1), or nil when no x satisfies the constraints.
    func prepared() -> Solver? {
        Solver(self)
    }

    /// A feasible tableau, ready to optimise objectives over the original variables.
    struct Solver {
        private static let epsilon = 1e-9
        private var tableau: [[Double]]
        private var basis: [Int]
        private var columns: Int
        private let variables: Int

        fileprivate init?(_ program: LinearProgram) {
            variables = program.variables
            // Columns: the variables, then one slack or surplus per inequality, then one artificial per row that
            // needs one; the right-hand side last.
            var rows = program.constraints.map { constraint -> LinearProgram.Constraint in
                guard constraint.bound < 0 else { return constraint }
                let flipped: Relation =
                    switch constraint.relation {
                    case .atMost: .atLeast
                    case .atLeast: .atMost
                    case .equal: .equal
                    }
                return .init(terms: constraint.terms.mapValues { -$0 }, relation: flipped, bound: -constraint.bound)
            }
            rows.removeAll { $0.terms.allSatisfy { abs($0.value) < Self.epsilon } && $0.bound < Self.epsilon }
            let slacks = rows.filter { $0.relation != .equal }.count
            let artificials = rows.filter { $0.relation != .atMost }.count
            let width = variables + slacks + artificials
            // Made in place: a second hold on the rows would have the first pivot copy them all.
            tableau = [[Double]](repeating: [Double](repeating: 0, count: width + 1), count: rows.count)
            var basis = [Int](repeating: 0, count: rows.count)
            var slack = variables
            var artificial = variables + slacks
            for (i, row) in rows.enumerated() {
                for (j, value) in row.terms { tableau[i][j] += value }
                tableau[i][width] = row.bound
                switch row.relation {
                case .atMost:
                    tableau[i][slack] = 1
                    basis[i] = slack
                    slack += 1
                case .atLeast:
                    tableau[i][slack] = -1
                    slack += 1
                    tableau[i][artificial] = 1
                    basis[i] = artificial
                    artificial += 1
                case .equal:
                    tableau[i][artificial] = 1
                    basis[i] = artificial
                    artificial += 1
                }
            }
            self.basis = basis
            self.columns = width
            // Phase 1: minimise the artificials (maximise their negated sum).
            let firstArtificial = variables + slacks
            if artificials > 0 {
                var objective = [Double](repeating: 0, count: width)
                for j in firstArtificial..<width { objective[j] = -1 }
                guard let value = optimise(objective, allowed: width), value > -1e-7 else { return nil }
                // Drive artificials out of the basis; a row left with none but artificials is redundant.
                var i = 0
                while i < self.tableau.count {
                    if self.basis[i] >= firstArtificial {
                        if let j = (0..<firstArtificial).first(where: { abs(self.tableau[i][$0]) > Self.epsilon }) {
                            pivot(row: i, column: j)
                        } else {
                            self.tableau.remove(at: i)
                            self.basis.remove(at: i)
                            continue
                        }
                    }
                    i += 1
                }
                // Drop the artificial columns, row by row in place (a copy of the whole would double the memory).
                for i in self.tableau.indices { self.tableau[i].removeSubrange(firstArtificial..<width) }
            }
            self.columns = firstArtificial
        }

        /// The largest value of `objective · x` (variable index → coefficient), or nil when it is unbounded.
        func maximum(_ objective: [Int: Double]) -> Double? {
            var copy = self
            return copy.maximise(objective)
        }

        /// As `maximum`, starting from (and leaving) the basis the last call ended in: the constraints stay the same,
        /// so it stays feasible, and the next optimum is usually a few pivots away.
        mutating func maximise(_ objective: [Int: Double]) -> Double? {
            var full = [Double](repeating: 0, count: columns)
            for (j, value) in objective where j < variables { full[j] = value }
            return optimise(full, allowed: columns)
        }

        /// Phase 2 from the current (feasible) basis: maximises `objective` over columns below `allowed`.
        private mutating func optimise(_ objective: [Double], allowed: Int) -> Double? {
            let width = tableau.first.map { $0.count - 1 } ?? columns
            // Reduced costs d_j = c_B·B⁻¹A_j − c_j; the value c_B·B⁻¹b.
            var reduced = [Double](repeating: 0, count: width + 1)
            for j in 0..<width { reduced[j] = -(j < objective.count ? objective[j] : 0) }
            for (i, b) in basis.enumerated() where b < objective.count && objective[b] != 0 {
                for j in 0...width { reduced[j] += objective[b] * tableau[i][j] }
            }
            while true {
                // Bland: the lowest-numbered improving column, then the lowest-numbered leaving variable on ties.
                guard let entering = (0..<allowed).first(where: { reduced[$0] < -Self.epsilon }) else { return reduced[width] }
                var leaving: Int?
                var best = Double.infinity
                for i in tableau.indices where tableau[i][entering] > Self.epsilon {
                    let ratio = tableau[i][width] / tableau[i][entering]
                    if ratio < best - Self.epsilon || (abs(ratio - best) <= Self.epsilon && basis[i] < basis[leaving ?? i]) {
                        best = ratio
                        leaving = i
                    }
                }
                guard let row = leaving else { return nil }
                pivot(row: row, column: entering)
                let factor = reduced[entering]
                if factor != 0 { for j in 0...width { reduced[j] -= factor * tableau[row][j] } }
            }
        }

        private mutating func pivot(row: Int, column: Int) {
            let width = tableau[row].count
            let divisor = tableau[row][column]
            for j in 0..<width { tableau[row][j] /= divisor }
            for i in tableau.indices where i != row {
                let factor = tableau[i][column]
                if abs(factor) > 0 { for j in 0..<width { tableau[i][j] -= factor * tableau[row][j] } }
            }
            basis[row] = column
        }
    }
}
