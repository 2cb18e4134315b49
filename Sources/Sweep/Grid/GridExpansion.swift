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
    func trajectories() -> TrajectoryList {
        let points = GridPoints(base: base, grid: grid)
        var ordinals: [Int] = [], digests: [UInt64] = []
        ordinals.reserveCapacity(points.count)
        digests.reserveCapacity(points.count)
        var ordinalOfDigest: [UInt64: Int] = [:]
        ordinalOfDigest.reserveCapacity(points.count)
        var reportedSamples: Set<String> = []
        var reportedCollision = false
        var step = [Int](repeating: 0, count: grid.dimensions.count)
        var ordinal = 0
        let writer = CanonicalFields.Writer(TrajectoryConfiguration.canonicalFields)
        guard grid.dimensions.allSatisfy({ $0.count > 0 }) else { return TrajectoryList(points: points, epochs: grid.epochs, ordinals: [], digests: []) }
        repeat {
            defer { ordinal += 1 }
            if !grid.exclusions.isEmpty {
                let point = points.axes(at: step)
                if grid.exclusions.contains(where: { $0.matches(point) }) { continue }
            }
            let configuration = points.configuration(at: step)
            checkSamples(configuration, step: step, reported: &reportedSamples)
            let digest = configuration.contentDigest(writer: writer)
            if let other = ordinalOfDigest.updateValue(ordinal, forKey: digest) {
                ordinalOfDigest[digest] = other
                if !reportedCollision { reportCollision(points.axes(at: step), points.axes(at: points.steps(of: other))) }
                reportedCollision = true
            } else {
                ordinals.append(ordinal)
                digests.append(digest)
            }
        } while advance(&step, limits: points.stepCounts)
        if ordinals.isEmpty, reader.diagnostics.isEmpty {
            reader.report(at: gridMark, "grid.exclude", "every one of the \(grid.productCount) points is excluded; nothing would run")
        }
        return TrajectoryList(points: points, epochs: grid.epochs, ordinals: ordinals, digests: digests)
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

    /// Reports, once per count, a point asking for more samples than its dataset has.
    private func checkSamples(_ configuration: TrajectoryConfiguration, step: [Int], reported: inout Set<String>) {
        guard let samples = configuration.samples else { return }
        let available = DatasetFacts(of: configuration).trainingExamples(holdout: configuration.holdout)
        guard samples > available else { return }
        let key = "\(samples)/\(available)"
        guard reported.insert(key).inserted else { return }
        let holdout = configuration.holdout > 0 ? " after holding out \(CanonicalNumber.text(configuration.holdout)) of it" : ""
        let message = "found \(samples), but \(configuration.dataset) has \(available) training examples\(holdout); expected at most \(available)"
        if let position = grid.dimensions.firstIndex(where: { $0.axes.contains { $0.name == "samples" } }),
           let axis = grid.axis("samples") {
            reader.report(at: axis.marks[step[position]], axis.paths[step[position]], message)
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
