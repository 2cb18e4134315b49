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
