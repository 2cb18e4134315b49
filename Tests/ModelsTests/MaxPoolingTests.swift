import Testing
@testable import Models

@Suite("MaxPooling2D: 2x2 windows, stride 2")
struct MaxPoolingTests {
    @Test("maxima of each window, odd edges dropped, across channels and examples")
    func forward() {
        let pool = MaxPooling2D(channels: 2, height: 3, width: 5)
        let input: [Float] = (0..<60).map { (index: Int) -> Float in Float(index * 37 % 23) }
        let output = pool.forward(input, batch: 2)
        #expect(output.count == 2 * 2 * 1 * 2)
        for plane in 0..<4 {
            for x in 0..<2 {
                let base = plane * 15 + 2 * x
                let window = [input[base], input[base + 1], input[base + 5], input[base + 6]]
                #expect(output[plane * 2 + x] == window.max())
            }
        }
    }

    @Test("the gradient goes to the maximum; of ties, to the first in row-major order")
    func gradientAndTies() {
        let pool = MaxPooling2D(channels: 1, height: 2, width: 4)
        //  window 1: 1 5 / 5 2 (tie between top-right and bottom-left); window 2: 7 0 / 3 9
        let input: [Float] = [1, 5, 7, 0,
                              5, 2, 3, 9]
        #expect(pool.forward(input, batch: 1) == [5, 9])
        #expect(pool.backward([10, 20], batch: 1) == [0, 10, 0, 0,
                                                      0, 0, 0, 20])
    }

    @Test("backward matches central differences where no window ties")
    func finiteDifferences() {
        var random = RandomStream(seed: 9, streamIndex: 0)
        var input = (0..<(3 * 5 * 6)).map { _ in random.nextUnitFloat() }
        let direction = (0..<(3 * 2 * 3)).map { _ in random.nextUnitFloat() - 0.5 }
        let pool = MaxPooling2D(channels: 3, height: 5, width: 6)
        func loss() -> Double { zip(pool.forward(input, batch: 1), direction).reduce(0) { $0 + Double($1.0 * $1.1) } }
        _ = pool.forward(input, batch: 1)
        let gradient = pool.backward(direction, batch: 1)
        let step: Float = 1e-4
        for index in input.indices {
            input[index] += step; let up = loss()
            input[index] -= 2 * step; let down = loss()
            input[index] += step
            #expect(abs(Double(gradient[index]) - (up - down) / Double(2 * step)) < 1e-2, "input \(index)")
        }
    }
}
