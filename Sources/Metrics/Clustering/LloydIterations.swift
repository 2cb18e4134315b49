import Models

/// Lloyd's iterations on 0/1 points, with the buffers reused across restarts.
struct LloydIterations {
    let codes: CodeMatrix
    let points: Matrix
    let clusters: Int
    /// Squared norms of the points (their popcounts).
    private let pointNorms: [Float]
    /// `-2 X Cᵀ`, `n x clusters`.
    private var products: Matrix

    init(codes: CodeMatrix, points: Matrix, clusters: Int) {
        self.codes = codes
        self.points = points
        self.clusters = clusters
        pointNorms = codes.rowPopcounts().map(Float.init)
        products = Matrix(rows: codes.count, columns: clusters)
    }

    /// Runs from `initial` centers until assignments stop changing or `maxIterations` updates.
    mutating func run(from initial: Matrix, maxIterations: Int) -> KMeansResult {
        var centers = initial
        var assignments = [Int32](repeating: 0, count: codes.count)
        var distances = [Float](repeating: 0, count: codes.count)
        var inertia = assign(centers, to: &assignments, distances: &distances)
        var next = assignments
        var iterations = 0
        while iterations < maxIterations {
            updateCenters(&centers, assignments: &assignments, distances: distances)
            iterations += 1
            inertia = assign(centers, to: &next, distances: &distances)
            if next == assignments { break }
            swap(&assignments, &next)
        }
        return KMeansResult(assignments: assignments, centers: centers, inertia: inertia, iterations: iterations)
    }

    /// Assigns every point to its nearest center (lower index on ties); returns the inertia.
    private mutating func assign(_ centers: Matrix, to assignments: inout [Int32], distances: inout [Float]) -> Double {
        BLAS.gemm(points, centers, transposeB: true, into: &products, alpha: -2)
        var centerNorms = [Float](repeating: 0, count: clusters)
        centers.storage.withUnsafeBufferPointer { center in
            let bits = centers.columns
            for c in 0..<clusters {
                var total: Float = 0
                for j in 0..<bits { total += center[c * bits + j] * center[c * bits + j] }
                centerNorms[c] = total
            }
        }
        let k = clusters
        var inertia = 0.0
        products.storage.withUnsafeBufferPointer { g in
            for i in 0..<codes.count {
                var best = 0
                var bestValue = g[i * k] + centerNorms[0]
                for c in 1..<k {
                    let value = g[i * k + c] + centerNorms[c]
                    if value < bestValue {
                        bestValue = value
                        best = c
                    }
                }
                let distance = max(0, pointNorms[i] + bestValue)
                assignments[i] = Int32(best)
                distances[i] = distance
                inertia += Double(distance)
            }
        }
        return inertia
    }

    /// Moves every center to the mean of its points; an empty cluster takes the farthest point.
    private func updateCenters(_ centers: inout Matrix, assignments: inout [Int32], distances: [Float]) {
        var counts = [Int](repeating: 0, count: clusters)
        for a in assignments { counts[Int(a)] += 1 }
        if counts.contains(0) { relocateEmptyClusters(&counts, assignments: &assignments, distances: distances) }
        // Sums of the points of each cluster: (one-hot assignments)ᵀ X, one GEMM.
        var membership = Matrix(rows: codes.count, columns: clusters)
        membership.storage.withUnsafeMutableBufferPointer { m in
            for (i, a) in assignments.enumerated() { m[i * clusters + Int(a)] = 1 }
        }
        BLAS.gemm(membership, transposeA: true, points, into: &centers)
        centers.storage.withUnsafeMutableBufferPointer { center in
            let bits = points.columns
            for c in 0..<clusters {
                let scale = 1 / Float(counts[c])
                for j in 0..<bits { center[c * bits + j] *= scale }
            }
        }
    }

    /// Gives each empty cluster the point farthest from its current center (scikit-learn's rule).
    private func relocateEmptyClusters(_ counts: inout [Int], assignments: inout [Int32], distances: [Float]) {
        let empty = (0..<clusters).filter { counts[$0] == 0 }
        let farthest = distances.indices.sorted { distances[$0] > distances[$1] || (distances[$0] == distances[$1] && $0 < $1) }
        var taken = 0
        for cluster in empty {
            while taken < farthest.count && counts[Int(assignments[farthest[taken]])] <= 1 { taken += 1 }
            guard taken < farthest.count else { return }
            let point = farthest[taken]
            counts[Int(assignments[point])] -= 1
            assignments[point] = Int32(cluster)
            counts[cluster] = 1
            taken += 1
        }
    }
}
