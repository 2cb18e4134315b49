import Sweep

/// The change of one metric from a cell to its next larger neighbour along one trend axis.
public struct TrendEvidence: Sendable, Equatable {
    /// The trend axis (`width`, `epochs`, ...).
    public var axis: String
    /// The cell's value on that axis.
    public var from: AxisValue
    /// The neighbour's value on that axis.
    public var to: AxisValue
    /// The metric compared.
    public var metric: String
    /// Neighbour mean minus cell mean.
    public var difference: Double
    /// ``difference`` signed so that positive means a better hash (lower redundancy, higher accuracy).
    public var improvement: Double
    /// Welch's test, when both sides have at least two seeds.
    public var test: WelchTest?
    /// Seeds with this metric in the cell.
    public var cellSeeds: Int
    /// Seeds with this metric in the neighbour.
    public var neighbourSeeds: Int

    /// |difference| reaches the effect threshold.
    public func isNoticeable(effect: Double) -> Bool { abs(difference) >= effect }

    /// A noticeable improvement, significant at `alpha` (or by effect size alone without a test).
    public func isSignificantImprovement(effect: Double, alpha: Double) -> Bool {
        guard improvement >= effect else { return false }
        guard let test else { return true }
        return test.p < alpha
    }

    /// "width 64->128: redundancy_train -0.121 (Welch t=-8.30, df=3.9, p=0.0012)".
    public var summary: String {
        let statistics: String
        if let test {
            statistics = "Welch t=\(Format.decimal(test.t, 2)), df=\(Format.decimal(test.degreesOfFreedom, 1)), p=\(Format.significant(test.p))"
        } else {
            statistics = "effect size only, n=\(cellSeeds) vs \(neighbourSeeds)"
        }
        return "\(axis) \(from)->\(to): \(metric) \(Format.signed(difference)) (\(statistics))"
    }
}
