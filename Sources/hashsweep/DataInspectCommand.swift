import ArgumentParser
import Foundation
import Models

/// `hashsweep data inspect NAME`: load a dataset and print its shape, classes and load time.
struct DataInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load a dataset and print its splits, class counts, feature statistics and load time."
    )

    @Argument(help: "The dataset to load.")
    var dataset: String

    // --data-dir as in `train` and in the missing-file message; --dir as in `data fetch`.
    @Option(name: [.customLong("data-dir"), .customLong("dir")],
            help: ArgumentHelp("Folder holding the dataset's files (default: resolved as 'data list' shows).", valueName: "folder"))
    var dir: String?

    @Option(name: .long, help: "Fraction of the official training set withheld as a holdout split.")
    var holdout: Double = 0

    @Flag(name: .long, help: "Standardise features with the training split's statistics.")
    var standardize = false

    func validate() throws {
        guard DatasetKind(rawValue: dataset) != nil else {
            throw ValidationError("Unknown dataset '\(dataset)'; choose one of \(DatasetKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let options = DatasetOptions(kind: DatasetKind(rawValue: dataset)!, directory: dir,
                                     holdoutFraction: holdout, standardize: standardize)
        let start = Date(), startCPU = clock()
        let splits = try DatasetLoader.load(options)
        let seconds = Date().timeIntervalSince(start), cpuSeconds = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
        print("\(dataset): \(splits.train.featureCount) features, \(splits.train.classCount) classes, loaded in "
              + String(format: "%.3f s (%.3f s of CPU)", seconds, cpuSeconds))
        for (name, split) in [("train", splits.train), ("holdout", splits.holdout), ("test", splits.test)] where split.count > 0 {
            var counts = [Int](repeating: 0, count: split.classCount)
            for label in split.labels { counts[Int(label)] += 1 }
            let values = split.features.storage
            let mean = values.reduce(0.0) { $0 + Double($1) } / Double(max(values.count, 1))
            print("  \(name): \(split.count) examples; first labels \(split.labels.prefix(10).map(String.init).joined(separator: " "))")
            print("    class counts \(counts.map(String.init).joined(separator: " "))")
            print("    features in [\(values.min() ?? 0), \(values.max() ?? 0)], mean \(String(format: "%.5f", mean))")
        }
    }
}
