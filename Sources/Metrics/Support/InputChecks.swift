import Models

/// Shared validation of the codes and labels handed to the metrics.
enum InputChecks {
    /// Throws unless `codes` holds at least one row.
    static func requireRows(_ codes: CodeMatrix, set: String) throws(MetricsError) {
        guard codes.count > 0 else { throw .emptySet(set: set) }
    }

    /// Throws unless `labels` has one entry per row and each lies in `0..<classCount`.
    static func requireLabels(_ labels: [Int32], rows: Int, classCount: Int, set: String) throws(MetricsError) {
        guard classCount > 0 else {
            throw .invalidSetting(name: "classCount", value: "\(classCount)", allowed: "a positive number of classes")
        }
        guard labels.count == rows else { throw .rowCountMismatch(set: set, rows: rows, labels: labels.count) }
        for (index, label) in labels.enumerated() where label < 0 || Int(label) >= classCount {
            throw .labelOutOfRange(set: set, index: index, label: Int(label), classCount: classCount)
        }
    }

    /// Throws unless both code matrices have the same code length.
    static func requireSameLength(_ a: CodeMatrix, _ aName: String, _ b: CodeMatrix, _ bName: String) throws(MetricsError) {
        guard a.bitCount == b.bitCount else {
            throw .codeLengthMismatch(first: aName, firstBits: a.bitCount, second: bName, secondBits: b.bitCount)
        }
    }
}
