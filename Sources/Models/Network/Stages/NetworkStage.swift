/// One executable step of a compiled ``NetworkDescription``: a block (Linear or convolution with
/// its BatchNorm and activation), a pooling, a dropout or a padding.
///
/// Stages are values that know their shapes and where their parameters sit in the network's
/// flat vector; they own no memory. A pass hands each stage its buffers in a ``StageBuffers``
/// and the network's vectors in a ``StageParameters``. Values are `rows x shape.count`,
/// channel-last (see ``TensorShape``).
protocol NetworkStage: Sendable {
    /// The name of the layer the stage runs (its code group's name for blocks).
    var name: String { get }
    /// The shape of one example's input.
    var inputShape: TensorShape { get }
    /// The shape of one example's output.
    var outputShape: TensorShape { get }
    /// The stage's parameters in the network's flat vector (empty when it has none).
    var parameterRange: Range<Int> { get }
    /// Code bits per example (the units behind an activation), 0 when it has no activation.
    var codeUnits: Int { get }
    /// The code groups of the stage at `index` of its plan, in code order (for a block with an
    /// activation: its output map).
    func codeGroups(stage index: Int) -> [CodeGroup]
    /// Floats kept from a forward pass to its backward pass, for `capacity` examples.
    func scratchCount(capacity: Int, training: Bool) -> Int
    /// Floats of temporary memory shared by all stages, needed only during one call.
    func sharedScratchCount(capacity: Int) -> Int
    /// Multiply-adds of one example's forward pass.
    var multiplyAdds: Int { get }
    /// Draws the stage's initial parameters (`parameters` points at the start of the flat vector).
    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream)
    /// Computes `buffers.output` from `buffers.input`.
    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode)
    /// Given dLoss/dOutput in `outputGradient` (which it may overwrite), writes the stage's parameter
    /// gradients and, unless `inputGradient` is nil, dLoss/dInput. Runs after a training forward pass.
    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters)
}

extension NetworkStage {
    var parameterRange: Range<Int> { 0..<0 }
    var codeUnits: Int { 0 }
    func codeGroups(stage index: Int) -> [CodeGroup] { [] }
    var multiplyAdds: Int { 0 }
    func scratchCount(capacity: Int, training: Bool) -> Int { 0 }
    func sharedScratchCount(capacity: Int) -> Int { 0 }
    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream) {}
}

/// The memory one stage works on in one call; valid only during it.
struct StageBuffers {
    /// Examples in the batch.
    let rows: Int
    /// `rows x inputShape.count` (the previous stage's output).
    let input: UnsafeMutablePointer<Float>
    /// `rows x outputShape.count`.
    let output: UnsafeMutablePointer<Float>
    /// The stage's own scratch, kept from forward to backward.
    let scratch: UnsafeMutablePointer<Float>
    /// Scratch shared by all stages, overwritten by the next call.
    let shared: UnsafeMutablePointer<Float>
}

/// The network's vectors as a stage reads and writes them.
struct StageParameters {
    /// The flat parameter vector.
    let values: UnsafePointer<Float>
    /// The parameter gradient vector (training only).
    let gradients: UnsafeMutablePointer<Float>?
    /// BatchNorm running means (updated in training when non-nil).
    let runningMean: UnsafeMutablePointer<Float>?
    /// BatchNorm running variances.
    let runningVariance: UnsafeMutablePointer<Float>?
}

/// Whether a forward pass trains or evaluates.
enum PassMode {
    /// Batch statistics for BatchNorm (running ones updated when the pass has them); dropout
    /// masks drawn from `random`.
    case training(random: UnsafeMutablePointer<RandomStream>)
    /// Running statistics; dropout is the identity.
    case evaluation

    var isTraining: Bool {
        if case .training = self { return true }
        return false
    }
}
