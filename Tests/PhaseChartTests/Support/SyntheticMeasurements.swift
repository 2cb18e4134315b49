import Foundation
import Sweep
@testable import PhaseChart

/// Hand-made measurement grids with known regimes.
enum SyntheticMeasurements {
    /// One record per seed: `values` give (redundancy_train, knn_test_accuracy) per seed.
    static func records(axes: [String: AxisValue], epoch: Int, values: [(Double, Double)],
                        extra: [String: Double] = [:]) -> [ChartMeasurement] {
        values.enumerated().map { seed, pair in
            var metrics = extra
            metrics[MetricNames.redundancyTrain] = pair.0
            metrics[MetricNames.knnTestAccuracy] = pair.1
            let id = (axes.keys.sorted().map { "\($0)=\(axes[$0]!)" } + ["seed=\(seed)"]).joined(separator: ",")
            var withSeed = axes
            withSeed["seed"] = .int(seed)
            return ChartMeasurement(trajectoryID: id, axes: withSeed, seed: seed, epoch: epoch,
                                     status: "done", specHash: "spec0", metrics: metrics)
        }
    }

    /// `count` values around `mean` with a fixed zero-mean pattern of spread `spread`.
    static func around(_ mean: Double, spread: Double, count: Int) -> [Double] {
        let pattern = [0.0, 1, -1, 0.5, -0.5, 0.25, -0.25]
        return (0..<count).map { mean + spread * pattern[$0 % pattern.count] }
    }

    /// A realistic sweep: widths 8...256 (doubling) × epochs {1, 2, 5, 10, 20, 50} × seeds,
    /// optionally × a third axis `lr`. Quality q = log2(width / 8) + log2(epochs); redundancy
    /// 0.6·e^(−0.9q) and accuracy 0.95 − 0.45·e^(−0.7q), with seeded noise; metrics for every curve panel.
    static func realisticSweep(seeds: Int = 4, learningRates: [Double] = [0.01], noise: Double = 0.006) -> [ChartMeasurement] {
        var records: [ChartMeasurement] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        for width in [8, 16, 32, 64, 128, 256] {
            for lr in learningRates {
                for seed in 0..<seeds {
                    let id = "w\(width)-lr\(lr)-s\(seed)"
                    for epoch in [1, 2, 5, 10, 20, 50] {
                        let q = log2(Double(width) / 8) + log2(Double(epoch)) + (lr > 0.05 ? 1 : 0)
                        let r = max(0, 0.6 * exp(-0.9 * q) + noise * uniform())
                        let a = 0.95 - 0.45 * exp(-0.7 * q) + noise * uniform()
                        let metrics: [String: Double] = [
                            MetricNames.redundancyTrain: r,
                            MetricNames.redundancyTest: min(1, r * 1.3 + 0.01),
                            MetricNames.knnTestAccuracy: a,
                            MetricNames.kmeansTestMajority: a - 0.25 + noise * uniform(),
                            MetricNames.logisticTestAccuracy: a + 0.01 + noise * uniform(),
                            MetricNames.testAccuracy: a + 0.02 + noise * uniform(),
                            "train_loss": 2.3 * exp(-0.5 * q),
                        ]
                        records.append(ChartMeasurement(
                            trajectoryID: id, axes: ["width": .int(width), "lr": .double(lr), "seed": .int(seed)],
                            seed: seed, epoch: epoch, status: "done", specHash: "abc123", metrics: metrics))
                    }
                }
            }
        }
        return records
    }

    /// An awkward sweep: ten widths (4 ... 2048), epochs including 0, one seed, a string facet
    /// (`optimizer`), a hole in the grid and a cell without the categorization metric.
    static func awkwardSweep() -> [ChartMeasurement] {
        var records: [ChartMeasurement] = []
        for optimizer in ["adam", "sgd"] {
            for width in (2...11).map({ 1 << $0 }) where !(optimizer == "sgd" && width == 64) {
                for epoch in [0, 1, 3, 10, 30, 100] {
                    let q = log2(Double(width) / 4) * 0.8 + log2(Double(epoch + 1)) + (optimizer == "adam" ? 0.5 : 0)
                    var metrics: [String: Double] = [
                        MetricNames.redundancyTrain: 0.8 * exp(-0.8 * q),
                        MetricNames.redundancyTest: 0.85 * exp(-0.75 * q),
                        MetricNames.knnTestAccuracy: 0.97 - 0.6 * exp(-0.6 * q),
                        MetricNames.testAccuracy: 0.98 - 0.7 * exp(-0.6 * q),
                    ]
                    if width == 8 && epoch == 3 { metrics[MetricNames.knnTestAccuracy] = nil }
                    records.append(ChartMeasurement(
                        trajectoryID: "\(optimizer)-\(width)", axes: ["width": .int(width), "optimizer": .string(optimizer)],
                        seed: 0, epoch: epoch, status: width == 2048 ? "running" : "done", specHash: "h", metrics: metrics))
                }
            }
        }
        return records
    }
}
