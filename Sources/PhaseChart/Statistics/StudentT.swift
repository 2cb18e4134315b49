import Foundation

/// Student's t distribution: cumulative probability and quantiles for real degrees of freedom.
///
/// The CDF goes through the regularised incomplete beta function,
/// `P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)`; the quantile inverts it by safeguarded
/// Newton steps from a Cornish-Fisher start. Accurate to about 1e-10 for ν ≥ 1.
public enum StudentT {
    /// P(T ≤ t) for `degreesOfFreedom` ν > 0.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "StudentT: degrees of freedom must be positive")
        if t.isNaN { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let tail = 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// Two-sided p-value P(|T| ≥ |t|).
    public static func twoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "StudentT: degrees of freedom must be positive")
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        return min(1, IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5))
    }

    /// Density of T at t.
    public static func pdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNorm = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNorm - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT: probability must lie in (0, 1)")
        precondition(nu > 0, "StudentT: degrees of freedom must be positive")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        // Exact closed forms for one and two degrees of freedom.
        if nu == 1 { return tan(Double.pi * (p - 0.5)) }
        if nu == 2 { let a = 4 * p * (1 - p); return 2 * (p - 0.5) * (2 / a).squareRoot() }
        var t = cornishFisherStart(p, nu: nu)
        // Bracket [low, high] keeps Newton safe in the heavy tails.
        var low = 0.0, high = max(2 * t, 1.0)
        while cdf(high, degreesOfFreedom: nu) < p { low = high; high *= 2 }
        if !(t > low && t < high) { t = (low + high) / 2 }
        for _ in 0..<100 {
            let f = cdf(t, degreesOfFreedom: nu) - p
            if abs(f) < 1e-15 { break }
            if f < 0 { low = t } else { high = t }
            var next = t - f / pdf(t, degreesOfFreedom: nu)
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) { t = next; break }
            t = next
        }
        return t
    }

    /// Abramowitz & Stegun 26.7.5: t from the normal quantile, good to a few digits for ν ≥ 3.
    private static func cornishFisherStart(_ p: Double, nu: Double) -> Double {
        let z = Normal.quantile(p)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z
        let g1 = (z3 + z) / 4
        let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
        let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
        let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
        return z + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu) + g4 / (nu * nu * nu * nu)
    }
}

/// The standard normal distribution's quantile (Acklam's rational approximation, refined once).
enum Normal {
    /// z with Φ(z) = p.
    static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var z: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            z = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            z = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            z = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley step against erfc brings it to full double precision.
        let e = 0.5 * erfc(-z / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(z * z / 2)
        z -= u / (1 + z * u / 2)
        return z
    }
}
