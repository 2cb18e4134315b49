@testable import Models

/// Runs one network stage alone on a batch: its own parameters, scratch and shared memory, so
/// that a layer's forward pass and gradients can be checked against their definitions.
struct StageHarness {
    let stage: any NetworkStage
    var parameters: [Float]
    var runningMean: [Float]
    var runningVariance: [Float]

    init(_ stage: any NetworkStage, parameterSeed: UInt64 = 1, statistics: Int = 0) {
        self.stage = stage
        var random = RandomStream(seed: parameterSeed, streamIndex: 0)
        parameters = (0..<stage.parameterRange.upperBound).map { _ in random.nextUnitFloat() * 2 - 1 }
        runningMean = Array(repeating: 0, count: statistics)
        runningVariance = Array(repeating: 1, count: statistics)
    }

    /// The outputs of `input` (`rows x inputShape.count`) and, given `outputGradient`, the input
    /// and parameter gradients, in training mode (dropout masks from `dropoutSeed`) or evaluation.
    func run(_ input: [Float], rows: Int, outputGradient: [Float]? = nil, training: Bool = true,
             dropoutSeed: UInt64 = 3) -> (output: [Float], inputGradient: [Float], parameterGradient: [Float]) {
        precondition(input.count == rows * stage.inputShape.count, "StageHarness: bad input size")
        var input = input
        var output = [Float](repeating: 0, count: rows * stage.outputShape.count)
        var scratch = [Float](repeating: 0, count: max(1, stage.scratchCount(capacity: rows, training: training)))
        var shared = [Float](repeating: 0, count: max(1, stage.sharedScratchCount(capacity: rows)))
        var inputGradient = [Float](repeating: .nan, count: input.count)
        var parameterGradient = [Float](repeating: 0, count: parameters.count)
        var values = parameters, mean = runningMean, variance = runningVariance
        var gradient = outputGradient ?? []
        var random = RandomStream(seed: dropoutSeed, purpose: .dropout)
        input.withUnsafeMutableBufferPointer { input in
        output.withUnsafeMutableBufferPointer { output in
        scratch.withUnsafeMutableBufferPointer { scratch in
        shared.withUnsafeMutableBufferPointer { shared in
        values.withUnsafeMutableBufferPointer { values in
        mean.withUnsafeMutableBufferPointer { mean in
        variance.withUnsafeMutableBufferPointer { variance in
        parameterGradient.withUnsafeMutableBufferPointer { parameterGradient in
        inputGradient.withUnsafeMutableBufferPointer { inputGradient in
        gradient.withUnsafeMutableBufferPointer { gradient in
            let buffers = StageBuffers(rows: rows, input: input.baseAddress!, output: output.baseAddress!,
                                       scratch: scratch.baseAddress!, shared: shared.baseAddress!)
            let vectors = StageParameters(values: values.baseAddress!, gradients: parameterGradient.baseAddress,
                                          runningMean: mean.baseAddress, runningVariance: variance.baseAddress)
            withUnsafeMutablePointer(to: &random) { random in
                stage.forward(buffers, vectors, mode: training ? .training(random: random) : .evaluation)
            }
            if outputGradient != nil {
                stage.backward(buffers, outputGradient: gradient.baseAddress!, inputGradient: inputGradient.baseAddress!, vectors)
            }
        }}}}}}}}}}
        return (output, inputGradient, parameterGradient)
    }

    /// `Σ output · direction` in training mode.
    func loss(_ input: [Float], rows: Int, direction: [Float]) -> Double {
        zip(run(input, rows: rows).output, direction).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    /// Central difference of ``loss(_:rows:direction:)`` in input `index` (or parameter `index`).
    func centralDifference(_ input: [Float], rows: Int, direction: [Float], input index: Int? = nil,
                           parameter: Int? = nil, step: Float = 1e-2) -> Double {
        var (up, down) = (input, input)
        var (upHarness, downHarness) = (self, self)
        if let index { up[index] += step; down[index] -= step }
        if let parameter { upHarness.parameters[parameter] += step; downHarness.parameters[parameter] -= step }
        return (upHarness.loss(up, rows: rows, direction: direction) - downHarness.loss(down, rows: rows, direction: direction))
            / Double(2 * step)
    }

    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var random = RandomStream(seed: seed, streamIndex: 0)
        return (0..<count).map { _ in random.nextUnitFloat() * 2 - 1 }
    }
}
