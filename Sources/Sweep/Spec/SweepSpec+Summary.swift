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
        if let network = networkSummary { lines.append("  network:      \(network)") }
        let excluded = grid.productCount - trajectories.count
        lines.append("  trajectories: \(trajectories.count) (\(grid.productCount) points, \(excluded) excluded)")
        lines.append("  epochs:       \(epochs.map(String.init).joined(separator: ", ")) -> \(trajectories.count * epochs.count) measurements")
        let estimate = trajectories.computeEstimate
        lines.append("  compute:      \(Self.scientific(estimate.totalFLOPs)) FLOPs (training \(Self.scientific(estimate.trainingFLOPs)), "
                     + "measuring \(Self.scientific(estimate.measurementFLOPs)))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The networks' sizes across the grid: family, parameters, code bits per example and the
    /// memory of the packed train and test codes a measurement holds (nil for grids too large to scan).
    public var networkSummary: String? {
        guard trajectories.count <= 100_000 else { return nil }
        var families = Set<String>(), parameters: [Int] = [], bits: [Int] = [], bytes: [Int] = []
        var seen = Set<TrajectoryConfiguration>()
        for configuration in trajectories.configurations {
            var key = configuration
            key.seed = 0
            guard seen.insert(key).inserted else { continue }
            let size = NetworkSize(of: configuration)
            let facts = DatasetFacts(of: configuration)
            let examples = min(configuration.samples ?? facts.trainSize, facts.trainingExamples(holdout: configuration.holdout)) + facts.testSize
            families.insert(configuration.variant ?? configuration.family ?? "mlp")
            parameters.append(size.parameters)
            bits.append(size.codeLength)
            bytes.append(examples * (size.codeLength + 63) / 64 * 8)
        }
        guard let low = parameters.min(), let high = parameters.max(), let fewest = bits.min(), let most = bits.max(),
              let memory = bytes.max() else { return nil }
        func range(_ low: Int, _ high: Int) -> String { low == high ? "\(low)" : "\(low)-\(high)" }
        return "\(families.sorted().joined(separator: ", ")): \(range(low, high)) parameters, codes of \(range(fewest, most)) bits "
            + "(packed train and test codes up to " + String(format: "%.1f MB", Double(memory) / 1e6) + " per measurement)"
    }

    /// `1.23e+12`-style text for operation counts.
    static func scientific(_ value: Double) -> String {
        String(format: "%.2e", value)
    }
}
