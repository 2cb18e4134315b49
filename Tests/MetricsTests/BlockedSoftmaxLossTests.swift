import Foundation
@testable import Metrics
import Models
import Testing

/// The BLAS path for long codes computes the nibble path's objective, gradient and predictions.
@Suite struct BlockedSoftmaxLossTests {
    /// 70 rows (two full blocks and a part) of `BlockedSoftmaxLoss.minimumBits + 3` bits, 12
    /// classes, every fifth row repeated so that folded duplicates carry several labels.
    static func problem() -> (codes: CodeMatrix, labels: [Int32], theta: [Double], classes: Int) {
        var random = RandomStream(seed: 21, purpose: .testing)
        let bits = BlockedSoftmaxLoss.minimumBits + 3, classes = 12
        var rows = (0..<56).map { _ in (0..<bits).map { _ in random.nextInt(below: 3) == 0 } }
        rows += stride(from: 0, to: 56, by: 4).map { rows[$0] }
        let labels = rows.indices.map { _ in Int32(random.nextInt(below: classes)) }
        let theta = (0..<(classes * (bits + 1))).map { _ in random.nextGaussian() * 0.02 }
        return (CodeMatrix(bits: rows), labels, theta, classes)
    }

    @Test("objective and gradient equal SoftmaxLoss's")
    func agreesWithNibbleTables() {
        let (codes, labels, theta, classes) = Self.problem()
        #expect(codes.count > 2 * BlockedSoftmaxLoss.blockRows)
        var nibble = SoftmaxLoss(codes: codes, labels: labels, classCount: classes, c: 0.8)
        let blocked = BlockedSoftmaxLoss(codes: codes, labels: labels, classCount: classes, c: 0.8)
        var expected = [Double](repeating: 0, count: theta.count), gradient = expected
        let f = nibble.evaluate(theta, gradient: &expected)
        let g = blocked.evaluate(theta, gradient: &gradient)
        #expect(abs(f - g) <= 1e-5 * abs(f), "objective \(g) against \(f)")
        let worst = zip(gradient, expected).map { abs($0 - $1) / max(1, abs($1)) }.max()!
        #expect(worst <= 1e-4, "largest relative gradient difference \(worst)")
    }

    @Test("a fit on long codes takes the BLAS path and predicts its training labels like the nibble tables")
    func fitAndPredict() throws {
        let (codes, labels, _, classes) = Self.problem()
        let model = try LogisticRegression.fit(codes: codes, labels: labels, classCount: classes, maxIterations: 30)
        let predicted = try model.predict(codes)
        // The nibble path's predictions of the same model.
        let products = NibbleDotProducts(centers: model.weights)
        let reference = codes.withUnsafeWords { packed in
            (0..<codes.count).map { i in
                var logits = [Float]()
                for g in 0..<products.groups {
                    let z = products.products(packed, row: i, wordsPerRow: codes.wordsPerRow, group: g)
                    logits += (0..<16).map { z[$0] }
                }
                return Int32((1..<classes).reduce(0) { logits[$1] + model.bias[$1] > logits[$0] + model.bias[$0] ? $1 : $0 })
            }
        }
        #expect(predicted == reference)
        let accuracy = Double(zip(predicted, labels).filter { $0 == $1 }.count) / Double(labels.count)
        #expect(accuracy > 0.7, "training accuracy \(accuracy): 56 distinct codes of 70 rows are separable")
    }
}
