import Models

/// Training codes with rows that share a code folded into one: the distinct codes in order of
/// first appearance, how many rows each stands for, and how many of them carry each label.
/// The softmax losses sum a code's terms over its rows exactly from these counts.
struct FoldedCodes {
    /// One row per distinct code.
    let distinct: CodeMatrix
    /// Number of rows of every distinct code.
    let rowCounts: [Float]
    /// Label counts, `countsPerCode` per distinct code (labels past `classCount` stay 0).
    let labelCounts: [Float]
    /// `classCount` rounded up to a multiple of the `lanes` the loss reads at once.
    let countsPerCode: Int

    init(codes: CodeMatrix, labels: [Int32], classCount: Int, lanes: Int = 1) {
        precondition(labels.count == codes.count, "FoldedCodes: \(labels.count) labels for \(codes.count) codes")
        let groups = CodeGroups(codes)
        distinct = codes.gatheringRows(groups.firstRow.lazy.map { Int($0) })
        countsPerCode = (classCount + lanes - 1) / lanes * lanes
        var counts = [Float](repeating: 0, count: groups.count * countsPerCode)
        for (row, label) in labels.enumerated() {
            precondition(label >= 0 && Int(label) < classCount, "FoldedCodes: label \(label) outside 0..<\(classCount)")
            counts[Int(groups.groupOfRow[row]) * countsPerCode + Int(label)] += 1
        }
        labelCounts = counts
        rowCounts = groups.size.map { Float($0) }
    }
}
