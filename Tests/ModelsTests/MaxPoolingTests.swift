import Testing
@testable import Models

@Suite("Max pooling: 2x2 windows, stride 2, channel-last")
struct MaxPoolingTests {
    static func harness(channels: Int, height: Int, width: Int) -> StageHarness {
        StageHarness(MaxPoolStage(name: "pool", inputShape: TensorShape(channels: channels, height: height, width: width)))
    }

    @Test("maxima of each window, odd edges dropped, across channels and examples")
    func forward() {
        let pool = Self.harness(channels: 2, height: 3, width: 5)
        let input: [Float] = (0..<60).map { (index: Int) -> Float in Float(index * 37 % 23) }
        let output = pool.run(input, rows: 2, training: false).output
        #expect(output.count == 2 * 1 * 2 * 2)
        for example in 0..<2 {
            for x in 0..<2 {
                for c in 0..<2 {
                    func at(_ y: Int, _ x: Int) -> Float { input[example * 30 + (y * 5 + x) * 2 + c] }
                    let window = [at(0, 2 * x), at(0, 2 * x + 1), at(1, 2 * x), at(1, 2 * x + 1)]
                    #expect(output[example * 4 + x * 2 + c] == window.max())
                }
            }
        }
    }

    @Test("the gradient goes to the maximum; of ties, to the first in row-major order")
    func gradientAndTies() {
        let pool = Self.harness(channels: 1, height: 2, width: 4)
        //  window 1: 1 5 / 5 2 (tie between top-right and bottom-left); window 2: 7 0 / 3 9
        let input: [Float] = [1, 5, 7, 0,
                              5, 2, 3, 9]
        let result = pool.run(input, rows: 1, outputGradient: [10, 20])
        #expect(result.output == [5, 9])
        #expect(result.inputGradient == [0, 10, 0, 0,
                                         0, 0, 0, 20])
    }

    @Test("backward matches central differences where no window ties")
    func finiteDifferences() {
        let pool = Self.harness(channels: 3, height: 5, width: 6)
        let input = StageHarness.values(3 * 5 * 6, seed: 9)
        let direction = StageHarness.values(3 * 2 * 3, seed: 10)
        let gradient = pool.run(input, rows: 1, outputGradient: direction).inputGradient
        for index in input.indices {
            let numeric = pool.centralDifference(input, rows: 1, direction: direction, input: index, step: 1e-4)
            #expect(abs(Double(gradient[index]) - numeric) < 1e-2, "input \(index)")
        }
    }
}
