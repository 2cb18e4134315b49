@testable import Models

/// Back-propagation against central finite differences on a whole network, skipping the
/// coordinates whose differences cross a ReLU kink (the activation pattern changes).
enum NetworkGradientCheck {
    struct Outcome {
        var checked = 0
        var tried = 0
        var worstRelative = 0.0
        var vectorRelative = 0.0
    }

    /// Moves every parameter off its initial value so each gradient sees generic values.
    static func perturbed(_ network: Network, seed: UInt64 = 5, scale: Double = 0.2) -> Network {
        var network = network
        var random = RandomStream(seed: seed, purpose: .testing)
        for index in network.parameters.indices {
            network = network.settingParameter(index, to: network.parameters[index] + Float(scale * random.nextGaussian()))
        }
        return network
    }

    /// Checks the parameters `indices` (all by default) on one batch.
    static func run(_ network: Network, features: Matrix, labels: [Int32], indices: [Int]? = nil,
                    step: Float = 4e-3) -> Outcome {
        let dropout = RandomStream(seed: 21, purpose: .dropout)
        let (_, analytic, pattern) = network.lossAndGradient(features: features, labels: labels, dropout: dropout)
        var outcome = Outcome()
        var squaredDifference = 0.0, squaredNorm = 0.0
        for index in indices ?? Array(network.parameters.indices) {
            outcome.tried += 1
            let value = network.parameters[index]
            let plus = network.settingParameter(index, to: value + step).lossAndGradient(features: features, labels: labels, dropout: dropout)
            let minus = network.settingParameter(index, to: value - step).lossAndGradient(features: features, labels: labels, dropout: dropout)
            guard plus.pattern == pattern && minus.pattern == pattern else { continue }
            let numeric = (plus.loss - minus.loss) / (Double(value + step) - Double(value - step))
            let difference = abs(numeric - Double(analytic[index]))
            outcome.worstRelative = max(outcome.worstRelative, difference / (1e-2 + abs(numeric)))
            squaredDifference += difference * difference
            squaredNorm += numeric * numeric
            outcome.checked += 1
        }
        outcome.vectorRelative = squaredNorm > 0 ? (squaredDifference / squaredNorm).squareRoot() : 0
        return outcome
    }
}
