/// The nonlinearity after each hidden Linear (and BatchNorm) layer.
///
/// Both activations keep the sign of their input (`slope >= 0`), so a unit's
/// code bit `h > 0` equals `activation(h) > 0`.
public enum Activation: Codable, Hashable, Sendable {
    /// `max(h, 0)`.
    case relu
    /// `h` for `h > 0`, else `slope * h`; `slope` must be finite and non-negative.
    case leakyReLU(slope: Float)

    /// The slope for `h <= 0` (0 for ReLU).
    public var negativeSlope: Float {
        switch self {
        case .relu: 0
        case .leakyReLU(let slope): slope
        }
    }

    /// A short name for tables and logs, e.g. `relu` or `leaky_relu(0.01)`.
    public var name: String {
        switch self {
        case .relu: "relu"
        case .leakyReLU(let slope): "leaky_relu(\(slope))"
        }
    }
}
