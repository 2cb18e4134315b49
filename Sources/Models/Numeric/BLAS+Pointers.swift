import CBLAS

extension BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C` on tightly packed row-major buffers.
    ///
    /// `op(A)` is `m x k` (A stored `k x m` when `transposeA`), `op(B)` is `k x n`
    /// (B stored `n x k` when `transposeB`), C is `m x n`. For hot loops that
    /// reuse preallocated buffers; the ``Matrix`` overload is the safe default.
    public static func gemm(
        rows m: Int, columns n: Int, inner k: Int,
        _ a: UnsafePointer<Float>, transposeA: Bool = false,
        _ b: UnsafePointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutablePointer<Float>, alpha: Float = 1, beta: Float = 0
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative shape \(m)x\(n)x\(k)")
        if m == 0 || n == 0 { return }
        configureSingleThreaded()
        if k == 0 {
            let buffer = UnsafeMutableBufferPointer(start: c, count: m * n)
            if beta == 0 { buffer.update(repeating: 0) } else { for i in buffer.indices { buffer[i] *= beta } }
            return
        }
        rowMajorSGEMM(m: m, n: n, k: k, alpha: alpha,
                      a, transposeA: transposeA, leadingA: transposeA ? m : k,
                      b, transposeB: transposeB, leadingB: transposeB ? k : n,
                      beta: beta, c, leadingC: n)
    }
}
