/// How a Linear layer's weights are drawn at initialisation (biases start at zero).
public enum Initializer: String, Codable, Hashable, Sendable, CaseIterable {
    /// Uniform in `±sqrt(6 / (fanIn + fanOut))` (Keras' default, the paper's reference).
    case glorotUniform = "glorot_uniform"
    /// Uniform in `±sqrt(6 / fanIn)` (He / Kaiming uniform for ReLU).
    case heUniform = "he_uniform"

    /// The half-width of the uniform interval for a layer with these fans.
    public func limit(fanIn: Int, fanOut: Int) -> Float {
        switch self {
        case .glorotUniform: (6 / Float(fanIn + fanOut)).squareRoot()
        case .heUniform: (6 / Float(fanIn)).squareRoot()
        }
    }
}
