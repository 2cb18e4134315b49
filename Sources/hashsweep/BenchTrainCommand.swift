import ArgumentParser
import Foundation
import Models

/// `hashsweep bench train`: seconds per epoch and GFLOP/s on random MNIST-shaped data.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time training epochs on random MNIST-shaped data (60,000 x 784, 10 classes, SGD with momentum, one thread).",
        discussion: """
            Prints seconds per epoch and GFLOP/s (6 x parameters x examples per epoch) for width 512 \
            depth 1, width 100 depth 3, width 1000 depth 2 and width 40 depth 1 with BatchNorm, and \
            the single-thread sgemm rate of a 1024-cube product. "GEMM floor" times only what no \
            trainer can skip (each batch's row gather and the step's GEMM calls, no element-wise work, \
            no optimiser); "of floor" is the epoch over it. OpenBLAS honours OPENBLAS_CORETYPE; \
            run once as is and once with `env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE` to compare. \
            Then VGG11 x0.25, VGG16 x0.5, ResNet20 x1 and ResNet18 x0.25 on random 3x32x32 images \
            (Adam, batch 64): seconds per epoch of 50,000 images (scaled from --cnn-images timed) and GFLOP/s (6 x multiply-adds \
            x images).
            """
    )

    @Option(help: "Epochs timed per configuration (the mean is printed).")
    var epochs = 1

    @Option(help: "Training examples per epoch.")
    var samples = 60_000

    @Option(help: "Examples per mini-batch.")
    var batchSize = 128

    @Option(help: "Images timed per convolutional configuration (the epoch of 50,000 is scaled from them).")
    var cnnImages = 5_000

    @Option(help: "Time only the configurations whose name contains this text, e.g. \"width 512\", \"vgg\" or \"resnet\".")
    var only: String?

    @Option(help: "Output format: an aligned table, or JSON Lines.")
    var format: OutputFormat = .table

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive (got \(epochs)).") }
        guard samples > 0 else { throw ValidationError("--samples must be positive (got \(samples)).") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive (got \(batchSize)).") }
        guard cnnImages > 0 else { throw ValidationError("--cnn-images must be positive (got \(cnnImages)).") }
    }

    func run() throws {
        BLAS.configureSingleThreaded()
        let coreType = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset"
        let sgemm = TrainingBenchmark.sgemmRate()
        var table = TextTable(columns: ["configuration", "parameters", "s/epoch", "cpu s/epoch", "GFLOP/s", "of sgemm", "GEMM floor s", "of floor"])
        if format == .table {
            print("OpenBLAS core \(BLAS.coreName) (OPENBLAS_CORETYPE=\(coreType)), one thread; \(samples) x 784, batch \(batchSize)")
        } else {
            printJSONLine(["benchmark": "sgemm", "size": 1024, "gflops": sgemm,
                           "openblas_core": BLAS.coreName, "openblas_coretype": coreType])
        }
        let data = TrainingBenchmark.randomData(count: samples)
        for benchmarkCase in TrainingBenchmark.standardCases where only.map(benchmarkCase.name.contains) ?? true {
            let result = TrainingBenchmark.measure(benchmarkCase, on: data, epochs: epochs, batchSize: batchSize)
            let share = result.gigaflops / sgemm
            let floor = TrainingBenchmark.gemmFloor(benchmarkCase, on: data, epochs: epochs, batchSize: batchSize)
            switch format {
            case .table:
                table.append([benchmarkCase.name, "\(result.parameterCount)", String(format: "%.3f", result.secondsPerEpoch),
                              String(format: "%.3f", result.cpuSecondsPerEpoch), String(format: "%.1f", result.gigaflops), String(format: "%.0f%%", 100 * share),
                              String(format: "%.3f", floor), String(format: "%.2f", result.secondsPerEpoch / floor)])
            case .jsonl:
                printJSONLine(["benchmark": "train", "configuration": benchmarkCase.name,
                               "widths": benchmarkCase.widths, "batchnorm": benchmarkCase.batchNorm,
                               "parameters": result.parameterCount, "seconds_per_epoch": result.secondsPerEpoch,
                               "cpu_seconds_per_epoch": result.cpuSecondsPerEpoch,
                               "gflops": result.gigaflops, "sgemm_share": share, "gemm_floor_seconds": floor,
                               "openblas_core": BLAS.coreName])
            }
        }
        for benchmarkCase in ConvolutionBenchmark.standardCases where only.map(benchmarkCase.name.contains) ?? true {
            let result = ConvolutionBenchmark.measure(benchmarkCase, images: cnnImages)
            let share = result.gigaflops / sgemm
            switch format {
            case .table:
                table.append([benchmarkCase.name + " 3x32x32", "\(result.parameterCount)", String(format: "%.1f", result.secondsPerEpoch),
                              String(format: "%.1f", result.cpuSecondsPerEpoch), String(format: "%.1f", result.gigaflops),
                              String(format: "%.0f%%", 100 * share), "", ""])
            case .jsonl:
                printJSONLine(["benchmark": "train", "configuration": benchmarkCase.name, "input": "3x32x32", "batch_size": 64,
                               "parameters": result.parameterCount, "multiply_adds": result.multiplyAdds,
                               "seconds_per_epoch": result.secondsPerEpoch, "epoch_images": ConvolutionBenchmark.epochImages,
                               "images_timed": cnnImages, "cpu_seconds_per_epoch": result.cpuSecondsPerEpoch,
                               "gflops": result.gigaflops, "sgemm_share": share, "openblas_core": BLAS.coreName])
            }
        }
        if format == .table {
            table.append(["sgemm 1024^3", "", "", "", String(format: "%.1f", sgemm), "100%", "", ""])
            print(table.rendered())
        }
    }
}
