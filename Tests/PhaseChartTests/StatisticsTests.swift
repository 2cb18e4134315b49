import Testing
@testable import PhaseChart

@Suite("Statistics: t distribution, summaries, Welch's test")
struct StatisticsTests {
    /// t(0.975, ν) from tables (scipy.stats.t.ppf, 17 digits).
    @Test("t quantiles match table values", arguments: [
        (1.0, 12.706204736174694), (2.0, 4.302652729749462), (3.0, 3.1824463052837078),
        (5.0, 2.5705818356363146), (10.0, 2.228138851986274), (30.0, 2.0422724563012378),
        (100.0, 1.9839715185235518),
    ])
    func quantile975(degreesOfFreedom: Double, expected: Double) {
        let t = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(t - expected) < 1e-9 * expected)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: degreesOfFreedom) + expected) < 1e-9 * expected)
    }

    @Test("quantiles at other levels and fractional degrees of freedom")
    func otherQuantiles() {
        #expect(abs(StudentT.quantile(0.999, degreesOfFreedom: 3.7) - 7.795183875029165) < 1e-8)
        #expect(abs(StudentT.quantile(0.9, degreesOfFreedom: 7.3) - 1.4089223177480423) < 1e-9)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 4) == 0)
    }

    @Test("the CDF matches scipy and inverts the quantile")
    func cdf() {
        #expect(abs(StudentT.cdf(2.0, degreesOfFreedom: 5) - 0.9490302605850708) < 1e-12)
        #expect(abs(StudentT.cdf(-1.3, degreesOfFreedom: 2.5) - 0.15024339463535416) < 1e-12)
        for nu in [1.0, 2.5, 4, 17, 60] {
            for p in [0.01, 0.2, 0.7, 0.995] {
                #expect(abs(StudentT.cdf(StudentT.quantile(p, degreesOfFreedom: nu), degreesOfFreedom: nu) - p) < 1e-11)
            }
        }
        #expect(StudentT.twoSidedP(0, degreesOfFreedom: 3) == 1)
        #expect(StudentT.twoSidedP(.infinity, degreesOfFreedom: 3) == 0)
    }

    @Test("the regularised incomplete beta matches scipy's beta CDF")
    func incompleteBeta() {
        #expect(abs(IncompleteBeta.regularized(x: 0.3, a: 2.5, b: 1.5) - 0.08894372317066562) < 1e-13)
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        // I_x(1, 1) = x.
        #expect(abs(IncompleteBeta.regularized(x: 0.37, a: 1, b: 1) - 0.37) < 1e-14)
    }

    @Test("summary of 1...5: mean 3, sd √2.5, 95% CI 1.0368 to 4.9632")
    func summary() throws {
        let s = try #require(MetricSummary([1, 2, 3, 4, 5]))
        #expect(s.n == 5 && s.mean == 3)
        #expect(abs(s.sd! - 1.5811388300841898) < 1e-14)
        #expect(abs(s.sem! - 0.7071067811865476) < 1e-14)
        #expect(abs(s.ciLow! - 1.0367568385224428) < 1e-9)
        #expect(abs(s.ciHigh! - 4.963243161477557) < 1e-9)
        #expect(s.intervalStraddles(1.5) && !s.intervalStraddles(5))
    }

    @Test("one value has no spread; non-finite values are dropped; none gives nil")
    func degenerateSummaries() throws {
        let one = try #require(MetricSummary([0.4]))
        #expect(one.n == 1 && one.mean == 0.4 && one.sd == nil && one.ciLow == nil && !one.intervalStraddles(0.4))
        let mixed = try #require(MetricSummary([1, .nan, 3, .infinity]))
        #expect(mixed.n == 2 && mixed.mean == 2)
        #expect(MetricSummary([]) == nil && MetricSummary([.nan]) == nil)
    }

    @Test("Welch's test matches scipy.stats.ttest_ind(equal_var=False)")
    func welch() throws {
        let a = try #require(MetricSummary([0.41, 0.44, 0.39, 0.42]))
        let b = try #require(MetricSummary([0.30, 0.35, 0.28, 0.33, 0.31]))
        let test = try #require(WelchTest(a, b))
        #expect(abs(test.t - -6.3331493845581885) < 1e-9)
        #expect(abs(test.degreesOfFreedom - 6.999803613511392) < 1e-9)
        #expect(abs(test.p - 0.000391542084377683) < 1e-12)
    }

    @Test("Welch's test needs two values a side and handles zero variance")
    func welchEdgeCases() throws {
        let single = try #require(MetricSummary([0.5]))
        let pair = try #require(MetricSummary([0.5, 0.6]))
        #expect(WelchTest(single, pair) == nil)
        let flatLow = try #require(MetricSummary([0.25, 0.25, 0.25]))
        let flatHigh = try #require(MetricSummary([0.5, 0.5, 0.5]))
        #expect(WelchTest(flatLow, flatHigh)?.p == 0)
        #expect(WelchTest(flatLow, flatHigh)?.t == .infinity)
        #expect(WelchTest(flatLow, flatLow)?.p == 1)
    }
}
