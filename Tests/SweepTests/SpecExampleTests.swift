import Foundation
import Testing
@testable import Sweep

@Suite("The reference example spec")
struct SpecExampleTests {
    @Test("The example parses and expands to the documented number of points")
    func exampleParses() throws {
        let spec = try SweepSpec(parsing: ExampleSpec.text, file: "example.yaml")
        #expect(spec.name == ExampleSpec.name)
        #expect(spec.epochs == [0, 1, 2, 5, 10])
        #expect(spec.grid.axisNames == ["width", "samples", "label_noise", "lr", "batch_size", "seed"])
        #expect(spec.grid.axis("width")?.values == [.int(4), .int(16), .int(64), .int(256)])
        // 4 widths x 2 samples x 2 noises x 2 zipped steps x 3 seeds, minus width 256 with 400 samples.
        #expect(spec.grid.productCount == 96)
        #expect(spec.trajectories.count == 96 - 2 * 2 * 3)
        #expect(Set(spec.trajectories.map(\.id)).count == spec.trajectories.count)
        #expect(spec.hash.count == 64)
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("sweeps/example.yaml is the text hashsweep spec --example prints, under its own name")
    func exampleFileMatches() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("sweeps/example.yaml"), encoding: .utf8)
        #expect(ExampleSpec.committedText != ExampleSpec.text)
        #expect(file == ExampleSpec.committedText,
                "regenerate it with: hashsweep spec --example | sed 's/^name: \(ExampleSpec.name)$/name: \(ExampleSpec.committedName)/' > sweeps/example.yaml")
    }

    @Test("no committed spec uses the printed example's name")
    func exampleNameIsFree() throws {
        let folder = Self.root.appendingPathComponent("sweeps")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 2)
        for file in files {
            let spec = try SweepSpec.load(path: folder.appendingPathComponent(file).path)
            #expect(spec.name != ExampleSpec.name, "sweeps/\(file) uses the name `spec --example` prints")
        }
    }
}
