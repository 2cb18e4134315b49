/// Welch's unequal-variance t-test between two summaries (two-sided).
public struct WelchTest: Sendable, Equatable {
    /// t statistic of `second.mean − first.mean`.
    public var t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// Two-sided p-value.
    public var p: Double

    /// The test of `second` against `first`; `nil` unless both have n ≥ 2.
    ///
    /// When both variances are zero the statistic is ±∞ (p = 0) for different means
    /// and 0 (p = 1) for equal ones, with ν = n₁ + n₂ − 2.
    public init?(_ first: MetricSummary, _ second: MetricSummary) {
        guard let v1 = first.variance, let v2 = second.variance else { return nil }
        let n1 = Double(first.n), n2 = Double(second.n)
        let a = v1 / n1, b = v2 / n2
        let difference = second.mean - first.mean
        guard a + b > 0 else {
            degreesOfFreedom = n1 + n2 - 2
            t = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
            p = difference == 0 ? 1 : 0
            return
        }
        t = difference / (a + b).squareRoot()
        degreesOfFreedom = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
        p = StudentT.twoSidedP(t, degreesOfFreedom: degreesOfFreedom)
    }
}
