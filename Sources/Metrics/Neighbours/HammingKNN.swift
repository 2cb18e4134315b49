import Models

/// K-nearest-neighbour classification of codes by Hamming distance, uniform votes.
///
/// Tie rules (deterministic, documented because codes tie often):
/// - *distance ties*: among references at equal distance, the lower reference index is
///   nearer, so the k neighbours are the first k references in (distance, index) order;
/// - *vote ties*: the label with the most votes wins; among labels with equal votes, the one
///   whose neighbours have the smaller summed distance wins; then the smaller label.
///
/// scikit-learn's `KNeighborsClassifier(metric="hamming")` agrees wherever no tie is involved
/// (it breaks distance ties in no documented order and vote ties by the smaller label).
///
/// ```swift
/// let knn = try HammingKNN(references: trainCodes, labels: trainLabels, classCount: 10, k: 9)
/// let predicted = try knn.predict(testCodes)
/// ```
public struct HammingKNN: Sendable {
    /// The reference codes (training codes).
    public let references: CodeMatrix
    /// One label per reference, in `0..<classCount`.
    public let labels: [Int32]
    /// Number of classes.
    public let classCount: Int
    /// Neighbours that vote.
    public let k: Int

    /// A classifier over `references`; throws for empty or mislabelled references or `k` out of range.
    public init(references: CodeMatrix, labels: [Int32], classCount: Int, k: Int = 9) throws(MetricsError) {
        try InputChecks.requireRows(references, set: "K-NN reference codes")
        try InputChecks.requireLabels(labels, rows: references.count, classCount: classCount, set: "K-NN reference codes")
        guard k >= 1 else { throw .invalidSetting(name: "knn_k", value: "\(k)", allowed: "an integer >= 1") }
        guard k <= references.count else {
            throw .tooFewReferences(k: k, references: references.count, set: "K-NN reference codes")
        }
        self.references = references
        self.labels = labels
        self.classCount = classCount
        self.k = k
    }

    /// The `k` nearest references of every query (see the type's tie rules).
    public func neighbours(of queries: CodeMatrix) throws(MetricsError) -> NeighbourLists {
        try InputChecks.requireSameLength(references, "K-NN reference codes", queries, "K-NN query codes")
        return NeighbourSearch.search(queries: queries, references: references, k: k)
    }

    /// The predicted label of every query.
    public func predict(_ queries: CodeMatrix) throws(MetricsError) -> [Int32] {
        vote(try neighbours(of: queries))
    }

    /// Leave-one-out predictions: each reference classified by the others (itself excluded).
    public func leaveOneOutPredictions() throws(MetricsError) -> [Int32] {
        guard k <= references.count - 1 else {
            throw .tooFewReferences(k: k, references: references.count - 1, set: "leave-one-out references")
        }
        return vote(NeighbourSearch.search(queries: references, references: references, k: k, excludingSelf: true))
    }

    /// The winning label of every query's list under the vote tie rules.
    public func vote(_ lists: NeighbourLists) -> [Int32] {
        var predictions = [Int32](repeating: 0, count: lists.queryCount)
        var votes = [Int](repeating: 0, count: classCount)
        var summed = [UInt64](repeating: 0, count: classCount)
        for q in 0..<lists.queryCount {
            for c in 0..<classCount {
                votes[c] = 0
                summed[c] = 0
            }
            for j in (q * lists.k)..<((q + 1) * lists.k) {
                let label = Int(labels[Int(lists.indices[j])])
                votes[label] += 1
                summed[label] += UInt64(lists.distances[j])
            }
            var best = 0
            for c in 1..<classCount where votes[c] > votes[best] || (votes[c] == votes[best] && summed[c] < summed[best]) {
                best = c
            }
            predictions[q] = Int32(best)
        }
        return predictions
    }
}

/// The fraction of `predicted` equal to `actual` (arrays of equal, non-zero length).
public func accuracy(_ predicted: [Int32], _ actual: [Int32]) -> Double {
    precondition(predicted.count == actual.count && !actual.isEmpty, "accuracy: \(predicted.count) predictions for \(actual.count) labels")
    var hits = 0
    for i in 0..<actual.count where predicted[i] == actual[i] { hits += 1 }
    return Double(hits) / Double(actual.count)
}
