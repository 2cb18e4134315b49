import Foundation
import Testing

/// `hashsweep codes` writes files NumPy loads with the documented shapes, types and bit
/// order, holding the codes the measurements were computed on.
@Suite(.serialized)
struct CodesExportTests {
    /// Width 12: codes of 12 bits, so the packed rows carry 4 padding bits.
    static let spec = """
        name: codes-export
        dataset:
          name: synthetic
          holdout: 0.2
          synthetic: {classes: 3, dimension: 8, train_size: 150, test_size: 60, clusters_per_class: 2, latent_dimension: 4}
        model: {depth: 1}
        train: {optimizer: adam, lr: 0.01, batch_size: 32}
        metrics: {run: [redundancy]}
        grid:
          epochs: [0, 2]
          width: 12
          label_noise: 0.3
        """

    @Test("codes.npy, codes_unpacked.npy, labels, clean labels and split load in NumPy and match the stored measurement")
    func filesLoadInNumPy() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.spec, to: "codes-export.yaml")
        let run = try HashSweepCLI.run(["run", "codes-export.yaml", "-j", "1"], in: folder.url)
        try #require(run.status == 0, "\(run)")
        let export = try HashSweepCLI.run(["export", "codes-export.yaml", "--csv"], in: folder.url)
        try #require(export.status == 0, "\(export)")
        let table = try EndToEndTests.table(folder.url.appendingPathComponent("results/codes-export/measurements.csv"))
        let column = { (name: String) in try #require(table.header.firstIndex(of: name)) }
        let (id, epoch) = try (column("trajectory_id"), column("epochs"))
        let (distinctTrain, distinctTest) = try (column("distinct_codes_train"), column("distinct_codes_test"))
        try #require(table.rows.count == 2)
        for row in table.rows {
            let out = folder.url.appendingPathComponent("codes-\(row[epoch])")
            let codes = try HashSweepCLI.run(["codes", "codes-export.yaml", "--trajectory", String(row[id].prefix(6)),
                                              "--epoch", row[epoch], "--unpacked", "--out", out.path], in: folder.url)
            try #require(codes.status == 0, "\(codes)")
            #expect(codes.output.contains("120 train + 60 test codes of 12 bits"), "\(codes)")
            let check = try Self.python("""
                import json, numpy as np
                d = '\(out.path)/'
                meta = json.load(open(d + 'codes.json'))
                packed, unpacked = np.load(d + 'codes.npy'), np.load(d + 'codes_unpacked.npy')
                labels, clean, split = np.load(d + 'labels.npy'), np.load(d + 'clean_labels.npy'), np.load(d + 'split.npy')
                assert packed.dtype == np.uint8 and packed.shape == (180, 2), packed.shape
                assert unpacked.dtype == np.uint8 and unpacked.shape == (180, 12), unpacked.shape
                assert set(np.unique(unpacked)) <= {0, 1}
                assert (np.unpackbits(packed, axis=1, count=12, bitorder='little') == unpacked).all()
                assert (packed[:, 1] >> 4 == 0).all(), 'padding bits are set'
                assert labels.dtype == np.int32 and labels.shape == clean.shape == split.shape == (180,)
                assert (split[:120] == 0).all() and (split[120:] == 1).all()
                assert (labels[120:] == clean[120:]).all() and (labels[:120] != clean[:120]).sum() == 36
                assert meta['bit_count'] == 12 and meta['epoch'] == \(row[epoch]) and meta['trajectory'] == '\(row[id])'
                train, test = unpacked[split == 0], unpacked[split == 1]
                print(len(np.unique(train, axis=0)), len(np.unique(test, axis=0)))
                """)
            #expect(check.status == 0, "\(check.output)")
            #expect(check.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(row[distinctTrain]) \(row[distinctTest])",
                    "distinct codes in NumPy (\(check.output)) against the measurement's (\(row[distinctTrain]) \(row[distinctTest]))")
        }
    }

    @Test("an epoch without a kept checkpoint, and an unknown id, are named with what there is")
    func missingCheckpointAndUnknownID() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.spec, to: "codes-export.yaml")
        try #require(try HashSweepCLI.run(["run", "codes-export.yaml", "-j", "1"], in: folder.url).status == 0)
        let list = try HashSweepCLI.run(["codes", "codes-export.yaml"], in: folder.url)
        #expect(list.status != 0 && list.error.contains("Say which trajectory: --trajectory ID."), "\(list)")
        #expect(list.error.contains("label_noise=0.3 seed=0 width=12  epochs 0,2"), "\(list)")
        let line = try #require(list.error.split(separator: "\n").first { $0.contains("width=12") })
        let id = try #require(line.split(separator: " ").first.map(String.init))
        let unmeasured = try HashSweepCLI.run(["codes", "codes-export.yaml", "--trajectory", id, "--epoch", "1"], in: folder.url)
        #expect(unmeasured.status != 0, "\(unmeasured)")
        #expect(unmeasured.error.contains("has no checkpoint kept at epoch 1 (kept: epochs 0, 2)"), "\(unmeasured)")
        let unknown = try HashSweepCLI.run(["codes", "codes-export.yaml", "--trajectory", "zz"], in: folder.url)
        #expect(unknown.status != 0 && unknown.error.contains("No trajectory id starts with zz."), "\(unknown)")
    }

    /// Runs `script` with the system's Python 3 (with NumPy, which `scripts/install-deps --tests` installs).
    static func python(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = try TemporaryFolder.scratchFile()
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }
}
