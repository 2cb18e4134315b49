import Models

/// Lloyd's iterations on 0/1 points, accelerated with Hamerly's bounds; buffers reused across restarts.
///
/// Each point keeps an upper bound on the distance to its own center and a lower bound on
/// the distance to every other center; when the centers move, the bounds move by the shifts.
/// A point whose upper bound is at most the larger of its lower bound and half the distance
/// from its center to the nearest other center cannot change cluster and is skipped; the
/// others get their distances to all centers, `||x||² - 2 x·c + ||c||²`, with the products
/// `x·c` read from ``NibbleDotProducts`` tables (profiled: for 10 centers, OpenBLAS's GEMM spent
/// most of its time packing a float copy of the codes). Cluster sums are exact per-bit counts,
/// updated only for points that move. The result is Lloyd's (up to rounding at exact distance ties): the same stopping
/// rules, and a final full pass gives the assignments and the inertia.
struct LloydIterations {
    let codes: CodeMatrix
    let clusters: Int
    /// Squared norms of the points (their popcounts).
    private let pointNorms: [Float]
    /// Stop once the centers move less than this in total squared distance.
    private let shiftTolerance: Float

    /// Lloyd's iterations on `codes`; `tolerance` is relative to the mean feature variance.
    init(codes: CodeMatrix, clusters: Int, tolerance: Double) {
        self.codes = codes
        self.clusters = clusters
        pointNorms = codes.rowPopcounts().map(Float.init)
        // Mean variance of the 0/1 features, p (1 - p) per bit.
        var ones = Matrix(rows: 1, columns: codes.bitCount)
        for i in 0..<codes.count { Self.addBits(codes, of: i, to: &ones, cluster: 0, sign: 1) }
        let n = Double(max(codes.count, 1))
        let meanVariance = ones.storage.reduce(0.0) { total, sum in
            let p = Double(sum) / n
            return total + p * (1 - p)
        } / Double(max(codes.bitCount, 1))
        shiftTolerance = Float(meanVariance * tolerance)
    }

    /// Per-point state of one run.
    private struct State {
        var assignments: [Int32]
        var upper: [Float]
        var lower: [Float]
        var sums: Matrix
        var counts: [Int]
    }

    /// Runs from `initial` centers until assignments stop changing, the centers move less
    /// than the tolerance in total (scikit-learn's `tol`; rounding can otherwise make
    /// assignments cycle), or `maxIterations` updates.
    func run(from initial: Matrix, maxIterations: Int) -> KMeansResult {
        let n = codes.count
        var centers = initial
        var state = State(assignments: Array(repeating: 0, count: n), upper: Array(repeating: 0, count: n),
                          lower: Array(repeating: 0, count: n), sums: Matrix(rows: clusters, columns: codes.bitCount),
                          counts: Array(repeating: 0, count: clusters))
        _ = reassign(nil, centers: centers, state: &state, updatingSums: false)
        recountSums(&state)
        var iterations = 0
        var candidates: [Int] = []
        while iterations < maxIterations {
            if state.counts.contains(0) {
                relocateEmptyClusters(&state)
                recountSums(&state)
            }
            let previous = centers
            centers = means(state)
            iterations += 1
            let shifts = (0..<clusters).map { Self.distance(previous, $0, centers, $0).squareRoot() }
            let totalShift = shifts.reduce(0) { $0 + $1 * $1 }
            loosenBounds(&state, shifts: shifts)
            let half = halfGaps(centers)
            candidates.removeAll(keepingCapacity: true)
            for i in 0..<n where state.upper[i] > max(half[Int(state.assignments[i])], state.lower[i]) { candidates.append(i) }
            let moved = reassign(candidates, centers: centers, state: &state, updatingSums: true).moved
            if moved == 0 || totalShift <= shiftTolerance { break }
        }
        let inertia = reassign(nil, centers: centers, state: &state, updatingSums: false).inertia
        return KMeansResult(assignments: state.assignments, centers: centers, inertia: inertia, iterations: iterations)
    }

    /// Assigns `rows` (nil: every point) to their nearest centers (lower index on ties) with
    /// one GEMM, resets their bounds, and moves their bits between cluster sums if asked.
    private func reassign(_ rows: [Int]?, centers: Matrix, state: inout State, updatingSums: Bool) -> (moved: Int, inertia: Double) {
        let count = rows?.count ?? codes.count
        guard count > 0 else { return (0, 0) }
        let products = NibbleDotProducts(centers: centers)
        let centerNorms = (0..<clusters).map { Self.squaredNorm(centers, $0) }
        let k = clusters, lanes = NibbleDotProducts.lanes, words = codes.wordsPerRow
        var moved = 0
        var inertia = 0.0
        codes.withUnsafeWords { packed in
            for r in 0..<count {
                let i = rows?[r] ?? r
                var best = 0, bestValue = Float.infinity, secondValue = Float.infinity
                for g in 0..<products.groups {
                    let dots = products.products(packed, row: i, wordsPerRow: words, group: g)
                    for lane in 0..<min(lanes, k - g * lanes) {
                        let c = g * lanes + lane
                        let value = centerNorms[c] - 2 * dots[lane]
                        if value < bestValue {
                            secondValue = bestValue
                            bestValue = value
                            best = c
                        } else if value < secondValue {
                            secondValue = value
                        }
                    }
                }
                let nearest = max(0, pointNorms[i] + bestValue)
                state.upper[i] = nearest.squareRoot()
                state.lower[i] = secondValue.isFinite ? max(0, pointNorms[i] + secondValue).squareRoot() : .infinity
                inertia += Double(nearest)
                let old = Int(state.assignments[i])
                if old != best {
                    moved += 1
                    if updatingSums {
                        addBits(of: i, to: &state.sums, cluster: old, sign: -1)
                        addBits(of: i, to: &state.sums, cluster: best, sign: 1)
                        state.counts[old] -= 1
                        state.counts[best] += 1
                    }
                    state.assignments[i] = Int32(best)
                }
            }
        }
        return (moved, inertia)
    }

