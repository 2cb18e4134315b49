extension Network {
    /// Examples per evaluation-mode batch unless a caller says otherwise (fewer where a batch's
    /// buffers would pass ``evaluationMemoryBudget``).
    public static let evaluationBatchSize = 4096
    /// Floats of scratch memory an evaluation batch may use (256 MiB).
    public static let evaluationMemoryBudget = 64 << 20

    /// The batch size evaluation uses when asked for `requested`: at most what fits the memory budget.
    public func evaluationCapacity(requested: Int) -> Int {
        let perExample = NetworkWorkspace.floats(plan: plan, capacity: 2, training: false)
            - NetworkWorkspace.floats(plan: plan, capacity: 1, training: false)
        return max(1, min(requested, Self.evaluationMemoryBudget / max(perExample, 1)))
    }

    /// Runs evaluation-mode forward passes over `features`, up to `batchSize` rows at a time,
    /// calling `body` with each batch's row range and the finished pass.
    func forEachEvaluationBatch(_ features: Matrix, batchSize: Int, _ body: (Range<Int>, NetworkPass) -> Void) {
        precondition(features.columns == description.inputCount,
                     "Network: features have \(features.columns) columns, the network expects \(description.inputCount)")
        precondition(batchSize > 0, "Network: batch size must be positive")
        guard features.rows > 0 else { return }
        BLAS.configureSingleThreaded()
        let capacity = evaluationCapacity(requested: min(batchSize, features.rows))
        let workspace = NetworkWorkspace(plan: plan, capacity: capacity, training: false)
        var scratch = [Float](repeating: 0, count: workspace.count)
        let columns = features.columns
        scratch.withUnsafeMutableBufferPointer { scratch in
            features.storage.withUnsafeBufferPointer { source in
                parameters.withUnsafeBufferPointer { parameters in
                    runningMean.withUnsafeBufferPointer { mean in
                        runningVariance.withUnsafeBufferPointer { variance in
                            let pass = NetworkPass(plan: plan, workspace: workspace, parameters: parameters.baseAddress!,
                                                   scratch: scratch.baseAddress!)
                            var start = 0
                            while start < features.rows {
                                let end = min(start + capacity, features.rows)
                                pass.input.update(from: source.baseAddress! + start * columns, count: (end - start) * columns)
                                pass.forwardEvaluation(rows: end - start, runningMean: mean.baseAddress,
                                                       runningVariance: variance.baseAddress)
                                body(start..<end, pass)
                                start = end
                            }
                        }
                    }
                }
            }
        }
    }

    /// Mean cross-entropy and accuracy on `features` against `labels`, in evaluation mode.
    public func evaluate(_ features: Matrix, labels: [Int32], batchSize: Int = Network.evaluationBatchSize) -> Evaluation {
        let classes = description.classCount
        precondition(features.rows == labels.count, "Network: \(features.rows) rows but \(labels.count) labels")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classes }, "Network: labels must lie in 0..<\(classes)")
        var lossSum = 0.0, correct = 0
        labels.withUnsafeBufferPointer { labels in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                let result = Kernels.crossEntropyLoss(pass.logits, rows: range.count, classes: classes,
                                                      labels: labels.baseAddress! + range.lowerBound)
                lossSum += result.lossSum
                correct += result.correct
            }
        }
        let count = max(labels.count, 1)
        return Evaluation(loss: lossSum / Double(count), accuracy: Double(correct) / Double(count), count: labels.count)
    }

    /// Loss and accuracy on labelled data, in evaluation mode.
    public func evaluate(_ data: LabeledData, batchSize: Int = Network.evaluationBatchSize) -> Evaluation {
        evaluate(data.features, labels: data.labels, batchSize: batchSize)
    }

    /// The predicted class (first arg-max of the logits) of every row, in evaluation mode.
    public func predictions(for features: Matrix, batchSize: Int = Network.evaluationBatchSize) -> [Int32] {
        var result = [Int32](repeating: 0, count: features.rows)
        let classes = description.classCount
        forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
            for (slot, row) in range.enumerated() {
                result[row] = Int32(Kernels.firstArgMax(pass.logits + slot * classes, count: classes).index)
            }
        }
        return result
    }

    /// The logits (`rows x classCount`) of every row, in evaluation mode.
    public func logits(for features: Matrix, batchSize: Int = Network.evaluationBatchSize) -> Matrix {
        let classes = description.classCount
        var result = Matrix(rows: features.rows, columns: classes)
        result.storage.withUnsafeMutableBufferPointer { target in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                (target.baseAddress! + range.lowerBound * classes).update(from: pass.logits, count: range.count * classes)
            }
        }
        return result
    }
}
