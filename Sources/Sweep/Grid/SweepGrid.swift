import Yams

/// The swept part of a spec: its axes (alone or zipped), its exclusions and
/// the epochs at which every trajectory is measured.
///
/// The points are the cartesian product of the ``dimensions`` (the last one
/// varying fastest), minus those matching any of the ``exclusions``.
public struct SweepGrid: Sendable {
    /// Strictly increasing epochs, shared by every trajectory (0 = at initialisation).
    public var epochs: [Int]
    /// Independent directions of the product, in spec order; a zip group is one dimension.
    public var dimensions: [GridDimension]
    /// Filters removing points; a point matching any one is left out.
    public var exclusions: [GridExclusion]

    /// Every swept axis name, in spec order (zip members in place), `seed` included.
    public var axisNames: [String] {
        dimensions.flatMap { $0.axes.map(\.name) }
    }

    /// The number of points before exclusions.
    public var productCount: Int {
        dimensions.reduce(1) { $0 * $1.count }
    }

    /// The axis named `name`, if swept.
    public func axis(_ name: String) -> GridAxis? {
        for dimension in dimensions {
            if let axis = dimension.axes.first(where: { $0.name == name }) { return axis }
        }
        return nil
    }
}

/// One direction of the grid: a single axis, or a zip group whose axes advance together.
public struct GridDimension: Sendable {
    /// The axes; all have the same number of values.
    public var axes: [GridAxis]
    /// Whether this is a `zip:` group.
    public var isZip: Bool

    /// The number of steps along this dimension.
    public var count: Int { axes[0].values.count }

    /// A dimension; every axis must have the same number of values.
    public init(axes: [GridAxis], isZip: Bool) {
        precondition(!axes.isEmpty && axes.allSatisfy { $0.values.count == axes[0].values.count },
                     "GridDimension: axes must be non-empty and of equal length")
        self.axes = axes
        self.isZip = isZip
    }
}

/// A swept axis: its name (a spec key such as `width` or `lr`, or `seed`) and its values.
public struct GridAxis: Sendable {
    /// The axis name.
    public var name: String
    /// Distinct values, in spec order.
    public var values: [AxisValue]
    /// Where each value was written (a generated value points at its generator).
    var marks: [Mark?]
    /// The key path of each value, e.g. `grid.width[2]`.
    var paths: [String]

    /// An axis with no recorded places (for building grids in code).
    public init(name: String, values: [AxisValue]) {
        self.init(name: name, values: values, marks: values.map { _ in nil }, paths: values.map { _ in "grid.\(name)" })
    }

    init(name: String, values: [AxisValue], marks: [Mark?], paths: [String]) {
        precondition(values.count == marks.count && values.count == paths.count, "GridAxis: one mark and path per value")
        self.name = name
        self.values = values
        self.marks = marks
        self.paths = paths
    }
}
