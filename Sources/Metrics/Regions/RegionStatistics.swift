import Models

/// How a set of examples falls into the regions (distinct codes) of a network's hash.
///
/// A *region* is the set of examples that share one code. The redundancy ratio is the
/// paper's `(n - m) / n`: 0 when every example has its own code. A region is *shared* when it
/// holds two or more examples and *ambiguous* when those examples carry two or more different
/// labels (a hash collision between classes). Which labels are used is the caller's choice;
/// ``EncodingReport`` uses the clean labels.
public struct RegionStatistics: Sendable, Hashable, Codable {
    /// Number of examples, `n`.
    public var exampleCount: Int
    /// Number of distinct codes, `m`.
    public var distinctCodes: Int
    /// The largest number of examples sharing one code.
    public var largestRegion: Int
    /// Number of codes held by two or more examples.
    public var sharedRegions: Int
    /// Fraction of examples whose code is shared with another example.
    public var sharedFraction: Double
    /// Number of shared codes whose examples carry two or more labels.
    public var ambiguousRegions: Int
    /// Fraction of examples in ambiguous regions.
    public var ambiguousFraction: Double

    /// The redundancy ratio `(n - m) / n`.
    public var redundancy: Double { Double(exampleCount - distinctCodes) / Double(exampleCount) }

    /// Region statistics of `codes` with one label per row in `0..<classCount`.
    ///
    /// Expected O(n x wordsPerRow) time: rows are hashed as packed words.
    /// - Throws: ``MetricsError`` for an empty set or labels that do not fit.
    public init(codes: CodeMatrix, labels: [Int32], classCount: Int, set: String = "codes") throws(MetricsError) {
        try InputChecks.requireRows(codes, set: set)
        try InputChecks.requireLabels(labels, rows: codes.count, classCount: classCount, set: set)
        let groups = CodeGroups(codes)
        var firstLabel = [Int32](repeating: -1, count: groups.count)
        var mixed = [Bool](repeating: false, count: groups.count)
        for (row, group) in groups.groupOfRow.enumerated() {
            let g = Int(group)
            if firstLabel[g] < 0 { firstLabel[g] = labels[row] } else if firstLabel[g] != labels[row] { mixed[g] = true }
        }
        var largest = 0, shared = 0, inShared = 0, ambiguous = 0, inAmbiguous = 0
        for g in 0..<groups.count {
            let size = Int(groups.size[g])
            largest = max(largest, size)
            guard size >= 2 else { continue }
            shared += 1
            inShared += size
            if mixed[g] {
                ambiguous += 1
                inAmbiguous += size
            }
        }
        let n = Double(codes.count)
        exampleCount = codes.count
        distinctCodes = groups.count
        largestRegion = largest
        sharedRegions = shared
        sharedFraction = Double(inShared) / n
        ambiguousRegions = ambiguous
        ambiguousFraction = Double(inAmbiguous) / n
    }
}
