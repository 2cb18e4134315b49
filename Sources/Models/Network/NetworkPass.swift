/// Forward and backward passes of one batch through a ``NetworkPlan``'s stages, over raw
/// pointers into the network's vectors and the scratch memory a ``NetworkWorkspace`` lays out.
///
/// Valid only inside the `withUnsafe…` closures that produced its pointers. The input batch
/// must already sit in the workspace's input buffer.
struct NetworkPass {
    let plan: NetworkPlan
    let workspace: NetworkWorkspace
    let parameters: UnsafePointer<Float>
    let scratch: UnsafeMutablePointer<Float>

    /// The input buffer.
    var input: UnsafeMutablePointer<Float> { scratch + workspace.input }
    /// The logits of the last forward pass (replaced by their gradient by the loss).
    var logits: UnsafeMutablePointer<Float> { scratch + workspace.outputs[plan.stages.count - 1] }

    /// The output of stage `index` after the last forward pass.
    func output(ofStage index: Int) -> UnsafePointer<Float> { UnsafePointer(scratch + workspace.outputs[index]) }

    /// The values (after the activation) of a code group after the last forward pass, `rows x units`.
    func values(of group: CodeGroup) -> UnsafePointer<Float> {
        guard let offset = group.scratchOffset else { return output(ofStage: group.stage) }
        return UnsafePointer(scratch + workspace.scratch[group.stage] + offset)
    }

    private func buffers(_ index: Int, rows: Int) -> StageBuffers {
        StageBuffers(rows: rows, input: index == 0 ? input : scratch + workspace.outputs[index - 1],
                     output: scratch + workspace.outputs[index], scratch: scratch + workspace.scratch[index],
                     shared: scratch + workspace.shared)
    }

    /// Forward pass in training mode: BatchNorm uses batch statistics and updates the running
    /// ones when given; dropout draws its masks from `random`.
    func forwardTraining(rows: Int, runningMean: UnsafeMutablePointer<Float>?, runningVariance: UnsafeMutablePointer<Float>?,
                         random: UnsafeMutablePointer<RandomStream>) {
        precondition(rows > 0 && rows <= workspace.capacity && workspace.training, "NetworkPass: bad training batch")
        let vectors = StageParameters(values: parameters, gradients: nil, runningMean: runningMean, runningVariance: runningVariance)
        for (index, stage) in plan.stages.enumerated() {
            stage.forward(buffers(index, rows: rows), vectors, mode: .training(random: random))
        }
    }

    /// Forward pass in evaluation mode: BatchNorm uses the running statistics, dropout is the identity.
    func forwardEvaluation(rows: Int, runningMean: UnsafePointer<Float>?, runningVariance: UnsafePointer<Float>?) {
        precondition(rows > 0 && rows <= workspace.capacity, "NetworkPass: bad evaluation batch")
        let vectors = StageParameters(values: parameters, gradients: nil, runningMean: UnsafeMutablePointer(mutating: runningMean),
                                      runningVariance: UnsafeMutablePointer(mutating: runningVariance))
        for (index, stage) in plan.stages.enumerated() {
            stage.forward(buffers(index, rows: rows), vectors, mode: .evaluation)
        }
    }

    /// Backward pass after ``forwardTraining`` and a loss whose gradient (with respect to the
    /// logits) has replaced the logits; writes every parameter's gradient into the workspace.
    ///
    /// `layerFinished` receives each block's parameter range (output layer first) as soon as its
    /// gradient is complete and its parameters are no longer read, so that an optimiser can
    /// update that block while its data is still in cache.
    func backward(rows: Int, layerFinished: (Range<Int>) -> Void = { _ in }) {
        precondition(rows > 0 && rows <= workspace.capacity && workspace.training, "NetworkPass: bad training batch")
        let vectors = StageParameters(values: parameters, gradients: scratch + workspace.parameterGradients,
                                      runningMean: nil, runningVariance: nil)
        // Stages before the first block need no input gradient: nothing below them learns.
        let firstBlock = plan.blockStages.first ?? 0
        for index in plan.stages.indices.reversed() {
            let stage = plan.stages[index]
            let inputGradient = index <= firstBlock ? nil : scratch + workspace.outputGradients[index - 1]
            stage.backward(buffers(index, rows: rows), outputGradient: scratch + workspace.outputGradients[index],
                           inputGradient: inputGradient, vectors)
            if !stage.parameterRange.isEmpty { layerFinished(stage.parameterRange) }
        }
    }
}
