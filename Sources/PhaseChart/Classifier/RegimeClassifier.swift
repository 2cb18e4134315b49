import Sweep

/// Labels every cell of a grid under-, critically- or sufficiently-expressive (see docs/phase-chart.md).
///
/// With R the mean redundancy ratio, A the mean categorization accuracy, C the ceiling and
/// gap = C − A:
/// - *good level*: R ≤ `redundancy_low` and gap ≤ `accuracy_gap_low`;
///   *poor level*: R ≥ `redundancy_high` or gap ≥ `accuracy_gap_high`.
/// - For every trend axis that varies, R and A are compared with the cell that has the next larger
///   value of that axis (all other axes equal) by Welch's two-sided t-test across seeds.
///   A *significant improvement* is an improvement ≥ `trend_effect` with p < `alpha` (effect size
///   alone when a side has one seed); a *noticeable change* is |Δ| ≥ `trend_effect`.
/// - under-expressive: poor level and a significant improvement along some axis, or poor level
///   with no larger neighbour on any trend axis (by level alone);
///   sufficiently-expressive: good level and no noticeable change along any axis;
///   critically-expressive: every other measured cell.
public struct RegimeClassifier: Sendable {
    /// Thresholds and metric names.
    public let settings: PhaseSettings

    /// A classifier with these settings.
    public init(settings: PhaseSettings) { self.settings = settings }

    /// The accuracy ceiling: `accuracy_ceiling` if set, else the best cell mean of the categorization metric.
    public func ceiling(in grid: CellGrid) -> Double? {
        if let fixed = settings.accuracyCeiling { return fixed }
        return grid.cells.compactMap { $0.metrics[settings.categorizationMetric]?.mean }.max()
    }

    /// One classification per cell of `grid`, in `grid.cells` order.
    public func classify(_ grid: CellGrid) -> [RegimeClassification] {
        let ceiling = ceiling(in: grid)
        return grid.cells.map { classify($0, in: grid, ceiling: ceiling) }
    }

    /// The classification of one cell against its neighbours in `grid`.
    public func classify(_ cell: Cell, in grid: CellGrid, ceiling: Double?) -> RegimeClassification {
        let redundancyName = settings.redundancyMetric, accuracyName = settings.categorizationMetric
        guard let redundancy = cell.metrics[redundancyName], let accuracy = cell.metrics[accuracyName],
              let ceiling else {
            let missing = [redundancyName, accuracyName].filter { cell.metrics[$0] == nil }
            return RegimeClassification(regime: nil, reason: "not classified: \(missing.joined(separator: " and ")) not measured",
                                        flags: [], edgeAxes: [], trends: [], accuracyGap: nil)
        }
        let gap = ceiling - accuracy.mean
        let isGood = redundancy.mean <= settings.redundancyLow && gap <= settings.accuracyGapLow
        let isPoor = redundancy.mean >= settings.redundancyHigh || gap >= settings.accuracyGapHigh

        var trends: [TrendEvidence] = [], edgeAxes: [String] = [], neighbourSeeds: [Int] = []
        for axis in settings.trendAxes where grid.varies(axis) && cell.coordinates[axis] != nil {
            guard let neighbour = grid.nextLarger(than: cell, along: axis) else { edgeAxes.append(axis); continue }
            neighbourSeeds.append(neighbour.n)
            for (metric, lowerIsBetter) in [(redundancyName, true), (accuracyName, false)] {
                guard let here = cell.metrics[metric], let there = neighbour.metrics[metric] else { continue }
                let difference = there.mean - here.mean
                trends.append(TrendEvidence(axis: axis, from: cell.coordinates[axis]!, to: neighbour.coordinates[axis]!,
                                            metric: metric, difference: difference,
                                            improvement: lowerIsBetter ? -difference : difference,
                                            test: WelchTest(here, there), cellSeeds: here.n, neighbourSeeds: there.n))
            }
        }

        let effect = settings.trendEffect, alpha = settings.alpha
        let improvements = trends.filter { $0.isSignificantImprovement(effect: effect, alpha: alpha) }
        let changes = trends.filter { $0.isNoticeable(effect: effect) }
        let level = levelText(redundancy: redundancy.mean, gap: gap, ceiling: ceiling)
        let regime: Regime, reason: String
        if isPoor, let best = improvements.max(by: { $0.improvement < $1.improvement }) {
            regime = .underExpressive
            reason = "under-expressive: poor level (\(level)) and significant improvement: \(best.summary)"
        } else if isPoor && trends.isEmpty {
            regime = .underExpressive
            reason = "under-expressive by level alone (\(level)); no larger neighbour along \(edgeList(edgeAxes))"
        } else if isGood && changes.isEmpty {
            regime = .sufficientlyExpressive
            if let largest = trends.max(by: { abs($0.difference) < abs($1.difference) }) {
                reason = "sufficiently-expressive: good level (\(level)) and no change >= \(effect); largest: \(largest.summary)"
            } else {
                reason = "sufficiently-expressive by level alone (\(level)); no larger neighbour along \(edgeList(edgeAxes))"
            }
        } else {
            regime = .criticallyExpressive
            let largest = changes.max(by: { abs($0.difference) < abs($1.difference) })
            if isGood, let largest {
                reason = "critically-expressive: good level (\(level)) but still changing: \(largest.summary)"
            } else if isPoor {
                let detail = largest.map { "largest change \($0.summary)" } ?? "no change >= \(effect)"
                reason = "critically-expressive: poor level (\(level)) without significant improvement; \(detail)"
            } else {
                let detail = largest.map { "; largest change \($0.summary)" } ?? ""
                reason = "critically-expressive: between thresholds (\(level))\(detail)"
            }
        }

        var flags: [RegimeFlag] = []
        if cell.n < settings.minSeeds || neighbourSeeds.contains(where: { $0 < settings.minSeeds }) { flags.append(.tooFewSeeds) }
        if trends.contains(where: { $0.test == nil }) { flags.append(.effectSizeOnly) }
        let straddles = [settings.redundancyLow, settings.redundancyHigh].contains(where: redundancy.intervalStraddles)
            || [ceiling - settings.accuracyGapLow, ceiling - settings.accuracyGapHigh].contains(where: accuracy.intervalStraddles)
        if straddles { flags.append(.ciStraddlesThreshold) }
        if !edgeAxes.isEmpty { flags.append(.edgeOfGrid) }
        return RegimeClassification(regime: regime, reason: reason, flags: flags, edgeAxes: edgeAxes,
                                    trends: trends, accuracyGap: gap)
    }

    private func levelText(redundancy: Double, gap: Double, ceiling: Double) -> String {
        let r = settings.redundancyMetric, a = settings.categorizationMetric
        let rLevel = redundancy <= settings.redundancyLow ? "<= \(settings.redundancyLow)"
            : redundancy >= settings.redundancyHigh ? ">= \(settings.redundancyHigh)" : "between \(settings.redundancyLow) and \(settings.redundancyHigh)"
        let aLevel = gap <= settings.accuracyGapLow ? "<= \(settings.accuracyGapLow)"
            : gap >= settings.accuracyGapHigh ? ">= \(settings.accuracyGapHigh)" : "between \(settings.accuracyGapLow) and \(settings.accuracyGapHigh)"
        return "\(r) \(Format.decimal(redundancy, 3)) \(rLevel); \(a) gap \(Format.decimal(gap, 3)) below ceiling \(Format.decimal(ceiling, 3)) \(aLevel)"
    }

    private func edgeList(_ axes: [String]) -> String {
        axes.isEmpty ? "any trend axis" : axes.joined(separator: ", ")
    }
}
