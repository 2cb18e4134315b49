import Sweep

/// `cells.csv`: one row per cell and epoch, with summaries, the regime and the thresholds.
///
/// Columns, in this order: every cell axis alphabetically (`epochs` among them), `n`, `seeds`
/// (`;`-separated), `regime`, `reason`, `flags`, `accuracy_gap`; then for every metric
/// alphabetically `<metric>_n`, `_mean`, `_sd`, `_sem`, `_ci_low`, `_ci_high`; then the settings:
/// ``settingsColumns``. Rows follow ``CellGrid/cells``.
public enum CellsTable {
    /// Per-metric column suffixes.
    public static let metricSuffixes = ["n", "mean", "sd", "sem", "ci_low", "ci_high"]
    /// Trailing columns: the thresholds used (the ceiling as resolved).
    public static let settingsColumns = ["redundancy_metric", "categorization_metric", "redundancy_low",
                                         "redundancy_high", "accuracy_ceiling", "accuracy_gap_low",
                                         "accuracy_gap_high", "trend_effect", "alpha", "min_seeds", "trend_axes"]

    /// The table of `grid` with its `classifications` (aligned with `grid.cells`).
    public static func table(_ grid: CellGrid, classifications: [RegimeClassification],
                             settings: PhaseSettings, ceiling: Double?) -> CSVTable {
        precondition(grid.cells.count == classifications.count, "CellsTable: one classification per cell")
        let header = grid.axes + ["n", "seeds", "regime", "reason", "flags", "accuracy_gap"]
            + grid.metricNames.flatMap { metric in metricSuffixes.map { "\(metric)_\($0)" } }
            + settingsColumns
        let settingsFields = [settings.redundancyMetric, settings.categorizationMetric,
                              Format.exact(settings.redundancyLow), Format.exact(settings.redundancyHigh),
                              ceiling.map(Format.exact) ?? "", Format.exact(settings.accuracyGapLow),
                              Format.exact(settings.accuracyGapHigh), Format.exact(settings.trendEffect),
                              Format.exact(settings.alpha), String(settings.minSeeds),
                              settings.trendAxes.joined(separator: ";")]
        let rows = zip(grid.cells, classifications).map { cell, label in
            var row = grid.axes.map { cell.coordinates[$0]?.description ?? "" }
            row += [String(cell.n), cell.seeds.map(String.init).joined(separator: ";"),
                    label.regime?.rawValue ?? "", label.reason, label.flagsText,
                    label.accuracyGap.map(Format.exact) ?? ""]
            for metric in grid.metricNames {
                let s = cell.metrics[metric]
                row += [s.map { String($0.n) } ?? ""] + [s?.mean, s?.sd, s?.sem, s?.ciLow, s?.ciHigh].map { $0.map(Format.exact) ?? "" }
            }
            return row + settingsFields
        }
        return CSVTable(header: header, rows: rows)
    }
}
