/// Per-feature standardisation `(x - mean) / std`, with statistics from one matrix.
///
/// Deviations are floored at 1% of the largest feature's deviation (all are 1
/// if every feature is constant): a pixel that is non-zero in a handful of
/// training images (MNIST's borders) would otherwise be scaled up by factors
/// of thousands and dwarf every other feature on the test set.
public struct FeatureStandardizer: Sendable, Equatable {
    /// Mean of each feature in the fitted data.
    public let means: [Float]
    /// Standard deviation of each feature (population), floored as described above (1 where all are zero).
    public let deviations: [Float]

    /// Statistics of every column of `features` (accumulated in `Double`).
    public init(fittedTo features: Matrix) {
        let columns = features.columns
        var sums = [Double](repeating: 0, count: columns)
        var squares = [Double](repeating: 0, count: columns)
        features.storage.withUnsafeBufferPointer { xBuffer in
            sums.withUnsafeMutableBufferPointer { sBuffer in
                squares.withUnsafeMutableBufferPointer { qBuffer in
                    guard var x = xBuffer.baseAddress else { return }
                    let s = sBuffer.baseAddress!, q = qBuffer.baseAddress!
                    for _ in 0..<features.rows {
                        for c in 0..<columns {
                            let value = Double(x[c])
                            s[c] += value
                            q[c] += value * value
                        }
                        x += columns
                    }
                }
            }
        }
        let n = Double(max(features.rows, 1))
        means = sums.map { Float($0 / n) }
        let raw = zip(sums, squares).map { sum, square in
            let mean = sum / n
            return max(square / n - mean * mean, 0).squareRoot()
        }
        let floor = 0.01 * (raw.max() ?? 0)
        deviations = raw.map { floor > 0 ? Float(max($0, floor)) : 1 }
    }

    /// Standardises `features` in place; its column count must match the fitted data.
    public func apply(to features: inout Matrix) {
        let columns = features.columns
        precondition(columns == means.count, "FeatureStandardizer: \(columns) columns, fitted to \(means.count)")
        let inverse = deviations.map { 1 / $0 }
        let rows = features.rows
        means.withUnsafeBufferPointer { mBuffer in
            inverse.withUnsafeBufferPointer { sBuffer in
                features.storage.withUnsafeMutableBufferPointer { xBuffer in
                    guard var x = xBuffer.baseAddress else { return }
                    let m = mBuffer.baseAddress!, s = sBuffer.baseAddress!
                    for _ in 0..<rows {
                        for c in 0..<columns { x[c] = (x[c] - m[c]) * s[c] }
                        x += columns
                    }
                }
            }
        }
    }
}
