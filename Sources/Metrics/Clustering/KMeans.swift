import Models

/// One K-Means clustering: the best of several restarts.
public struct KMeansResult: Sendable, Equatable {
    /// The cluster of every example, in `0..<centers.rows`.
    public var assignments: [Int32]
    /// `clusters x bitCount` cluster centers.
    public var centers: Matrix
    /// Sum of squared Euclidean distances of the examples to their centers.
    public var inertia: Double
    /// Lloyd iterations (center updates) of the kept restart.
    public var iterations: Int
}

/// K-Means on codes read as 0/1 vectors in Euclidean space, as scikit-learn's `KMeans`.
///
/// Each of `restarts` runs seeds with greedy k-means++ (``KMeansSeeding``), then alternates
/// assignment and center update (Lloyd) until no assignment changes, the centers move less
/// than ``tolerance`` (scikit-learn's `tol = 1e-4` times the mean feature variance, in total
/// squared distance), or `maxIterations` updates; the run with the lowest inertia is kept
/// (the first on equal inertia). Distances
/// go through one BLAS GEMM per iteration: `||x||² - 2 x·c + ||c||²`. An emptied cluster is
/// moved to the example farthest from its center, as scikit-learn does. Assignment ties go
/// to the lower cluster index. All randomness comes from `RandomStream(seed:, purpose: .metrics)`.
public enum KMeans {
    /// Center-shift tolerance relative to the mean feature variance (scikit-learn's default `tol`).
    public static let tolerance = 1e-4

    /// Clusters `codes` into `clusters` groups; throws for empty codes or bad settings.
    public static func fit(
        codes: CodeMatrix, clusters: Int, restarts: Int = 10, maxIterations: Int = 300, seed: UInt64 = 0
    ) throws(MetricsError) -> KMeansResult {
        try InputChecks.requireRows(codes, set: "K-Means codes")
        guard clusters >= 1 && clusters <= codes.count else {
            throw .invalidSetting(name: "kmeans_clusters", value: "\(clusters)",
                                  allowed: "1 ... the number of examples (\(codes.count))")
        }
        guard restarts >= 1 else { throw .invalidSetting(name: "kmeans_n_init", value: "\(restarts)", allowed: "an integer >= 1") }
        guard maxIterations >= 1 else {
            throw .invalidSetting(name: "kmeans_max_iterations", value: "\(maxIterations)", allowed: "an integer >= 1")
        }
        var random = RandomStream(seed: seed, purpose: .metrics)
        let seedings = (0..<restarts).map { _ in KMeansSeeding.seeds(codes: codes, clusterCount: clusters, random: &random) }
        return run(codes: codes, seedings: seedings, maxIterations: maxIterations, tolerance: tolerance)
    }

    /// Runs Lloyd's iterations from given starting centers, one restart per list of example
    /// rows (e.g. another implementation's k-means++ choices), keeping the lowest inertia;
    /// `tolerance` 0 stops only when no assignment changes.
    public static func fit(
        codes: CodeMatrix, seedings: [[Int]], maxIterations: Int = 300, tolerance: Double = KMeans.tolerance
    ) throws(MetricsError) -> KMeansResult {
        try InputChecks.requireRows(codes, set: "K-Means codes")
        guard let clusters = seedings.first?.count, clusters >= 1,
              seedings.allSatisfy({ $0.count == clusters && $0.allSatisfy { $0 >= 0 && $0 < codes.count } }) else {
            throw .invalidSetting(name: "seedings", value: "\(seedings.count) lists",
                                  allowed: "one or more lists of equally many row indices in 0..<\(codes.count)")
        }
        guard maxIterations >= 1 else {
            throw .invalidSetting(name: "kmeans_max_iterations", value: "\(maxIterations)", allowed: "an integer >= 1")
        }
        return run(codes: codes, seedings: seedings, maxIterations: maxIterations, tolerance: max(0, tolerance))
    }

    private static func run(
        codes: CodeMatrix, seedings: [[Int]], maxIterations: Int, tolerance: Double
    ) -> KMeansResult {
        let lloyd = LloydIterations(codes: codes, clusters: seedings[0].count, tolerance: tolerance)
        var best: KMeansResult?
        for seeds in seedings {
            let result = lloyd.run(from: codes.gatheringRows(seeds).zeroOneMatrix(), maxIterations: maxIterations)
            if best == nil || result.inertia < best!.inertia { best = result }
        }
        return best!
    }
}
