import Foundation
import Testing

/// Every spec shipped in `sweeps/` passes `hashsweep spec check`, so the README's and
/// docs' commands never start from a broken file.
@Suite(.serialized)
struct SweepFilesTests {
    static let folder = HashSweepCLI.packageRoot.appendingPathComponent("sweeps")
    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test func theShippedSpecsAreThere() {
        for name in ["quickstart.yaml", "example.yaml", "paper-mnist-width.yaml", "paper-mnist-width-reduced.yaml",
                     "paper-mnist-epochs.yaml", "paper-mnist-samples.yaml", "paper-mnist-weight-decay.yaml",
                     "paper-mnist-label-noise.yaml", "paper-cifar10-vgg.yaml", "paper-cifar10-resnet18.yaml", "paper-cifar10-resnet.yaml",
                     "cnn-quick.yaml", "resnet-quick.yaml"] {
            #expect(Self.files.contains(name), "sweeps/\(name) is missing")
        }
    }

    @Test(arguments: files)
    func specPassesCheck(name: String) throws {
        let scratch = try TemporaryFolder()
        let outcome = try HashSweepCLI.run(["spec", "check", Self.folder.appendingPathComponent(name).path], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.error.isEmpty, "\(outcome)")
        #expect(scratch.contents().isEmpty, "spec check wrote files: \(scratch.contents())")
    }

    @Test(arguments: files.filter { $0 != "example.yaml" })
    func specStatesItsExpectedRunTime(name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let header = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: "\n")
        #expect(header.contains("Expected run time:"), "sweeps/\(name) does not state its expected run time in its header")
        #expect(!header.contains("TBD"), "sweeps/\(name) has a placeholder in its header")
    }

    @Test func readmeSpecExcerptPassesCheck() throws {
        let readme = try String(contentsOf: HashSweepCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let excerpt = try #require(blocks.first, "README.md has no ```yaml block")
        let scratch = try TemporaryFolder()
        try scratch.write(excerpt, to: "readme.yaml")
        let outcome = try HashSweepCLI.run(["spec", "check", "readme.yaml"], in: scratch.url)
        #expect(outcome.status == 0, "\(outcome)")
    }
}
