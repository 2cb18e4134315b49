/// Zero-initialised memory for `count` values of `Element`, aligned to a 64-byte cache line.
///
/// The lookup tables and accumulators read 64-byte vectors at multiples of 64 bytes from their
/// start. An array's elements start 32 bytes into its heap block, so whether such a vector
/// straddles two cache lines depended on where `malloc` put the block: the same logistic
/// regression took 11.4 s or 13.1 s (2,000-bit codes) depending on what ran before it.
///
/// A reference type: copies of a value holding one share the memory (hence not `Sendable`).
/// Keep the buffer alive (`withExtendedLifetime`) while its ``pointer`` is in use.
final class AlignedBuffer<Element: BitwiseCopyable> {
    let count: Int
    let pointer: UnsafeMutablePointer<Element>

    static var alignment: Int { 64 }

    init(count: Int) {
        precondition(count >= 0, "AlignedBuffer: negative count \(count)")
        self.count = count
        let bytes = max(count * MemoryLayout<Element>.stride, 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: max(Self.alignment, MemoryLayout<Element>.alignment))
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        pointer = raw.bindMemory(to: Element.self, capacity: count)
    }

    deinit {
        UnsafeMutableRawPointer(pointer).deallocate()
    }

    /// Sets every value's bytes back to zero.
    func zero() {
        let bytes = count * MemoryLayout<Element>.stride
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        _ = raw.bindMemory(to: Element.self, capacity: count)  // typed again, for `pointer`'s reads
    }

    /// The memory as a raw pointer, for vector loads and stores at byte offsets.
    var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(pointer) }
}

@available(*, unavailable)
extension AlignedBuffer: Sendable {}
