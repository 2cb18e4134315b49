import Yams

/// Expands a ``SweepGrid`` over a base configuration into trajectories,
/// reporting points that cannot be trained (too many samples) and points that
/// collapse into the same trajectory.
struct GridExpansion {
    let base: TrajectoryConfiguration
    let grid: SweepGrid
    let reader: SpecReader
    /// Where `dataset.samples` was set, if it was.
    var samplesMark: Mark? = nil
    /// Where `grid:` starts.
    var gridMark: Mark? = nil

    /// The trajectories in odometer order (the last dimension varies fastest), exclusions left out.
    func trajectories() -> [Trajectory] {
        let dimensions = grid.dimensions
        var trajectories: [Trajectory] = []
        var pointOfId: [String: [String: AxisValue]] = [:]
        var reportedSamples: Set<String> = []
        var reportedCollision = false
        var step = [Int](repeating: 0, count: dimensions.count)
        guard dimensions.allSatisfy({ $0.count > 0 }) else { return [] }
        repeat {
            var point: [String: AxisValue] = [:]
            var configuration = base
            var samplesPlace: (mark: Mark?, path: String)?
            for (dimension, index) in zip(dimensions, step) {
                for axis in dimension.axes {
                    let value = axis.values[index]
                    point[axis.name] = value
                    if axis.name == "seed" {
                        configuration.seed = value.integer
                    } else {
                        SpecField.axis(axis.name)!.apply(&configuration, value)
                    }
                    if axis.name == "samples" { samplesPlace = (axis.marks[index], axis.paths[index]) }
                }
            }
            if !grid.exclusions.contains(where: { $0.matches(point) }) {
                let normalized = configuration.normalized()
                checkSamples(normalized, place: samplesPlace, reported: &reportedSamples)
                let id = normalized.contentHash
                if let other = pointOfId[id] {
                    if !reportedCollision { reportCollision(point, other) }
                    reportedCollision = true
                } else {
                    pointOfId[id] = point
                    trajectories.append(Trajectory(id: id, configuration: normalized, epochs: grid.epochs, axes: point))
                }
            }
        } while advance(&step, limits: dimensions.map(\.count))
        if trajectories.isEmpty, reader.diagnostics.isEmpty {
            reader.report(at: gridMark, "grid.exclude", "every one of the \(grid.productCount) points is excluded; nothing would run")
        }
        return trajectories
    }

    /// Moves the odometer one step; false after the last combination.
    private func advance(_ step: inout [Int], limits: [Int]) -> Bool {
        for position in step.indices.reversed() {
            step[position] += 1
            if step[position] < limits[position] { return true }
            step[position] = 0
        }
        return false
    }

    private func checkSamples(_ configuration: TrajectoryConfiguration, place: (mark: Mark?, path: String)?,
                              reported: inout Set<String>) {
        guard let samples = configuration.samples else { return }
        let available = DatasetFacts(of: configuration).trainingExamples(holdout: configuration.holdout)
        guard samples > available else { return }
        let key = "\(samples)/\(available)"
        guard reported.insert(key).inserted else { return }
        let holdout = configuration.holdout > 0 ? " after holding out \(CanonicalNumber.text(configuration.holdout)) of it" : ""
        let message = "found \(samples), but \(configuration.dataset) has \(available) training examples\(holdout); expected at most \(available)"
        if let place {
            reader.report(at: place.mark, place.path, message)
        } else {
            reader.report(at: samplesMark, "dataset.samples", message)
        }
    }

    private func reportCollision(_ point: [String: AxisValue], _ other: [String: AxisValue]) {
        let differing = point.keys.filter { point[$0] != other[$0] }.sorted()
        let describe = { (p: [String: AxisValue]) in differing.map { "\($0)=\(p[$0]!)" }.joined(separator: ", ") }
        reader.report(at: gridMark, "grid", "the points \(describe(other)) and \(describe(point)) are the same trajectory, because "
                      + differing.joined(separator: ", ") + " has no effect with the other settings (see \"Normalisation\" in docs/spec.md); "
                      + "sweep it only where it matters, or exclude one of the points")
    }
}
