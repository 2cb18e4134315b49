extension TrainingBenchmark {
    /// Seconds per epoch of the work no trainer can skip: for every mini-batch of a shuffled
    /// epoch, gathering the batch's rows and the same GEMM calls a training step makes
    /// (forward `X W` per layer, `Xᵀ U` for every weight gradient, `U Wᵀ` for every input
    /// gradient but the first layer's), with no element-wise work and no optimiser.
    ///
    /// The ratio of a case's epoch to this floor is what the rest of training costs; the floor
    /// itself is set by the BLAS on this CPU.
    public static func gemmFloor(_ benchmarkCase: Case, on data: TrainingSet, epochs: Int = 1, batchSize: Int = 128) -> Double {
        precondition(epochs > 0 && batchSize > 0, "TrainingBenchmark: epochs and batch size must be positive")
        let sizes = [data.featureCount] + benchmarkCase.widths + [data.classCount]
        let layers = sizes.count - 1
        var random = RandomStream(seed: 2, purpose: .syntheticData)
        func buffer(_ count: Int) -> [Float] { (0..<count).map { _ in random.nextUnitFloat() - 0.5 } }
        let weights = (0..<layers).map { buffer(sizes[$0] * sizes[$0 + 1]) }
        var gradients = (0..<layers).map { buffer(sizes[$0] * sizes[$0 + 1]) }
        var outputs = (0..<layers).map { buffer(batchSize * sizes[$0 + 1]) }
        var upstream = (0..<layers).map { buffer(batchSize * sizes[$0 + 1]) }
        var input = [Float](repeating: 0, count: batchSize * data.featureCount)
        var shuffling = RandomStream(seed: 0, purpose: .shuffling)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<epochs {
            let order = shuffling.permutation(of: data.count)
            for batchStart in stride(from: 0, to: order.count, by: batchSize) {
                let indices = order[batchStart..<min(batchStart + batchSize, order.count)]
                let rows = indices.count
                data.features.storage.withUnsafeBufferPointer { features in
                    input.withUnsafeMutableBufferPointer { target in
                        Kernels.gatherRows(features.baseAddress!, columns: data.featureCount, indices: indices,
                                           into: target.baseAddress!)
                    }
                }
                for layer in 0..<layers {
                    let below = layer == 0 ? input : outputs[layer - 1]
                    BLAS.gemm(rows: rows, columns: sizes[layer + 1], inner: sizes[layer], below, weights[layer],
                              into: &outputs[layer])
                }
                for layer in stride(from: layers - 1, through: 0, by: -1) {
                    let below = layer == 0 ? input : outputs[layer - 1]
                    BLAS.gemm(rows: sizes[layer], columns: sizes[layer + 1], inner: rows, below, transposeA: true,
                              upstream[layer], into: &gradients[layer])
                    if layer > 0 {
                        BLAS.gemm(rows: rows, columns: sizes[layer], inner: sizes[layer + 1], upstream[layer],
                                  weights[layer], transposeB: true, into: &upstream[layer - 1])
                    }
                }
            }
        }
        return (clock.now - start).seconds / Double(epochs)
    }
}
