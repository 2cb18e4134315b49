import Sweep

/// Every cell of a sweep, with its axes, their sorted values and neighbour lookup.
///
/// Cells are keyed by all axes except `seed`, at each measured epoch: a trajectory measured at
/// epochs [1, 5, 10] contributes to three cells (`epochs` = 1, 5, 10).
public struct CellGrid: Sendable {
    /// Cell axes in stable order: alphabetical, `epochs` included.
    public let axes: [String]
    /// Distinct values of each axis in chart order (numbers ascending, then strings).
    public let values: [String: [AxisValue]]
    /// Metric names found in any record, alphabetical.
    public let metricNames: [String]
    /// The cells, sorted by their coordinates in ``axes`` order.
    public let cells: [Cell]
    private let index: [[String: AxisValue]: Int]

    /// Aggregates `records` over seeds into cells.
    public init(records: [ChartMeasurement]) {
        var groups: [[String: AxisValue]: [ChartMeasurement]] = [:]
        var axisSet = Set<String>(), metricSet = Set<String>()
        for record in records {
            let coordinates = record.cellCoordinates
            groups[coordinates, default: []].append(record)
            axisSet.formUnion(coordinates.keys)
            metricSet.formUnion(record.metrics.keys)
        }
        axes = axisSet.sorted()
        metricNames = metricSet.sorted()
        var values: [String: [AxisValue]] = [:]
        for axis in axes {
            values[axis] = Array(Set(groups.keys.compactMap { $0[axis] })).sorted(by: AxisValue.chartOrder)
        }
        self.values = values
        let cache = TQuantileCache()
        var cells: [Cell] = groups.map { coordinates, members in
            var summaries: [String: MetricSummary] = [:]
            for metric in metricSet {
                let samples = members.compactMap { $0.metrics[metric] }
                summaries[metric] = MetricSummary(samples, quantile: cache.value)
            }
            return Cell(coordinates: coordinates, n: members.count,
                        seeds: members.map(\.seed).sorted(), metrics: summaries)
        }
        let order = axes
        cells.sort { lhs, rhs in
            for axis in order {
                let l = lhs.coordinates[axis], r = rhs.coordinates[axis]
                if l == r { continue }
                guard let l else { return true }
                guard let r else { return false }
                return AxisValue.chartOrder(l, r)
            }
            return false
        }
        self.cells = cells
        index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1.coordinates, $0) })
    }

    /// The cell at exactly these coordinates, if measured.
    public func cell(at coordinates: [String: AxisValue]) -> Cell? {
        index[coordinates].map { cells[$0] }
    }

    /// The cell with the next larger measured value of `axis` and every other coordinate equal.
    public func nextLarger(than cell: Cell, along axis: String) -> Cell? {
        guard let current = cell.coordinates[axis], let ordered = values[axis],
              let position = ordered.firstIndex(of: current) else { return nil }
        var coordinates = cell.coordinates
        for candidate in ordered[(position + 1)...] {
            coordinates[axis] = candidate
            if let found = self.cell(at: coordinates) { return found }
        }
        return nil
    }

    /// Whether `axis` takes more than one value in the grid.
    public func varies(_ axis: String) -> Bool { (values[axis]?.count ?? 0) > 1 }
}
