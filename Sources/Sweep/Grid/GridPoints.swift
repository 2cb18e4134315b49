/// The points of a grid in odometer order (the last dimension varies fastest): for any
/// ordinal, its step along each dimension, its axis values and its configuration.
struct GridPoints: Sendable {
    /// Sets one axis's value in a configuration.
    typealias Setter = @Sendable (inout TrajectoryConfiguration, AxisValue) -> Void

    let base: TrajectoryConfiguration
    /// How many points there are before exclusions.
    let count: Int
    /// The number of steps along each dimension.
    let stepCounts: [Int]
    /// Every axis, flattened in spec order: its name, values, dimension and setter.
    private let names: [String]
    private let values: [[AxisValue]]
    private let dimensionOfAxis: [Int]
    private let setters: [Setter]

    init(base: TrajectoryConfiguration, grid: SweepGrid) {
        self.base = base
        count = grid.productCount
        stepCounts = grid.dimensions.map(\.count)
        let axes = grid.dimensions.enumerated().flatMap { position, dimension in dimension.axes.map { (position, $0) } }
        names = axes.map(\.1.name)
        values = axes.map(\.1.values)
        dimensionOfAxis = axes.map(\.0)
        setters = axes.map { _, axis -> Setter in
            if axis.name == "seed" { return { configuration, value in configuration.seed = value.integer } }
            guard let field = SpecField.axis(axis.name) else { preconditionFailure("GridPoints: \(axis.name) is not an axis") }
            return field.apply
        }
    }

    /// The step along each dimension of point `ordinal`.
    func steps(of ordinal: Int) -> [Int] {
        precondition(ordinal >= 0 && ordinal < count, "GridPoints: ordinal \(ordinal) outside 0..<\(count)")
        var steps = [Int](repeating: 0, count: stepCounts.count)
        var rest = ordinal
        for position in stepCounts.indices.reversed() {
            steps[position] = rest % stepCounts[position]
            rest /= stepCounts[position]
        }
        return steps
    }

    /// The axis values at `steps`, by axis name.
    func axes(at steps: [Int]) -> [String: AxisValue] {
        var point: [String: AxisValue] = [:]
        point.reserveCapacity(names.count)
        for axis in names.indices { point[names[axis]] = values[axis][steps[dimensionOfAxis[axis]]] }
        return point
    }

    /// The base configuration with the axis values at `steps` applied, normalised.
    func configuration(at steps: [Int]) -> TrajectoryConfiguration {
        var configuration = base
        for axis in setters.indices { setters[axis](&configuration, values[axis][steps[dimensionOfAxis[axis]]]) }
        return configuration.normalized()
    }
}
