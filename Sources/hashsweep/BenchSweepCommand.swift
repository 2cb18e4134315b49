import ArgumentParser
import Foundation
import Sweep

/// `hashsweep bench sweep`: what orchestration costs, as a share of a sweep's wall time.
struct BenchSweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Measure orchestration overhead (store, claims, process start-up, checkpoint writes) on two sweeps.",
        discussion: """
            Runs a sweep of 50 tiny trajectories on synthetic data and a realistic MNIST sweep (skipped, \
            with a message, when MNIST is absent) with real worker processes, and prints overhead = \
            (wall - C / P) / wall, where C is the seconds the P workers spent training and measuring. \
            Targets: below 5% (tiny) and 1% (MNIST). Build with -c release -Xswiftc -target-cpu -Xswiftc native.
            """
    )

    @Option(name: [.customShort("j"), .long], help: "Worker processes (default: the number of cores).")
    var jobs: Int?

    @Option(help: "MNIST folder (default: $HASHSWEEP_MNIST, else ../shared/datasets/mnist).")
    var mnist: String?

    @Flag(help: "Run only the tiny sweep.")
    var tinyOnly = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let executable = try ExecutableLocator.currentExecutable()
        print("OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset")")
        var runs = [("tiny synthetic sweep", SweepBenchmark.tinySpec, 0.05)]
        if !tinyOnly {
            let directory = mnist ?? ProcessInfo.processInfo.environment["HASHSWEEP_MNIST"] ?? "../shared/datasets/mnist"
            let files = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
            if files.allSatisfy({ FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }) {
                let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
                runs.append(("MNIST sweep", SweepBenchmark.mnistSpec(directory: absolute), 0.01))
            } else {
                StandardError.line("MNIST not found at \(directory) (set --mnist or HASHSWEEP_MNIST); skipping the MNIST sweep.")
            }
        }
        for (label, spec, target) in runs {
            let folder = NSTemporaryDirectory() + "hashsweep-bench-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let result = try SweepBenchmark.run(label: label, specText: spec, folder: folder, workers: workers, executable: executable)
            print(result.report)
            let verdict = result.orchestrationShare < target ? "meets" : "misses"
            print("  orchestration target < \(Int(100 * target))%: \(verdict)")
        }
    }
}
