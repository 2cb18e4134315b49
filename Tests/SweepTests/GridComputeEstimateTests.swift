import Testing
@testable import Sweep

@Suite("Compute estimates")
struct GridComputeEstimateTests {
    /// MNIST, width 100, depth 2, 1,000 samples, no metrics.
    static var configuration: TrajectoryConfiguration {
        var c = TrajectoryConfiguration()
        c.dataset = "mnist"
        c.width = 100
        c.depth = 2
        c.samples = 1000
        c.metrics = []
        return c
    }

    @Test("Parameters of an MLP: weights and biases per layer, plus BatchNorm scales and shifts")
    func parameters() {
        var c = Self.configuration
        #expect(ComputeEstimate.parameterCount(of: c) == 784 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10)
        c.batchnorm = true
        #expect(ComputeEstimate.parameterCount(of: c) == 89_610 + 2 * 2 * 100)
    }

    @Test("Training is 6 x parameters x examples x epochs; measurements are forward passes plus metrics")
    func training() {
        let estimate = ComputeEstimate(configuration: Self.configuration, epochs: [0, 1, 5], after: nil)
        #expect(estimate.trainingFLOPs == 6 * 89_610 * 1000 * 5)
        #expect(estimate.measurementFLOPs == 3 * 2 * 89_610 * (1000 + 10_000))
        let remaining = ComputeEstimate(configuration: Self.configuration, epochs: [0, 1, 5], after: 1)
        #expect(remaining.trainingFLOPs == 6 * 89_610 * 1000 * 4)
        #expect(remaining.measurementFLOPs == 2 * 89_610 * (1000 + 10_000))
        let done = ComputeEstimate(configuration: Self.configuration, epochs: [0, 1, 5], after: 5)
        #expect(done.totalFLOPs == 0)
    }

    @Test("Tiling trains on floor(N / n) copies of the subsample per epoch")
    func tiling() {
        var c = Self.configuration
        c.tile = true
        c.samples = 7000
        let estimate = ComputeEstimate(configuration: c, epochs: [1], after: nil)
        #expect(estimate.trainingFLOPs == 6 * 89_610 * Double(8 * 7000))
    }

    @Test("Metric steps add work, and a sweep's estimate is the sum of its trajectories")
    func metricsAndSums() throws {
        var c = Self.configuration
        let bare = ComputeEstimate(configuration: c, epochs: [1], after: nil)
        c.metrics = ["all"]
        let full = ComputeEstimate(configuration: c, epochs: [1], after: nil)
        #expect(full.measurementFLOPs > bare.measurementFLOPs)
        #expect(full.trainingFLOPs == bare.trainingFLOPs)
        let spec = try validSpec(ExampleSpec.text)
        let total = ComputeEstimate(trajectories: spec.trajectories)
        let summed = spec.trajectories.reduce(0.0) { $0 + ComputeEstimate(trajectory: $1).totalFLOPs }
        #expect(abs(total.totalFLOPs - summed) <= 1e-12 * summed)
    }
}
