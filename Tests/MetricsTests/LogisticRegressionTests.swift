import Foundation
@testable import Metrics
import Models
import Testing

@Suite struct LogisticRegressionTests {
    @Test func gradientMatchesFiniteDifferences() {
        var random = RandomStream(seed: 4, purpose: .testing)
        let codes = CodeMatrix(bits: (0..<30).map { _ in (0..<7).map { _ in random.next() & 1 == 1 } })
        let labels = (0..<30).map { _ in Int32(random.nextInt(below: 3)) }
        var loss = SoftmaxLoss(codes: codes, labels: labels, classCount: 3, c: 0.7)
        let theta = (0..<(3 * 8)).map { _ in random.nextGaussian() * 0.5 }
        var gradient = [Double](repeating: 0, count: theta.count)
        _ = loss.evaluate(theta, gradient: &gradient)
        var scratch = gradient
        for i in theta.indices {
            var plus = theta, minus = theta
            plus[i] += 1e-3
            minus[i] -= 1e-3
            let numeric = (loss.evaluate(plus, gradient: &scratch) - loss.evaluate(minus, gradient: &scratch)) / 2e-3
            #expect(abs(numeric - gradient[i]) < 1e-3 * max(1, abs(numeric)), "parameter \(i)")
        }
    }

    @Test func foldedDuplicateCodesGiveTheRowByRowObjective() {
        // 5-bit codes over 300 rows: many rows share a code, often with different labels;
        // 20 classes span two 16-lane groups.
        var random = RandomStream(seed: 11, purpose: .testing)
        let rows = (0..<300).map { _ in (0..<5).map { _ in random.next() & 1 == 1 } }
        let classes = 20, bits = 5, c = 0.3
        let labels = (0..<300).map { _ in Int32(random.nextInt(below: classes)) }
        let theta = (0..<(classes * (bits + 1))).map { _ in random.nextGaussian() }
        var loss = SoftmaxLoss(codes: CodeMatrix(bits: rows), labels: labels, classCount: classes, c: c)
        var gradient = [Double](repeating: 0, count: theta.count)
        let folded = loss.evaluate(theta, gradient: &gradient)

        var expected = 0.5 * theta[0..<(classes * bits)].reduce(0) { $0 + $1 * $1 }
        var expectedGradient = Array(theta[0..<(classes * bits)]) + [Double](repeating: 0, count: classes)
        for (row, label) in zip(rows, labels) {
            let logits = (0..<classes).map { j in
                theta[classes * bits + j] + (0..<bits).reduce(0) { $0 + (row[$1] ? theta[j * bits + $1] : 0) }
            }
            let largest = logits.max()!
            let sum = logits.reduce(0) { $0 + Foundation.exp($1 - largest) }
            expected += c * (Foundation.log(sum) + largest - logits[Int(label)])
            for j in 0..<classes {
                let residual = c * (Foundation.exp(logits[j] - largest) / sum - (j == Int(label) ? 1 : 0))
                expectedGradient[classes * bits + j] += residual
                for b in 0..<bits where row[b] { expectedGradient[j * bits + b] += residual }
            }
        }
        #expect(abs(folded - expected) <= 1e-5 * expected)
        for i in theta.indices {
            #expect(abs(gradient[i] - expectedGradient[i]) <= 1e-4 * max(1, abs(expectedGradient[i])), "parameter \(i)")
        }
    }

    @Test func vectorExpMatchesLibm() {
        for start in stride(from: Float(-87), to: 88, by: 0.37) {
            let x = SIMD16<Float>((0..<16).map { start + Float($0) * 0.0213 })
            let e = VectorExp.exp(x)
            for lane in 0..<16 {
                let exact = Foundation.exp(Double(x[lane]))
                #expect(abs(Double(e[lane]) - exact) <= 3e-7 * exact, "x = \(x[lane])")
            }
        }
        let tiny = VectorExp.exp(SIMD16(repeating: -1_000))
        #expect(tiny.max() < 1e-37 && tiny.min() >= 0)
        #expect(VectorExp.exp(.zero) == SIMD16(repeating: 1))
    }

    @Test func lbfgsMinimisesTheRosenbrockFunction() {
        let solver = LBFGS(maxIterations: 500, gradientTolerance: 1e-8)
        let result = solver.minimize(from: [-1.2, 1]) { x, g in
            let a = 1 - x[0], b = x[1] - x[0] * x[0]
            g[0] = -2 * a - 400 * x[0] * b
            g[1] = 200 * b
            return a * a + 100 * b * b
        }
        #expect(abs(result.x[0] - 1) < 1e-6 && abs(result.x[1] - 1) < 1e-6)
        #expect(result.stop == .gradient)
    }

    @Test func separatesLinearlySeparableCodes() throws {
        // The label is bit 0 of the code; the other bits are noise.
        var random = RandomStream(seed: 9, purpose: .testing)
        let rows = (0..<200).map { _ in (0..<12).map { _ in random.next() & 1 == 1 } }
        let labels = rows.map { Int32($0[0] ? 1 : 0) }
        let model = try LogisticRegression.fit(codes: CodeMatrix(bits: rows), labels: labels, classCount: 2)
        #expect(try model.predict(CodeMatrix(bits: rows)) == labels)
        #expect(model.converged)
        #expect(model.weights[1, 0] > model.weights[0, 0])
    }

    @Test(arguments: MetricFixture.names)
    func testAccuracyAgreesWithScikitLearn(name: String) throws {
        let fixture = try MetricFixture.load(name)
        let model = try LogisticRegression.fit(codes: fixture.trainCodes, labels: fixture.train.labels, classCount: 10)
        let test = accuracy(try model.predict(fixture.testCodes), fixture.test.labels)
        #expect(abs(test - fixture.number("logistic_test_accuracy")) <= 0.005)
        let train = accuracy(try model.predict(fixture.trainCodes), fixture.train.labels)
        #expect(abs(train - fixture.number("logistic_train_accuracy")) <= 0.01)
        // Near the minimum of the same objective (scikit-learn run to convergence), as close as
        // scikit-learn's default run (both stop on the same gradient tolerance or at 200 iterations).
        let minimum = fixture.number("logistic_converged_objective")
        #expect(model.objective >= minimum * (1 - 1e-6))
        #expect(model.objective <= max(fixture.number("logistic_objective"), minimum) * 1.01)
    }

    @Test func rejectsBadInput() {
        let codes = CodeMatrix(bits: [[true, false], [false, true]])
        #expect(throws: MetricsError.self) { try LogisticRegression.fit(codes: codes, labels: [0, 1], classCount: 2, c: 0) }
        #expect(throws: MetricsError.labelOutOfRange(set: "logistic regression training codes", index: 1, label: 5, classCount: 2)) {
            try LogisticRegression.fit(codes: codes, labels: [0, 5], classCount: 2)
        }
        let model = try? LogisticRegression.fit(codes: codes, labels: [0, 1], classCount: 2)
        #expect(throws: MetricsError.self) { try model?.predict(CodeMatrix(count: 1, bitCount: 3)) }
    }
}
