/// A dense, row-major matrix of `Float`.
///
/// Element `(r, c)` lives at `storage[r * columns + c]`. The type is a value
/// (copy-on-write through `Array`); hot loops should work on `storage` inside
/// `withUnsafe(Mutable)BufferPointer` and update in place.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// The elements, row after row (`rows * columns` of them).
    public var storage: [Float]

    /// A `rows x columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A `rows x columns` matrix over existing row-major storage.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative shape \(rows)x\(columns)")
        precondition(storage.count == rows * columns,
                     "Matrix: \(storage.count) elements for shape \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from nested rows (convenient in tests).
    public init(_ nestedRows: [[Float]]) {
        let columns = nestedRows.first?.count ?? 0
        precondition(nestedRows.allSatisfy { $0.count == columns }, "Matrix: ragged rows")
        self.init(rows: nestedRows.count, columns: columns, storage: nestedRows.flatMap { $0 })
    }

    /// The element at row `row`, column `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// A copy of row `index` as an array.
    public func row(_ index: Int) -> [Float] {
        precondition(index >= 0 && index < rows, "Matrix: row \(index) out of 0..<\(rows)")
        return Array(storage[(index * columns)..<((index + 1) * columns)])
    }

    /// A new matrix made of the given rows, in order (rows may repeat).
    public func gatheringRows<Indices: Collection>(_ indices: Indices) -> Matrix where Indices.Element == Int {
        var result = Matrix(rows: indices.count, columns: columns)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                var offset = 0
                for index in indices {
                    precondition(index >= 0 && index < rows, "Matrix: row \(index) out of 0..<\(rows)")
                    let from = source.baseAddress! + index * columns
                    (target.baseAddress! + offset).update(from: from, count: columns)
                    offset += columns
                }
            }
        }
        return result
    }

    /// The transpose.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for r in 0..<rows {
                    for c in 0..<columns {
                        target[c * rows + r] = source[r * columns + c]
                    }
                }
            }
        }
        return result
    }

    /// Multiplies every element by `factor` in place.
    public mutating func scale(by factor: Float) {
        storage.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices { buffer[i] *= factor }
        }
    }
}
