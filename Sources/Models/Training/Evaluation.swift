/// Loss and accuracy of a network on labelled examples, in evaluation mode.
public struct Evaluation: Sendable, Equatable {
    /// Mean softmax cross-entropy.
    public var loss: Double
    /// Fraction of examples whose arg-max prediction equals the label.
    public var accuracy: Double
    /// Number of examples.
    public var count: Int
}
