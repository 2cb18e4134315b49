import Models

/// Multinomial (softmax) logistic regression with an L2 penalty, as scikit-learn's
/// `LogisticRegression(C:)` with the lbfgs solver.
///
/// Minimises `f(W, b) = C Σᵢ CE(softmax(W xᵢ + b), yᵢ) + ½ ||W||²` (bias unpenalised) with
/// ``LBFGS``; the products `X Wᵀ` and `Rᵀ X` come from nibble lookup tables on the packed
/// codes (see ``SoftmaxLoss``), or for codes of ``BlockedSoftmaxLoss/minimumBits`` bits and
/// more from BLAS on blocks of unpacked codes (``BlockedSoftmaxLoss``). *Tolerance*: scikit-learn minimises `f / (C n)` and stops at `max |∇| <= tol`;
/// this stops at `max |∇f| <= tolerance x C x n`, the same criterion, or when the relative
/// decrease of `f` falls to `64 ε` (scikit-learn's `ftol`), or after `maxIterations` (200,
/// scikit-learn's default `max_iter`). Predictions take the highest logit (lower class on ties).
public struct LogisticRegression: Sendable {
    /// `classCount x bitCount` weights.
    public var weights: Matrix
    /// One bias per class.
    public var bias: [Float]
    /// The objective `f` at the solution.
    public var objective: Double
    /// L-BFGS iterations taken.
    public var iterations: Int
    /// Whether a tolerance was met (rather than the iteration limit or a failed line search).
    public var converged: Bool

    /// Fits the model to `codes` with one label in `0..<classCount` per row.
    public static func fit(
        codes: CodeMatrix, labels: [Int32], classCount: Int,
        c: Double = 1, tolerance: Double = 1e-4, maxIterations: Int = 200
    ) throws(MetricsError) -> LogisticRegression {
        try InputChecks.requireRows(codes, set: "logistic regression training codes")
        try InputChecks.requireLabels(labels, rows: codes.count, classCount: classCount, set: "logistic regression training codes")
        guard c > 0 && c.isFinite else { throw .invalidSetting(name: "logistic_c", value: "\(c)", allowed: "a positive number") }
        guard tolerance > 0 else { throw .invalidSetting(name: "logistic_tolerance", value: "\(tolerance)", allowed: "a positive number") }
        guard maxIterations >= 1 else {
            throw .invalidSetting(name: "logistic_max_iterations", value: "\(maxIterations)", allowed: "an integer >= 1")
        }
        let solver = LBFGS(maxIterations: maxIterations, gradientTolerance: tolerance * c * Double(codes.count))
        let start = [Double](repeating: 0, count: classCount * (codes.bitCount + 1))
        let result: LBFGS.Result
        if codes.bitCount >= BlockedSoftmaxLoss.minimumBits {
            let loss = BlockedSoftmaxLoss(codes: codes, labels: labels, classCount: classCount, c: c)
            result = solver.minimize(from: start) { loss.evaluate($0, gradient: &$1) }
        } else {
            var loss = SoftmaxLoss(codes: codes, labels: labels, classCount: classCount, c: c)
            result = solver.minimize(from: start) { loss.evaluate($0, gradient: &$1) }
        }
        let bits = codes.bitCount
        let weights = Matrix(rows: classCount, columns: bits, storage: result.x[0..<(classCount * bits)].map { Float($0) })
        return LogisticRegression(
            weights: weights, bias: result.x[(classCount * bits)...].map { Float($0) }, objective: result.value,
            iterations: result.iterations, converged: result.stop == .gradient || result.stop == .function)
    }

    /// The predicted class of every row of `codes` (which must have the fitted code length).
    public func predict(_ codes: CodeMatrix) throws(MetricsError) -> [Int32] {
        guard codes.bitCount == weights.columns else {
            throw .codeLengthMismatch(first: "logistic regression training codes", firstBits: weights.columns,
                                      second: "codes to classify", secondBits: codes.bitCount)
        }
        let classes = weights.rows, lanes = NibbleDotProducts.lanes
        var result = [Int32](repeating: 0, count: codes.count)
        if codes.bitCount >= BlockedSoftmaxLoss.minimumBits {
            BlockedSoftmaxLoss.forEachBlock(of: codes, weights: weights.storage, bias: bias) { rows, _, logits in
                for (slot, i) in rows.enumerated() {
                    let z = logits + slot * classes
                    result[i] = Int32((1..<classes).reduce(0) { z[$1] > z[$0] ? $1 : $0 })
                }
            }
            return result
        }
        let products = NibbleDotProducts(centers: weights)
        codes.withUnsafeWords { packed in
            for i in 0..<codes.count {
                var best = 0
                var bestValue = -Float.infinity
                for g in 0..<products.groups {
                    let logits = products.products(packed, row: i, wordsPerRow: codes.wordsPerRow, group: g)
                    for lane in 0..<min(lanes, classes - g * lanes) where logits[lane] + bias[g * lanes + lane] > bestValue {
                        best = g * lanes + lane
                        bestValue = logits[lane] + bias[best]
                    }
                }
                result[i] = Int32(best)
            }
        }
        return result
    }
}
