import Testing
@testable import Models

@Suite("Optimisers and learning-rate schedules: single steps computed by hand")
struct OptimizerTests {
    /// One optimiser step on `parameters` with `gradient`; decay applies to every entry. Each
    /// step updates the entries in two ranges, last entries first, as training does layer by layer.
    static func step(
        _ algorithm: OptimizerAlgorithm, learningRate: Float, weightDecay: WeightDecay = .none,
        parameters: [Float], gradients: [[Float]]
    ) -> (parameters: [Float], state: OptimizerState) {
        let configuration = OptimizerConfiguration(algorithm: algorithm, learningRate: learningRate, weightDecay: weightDecay)
        var state = OptimizerState(algorithm: algorithm, parameterCount: parameters.count)
        var parameters = parameters
        let segments = [OptimizerState.DecaySegment(range: 0..<parameters.count, coefficient: weightDecay.coefficient)]
        for gradient in gradients {
            var gradient = gradient
            parameters.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    state.beginStep()
                    for range in [1..<p.count, 0..<1] {
                        state.update(configuration, learningRate: learningRate, parameters: p, gradients: g,
                                     decaySegments: segments, range: range)
                    }
                }
            }
        }
        return (parameters, state)
    }

    static func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-6,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    let start: [Float] = [1, -2, 0.5]
    let gradient: [Float] = [0.1, 0.2, -0.3]

    @Test("SGD with momentum: v = 0.9 v + g, p -= lr v, over two steps")
    func sgdMomentum() {
        let result = Self.step(.sgd(momentum: 0.9, nesterov: false), learningRate: 0.1,
                               parameters: start, gradients: [gradient, gradient])
        // step 1: v = g, p = p - 0.1 g; step 2: v = 1.9 g, p -= 0.19 g: p = p0 - 0.29 g
        Self.expectClose(result.parameters, [0.971, -2.058, 0.587])
        Self.expectClose(result.state.firstMoment, [0.19, 0.38, -0.57])
        #expect(result.state.stepCount == 2)
    }

    @Test("Nesterov: p -= lr (g + 0.9 v) with v = 0.9 v + g")
    func nesterov() {
        let result = Self.step(.sgd(momentum: 0.9, nesterov: true), learningRate: 0.1, parameters: start, gradients: [gradient])
        Self.expectClose(result.parameters, [0.981, -2.038, 0.557])
        Self.expectClose(result.state.firstMoment, gradient)
    }

    @Test("Adam: the first bias-corrected step moves each parameter by lr against the gradient's sign")
    func adam() {
        let result = Self.step(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01,
                               parameters: start, gradients: [gradient])
        Self.expectClose(result.parameters, [0.99, -2.01, 0.51])
        Self.expectClose(result.state.firstMoment, [0.01, 0.02, -0.03])
        Self.expectClose(result.state.secondMoment, [1e-5, 4e-5, 9e-5], tolerance: 5e-9)
    }

    @Test("Adam, second step: m and v averages with bias correction")
    func adamSecondStep() {
        let second: [Float] = [0.3, 0.2, 0.1]
        let result = Self.step(.adam(beta1: 0.5, beta2: 0.75, epsilon: 0), learningRate: 0.1,
                               parameters: [1, 1, 1], gradients: [gradient, second])
        // m2 = 0.25 g1 + 0.5 g2, v2 = 0.1875 g1² + 0.25 g2²; corrections 0.75 and 0.4375
        // step = 0.1 * (m2 / 0.75) / sqrt(v2 / 0.4375), after the first step of -0.1 sign(g1)
        let m2: [Float] = [0.175, 0.15, -0.025]
        let v2: [Float] = [0.024375, 0.0175, 0.019375]
        let expected = (0..<3).map { i in
            1 - 0.1 * (gradient[i] > 0 ? 1 : -1) - 0.1 * (m2[i] / 0.75) / (v2[i] / 0.4375).squareRoot()
        }
        Self.expectClose(result.parameters, expected, tolerance: 1e-5)
    }

    @Test("AdamW shrinks parameters by 1 - lr * lambda before the Adam step")
    func adamW() {
        let result = Self.step(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01,
                               weightDecay: WeightDecay(coefficient: 0.1, mode: .decoupled),
                               parameters: start, gradients: [gradient])
        Self.expectClose(result.parameters, [0.989, -2.008, 0.5095])
    }

    @Test("coupled L2 adds lambda * p to the gradient")
    func coupledL2() {
        let result = Self.step(.sgd(momentum: 0, nesterov: false), learningRate: 0.1,
                               weightDecay: WeightDecay(coefficient: 0.1, mode: .coupled),
                               parameters: start, gradients: [gradient])
        // g + 0.1 p = [0.2, 0, -0.25]
        Self.expectClose(result.parameters, [0.98, -2, 0.525])
    }

    @Test("weights-only decay touches the Linear weights and nothing else")
    func weightsOnlyScope() {
        let layout = ParameterLayout(MLPConfiguration(inputCount: 2, widths: [3], classCount: 2, batchNorm: BatchNormSettings()))
        let segments = OptimizerState.decaySegments(layout: layout, weightDecay: WeightDecay(coefficient: 0.5, scope: .weightsOnly))
        var decayed = [Bool](repeating: false, count: layout.parameterCount)
        var covered = 0
        for segment in segments {
            covered += segment.range.count
            for index in segment.range { decayed[index] = segment.coefficient != 0 }
        }
        #expect(covered == layout.parameterCount)
        let weights = Set(layout.weightRanges.flatMap { Array($0) })
        #expect(weights.count == 2 * 3 + 3 * 2)
        for index in 0..<layout.parameterCount { #expect(decayed[index] == weights.contains(index)) }
        let all = OptimizerState.decaySegments(layout: layout, weightDecay: WeightDecay(coefficient: 0.5, scope: .allParameters))
        #expect(all.count == 1 && all[0].range == 0..<layout.parameterCount && all[0].coefficient == 0.5)
    }

    @Test("the step schedule multiplies by gamma every k epochs; constant stays put")
    func schedules() {
        let step = LearningRateSchedule.step(every: 20, gamma: 0.1)
        let rates = [0, 19, 20, 39, 40, 65].map { step.learningRate(base: 0.5, epoch: $0) }
        Self.expectClose(rates, [0.5, 0.5, 0.05, 0.05, 0.005, 0.0005], tolerance: 1e-8)
        #expect(LearningRateSchedule.constant.learningRate(base: 0.3, epoch: 1000) == 0.3)
        let trainer = Trainer(configuration: ModelTestSupport.configuration(learningRate: 0.2, schedule: .step(every: 1, gamma: 0.5)))
        #expect(trainer.currentLearningRate == 0.2)
    }
}
