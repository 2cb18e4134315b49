/// A line search for steps satisfying the strong Wolfe conditions (Nocedal & Wright, Alg. 3.5-3.6).
///
/// Along `x + t d` with `φ(t) = f(x + t d)`: sufficient decrease `φ(t) <= φ(0) + c1 t φ'(0)`
/// and curvature `|φ'(t)| <= c2 |φ'(0)|`. Expands the step until it brackets an acceptable
/// one, then zooms with safeguarded cubic interpolation. Returns nil when no acceptable step
/// is found within ``maxEvaluations``, unless one satisfying sufficient decrease was seen.
struct WolfeLineSearch {
    /// An accepted step: the new point, its value and gradient.
    struct Step {
        var t: Double
        var x: [Double]
        var value: Double
        var gradient: [Double]
    }

    let maxEvaluations: Int
    let c1 = 1e-4
    let c2 = 0.9
    /// Evaluations of the objective so far.
    private(set) var evaluations = 0

    init(maxEvaluations: Int) { self.maxEvaluations = maxEvaluations }

    /// Searches along `direction` (a descent direction: `slope = ∇f·d < 0`).
    mutating func run(
        from x: [Double], value f0: Double, slope g0: Double, direction d: [Double],
        initialStep: Double, _ objective: LBFGS.Objective
    ) -> Step? {
        typealias Trial = (t: Double, value: Double, slope: Double)
        let (c1, c2, limit) = (self.c1, self.c2, maxEvaluations)
        var count = 0
        var bestArmijo: Step?
        defer { evaluations += count }

        func evaluate(_ t: Double) -> (step: Step, slope: Double) {
            var point = x
            axpy(t, d, &point)
            var gradient = [Double](repeating: 0, count: x.count)
            let value = objective(point, &gradient)
            count += 1
            let step = Step(t: t, x: point, value: value, gradient: gradient)
            if value.isFinite && value <= f0 + c1 * t * g0 && (bestArmijo == nil || value < bestArmijo!.value) {
                bestArmijo = step
            }
            return (step, dot(gradient, d))
        }

        /// Narrows `[low, high]` (low satisfies sufficient decrease) to a strong Wolfe step.
        func zoom(low: Trial, high: Trial) -> Step? {
            var low = low, high = high
            while count < limit {
                let width = high.t - low.t
                if abs(width) <= 1e-12 * max(abs(low.t), 1) { return nil }
                var t = Self.cubicMinimum(low, high)
                let lower = min(low.t, high.t) + 0.1 * abs(width), upper = max(low.t, high.t) - 0.1 * abs(width)
                if !t.isFinite || t < lower || t > upper { t = (low.t + high.t) / 2 }
                let (step, slope) = evaluate(t)
                if !step.value.isFinite || step.value > f0 + c1 * t * g0 || step.value >= low.value {
                    high = (t, step.value, slope)
                } else {
                    if abs(slope) <= -c2 * g0 { return step }
                    if slope * (high.t - low.t) >= 0 { high = low }
                    low = (t, step.value, slope)
                }
            }
            return nil
        }

        var previous: Trial = (0, f0, g0)
        var t = initialStep
        while count < limit {
            let (step, slope) = evaluate(t)
            if !step.value.isFinite || step.value > f0 + c1 * t * g0 || (count > 1 && step.value >= previous.value) {
                return zoom(low: previous, high: (t, step.value, slope)) ?? bestArmijo
            }
            if abs(slope) <= -c2 * g0 { return step }
            if slope >= 0 { return zoom(low: (t, step.value, slope), high: previous) ?? bestArmijo }
            previous = (t, step.value, slope)
            t *= 2
        }
        return bestArmijo
    }

    /// The minimiser of the cubic through two points with values and slopes.
    static func cubicMinimum(_ a: (t: Double, value: Double, slope: Double), _ b: (t: Double, value: Double, slope: Double)) -> Double {
        let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.t - b.t)
        let radicand = d1 * d1 - a.slope * b.slope
        guard radicand >= 0 else { return .nan }
        let d2 = (b.t > a.t ? 1.0 : -1.0) * radicand.squareRoot()
        return b.t - (b.t - a.t) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2)
    }
}
