import Foundation
import Testing
@testable import Sweep

@Suite("The reference example spec")
struct SpecExampleTests {
    @Test("The example parses and expands to the documented number of points")
    func exampleParses() throws {
        let spec = try SweepSpec(parsing: ExampleSpec.text, file: "example.yaml")
        #expect(spec.name == "example-synthetic")
        #expect(spec.epochs == [0, 1, 2, 5, 10])
        #expect(spec.grid.axisNames == ["width", "samples", "label_noise", "lr", "batch_size", "seed"])
        #expect(spec.grid.axis("width")?.values == [.int(4), .int(16), .int(64), .int(256)])
        // 4 widths x 2 samples x 2 noises x 2 zipped steps x 3 seeds, minus width 256 with 400 samples.
        #expect(spec.grid.productCount == 96)
        #expect(spec.trajectories.count == 96 - 2 * 2 * 3)
        #expect(Set(spec.trajectories.map(\.id)).count == spec.trajectories.count)
        #expect(spec.hash.count == 64)
    }

    @Test("sweeps/example.yaml is the text hashsweep spec --example prints")
    func exampleFileMatches() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("sweeps/example.yaml"), encoding: .utf8)
        #expect(file == ExampleSpec.text, "regenerate it with: hashsweep spec --example > sweeps/example.yaml")
    }
}
