/// The `k` nearest references of every query, nearest first.
///
/// Row `q` holds entries `q * k ..< (q + 1) * k` of ``distances`` and ``indices``, sorted by
/// Hamming distance and, among equal distances, by reference index (lower first).
public struct NeighbourLists: Sendable, Equatable {
    /// Neighbours per query.
    public let k: Int
    /// Number of queries.
    public let queryCount: Int
    /// Hamming distances, `queryCount * k`.
    public internal(set) var distances: [UInt32]
    /// Reference indices, `queryCount * k`.
    public internal(set) var indices: [Int32]

    /// Empty lists (every distance `UInt32.max`) to be filled by a search.
    init(queryCount: Int, k: Int) {
        self.k = k
        self.queryCount = queryCount
        distances = Array(repeating: .max, count: queryCount * k)
        indices = Array(repeating: -1, count: queryCount * k)
    }
}

/// Inserts `(distance, index)` into one query's sorted list, which must hold a larger k-th entry.
///
/// References arrive in increasing index order, so an equal distance already in the list
/// belongs to a lower index and stays in front: the lists come out sorted by (distance, index).
@inline(__always)
func insertNeighbour(
    distance: UInt32, index: Int32,
    distances: UnsafeMutablePointer<UInt32>, indices: UnsafeMutablePointer<Int32>, k: Int
) {
    var p = k - 1
    while p > 0 && distances[p - 1] > distance {
        distances[p] = distances[p - 1]
        indices[p] = indices[p - 1]
        p -= 1
    }
    distances[p] = distance
    indices[p] = index
}
