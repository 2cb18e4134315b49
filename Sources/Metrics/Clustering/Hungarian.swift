/// The assignment problem: a one-to-one matching of rows to columns of minimum total cost.
///
/// The O(n³) Hungarian algorithm with potentials (Kuhn-Munkres, in the shortest augmenting
/// path form). A matrix with more rows than columns is solved on its transpose.
public enum Hungarian {
    /// For every row, its matched column (or -1 when there are more rows than columns).
    ///
    /// `cost` is a rectangular matrix of finite costs given as rows.
    public static func minimumCostAssignment(_ cost: [[Double]]) -> [Int] {
        let rows = cost.count
        guard rows > 0, let columns = cost.first?.count, columns > 0 else { return Array(repeating: -1, count: rows) }
        precondition(cost.allSatisfy { $0.count == columns }, "Hungarian: ragged cost matrix")
        if rows > columns {
            let transposed = (0..<columns).map { c in (0..<rows).map { r in cost[r][c] } }
            var result = [Int](repeating: -1, count: rows)
            for (column, row) in minimumCostAssignment(transposed).enumerated() { result[row] = column }
            return result
        }
        // 1-based: row 0 / column 0 are the virtual start of each augmenting path.
        var u = [Double](repeating: 0, count: rows + 1)
        var v = [Double](repeating: 0, count: columns + 1)
        var rowOfColumn = [Int](repeating: 0, count: columns + 1)
        var way = [Int](repeating: 0, count: columns + 1)
        for row in 1...rows {
            rowOfColumn[0] = row
            var column0 = 0
            var minimum = [Double](repeating: .infinity, count: columns + 1)
            var used = [Bool](repeating: false, count: columns + 1)
            repeat {
                used[column0] = true
                let row0 = rowOfColumn[column0]
                var delta = Double.infinity
                var column1 = 0
                for column in 1...columns where !used[column] {
                    let reduced = cost[row0 - 1][column - 1] - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...columns {
                    if used[column] {
                        u[rowOfColumn[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while rowOfColumn[column0] != 0
            repeat {
                let column1 = way[column0]
                rowOfColumn[column0] = rowOfColumn[column1]
                column0 = column1
            } while column0 != 0
        }
        var result = [Int](repeating: -1, count: rows)
        for column in 1...columns where rowOfColumn[column] != 0 { result[rowOfColumn[column] - 1] = column - 1 }
        return result
    }
}
