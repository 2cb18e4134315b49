/// Why a metric could not be computed from the codes and labels it was given.
///
/// Every case names the set (e.g. "train codes"), the value found and what is allowed,
/// so that a sweep's error log says what to fix.
public enum MetricsError: Error, Equatable, CustomStringConvertible {
    /// A set that must hold examples holds none.
    case emptySet(set: String)
    /// A set has a different number of code rows than labels.
    case rowCountMismatch(set: String, rows: Int, labels: Int)
    /// Two code matrices that are compared have different code lengths.
    case codeLengthMismatch(first: String, firstBits: Int, second: String, secondBits: Int)
    /// A label lies outside `0..<classCount`.
    case labelOutOfRange(set: String, index: Int, label: Int, classCount: Int)
    /// K-NN asks for more neighbours than there are references.
    case tooFewReferences(k: Int, references: Int, set: String)
    /// A setting holds a value outside its allowed range.
    case invalidSetting(name: String, value: String, allowed: String)
    /// A metric list names a metric step that does not exist.
    case unknownMetricStep(name: String, allowed: [String])

    public var description: String {
        switch self {
        case let .emptySet(set):
            return "The \(set) are empty; every metric needs at least one example in each set."
        case let .rowCountMismatch(set, rows, labels):
            return "The \(set) have \(rows) code rows but \(labels) labels; give exactly one label per row."
        case let .codeLengthMismatch(first, firstBits, second, secondBits):
            return "The \(first) are \(firstBits)-bit codes but the \(second) are \(secondBits)-bit codes; "
                + "both must come from the same network."
        case let .labelOutOfRange(set, index, label, classCount):
            return "Label \(label) at row \(index) of the \(set) is outside 0..<\(classCount); "
                + "labels must be class indices below the class count."
        case let .tooFewReferences(k, references, set):
            return "K-NN with k = \(k) needs at least \(k) references, but the \(set) hold \(references); "
                + "lower k (setting knn_k) or use more training examples."
        case let .invalidSetting(name, value, allowed):
            return "The metric setting \(name) = \(value) is invalid; allowed: \(allowed)."
        case let .unknownMetricStep(name, allowed):
            return "Unknown metric step \"\(name)\"; use all, none, or a comma list of "
                + allowed.joined(separator: ", ") + "."
        }
    }
}
