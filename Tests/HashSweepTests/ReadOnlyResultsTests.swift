import Foundation
import Testing

/// An archived or shared sweep the user may not write: the commands that only read open it,
/// and nothing in its folder changes.
@Suite(.serialized)
struct ReadOnlyResultsTests {
    static let spec = """
        name: read-only
        dataset:
          name: synthetic
          holdout: 0.2
          synthetic: {classes: 3, dimension: 8, train_size: 120, test_size: 40, clusters_per_class: 2, latent_dimension: 4}
        model: {depth: 1}
        train: {optimizer: adam, lr: 0.01, batch_size: 32}
        metrics: {kmeans_n_init: 1}
        grid:
          epochs: [0, 2]
          width: [4, 16]
        phase: {x: width, y: epochs, min_seeds: 1}

        """

    @Test("status, plan, chart, export and codes (with --out) read a sweep the user may not write; run, measure and retry say they must write")
    func readCommandsOpenAReadOnlySweep() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.spec, to: "read-only.yaml")
        let run = try HashSweepCLI.run(["run", "read-only.yaml", "-j", "1"], in: folder.url)
        try #require(run.status == 0, "\(run)")
        let results = folder.url.appendingPathComponent("results/read-only")
        let database = results.appendingPathComponent("sweep.sqlite")
        let before = try Self.snapshot(results)

        let reader = try ReadOnlyUser(folder: folder.url, files: [results, database])
        defer { reader.restore() }
        let output = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try reader.allowWriting(output)
        #expect(try reader.cannotWrite(database), "the test could not take write access away")

        for arguments in [["status", "read-only.yaml"], ["status", database.path], ["plan", "read-only.yaml"],
                          ["chart", "read-only.yaml", "--out", output.path],
                          ["export", "read-only.yaml", "--csv", "--out", output.path]] {
            let outcome = try reader.run(arguments)
            #expect(outcome.status == 0, "\(outcome)")
            #expect(!outcome.error.contains("SQLite error"), "\(outcome)")
        }
        let listing = try reader.run(["codes", "read-only.yaml"])
        let line = try #require(listing.error.split(separator: "\n").first { $0.contains("width=16") }, "\(listing)")
        let id = String(line.split(separator: " ")[0])
        let codes = try reader.run(["codes", "read-only.yaml", "--trajectory", id, "--out", output.appendingPathComponent("codes").path])
        #expect(codes.status == 0, "\(codes)")
        for arguments in [["run", "read-only.yaml"], ["measure", "read-only.yaml"], ["retry", "read-only.yaml", "--failed"]] {
            let outcome = try reader.run(arguments)
            #expect(outcome.status != 0, "\(outcome)")
            #expect(outcome.error.contains("may not be written (the file or its folder is read-only), and this command writes to it"),
                    "\(outcome)")
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("cells.csv").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("phase-chart.svg").path))
        reader.restore()
        #expect(try Self.snapshot(results) == before, "the read-only sweep's folder changed")
    }

    /// Every file in `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}

/// Runs `hashsweep` as a user who may read but not write some files: as `nobody` when the
/// tests run as root (root writes whatever the permissions), else with write permission removed.
struct ReadOnlyUser {
    let folder: URL
    let files: [URL]
    let asNobody: Bool
    private let originalModes: [URL: Int]

    init(folder: URL, files: [URL]) throws {
        self.folder = folder
        self.files = files
        asNobody = getuid() == 0
        var modes: [URL: Int] = [:]
        for file in files {
            modes[file] = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        }
        originalModes = modes
        for file in files {
            let isFolder = (try? file.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            try FileManager.default.setAttributes([.posixPermissions: isFolder ? 0o555 : 0o444], ofItemAtPath: file.path)
        }
        // `nobody` must reach the spec and the folders above it.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    }

    /// Lets the reader write `url` (a folder for outputs).
    func allowWriting(_ url: URL) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: url.path)
    }

    /// Whether the reader is refused write access to `file`.
    func cannotWrite(_ file: URL) throws -> Bool {
        try run(commandLine: ["/bin/sh", "-c", "test -w \"$1\" && echo writable || echo refused", "sh", file.path])
            .output.contains("refused")
    }

    /// Runs `hashsweep arguments` as the reader.
    func run(_ arguments: [String]) throws -> HashSweepCLI.Outcome {
        try run(commandLine: [HashSweepCLI.executable().path] + arguments)
    }

    private func run(commandLine: [String]) throws -> HashSweepCLI.Outcome {
        let line = (asNobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []) + commandLine
        return try HashSweepCLI.run(Array(line.dropFirst()), in: folder, executable: URL(fileURLWithPath: line[0]))
    }

    /// Gives the files their permissions back (so the temporary folder can be removed).
    func restore() {
        for (file, mode) in originalModes {
            try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
    }
}
