import RealModule

/// How well a clustering recovers the labels of the clustered examples.
public struct ClusteringScores: Sendable, Hashable, Codable {
    /// Accuracy when each cluster predicts its most frequent label (purity; the reference's score).
    public var majority: Double
    /// Accuracy under the best one-to-one matching of clusters to labels (Hungarian algorithm).
    public var hungarian: Double
    /// Normalised mutual information, arithmetic-mean normalisation
    /// (`I(U; V) / ((H(U) + H(V)) / 2)`, scikit-learn's default `average_method="arithmetic"`).
    public var nmi: Double

    /// Scores `assignments` (in `0..<clusterCount`) against `labels` (in `0..<classCount`).
    ///
    /// Both arrays must be non-empty and of equal length (preconditions).
    public init(assignments: [Int32], clusterCount: Int, labels: [Int32], classCount: Int) {
        precondition(!labels.isEmpty && assignments.count == labels.count, "ClusteringScores: mismatched or empty inputs")
        var table = [[Double]](repeating: [Double](repeating: 0, count: classCount), count: clusterCount)
        for (cluster, label) in zip(assignments, labels) { table[Int(cluster)][Int(label)] += 1 }
        let n = Double(labels.count)
        majority = table.reduce(0) { $0 + ($1.max() ?? 0) } / n
        let matching = Hungarian.minimumCostAssignment(table.map { $0.map { -$0 } })
        var matched = 0.0
        for (cluster, label) in matching.enumerated() where label >= 0 { matched += table[cluster][label] }
        hungarian = matched / n
        nmi = Self.normalisedMutualInformation(table, total: n)
    }

    /// NMI of a contingency table (clusters x labels), with scikit-learn's special cases.
    static func normalisedMutualInformation(_ table: [[Double]], total n: Double) -> Double {
        let clusterSums = table.map { $0.reduce(0, +) }
        let labelSums = (0..<(table.first?.count ?? 0)).map { l in table.reduce(0) { $0 + $1[l] } }
        let usedClusters = clusterSums.filter { $0 > 0 }.count
        let usedLabels = labelSums.filter { $0 > 0 }.count
        if usedClusters == 1 && usedLabels == 1 { return 1 }  // both labelings are one block: identical
        var information = 0.0
        for (c, row) in table.enumerated() {
            for (l, count) in row.enumerated() where count > 0 {
                information += count / n * Double.log(n * count / (clusterSums[c] * labelSums[l]))
            }
        }
        let entropy = { (sums: [Double]) in sums.reduce(0.0) { $1 > 0 ? $0 - $1 / n * Double.log($1 / n) : $0 } }
        let normaliser = (entropy(clusterSums) + entropy(labelSums)) / 2
        guard information > 0, normaliser > 0 else { return 0 }
        return min(1, information / normaliser)
    }
}
