extension MLP {
    /// The neural codes of `features`: one row of ``MLPConfiguration/codeLength`` bits per example.
    ///
    /// Bit `j` of a row is `h > 0` for the `j`-th hidden unit, counting hidden
    /// layers first to last and units in order within a layer; `h` is the unit's
    /// pre-activation after BatchNorm in evaluation mode (running statistics)
    /// when the network has BatchNorm, else after Linear. The output layer is
    /// excluded. Packed in ``CodeMatrix``'s layout. Rows are processed
    /// `batchSize` at a time, so memory stays at `batchSize x codeLength` floats.
    public func codes(for features: Matrix, batchSize: Int = MLP.evaluationBatchSize) -> CodeMatrix {
        var codes = CodeMatrix(count: features.rows, bitCount: configuration.codeLength)
        let wordsPerRow = codes.wordsPerRow
        let widths = configuration.widths
        codes.withUnsafeMutableWords { words in
            forEachEvaluationBatch(features, batchSize: batchSize) { range, pass in
                for (slot, row) in range.enumerated() {
                    var packer = BitPacker(target: words.baseAddress! + row * wordsPerRow)
                    for (layer, width) in widths.enumerated() {
                        // The activation keeps the sign of h (slope >= 0): a > 0 exactly when h > 0.
                        packer.append(signsOf: pass.outputs(ofHiddenLayer: layer) + slot * width, count: width)
                    }
                    packer.flush()
                }
            }
        }
        return codes
    }
}

/// Appends bits `value > 0` to a row of packed words, least significant bit first.
struct BitPacker {
    private var target: UnsafeMutablePointer<UInt64>
    private var word: UInt64 = 0
    private var filled: UInt64 = 0

    /// A packer writing words from `target` on.
    init(target: UnsafeMutablePointer<UInt64>) {
        self.target = target
    }

    /// Appends one bit per value: set when the value is greater than zero.
    @inline(__always)
    mutating func append(signsOf values: UnsafePointer<Float>, count: Int) {
        var index = 0
        // Whole words first when aligned: build 64 bits without carrying state per bit.
        while index < count {
            if filled == 0 && count - index >= 64 {
                var bits: UInt64 = 0
                let chunk = values + index
                for bit in 0..<64 { bits |= (chunk[bit] > 0 ? 1 : 0) << UInt64(bit) }
                target.pointee = bits
                target += 1
                index += 64
                continue
            }
            word |= (values[index] > 0 ? 1 : 0) << filled
            filled += 1
            index += 1
            if filled == 64 {
                target.pointee = word
                target += 1
                word = 0
                filled = 0
            }
        }
    }

    /// Writes the last partial word (padding bits stay zero).
    mutating func flush() {
        if filled > 0 {
            target.pointee = word
            target += 1
            word = 0
            filled = 0
        }
    }
}
