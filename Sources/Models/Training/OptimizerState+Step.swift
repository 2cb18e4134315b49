import RealModule

extension OptimizerState {
    /// Starts an update step: counts it (Adam's bias corrections use the count). Then call
    /// ``update(_:learningRate:parameters:gradients:decaySegments:range:)`` once for every
    /// parameter range, in any order, as soon as that range's gradient is complete.
    mutating func beginStep() {
        stepCount += 1
    }

    /// Applies the current step to the parameters in `range`, reading `gradients` (same
    /// layout), in place.
    ///
    /// Weight decay runs first: coupled adds `lambda * p` to the gradient (the
    /// gradient buffer is modified), decoupled multiplies `p` by `1 - lr * lambda`.
    /// `decaySegments` (from ``decaySegments(layout:weightDecay:)``) gives each
    /// parameter range its decay coefficient. Every parameter's arithmetic depends on that
    /// parameter alone, so updating layer by layer (while its data is still in cache) gives
    /// the same bits as one pass over all parameters.
    mutating func update(
        _ configuration: OptimizerConfiguration, learningRate: Float,
        parameters: UnsafeMutableBufferPointer<Float>, gradients: UnsafeMutableBufferPointer<Float>,
        decaySegments: [DecaySegment], range: Range<Int>
    ) {
        precondition(parameters.count == gradients.count && parameters.count == firstMoment.count,
                     "OptimizerState: parameter, gradient and moment counts differ")
        precondition(range.lowerBound >= 0 && range.upperBound <= parameters.count, "OptimizerState: range out of bounds")
        precondition(stepCount > 0, "OptimizerState: update before beginStep")
        let decay = configuration.weightDecay
        let p = parameters.baseAddress!, g = gradients.baseAddress!
        for segment in decaySegments where segment.coefficient != 0 {
            let overlap = segment.range.clamped(to: range), lambda = segment.coefficient
            switch decay.mode {
            case .coupled:
                for i in overlap { g[i] += lambda * p[i] }
            case .decoupled:
                let shrink = 1 - learningRate * lambda
                for i in overlap { p[i] *= shrink }
            }
        }
        switch configuration.algorithm {
        case .sgd(let momentum, let nesterov):
            firstMoment.withUnsafeMutableBufferPointer { velocity in
                let v = velocity.baseAddress!
                if nesterov {
                    for i in range {
                        v[i] = momentum * v[i] + g[i]
                        p[i] -= learningRate * (g[i] + momentum * v[i])
                    }
                } else {
                    for i in range {
                        v[i] = momentum * v[i] + g[i]
                        p[i] -= learningRate * v[i]
                    }
                }
            }
        case .adam(let beta1, let beta2, let epsilon):
            let t = Double(stepCount)
            let correction1 = 1 - Double.pow(Double(beta1), t)
            let correction2 = 1 - Double.pow(Double(beta2), t)
            let stepSize = Float(Double(learningRate) / correction1)
            let inverseRootCorrection2 = Float(1 / correction2.squareRoot())
            let keep1 = beta1, take1 = 1 - beta1, keep2 = beta2, take2 = 1 - beta2
            firstMoment.withUnsafeMutableBufferPointer { first in
                secondMoment.withUnsafeMutableBufferPointer { second in
                    let m = first.baseAddress!, v = second.baseAddress!
                    for i in range {
                        let gi = g[i]
                        m[i] = keep1 * m[i] + take1 * gi
                        v[i] = keep2 * v[i] + take2 * gi * gi
                        p[i] -= stepSize * m[i] / (v[i].squareRoot() * inverseRootCorrection2 + epsilon)
                    }
                }
            }
        }
    }

    /// A parameter range and the weight-decay coefficient applied to it.
    struct DecaySegment: Sendable {
        let range: Range<Int>
        let coefficient: Float
    }

    /// Splits the parameters into ranges with their decay coefficient, following the decay's scope.
    static func decaySegments(layout: ParameterLayout, weightDecay: WeightDecay) -> [DecaySegment] {
        let count = layout.parameterCount
        guard weightDecay.coefficient != 0, weightDecay.scope == .weightsOnly else {
            return [DecaySegment(range: 0..<count, coefficient: weightDecay.coefficient)]
        }
        var result: [DecaySegment] = []
        var position = 0
        for range in layout.weightRanges {
            if range.lowerBound > position { result.append(DecaySegment(range: position..<range.lowerBound, coefficient: 0)) }
            result.append(DecaySegment(range: range, coefficient: weightDecay.coefficient))
            position = range.upperBound
        }
        if position < count { result.append(DecaySegment(range: position..<count, coefficient: 0)) }
        return result
    }
}
