import CBLAS

/// Entry points into the system BLAS (OpenBLAS), single-threaded per process.
///
/// hashsweep gets its parallelism from worker processes, so every process pins
/// OpenBLAS to one thread. Call ``configureSingleThreaded()`` once at start-up;
/// the GEMM wrappers call it lazily as well.
public enum BLAS {
    private static let configured: Bool = {
        openblas_set_num_threads(1)
        return true
    }()

    /// Pins OpenBLAS to one thread in this process (idempotent).
    public static func configureSingleThreaded() {
        _ = configured
    }

    /// The name of the kernel family OpenBLAS chose for this CPU (e.g. "Haswell", "Zen").
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// `C = alpha * op(A) * op(B) + beta * C` on row-major matrices.
    ///
    /// - Parameters:
    ///   - transposeA: use `Aᵀ` (A is stored `k x m`) instead of `A` (`m x k`).
    ///   - transposeB: use `Bᵀ` (B is stored `n x k`) instead of `B` (`k x n`).
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kB, "gemm: inner dimensions differ (\(k) vs \(kB))")
        precondition(c.rows == m && c.columns == n, "gemm: output is \(c.rows)x\(c.columns), expected \(m)x\(n)")
        configureSingleThreaded()
        if m == 0 || n == 0 { return }
        if k == 0 {
            c.scale(by: beta)
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    rowMajorSGEMM(m: m, n: n, k: k, alpha: alpha,
                                  pa.baseAddress!, transposeA: transposeA, leadingA: max(a.columns, 1),
                                  pb.baseAddress!, transposeB: transposeB, leadingB: max(b.columns, 1),
                                  beta: beta, pc.baseAddress!, leadingC: max(n, 1))
                }
            }
        }
    }

    /// Row-major `C = alpha * op(A) * op(B) + beta * C`, asked of OpenBLAS as the column-major
    /// product `Cᵀ = alpha * op(B)ᵀ * op(A)ᵀ + beta * Cᵀ` on the same memory.
    ///
    /// That is how OpenBLAS itself serves a row-major call, with one exception: on CPUs with
    /// AVX-512 its dynamic-architecture builds send small row-major `alpha = 1, beta = 0`
    /// products to a separate "direct" kernel whatever `OPENBLAS_CORETYPE` says, which rounds
    /// differently. Asking column-major keeps every machine on the kernels of its core type, so
    /// that a sweep gives the same bits on AVX2 and AVX-512 machines of one core type.
    static func rowMajorSGEMM(
        m: Int, n: Int, k: Int, alpha: Float,
        _ a: UnsafePointer<Float>, transposeA: Bool, leadingA: Int,
        _ b: UnsafePointer<Float>, transposeB: Bool, leadingB: Int,
        beta: Float, _ c: UnsafeMutablePointer<Float>, leadingC: Int
    ) {
        cblas_sgemm(
            CblasColMajor,
            transposeB ? CblasTrans : CblasNoTrans,
            transposeA ? CblasTrans : CblasNoTrans,
            Int32(n), Int32(m), Int32(k),
            alpha, b, Int32(leadingB),
            a, Int32(leadingA),
            beta, c, Int32(leadingC)
        )
    }

    /// Returns `op(A) * op(B)` as a new matrix.
    public static func product(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false
    ) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let n = transposeB ? b.rows : b.columns
        var c = Matrix(rows: m, columns: n)
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }
}
