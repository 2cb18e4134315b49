import Models
import RealModule

/// Greedy k-means++ seeding on binary codes, as scikit-learn's `_kmeans_plusplus`.
///
/// The first center is a uniformly drawn example; each further center is the best (lowest
/// potential) of `2 + floor(ln k)` candidates drawn with probability proportional to the
/// squared distance to the nearest chosen center. For 0/1 vectors the squared Euclidean
/// distance is the Hamming distance, so seeding is popcount work on the packed codes.
enum KMeansSeeding {
    /// Indices of `clusterCount` examples to start Lloyd's iterations from.
    static func seeds(codes: CodeMatrix, clusterCount: Int, random: inout RandomStream) -> [Int] {
        let n = codes.count
        let trials = 2 + Int(Double.log(Double(clusterCount)).rounded(.down))
        var chosen = [random.nextInt(below: n)]
        var closest = distances(codes, to: chosen[0])
        var potential = closest.reduce(0, +)
        var cumulative = [Int](repeating: 0, count: n)
        var candidateDistances = [[Int]](repeating: [], count: trials)
        while chosen.count < clusterCount {
            var running = 0
            for i in 0..<n {
                running += closest[i]
                cumulative[i] = running
            }
            var bestCandidate = -1, bestPotential = Int.max, bestTrial = 0
            for t in 0..<trials {
                let candidate: Int
                if potential == 0 {
                    candidate = random.nextInt(below: n)  // every example sits on a center
                } else {
                    let target = Int(random.nextUnitDouble() * Double(potential))
                    candidate = firstIndex(in: cumulative, above: target)
                }
                var distancesToCandidate = distances(codes, to: candidate)
                var candidatePotential = 0
                for i in 0..<n {
                    distancesToCandidate[i] = min(distancesToCandidate[i], closest[i])
                    candidatePotential += distancesToCandidate[i]
                }
                candidateDistances[t] = distancesToCandidate
                if candidatePotential < bestPotential {
                    bestPotential = candidatePotential
                    bestCandidate = candidate
                    bestTrial = t
                }
            }
            chosen.append(bestCandidate)
            swap(&closest, &candidateDistances[bestTrial])
            potential = bestPotential
        }
        return chosen
    }

    /// Hamming distance of every example to example `center`.
    private static func distances(_ codes: CodeMatrix, to center: Int) -> [Int] {
        var result = [Int](repeating: 0, count: codes.count)
        let words = codes.wordsPerRow
        codes.withUnsafeWords { packed in
            result.withUnsafeMutableBufferPointer { out in
                let c = center * words
                for i in 0..<codes.count {
                    var total = 0
                    for w in 0..<words { total &+= (packed[i * words + w] ^ packed[c + w]).nonzeroBitCount }
                    out[i] = total
                }
            }
        }
        return result
    }

    /// The first index whose cumulative weight exceeds `target` (binary search).
    private static func firstIndex(in cumulative: [Int], above target: Int) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
