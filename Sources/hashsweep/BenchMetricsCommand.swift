import ArgumentParser
import Foundation
import Metrics
import Models

/// `hashsweep bench metrics`: seconds of the metric step on MNIST-sized codes, and K-NN against the popcount bound.
struct BenchMetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Time the metric step (redundancy, K-NN, K-Means, logistic regression) on MNIST-sized codes, one thread.",
        discussion: """
            For each code length, trains a one-hidden-layer MLP of that width briefly on MNIST (or, \
            without MNIST, takes an untrained network's codes of random data), takes the codes of \
            --train training and --test test examples (timed: the reference counts them in its metric \
            time), and times EncodingReport.measure with the default settings. Also measures the \
            XOR-popcount rate in a tight loop and reports K-NN's \
            time against its bound: (test x train + train x train pairs) x words per code / rate. \
            Compare with ../shared/bench/reference_point.py --samples 48000 --epochs 1 --width W --threads 1. \
            With --codes FOLDER, times the steps on codes written by `hashsweep codes` instead (any \
            network, e.g. a VGG's 10^5-bit codes); scripts/bench-metrics-reference.py FOLDER runs the \
            scikit-learn reference on the same files.
            """
    )

    @Option(help: "Code lengths (network widths), comma-separated.")
    var widths = "40,512,2000"

    @Option(help: "Training examples (K-NN references, K-Means and logistic regression data).")
    var train = 48_000

    @Option(help: "Test examples (K-NN queries, K-Means test fit, logistic regression test).")
    var test = 10_000

    @Option(help: "Training epochs before the codes are taken.")
    var epochs = 1

    @Option(help: "Metric steps to time: all, none or a comma list of redundancy, knn, kmeans, logistic.")
    var metrics = "all"

    @Option(help: "MNIST folder (default: $HASHSWEEP_MNIST, the dataset folders, ../shared/datasets/mnist).")
    var dataDir: String?

    @Option(help: "A folder written by `hashsweep codes`: time the metric step on its codes (ignores --widths, --train, --test, --epochs).")
    var codes: String?

    @Option(help: "Seed of the subsample, the network and K-Means.")
    var seed: UInt64 = 0

    func validate() throws {
        guard train > 9, test > 0 else { throw ValidationError("--train must exceed 9 and --test must be positive.") }
        guard epochs >= 0 else { throw ValidationError("--epochs must be >= 0 (got \(epochs)).") }
        _ = try parsedWidths()
        _ = try MetricStep.parseList(metrics)
    }

    private func parsedWidths() throws -> [Int] {
        try CommaList.positiveIntegers(widths, option: "--widths", example: "40,512,2000")
    }

    func run() throws {
        BLAS.configureSingleThreaded()
        let steps = try MetricStep.parseList(metrics)
        let rate = PopcountRate.wordsPerSecond()
        let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset"
        print("OpenBLAS core \(BLAS.coreName) (OPENBLAS_CORETYPE=\(coreType)), one thread")
        print(String(format: "XOR-popcount rate (tight loop): %.2f G words/s", rate / 1e9))
        print("Seconds per step, wall (cpu): codes from the network, then each step alone through EncodingReport.measure.")
        let mnist = MetricsBenchmarkCodes.mnistDirectory(explicit: dataDir)
        let sources: [() throws -> MetricsBenchmarkCodes] = if let folder = self.codes {
            [{ try MetricsBenchmarkCodes.exported(in: folder) }]
        } else {
            try parsedWidths().map { width in
                { try MetricsBenchmarkCodes.make(width: width, trainCount: train, testCount: test, epochs: epochs, mnist: mnist, seed: seed) }
            }
        }
        for source in sources {
            let codes = try source()
            print("\(codes.train.bitCount) bits, \(codes.train.count) train / \(codes.test.count) test codes: \(codes.source)")
            var (wallTotal, cpuTotal) = codes.codeSeconds
            print(String(format: "  %-10@ %8.3f s (%8.3f cpu)", "codes" as NSString, wallTotal, cpuTotal))
            for step in steps {
                let cpuStart = processCPUSeconds()
                let report = try EncodingReport.measure(
                    trainCodes: codes.train, trainLabels: codes.trainLabels, testCodes: codes.test,
                    testLabels: codes.testLabels, classCount: codes.classCount, settings: MetricSettings(steps: [step], seed: seed))
                let cpu = processCPUSeconds() - cpuStart
                wallTotal += report.totalSeconds
                cpuTotal += cpu
                var line = String(format: "  %-10@ %8.3f s (%8.3f cpu)", step.rawValue as NSString, report.totalSeconds, cpu)
                if step == .knn {
                    let pairs = Double(codes.test.count + codes.train.count) * Double(codes.train.count)
                    let bound = pairs * Double(codes.train.wordsPerRow) / rate
                    line += String(format: "  popcount bound %.3f s, ratio %.2f (cpu %.2f)", bound, report.totalSeconds / bound, cpu / bound)
                }
                let shown = report.values.filter { !$0.name.hasSuffix("_seconds") }
                line += "  " + shown.map { "\($0.name)=" + String(format: "%.4g", $0.value) }.joined(separator: " ")
                print(line)
            }
            print(String(format: "  %-10@ %8.3f s (%8.3f cpu)", "total" as NSString, wallTotal, cpuTotal))
        }
    }
}
