import Sweep

/// `measurements.csv`: one row per trajectory and epoch (tidy).
///
/// Columns, in this order: `trajectory_id`, `spec_hash`, `status`, `seed`, `epochs` (the epoch
/// measured), every other axis alphabetically, then every metric alphabetically. Rows are sorted
/// by the axes (chart order), then seed, then epoch. Missing values are empty fields.
public enum MeasurementsTable {
    /// The fixed leading columns.
    public static let leadingColumns = ["trajectory_id", "spec_hash", "status", AxisNames.seed, AxisNames.epochs]

    /// The table of `records`.
    public static func table(_ records: [ChartMeasurement]) -> CSVTable {
        let axes = Set(records.flatMap(\.axes.keys)).subtracting([AxisNames.seed, AxisNames.epochs]).sorted()
        let metrics = Set(records.flatMap(\.metrics.keys)).sorted()
        let sorted = records.sorted { lhs, rhs in
            for axis in axes where lhs.axes[axis] != rhs.axes[axis] {
                guard let l = lhs.axes[axis] else { return true }
                guard let r = rhs.axes[axis] else { return false }
                return AxisValue.chartOrder(l, r)
            }
            if lhs.seed != rhs.seed { return lhs.seed < rhs.seed }
            if lhs.epoch != rhs.epoch { return lhs.epoch < rhs.epoch }
            return lhs.trajectoryID < rhs.trajectoryID
        }
        let rows = sorted.map { record in
            [record.trajectoryID, record.specHash, record.status, String(record.seed), String(record.epoch)]
                + axes.map { record.axes[$0]?.description ?? "" }
                + metrics.map { record.metrics[$0].map(Format.exact) ?? "" }
        }
        return CSVTable(header: leadingColumns + axes + metrics, rows: rows)
    }
}
