/// Offsets of the scratch buffers for forward (and backward) passes over batches of up to
/// `capacity` examples, so that no pass allocates.
///
/// All buffers live in one `[Float]` of ``count`` elements owned by the caller (e.g. ``Trainer``):
/// the input batch; per stage its output, its own scratch and, in training, the gradient of its
/// output (the last stage's gradient replaces its output, the logits); one region shared by all
/// stages for their temporary needs (im2col columns); in training the parameter gradients.
struct NetworkWorkspace: Sendable {
    /// Largest batch the buffers hold.
    let capacity: Int
    /// Whether backward buffers exist.
    let training: Bool
    let input: Int
    let outputs: [Int]
    let scratch: [Int]
    /// The gradient of each stage's output (training only; the last is its output).
    let outputGradients: [Int]
    let shared: Int
    let parameterGradients: Int
    /// Number of `Float`s of memory the buffers need.
    let count: Int

    init(plan: NetworkPlan, capacity: Int, training: Bool) {
        precondition(capacity > 0, "NetworkWorkspace: capacity must be positive")
        var offset = 0
        func take(_ count: Int) -> Int {
            defer { offset += count }
            return offset
        }
        self.capacity = capacity
        self.training = training
        input = take(capacity * plan.description.inputCount)
        var outputs: [Int] = [], scratch: [Int] = [], gradients: [Int] = []
        for (index, stage) in plan.stages.enumerated() {
            let output = take(capacity * stage.outputShape.count)
            outputs.append(output)
            scratch.append(take(stage.scratchCount(capacity: capacity, training: training)))
            let isLast = index == plan.stages.count - 1
            gradients.append(training ? (isLast ? output : take(capacity * stage.outputShape.count)) : -1)
        }
        self.outputs = outputs
        self.scratch = scratch
        outputGradients = gradients
        shared = take(plan.stages.map { $0.sharedScratchCount(capacity: capacity) }.max() ?? 0)
        parameterGradients = training ? take(plan.layout.parameterCount) : -1
        count = offset
    }

    /// Floats a workspace of `capacity` examples needs.
    static func floats(plan: NetworkPlan, capacity: Int, training: Bool) -> Int {
        NetworkWorkspace(plan: plan, capacity: capacity, training: training).count
    }
}
