/// Offsets of the scratch buffers for forward (and backward) passes over
/// batches of up to `capacity` rows, so that no pass allocates.
///
/// All buffers live in one `[Float]` of ``count`` elements (owned by the
/// caller, e.g. ``Trainer``) at fixed offsets: the input batch, per
/// hidden layer its activation outputs, its pre-activations (normalised in
/// place under BatchNorm), its backward gradients (training only) and three
/// per-unit vectors (batch mean, variance and inverse deviation in training;
/// folded scale and shift in evaluation), then the logits and, in training,
/// the parameter gradients.
struct WorkspaceLayout: Sendable {
    /// Largest batch the buffers hold.
    let capacity: Int
    /// Whether backward buffers exist.
    let training: Bool
    let input: Int
    let outputs: [Int]
    let preActivations: [Int]
    let backward: [Int]
    let unitVectors: [Int]
    let logits: Int
    let parameterGradients: Int
    /// Number of `Float`s of scratch memory the buffers need.
    let count: Int

    init(layout: ParameterLayout, inputCount: Int, capacity: Int, training: Bool) {
        precondition(capacity > 0, "Workspace: capacity must be positive")
        var offset = 0
        func take(_ count: Int) -> Int {
            defer { offset += count }
            return offset
        }
        self.capacity = capacity
        self.training = training
        input = take(capacity * inputCount)
        var outputs: [Int] = [], preActivations: [Int] = [], backward: [Int] = [], unitVectors: [Int] = []
        for layer in layout.hidden {
            let width = layer.outputCount
            outputs.append(take(capacity * width))
            let needsPreActivations = training ? layer.scale != nil : false
            preActivations.append(needsPreActivations ? take(capacity * width) : -1)
            backward.append(training ? take(capacity * width) : -1)
            unitVectors.append(take(3 * width))
        }
        self.outputs = outputs
        self.preActivations = preActivations
        self.backward = backward
        self.unitVectors = unitVectors
        logits = take(capacity * layout.output.outputCount)
        parameterGradients = training ? take(layout.parameterCount) : -1
        count = offset
    }
}
