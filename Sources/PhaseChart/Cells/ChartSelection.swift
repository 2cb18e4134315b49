import Sweep

/// Which axes a chart draws and at which values the others are held.
public struct ChartSelection: Sendable, Equatable {
    /// Horizontal axis.
    public var x: String
    /// Vertical axis (phase chart) or series axis (curves).
    public var y: String
    /// Axis of the small multiples, if any.
    public var facet: String?
    /// An axis held at one value.
    public struct HeldAxis: Sendable, Equatable {
        /// The axis.
        public var axis: String
        /// Its value in the chart.
        public var value: AxisValue
    }

    /// Every other axis of the grid and the value it is held at, in axis order.
    public var fixed: [HeldAxis]
    /// Axes that had several values but no `--fix`: held at their first value, said here.
    public var notes: [String]

    /// Resolves and validates the choice against `grid`.
    ///
    /// `fixes` are `AXIS=VALUE` texts. Axes neither charted nor fixed that take several values
    /// are held at their smallest value, and a note says so.
    public init(grid: CellGrid, x: String, y: String, facet: String?, fixes: [String]) throws(PhaseChartError) {
        let available = grid.axes
        let roles = [("x", x), ("y", y)] + (facet.map { [("facet", $0)] } ?? [])
        for (role, axis) in roles where !available.contains(axis) {
            throw .unknownAxis(axis, role: role, available: available)
        }
        for (index, (role, axis)) in roles.enumerated() {
            if let other = roles[(index + 1)...].first(where: { $0.1 == axis }) {
                throw .axisUsedTwice(axis, roles: [role, other.0])
            }
        }
        var chosen: [String: AxisValue] = [:]
        for text in fixes {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformedFix(text) }
            let (axis, valueText) = (parts[0], parts[1])
            if let role = roles.first(where: { $0.1 == axis }) { throw .axisFixedAndCharted(axis, role: role.0) }
            guard let values = grid.values[axis] else { throw .unknownAxis(axis, role: "fixed", available: available) }
            guard let value = values.first(where: { $0.matches(valueText) }) else {
                throw .unknownValue(axis: axis, value: valueText, available: values.map(\.description))
            }
            chosen[axis] = value
        }
        var notes: [String] = []
        let charted = Set(roles.map(\.1))
        var fixed: [HeldAxis] = []
        for axis in available where !charted.contains(axis) {
            if let value = chosen[axis] { fixed.append(HeldAxis(axis: axis, value: value)); continue }
            guard let values = grid.values[axis], let first = values.first else { continue }
            if values.count > 1 {
                notes.append("\(axis) takes \(values.count) values (\(values.map(\.description).joined(separator: ", "))); charted at \(axis) = \(first). Use --fix \(axis)=VALUE or --facet \(axis) to choose.")
            }
            fixed.append(HeldAxis(axis: axis, value: first))
        }
        self.x = x
        self.y = y
        self.facet = facet
        self.fixed = fixed
        self.notes = notes
    }

    /// The cells that match the held axes (and `facetValue` on the facet axis, if any).
    public func cells(of grid: CellGrid, facetValue: AxisValue?) -> [Cell] {
        grid.cells.filter { cell in
            fixed.allSatisfy { cell.coordinates[$0.axis] == $0.value }
                && (facet == nil || cell.coordinates[facet!] == facetValue)
        }
    }

    /// "lr = 0.01, depth = 1": the held axes, for captions.
    public var fixedText: String {
        fixed.map { "\($0.axis) = \($0.value)" }.joined(separator: ", ")
    }
}
