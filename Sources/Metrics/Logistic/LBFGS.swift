/// Limited-memory BFGS minimisation of a smooth function of a `[Double]` vector.
///
/// Directions come from the two-loop recursion over the last ``memory`` steps (initial
/// Hessian scaled by `sᵀy / yᵀy`); steps from ``WolfeLineSearch`` (strong Wolfe conditions,
/// `c1 = 1e-4`, `c2 = 0.9`). Pairs with `sᵀy <= 1e-10 yᵀy` are skipped, and a direction that
/// is not a descent direction restarts from steepest descent. Stops when `max |∇f| <=
/// gradientTolerance`, when the relative decrease `(f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1)`
/// falls to ``functionTolerance`` (scipy's `ftol`, as scikit-learn sets it), after
/// ``maxIterations`` iterations, or when no acceptable step is found.
struct LBFGS {
    /// The objective: returns `f(x)` and writes `∇f(x)` into its second argument.
    typealias Objective = (_ x: [Double], _ gradient: inout [Double]) -> Double

    /// Why the minimisation stopped.
    enum Stop: String, Sendable { case gradient, function, iterations, lineSearch }

    /// The result of a minimisation.
    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
        var stop: Stop
    }

    var memory = 10
    var maxIterations = 200
    var gradientTolerance = 1e-4
    var functionTolerance = 64 * Double.ulpOfOne
    var maxLineSearchEvaluations = 50

    /// Minimises `objective` from `start`.
    func minimize(from start: [Double], _ objective: Objective) -> Result {
        let size = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: size)
        var value = objective(x, &gradient)
        var evaluations = 1
        var steps: [[Double]] = [], changes: [[Double]] = [], rhos: [Double] = []
        var direction = [Double](repeating: 0, count: size)
        var iterations = 0
        if maxAbs(gradient) <= gradientTolerance {
            return Result(x: x, value: value, iterations: 0, evaluations: 1, stop: .gradient)
        }
        while iterations < maxIterations {
            twoLoop(gradient, steps: steps, changes: changes, rhos: rhos, into: &direction)
            var slope = dot(gradient, direction)
            if slope >= 0 || !slope.isFinite {
                steps.removeAll(); changes.removeAll(); rhos.removeAll()
                for i in 0..<size { direction[i] = -gradient[i] }
                slope = -dot(gradient, gradient)
            }
            let initialStep = steps.isEmpty ? min(1, 1 / norm(gradient)) : 1
            var search = WolfeLineSearch(maxEvaluations: maxLineSearchEvaluations)
            guard let step = search.run(from: x, value: value, slope: slope, direction: direction,
                                        initialStep: initialStep, objective) else {
                evaluations += search.evaluations
                if steps.isEmpty { return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .lineSearch) }
                steps.removeAll(); changes.removeAll(); rhos.removeAll()
                continue
            }
            evaluations += search.evaluations
            iterations += 1
            var s = [Double](repeating: 0, count: size), y = [Double](repeating: 0, count: size)
            for i in 0..<size {
                s[i] = step.x[i] - x[i]
                y[i] = step.gradient[i] - gradient[i]
            }
            let sy = dot(s, y), yy = dot(y, y)
            if sy > 1e-10 * yy {
                if steps.count == memory { steps.removeFirst(); changes.removeFirst(); rhos.removeFirst() }
                steps.append(s); changes.append(y); rhos.append(1 / sy)
            }
            let previous = value
            x = step.x
            value = step.value
            gradient = step.gradient
            if maxAbs(gradient) <= gradientTolerance {
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .gradient)
            }
            if (previous - value) / max(abs(previous), abs(value), 1) <= functionTolerance {
                return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .function)
            }
        }
        return Result(x: x, value: value, iterations: iterations, evaluations: evaluations, stop: .iterations)
    }

    /// `direction = -H ∇f` by the two-loop recursion.
    private func twoLoop(_ gradient: [Double], steps: [[Double]], changes: [[Double]], rhos: [Double], into direction: inout [Double]) {
        var q = gradient
        var alphas = [Double](repeating: 0, count: steps.count)
        for m in stride(from: steps.count - 1, through: 0, by: -1) {
            alphas[m] = rhos[m] * dot(steps[m], q)
            axpy(-alphas[m], changes[m], &q)
        }
        if let s = steps.last, let y = changes.last {
            let gamma = dot(s, y) / dot(y, y)
            for i in q.indices { q[i] *= gamma }
        }
        for m in 0..<steps.count {
            let beta = rhos[m] * dot(changes[m], q)
            axpy(alphas[m] - beta, steps[m], &q)
        }
        for i in q.indices { direction[i] = -q[i] }
    }
}

@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            var total = 0.0
            for i in 0..<pa.count { total += pa[i] * pb[i] }
            return total
        }
    }
}

@inline(__always)
func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in
            for i in 0..<px.count { py[i] += alpha * px[i] }
        }
    }
}

func maxAbs(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }

func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
