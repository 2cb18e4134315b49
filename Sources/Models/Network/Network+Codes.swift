extension Network {
    /// The groups a selection takes (a programmer error if it names a block the network lacks).
    public func codeGroups(_ selection: CodeSelection) -> [CodeGroup] {
        switch selection.select(from: plan.codeGroups) {
        case .success(let groups): return groups
        case .failure(let unknown):
            preconditionFailure("Network: no coded layer named \(unknown.names); the network has \(unknown.known)")
        }
    }

    /// Bits per code under `selection`.
    public func codeLength(_ selection: CodeSelection) -> Int { codeGroups(selection).reduce(0) { $0 + $1.units } }

    /// The neural codes of `features`: one row of bits per example.
    ///
    /// The bits of a row are `h > 0` for every unit of the selected blocks, blocks in network
    /// order, a convolution's units in HWC order (pixel by pixel, the channels of a pixel
    /// adjacent), a Linear layer's in order; `h` is the unit's pre-activation after BatchNorm in
    /// evaluation mode (running statistics), else after the bias. The output layer has no
    /// activation and no bits. For an MLP: hidden layers first to last. Packed in
    /// ``CodeMatrix``'s layout; rows go through the network `batchSize` at a time (fewer if the
    /// memory budget says so), so memory stays bounded.
    public func codes(for features: Matrix, selection: CodeSelection = .all,
                      batchSize: Int = Network.evaluationBatchSize) -> CodeMatrix {
        let groups = codeGroups(selection)
        var codes = CodeMatrix(count: features.rows, bitCount: groups.reduce(0) { $0 + $1.units })
        let wordsPerRow = codes.wordsPerRow
        codes.withUnsafeMutableWords { words in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                for (slot, row) in range.enumerated() {
                    var packer = BitPacker(target: words.baseAddress! + row * wordsPerRow)
                    for group in groups {
                        // The activation keeps the sign of h (slope >= 0): a > 0 exactly when h > 0.
                        packer.append(signsOf: pass.values(of: group) + slot * group.units, count: group.units)
                    }
                    packer.flush()
                }
            }
        }
        return codes
    }
}
