import RealModule

extension Kernels {
    /// Softmax cross-entropy of a batch of logits, with its gradient written in place.
    ///
    /// Per row, `loss = logsumexp(x) - x[label]`, computed after subtracting the
    /// row maximum so that no exponential overflows. On return `logits` holds
    /// `gradientScale * (softmax(x) - onehot(label))`. Returns the summed loss (in
    /// `Double`) and how many rows' first arg-max equals the label.
    static func softmaxCrossEntropy(
        _ logits: UnsafeMutablePointer<Float>, rows: Int, classes: Int,
        labels: UnsafePointer<Int32>, gradientScale: Float
    ) -> (lossSum: Double, correct: Int) {
        var lossSum = 0.0
        var correct = 0
        for r in 0..<rows {
            let row = logits + r * classes
            let label = Int(labels[r])
            let (best, maximum) = firstArgMax(row, count: classes)
            if best == label { correct += 1 }
            let labelLogit = row[label]
            var sum: Float = 0
            for c in 0..<classes {
                let e = Float.exp(row[c] - maximum)
                row[c] = e
                sum += e
            }
            lossSum += Double(Float.log(sum) + maximum - labelLogit)
            let factor = gradientScale / sum
            for c in 0..<classes { row[c] *= factor }
            row[label] -= gradientScale
        }
        return (lossSum, correct)
    }

    /// Summed softmax cross-entropy and correct count of a batch, leaving the logits untouched.
    static func crossEntropyLoss(
        _ logits: UnsafePointer<Float>, rows: Int, classes: Int, labels: UnsafePointer<Int32>
    ) -> (lossSum: Double, correct: Int) {
        var lossSum = 0.0
        var correct = 0
        for r in 0..<rows {
            let row = logits + r * classes
            let label = Int(labels[r])
            let (best, maximum) = firstArgMax(row, count: classes)
            if best == label { correct += 1 }
            var sum: Float = 0
            for c in 0..<classes { sum += Float.exp(row[c] - maximum) }
            lossSum += Double(Float.log(sum) + maximum - row[label])
        }
        return (lossSum, correct)
    }

    /// The index of the first largest of `count` values, and that value.
    @inline(__always)
    static func firstArgMax(_ values: UnsafePointer<Float>, count: Int) -> (index: Int, value: Float) {
        var maximum = values[0], best = 0
        for c in 1..<count where values[c] > maximum {
            maximum = values[c]
            best = c
        }
        return (best, maximum)
    }
}
