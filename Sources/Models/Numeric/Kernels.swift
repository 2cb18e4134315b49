/// Elementwise and reduction kernels of the MLP over raw row-major buffers.
///
/// Every loop runs along a row's columns with no bounds checks so that it
/// vectorises; per-column reductions add whole rows into an accumulator row.
/// Callers own the buffers and guarantee their sizes.
enum Kernels {
    /// `x[r, c] += vector[c]` for every row.
    @inline(__always)
    static func addRowVector(_ x: UnsafeMutablePointer<Float>, rows: Int, columns: Int, _ vector: UnsafePointer<Float>) {
        for r in 0..<rows {
            let row = x + r * columns
            for c in 0..<columns { row[c] += vector[c] }
        }
    }

    /// `sums[c] = Σ_r x[r, c]` (overwrites `sums`).
    static func columnSums(_ x: UnsafePointer<Float>, rows: Int, columns: Int, into sums: UnsafeMutablePointer<Float>) {
        sums.update(repeating: 0, count: columns)
        for r in 0..<rows {
            let row = x + r * columns
            for c in 0..<columns { sums[c] += row[c] }
        }
    }

    /// Copies rows `indices` of a `? x columns` source into consecutive rows of `target`.
    static func gatherRows<Indices: Collection<Int>>(
        _ source: UnsafePointer<Float>, columns: Int, indices: Indices, into target: UnsafeMutablePointer<Float>
    ) {
        var offset = 0
        for index in indices {
            (target + offset).update(from: source + index * columns, count: columns)
            offset += columns
        }
    }
}
