/// Mean, spread and a 95% confidence interval of one metric over the seeds of a cell.
///
/// `sd` is the sample standard deviation (n − 1 denominator), `sem = sd / √n`, and the interval
/// is `mean ± t(0.975, n − 1) · sem`. With one value, `sd`, `sem` and the interval are `nil`.
public struct MetricSummary: Sendable, Equatable {
    /// Number of finite values.
    public var n: Int
    /// Arithmetic mean.
    public var mean: Double
    /// Sample standard deviation; `nil` for n < 2.
    public var sd: Double?
    /// Standard error of the mean; `nil` for n < 2.
    public var sem: Double?
    /// Lower end of the 95% t interval; `nil` for n < 2.
    public var ciLow: Double?
    /// Upper end of the 95% t interval; `nil` for n < 2.
    public var ciHigh: Double?

    /// Confidence level of ``ciLow`` and ``ciHigh``.
    public static let confidence = 0.95

    /// The summary of `values`, ignoring non-finite ones; `nil` when none is finite.
    ///
    /// `quantile` supplies t(0.975, ν); pass a ``TQuantileCache`` to share work across cells.
    public init?(_ values: [Double], quantile: (Int) -> Double = { TQuantileCache.criticalValue(degreesOfFreedom: $0) }) {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        n = finite.count
        // Two-pass mean and variance keep cancellation small.
        mean = finite.reduce(0, +) / Double(n)
        guard n >= 2 else { sd = nil; sem = nil; ciLow = nil; ciHigh = nil; return }
        let m = mean
        let variance = finite.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(n - 1)
        let sd = variance.squareRoot()
        let sem = sd / Double(n).squareRoot()
        let halfWidth = quantile(n - 1) * sem
        self.sd = sd
        self.sem = sem
        ciLow = mean - halfWidth
        ciHigh = mean + halfWidth
    }

    /// The sample variance, where defined.
    public var variance: Double? { sd.map { $0 * $0 } }

    /// Whether the confidence interval contains `value` strictly inside it.
    public func intervalStraddles(_ value: Double) -> Bool {
        guard let low = ciLow, let high = ciHigh else { return false }
        return low < value && value < high
    }
}

/// Memoised two-sided 95% critical values t(0.975, ν) for integer ν; one per aggregation.
public final class TQuantileCache {
    private var values: [Int: Double] = [:]

    /// An empty cache.
    public init() {}

    /// t(0.975, ν), computed once per ν.
    public func value(_ degreesOfFreedom: Int) -> Double {
        if let cached = values[degreesOfFreedom] { return cached }
        let t = Self.criticalValue(degreesOfFreedom: degreesOfFreedom)
        values[degreesOfFreedom] = t
        return t
    }

    /// t(0.975, ν) without caching.
    public static func criticalValue(degreesOfFreedom: Int) -> Double {
        StudentT.quantile(0.5 + MetricSummary.confidence / 2, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
