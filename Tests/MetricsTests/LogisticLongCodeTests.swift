import Foundation
@testable import Metrics
import Models
import Testing

/// The softmax loss on codes longer than one 64-bit word, against a row-by-row computation.
@Suite struct LogisticLongCodeTests {
    /// The objective and gradient computed row by row in double precision.
    static func reference(_ rows: [[Bool]], _ labels: [Int32], classes: Int, c: Double, theta: [Double]) -> (Double, [Double]) {
        let bits = rows[0].count
        var value = 0.5 * theta[0..<(classes * bits)].reduce(0) { $0 + $1 * $1 }
        var gradient = Array(theta[0..<(classes * bits)]) + [Double](repeating: 0, count: classes)
        for (row, label) in zip(rows, labels) {
            let logits = (0..<classes).map { j in
                theta[classes * bits + j] + (0..<bits).reduce(0) { $0 + (row[$1] ? theta[j * bits + $1] : 0) }
            }
            let largest = logits.max()!
            let sum = logits.reduce(0) { $0 + Foundation.exp($1 - largest) }
            value += c * (Foundation.log(sum) + largest - logits[Int(label)])
            for j in 0..<classes {
                let residual = c * (Foundation.exp(logits[j] - largest) / sum - (j == Int(label) ? 1 : 0))
                gradient[classes * bits + j] += residual
                for b in 0..<bits where row[b] { gradient[j * bits + b] += residual }
            }
        }
        return (value, gradient)
    }

    @Test("gradient of 256-bit codes over 10 classes matches the row-by-row sum", arguments: [70, 256])
    func longCodes(bits: Int) {
        var random = RandomStream(seed: 5, purpose: .testing)
        let classes = 10, c = 1.0
        let rows = (0..<200).map { _ in (0..<bits).map { _ in random.next() & 1 == 1 } }
        let labels = (0..<200).map { _ in Int32(random.nextInt(below: classes)) }
        let theta = (0..<(classes * (bits + 1))).map { _ in random.nextGaussian() * 0.1 }
        var loss = SoftmaxLoss(codes: CodeMatrix(bits: rows), labels: labels, classCount: classes, c: c)
        var gradient = [Double](repeating: 0, count: theta.count)
        let value = loss.evaluate(theta, gradient: &gradient)
        let (expected, expectedGradient) = Self.reference(rows, labels, classes: classes, c: c, theta: theta)
        #expect(abs(value - expected) <= 1e-5 * expected)
        let worst = theta.indices.max { abs(gradient[$0] - expectedGradient[$0]) < abs(gradient[$1] - expectedGradient[$1]) }!
        #expect(abs(gradient[worst] - expectedGradient[worst]) <= 1e-3 * max(1, abs(expectedGradient[worst])),
                "parameter \(worst) (class \(worst / bits), bit \(worst % bits)): \(gradient[worst]) vs \(expectedGradient[worst])")
    }
}
