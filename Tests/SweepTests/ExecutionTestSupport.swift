import Foundation
import Testing
@testable import Sweep

/// Runs the built `hashsweep` executable, as users do.
enum HashSweepBinary {
    /// The executable built next to this test bundle (`.build/<config>/hashsweep`).
    static func path() throws -> String {
        var candidates: [String] = []
        // On Linux the test bundle is an executable in the build folder, next to `hashsweep`.
        if let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("hashsweep").path)
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/hashsweep").path)
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        throw BinaryMissing(candidates: candidates)
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let candidates: [String]
        var description: String {
            "The hashsweep executable was not found (looked at \(candidates.joined(separator: ", "))); "
                + "build it first with `swift build` (scripts/test does)."
        }
    }
}

/// A `hashsweep` process started by a test, with its output collected in files.
final class HashSweepProcess {
    let process = Process()
    private let outputPath: String
    private let errorPath: String

    init(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:]) throws {
        let id = UUID().uuidString.prefix(8)
        outputPath = folder.file("stdout-\(id).txt")
        errorPath = folder.file("stderr-\(id).txt")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: try HashSweepBinary.path())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end and returns its exit code (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Runs `hashsweep arguments` to the end.
    static func run(_ arguments: [String], in folder: TemporaryFolder, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String) {
        let child = try HashSweepProcess(arguments, in: folder, environment: environment)
        let status = child.wait()
        return (status, child.standardOutput, child.standardError)
    }
}

/// Processes seen through /proc.
enum ProcessTable {
    /// Pids of the live (non-zombie) children of `parent`.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = self.stat(pid) else { return false }
            return stat.parent == parent && stat.state != "Z"
        }
    }

    /// Whether `pid` is alive (exists and is not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = stat(pid) else { return false }
        return stat.state != "Z" && stat.state != "X"
    }

    /// Whether `pid` is stopped (by SIGSTOP).
    static func isStopped(_ pid: Int32) -> Bool { stat(pid)?.state == "T" }

    /// Whether `signal` was sent to `pid` and not yet delivered (as while the process is stopped).
    static func hasPending(_ signal: Int32, _ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        let bit = UInt64(1) << UInt64(signal - 1)
        return status.split(separator: "\n").contains { line in
            guard line.hasPrefix("SigPnd:") || line.hasPrefix("ShdPnd:"),
                  let mask = UInt64(line.drop { $0 != "\t" && $0 != " " }.trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
            return mask & bit != 0
        }
    }

    /// Pids of the live `hashsweep worker` processes whose working directory is `directory`.
    static func workers(in directory: String) -> [Int32] {
        let resolved = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard isAlive(pid),
                  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) == resolved,
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let arguments = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return arguments.count > 1 && arguments[1] == "worker"
        }
    }

    private static func stat(_ pid: Int32) -> (state: String, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let parent = Int32(fields[1]) else { return nil }
        return (String(fields[0]), parent)
    }

    /// Polls `condition` every 50 ms for up to `seconds`; returns whether it became true.
    static func waitUntil(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }
}

/// Measurement rows as comparable values: trajectory, epoch, metric bit patterns.
struct MeasurementRow: Hashable, CustomStringConvertible {
    let trajectory: String
    let epoch: Int
    let metrics: [String: UInt64]

    init(_ record: MeasurementRecord) {
        trajectory = record.trajectoryID
        epoch = record.epoch
        metrics = record.metrics.mapValues(\.bitPattern)
    }

    var description: String { "\(trajectory.prefix(12))@\(epoch)" }
}

/// Tiny real trajectories on the built-in synthetic data, cheap in debug builds.
enum TinyTrajectories {
    static func make(count: Int, epochs: [Int]) -> [Trajectory] {
        (0..<count).map { index in
            var configuration = TrajectoryConfiguration()
            configuration.dataset = "synthetic"
            configuration.samples = 100 + 100 * (index % 2)
            configuration.width = 4 + 4 * (index % 3)
            configuration.batchSize = 50
            configuration.lr = 0.05
            configuration.seed = index
            configuration.metrics = ["none"]
            return Trajectory(id: "tiny-\(index)", configuration: configuration, epochs: epochs,
                              axes: ["width": .int(configuration.width), "samples": .int(configuration.samples!),
                                     "seed": .int(index)])
        }
    }
}

/// Specs of tiny sweeps on the built-in synthetic data.
enum TinySpec {
    /// A spec; `metrics` is the spec's `metrics:` section (network loss and accuracy only by default).
    static func text(name: String, epochs: [Int], widths: [Int], samples: [Int], seeds: Int,
                     trainSize: Int = 400, maxAttempts: Int = 10, metrics: String = "{run: none}") -> String {
        """
        name: \(name)
        dataset:
          name: synthetic
          synthetic: {classes: 4, dimension: 16, train_size: \(trainSize), test_size: 200}
        model:
          depth: 1
        train:
          lr: 0.05
          batch_size: 50
        metrics: \(metrics)
        grid:
          epochs: \(epochs)
          width: \(widths)
          samples: \(samples)
          seed: \(seeds)
        execution:
          max_attempts: \(maxAttempts)

        """
    }

    /// Writes `text` to `name.yaml` in `folder` and returns the file name.
    static func write(_ text: String, name: String, in folder: TemporaryFolder) throws -> String {
        try text.write(toFile: folder.file("\(name).yaml"), atomically: true, encoding: .utf8)
        return "\(name).yaml"
    }
}

/// MNIST-style IDX files that are present but truncated: each holds only a header declaring a
/// full split (60,000 or 10,000 entries, images of 28x28), as an interrupted download would.
enum IDXFixture {
    /// The four MNIST file names.
    static let names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// Writes the files `names` (MNIST names, optionally with `.gz`) into `folder`, creating it.
    /// A `.gz` name gets the same bytes, which are not gzip data: fit for presence checks only.
    static func write(_ names: [String], in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in names {
            let count: UInt32 = name.hasPrefix("train") ? 60_000 : 10_000
            let words: [UInt32] = name.contains("images") ? [0x0000_0803, count, 28, 28] : [0x0000_0801, count]
            let bytes = words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
            try Data(bytes).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
    }

    /// Writes a small but valid MNIST-shaped dataset (raw IDX files: `train` and `test` 28 x 28
    /// images with pseudo-random pixels, labels cycling through 0-9) into `folder`.
    static func writeValid(train: Int = 120, test: Int = 30, in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func header(_ words: [UInt32]) -> [UInt8] {
            words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
        }
        for (prefix, count) in [("train", train), ("t10k", test)] {
            let pixels = (0..<(count * 784)).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }
            let labels = (0..<count).map { UInt8($0 % 10) }
            let files = [("\(prefix)-images-idx3-ubyte", header([0x0000_0803, UInt32(count), 28, 28]) + pixels),
                         ("\(prefix)-labels-idx1-ubyte", header([0x0000_0801, UInt32(count)]) + labels)]
            for (name, bytes) in files {
                try Data(bytes).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
            }
        }
    }
}
