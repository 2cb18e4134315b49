extension MLP {
    /// Rows per evaluation-mode batch unless a caller says otherwise.
    public static let evaluationBatchSize = 4096

    /// Runs evaluation-mode forward passes over `features`, `batchSize` rows at a
    /// time, calling `body` with each batch's row range and the finished pass.
    func forEachEvaluationBatch(_ features: Matrix, batchSize: Int, _ body: (Range<Int>, Propagation) -> Void) {
        precondition(features.columns == configuration.inputCount,
                     "MLP: features have \(features.columns) columns, the network expects \(configuration.inputCount)")
        precondition(batchSize > 0, "MLP: batch size must be positive")
        guard features.rows > 0 else { return }
        BLAS.configureSingleThreaded()
        let capacity = min(batchSize, features.rows)
        let workspace = WorkspaceLayout(layout: layout, inputCount: configuration.inputCount, capacity: capacity, training: false)
        var scratch = [Float](repeating: 0, count: workspace.count)
        let columns = features.columns
        scratch.withUnsafeMutableBufferPointer { scratch in
            features.storage.withUnsafeBufferPointer { source in
                parameters.withUnsafeBufferPointer { parameters in
                    runningMean.withUnsafeBufferPointer { mean in
                        runningVariance.withUnsafeBufferPointer { variance in
                            let pass = Propagation(configuration: configuration, layout: layout, workspace: workspace,
                                                   parameters: parameters.baseAddress!, scratch: scratch.baseAddress!)
                            var start = 0
                            while start < features.rows {
                                let end = min(start + capacity, features.rows)
                                (scratch.baseAddress! + workspace.input)
                                    .update(from: source.baseAddress! + start * columns, count: (end - start) * columns)
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
    public func evaluate(_ features: Matrix, labels: [Int32], batchSize: Int = MLP.evaluationBatchSize) -> Evaluation {
        precondition(features.rows == labels.count, "MLP: \(features.rows) rows but \(labels.count) labels")
        precondition(labels.allSatisfy { $0 >= 0 && Int($0) < configuration.classCount },
                     "MLP: labels must lie in 0..<\(configuration.classCount)")
        var lossSum = 0.0, correct = 0
        labels.withUnsafeBufferPointer { labels in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                let result = Kernels.crossEntropyLoss(pass.logits, rows: range.count, classes: configuration.classCount,
                                                      labels: labels.baseAddress! + range.lowerBound)
                lossSum += result.lossSum
                correct += result.correct
            }
        }
        let count = max(labels.count, 1)
        return Evaluation(loss: lossSum / Double(count), accuracy: Double(correct) / Double(count), count: labels.count)
    }

    /// Loss and accuracy on labelled data, in evaluation mode.
    public func evaluate(_ data: LabeledData, batchSize: Int = MLP.evaluationBatchSize) -> Evaluation {
        evaluate(data.features, labels: data.labels, batchSize: batchSize)
    }

    /// The predicted class (first arg-max of the logits) of every row, in evaluation mode.
    public func predictions(for features: Matrix, batchSize: Int = MLP.evaluationBatchSize) -> [Int32] {
        var result = [Int32](repeating: 0, count: features.rows)
        let classes = configuration.classCount
        forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
            for (slot, row) in range.enumerated() {
                result[row] = Int32(Kernels.firstArgMax(pass.logits + slot * classes, count: classes).index)
            }
        }
        return result
    }

    /// The logits (`rows x classCount`) of every row, in evaluation mode.
    public func logits(for features: Matrix, batchSize: Int = MLP.evaluationBatchSize) -> Matrix {
        let classes = configuration.classCount
        var result = Matrix(rows: features.rows, columns: classes)
        result.storage.withUnsafeMutableBufferPointer { target in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                (target.baseAddress! + range.lowerBound * classes).update(from: pass.logits, count: range.count * classes)
            }
        }
        return result
    }
}