    /// Recomputes the per-bit sums and sizes of every cluster from the packed codes.
    private func recountSums(_ state: inout State) {
        state.sums.storage.withUnsafeMutableBufferPointer { total in
            for j in total.indices { total[j] = 0 }
        }
        state.counts = Array(repeating: 0, count: clusters)
        for (i, a) in state.assignments.enumerated() {
            addBits(of: i, to: &state.sums, cluster: Int(a), sign: 1)
            state.counts[Int(a)] += 1
        }
    }

    /// Adds (`sign` 1) or removes (-1) the bits of point `i` to a cluster's sums (exact counts).
    private func addBits(of i: Int, to sums: inout Matrix, cluster: Int, sign: Float) {
        Self.addBits(codes, of: i, to: &sums, cluster: cluster, sign: sign)
    }

    private static func addBits(_ codes: CodeMatrix, of i: Int, to sums: inout Matrix, cluster: Int, sign: Float) {
        let bits = codes.bitCount, words = codes.wordsPerRow
        codes.withUnsafeWords { packed in
            sums.storage.withUnsafeMutableBufferPointer { total in
                for w in 0..<words {
                    let word = packed[i * words + w]
                    let target = total.baseAddress! + cluster * bits + w * 64
                    for b in 0..<min(64, bits - w * 64) { target[b] += sign * Float((word >> UInt64(b)) & 1) }
                }
            }
        }
    }

    /// The mean of every non-empty cluster.
    private func means(_ state: State) -> Matrix {
        var centers = state.sums
        let bits = codes.bitCount
        centers.storage.withUnsafeMutableBufferPointer { center in
            for c in 0..<clusters where state.counts[c] > 0 {
                let scale = 1 / Float(state.counts[c])
                for j in 0..<bits { center[c * bits + j] *= scale }
            }
        }
        return centers
    }

    /// Moves the bounds by the center shifts: own center's shift up, largest other shift down.
    private func loosenBounds(_ state: inout State, shifts: [Float]) {
        var largest = 0
        for c in 1..<clusters where shifts[c] > shifts[largest] { largest = c }
        let second = (0..<clusters).filter { $0 != largest }.map { shifts[$0] }.max() ?? 0
        for i in 0..<codes.count {
            let own = Int(state.assignments[i])
            state.upper[i] += shifts[own]
            state.lower[i] -= own == largest ? second : shifts[largest]
        }
    }

    /// Half the distance from every center to its nearest other center.
    private func halfGaps(_ centers: Matrix) -> [Float] {
        (0..<clusters).map { c in
            let nearest = (0..<clusters).filter { $0 != c }.map { Self.distance(centers, c, centers, $0) }.min() ?? .infinity
            return nearest.squareRoot() / 2
        }
    }

    /// Gives each empty cluster the point farthest from its center (scikit-learn's rule; the
    /// upper bounds stand in for the distances) and marks moved points for reassignment.
    private func relocateEmptyClusters(_ state: inout State) {
        let empty = (0..<clusters).filter { state.counts[$0] == 0 }
        let farthest = state.upper.indices.sorted { state.upper[$0] > state.upper[$1] || (state.upper[$0] == state.upper[$1] && $0 < $1) }
        var taken = 0
        for cluster in empty {
            while taken < farthest.count && state.counts[Int(state.assignments[farthest[taken]])] <= 1 { taken += 1 }
            guard taken < farthest.count else { return }
            let point = farthest[taken]
            state.counts[Int(state.assignments[point])] -= 1
            state.assignments[point] = Int32(cluster)
            state.counts[cluster] = 1
            state.upper[point] = .infinity
            taken += 1
        }
    }

    private static func squaredNorm(_ m: Matrix, _ row: Int) -> Float {
        m.storage.withUnsafeBufferPointer { x in
            var total: Float = 0
            for j in (row * m.columns)..<((row + 1) * m.columns) { total += x[j] * x[j] }
            return total
        }
    }

    /// Squared distance between row `i` of `a` and row `j` of `b`.
    private static func distance(_ a: Matrix, _ i: Int, _ b: Matrix, _ j: Int) -> Float {
        a.storage.withUnsafeBufferPointer { x in
            b.storage.withUnsafeBufferPointer { y in
                var total: Float = 0
                let (p, q) = (i * a.columns, j * b.columns)
                for t in 0..<a.columns { total += (x[p + t] - y[q + t]) * (x[p + t] - y[q + t]) }
                return total
            }
        }
    }
}
