import ArgumentParser
import Foundation
import Models
import Sweep

/// `hashsweep codes SPEC|DB --trajectory ID --epoch E`: one network's neural codes as NumPy files.
struct CodesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codes",
        abstract: "Write one trajectory's neural codes at a measured epoch, with labels and split, as NumPy .npy files.",
        discussion: """
            Computes the codes from the checkpoint kept at that epoch (no training), on the examples \
            the measurements use: the distinct training examples, then the test examples. Writes \
            codes.npy (uint8, bit-packed, bitorder='little': \
            np.unpackbits(codes, axis=1, count=BITS, bitorder='little')), labels.npy and clean_labels.npy \
            (int32), split.npy (uint8: 0 train, 1 test), codes.json (what they hold) and, with --unpacked, \
            codes_unpacked.npy (uint8, one 0/1 per bit). Trajectory ids are in measurements.csv \
            (`hashsweep export --csv`); without --trajectory the command lists them. Reads the database \
            only, so an archived, read-only sweep is fine. See docs/codes.md.
            """
    )

    @Argument(help: "The spec file, or the sweep database itself.")
    var target: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Option(help: "The trajectory's id, or a prefix of it that names one trajectory.")
    var trajectory: String?

    @Option(help: "The measured epoch (default: the trajectory's last measured epoch with a kept checkpoint).")
    var epoch: Int?

    @Option(help: "Output folder (default: results/<name>/codes/<id>-epoch<E>/ beside the database).")
    var out: String?

    @Flag(help: "Also write codes_unpacked.npy, one byte per bit.")
    var unpacked = false

    func run() throws {
        BLAS.configureSingleThreaded()
        let resolved = try SweepTarget(argument: target, database: db)
        let store = try SweepStore.openReadOnly(path: resolved.databasePath)
        let records = try store.trajectories().filter { !$0.isRetired }
        guard let prefix = trajectory else {
            throw ValidationError("Say which trajectory: --trajectory ID. " + Self.listing(records, store: store))
        }
        let matches = records.filter { $0.id.hasPrefix(prefix) }
        guard matches.count == 1, let record = matches.first else {
            let problem = matches.isEmpty ? "No trajectory id starts with \(prefix)." : "\(matches.count) trajectory ids start with \(prefix)."
            throw ValidationError(problem + " " + Self.listing(matches.isEmpty ? records : matches, store: store))
        }
        let kept = try store.checkpointEpochs(trajectory: record.id)
        let measured = Set(try store.measuredEpochs(trajectory: record.id))
        guard let chosen = epoch ?? kept.filter(measured.contains).last else {
            throw ExecutionError.noCheckpoint(trajectory: record.id, epoch: record.epochs.last ?? 0, kept: kept)
        }
        let codes = try NeuralCodes.load(trajectory: record.trajectory, epoch: chosen, store: store)
        let folder = out.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: resolved.databasePath).deletingLastPathComponent()
                .appendingPathComponent("codes/\(record.id)-epoch\(chosen)")
        for url in try CodesExport.write(codes, axes: record.axes, to: folder, unpacked: unpacked) { print(url.path) }
        print("\(codes.train.count) train + \(codes.test.count) test codes of \(codes.train.bitCount) bits, "
              + "trajectory \(record.id) (\(StatusCommand.point(record))) at epoch \(chosen)")
    }

    /// The trajectories to choose from, at most 20, with their points and kept epochs.
    private static func listing(_ records: [TrajectoryRecord], store: SweepStore) -> String {
        var lines = ["Trajectories (id, point, epochs with a kept checkpoint):"]
        for record in records.prefix(20) {
            let kept = ((try? store.checkpointEpochs(trajectory: record.id)) ?? []).map(String.init).joined(separator: ",")
            lines.append("  \(record.id)  \(StatusCommand.point(record))  epochs \(kept.isEmpty ? "none" : kept)")
        }
        if records.count > 20 { lines.append("  ... and \(records.count - 20) more") }
        return lines.joined(separator: "\n")
    }
}
