import Foundation

extension SweepSpec {
    /// What `hashsweep spec check` prints: the name, hash, dataset, axes, zips,
    /// exclusions, counts and the estimated compute, one fact per line.
    public var summary: String {
        let facts = DatasetFacts(of: base.normalized())
        var lines = ["\(file): valid spec"]
        lines.append("  name:         \(name) (results in results/\(name)/)")
        lines.append("  spec hash:    \(hash.prefix(16))")
        let dataset = "\(base.dataset): \(facts.trainSize) train (\(facts.trainingExamples(holdout: base.holdout)) after the holdout), "
            + "\(facts.testSize) test, \(facts.inputDimension) features, \(facts.classes) classes"
        lines.append("  dataset:      \(dataset)")
        for dimension in grid.dimensions {
            for axis in dimension.axes {
                let values = axis.values.count <= 8 ? axis.values.map(\.description).joined(separator: ", ")
                    : axis.values.prefix(3).map(\.description).joined(separator: ", ") + ", ..., " + axis.values.last!.description
                let zip = dimension.isZip ? " (zipped with \(dimension.axes.filter { $0.name != axis.name }.map(\.name).joined(separator: ", ")))" : ""
                lines.append("  axis \(axis.name): \(axis.values.count) value\(axis.values.count == 1 ? "" : "s"): \(values)\(zip)")
            }
        }
        for exclusion in grid.exclusions {
            lines.append("  exclude:      \(exclusion)")
        }
        let excluded = grid.productCount - trajectories.count
        lines.append("  trajectories: \(trajectories.count) (\(grid.productCount) points, \(excluded) excluded)")
        lines.append("  epochs:       \(epochs.map(String.init).joined(separator: ", ")) -> \(trajectories.count * epochs.count) measurements")
        let estimate = trajectories.computeEstimate
        lines.append("  compute:      \(Self.scientific(estimate.totalFLOPs)) FLOPs (training \(Self.scientific(estimate.trainingFLOPs)), "
                     + "measuring \(Self.scientific(estimate.measurementFLOPs)))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1.23e+12`-style text for operation counts.
    static func scientific(_ value: Double) -> String {
        String(format: "%.2e", value)
    }
}
