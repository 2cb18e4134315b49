import ArgumentParser
import Foundation
import Metrics
import Models

/// `hashsweep train`: trains one configuration and prints one line per epoch.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one network (an MLP or a VGG) and print loss and accuracy after every epoch.",
        discussion: """
            Prints a table, or JSON Lines with --format jsonl (keys epoch, train_loss, train_accuracy, \
            test_loss, test_accuracy, learning_rate, seconds). train_loss and train_accuracy are measured \
            on each mini-batch just before its update, against the labels trained on (noisy where \
            --label-noise is set); test figures are in evaluation mode after the epoch. \
            With --checkpoint FILE, training continues from FILE when it exists and FILE is rewritten \
            after every epoch, so an interrupted run resumes exactly. \
            --metrics (default all) also measures the network's codes after every epoch and appends \
            every number of the encoding report under its metric name (redundancy_train, \
            knn_test_accuracy, ..., <step>_seconds; see Metrics' MetricName).
            """
    )

    @OptionGroup(title: "Data") var data: TrainDataOptions
    @OptionGroup(title: "Model") var model: TrainModelOptions
    @OptionGroup(title: "Optimiser") var optimizer: TrainOptimizerOptions

    @Option(parsing: .unconditional, help: "Total number of epochs to train (including those of a resumed checkpoint).")
    var epochs = 10

    @Option(parsing: .unconditional, help: "Seed of initialisation, shuffling, subsampling and label noise.")
    var seed: UInt64 = 0

    @Option(help: "Checkpoint file: resume from it if present, rewrite it after every epoch.")
    var checkpoint: String?

    @Option(help: "Output format: an aligned table, or JSON Lines.")
    var format: OutputFormat = .table

    @Option(help: "Metric steps measured after every epoch: all, none, or a comma list of redundancy, knn, kmeans, logistic.")
    var metrics = "all"

    func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive (got \(epochs)).") }
        _ = try MetricStep.parseList(metrics)
    }

    func run() throws {
        BLAS.configureSingleThreaded()
        let splits = try DatasetLoader.load(data.datasetOptions)
        let trainingSet = try splits.train.trainingSet(data.trainingSetOptions, seed: seed)
        let (network, summary) = try model.network(inputShape: splits.inputShape, classCount: splits.train.classCount)
        let configuration = TrainingConfiguration(model: network, optimizer: optimizer.configuration,
                                                  batchSize: optimizer.batchSize, seed: seed)
        var trainer = try resumedTrainer(configuration) ?? Trainer(configuration: configuration)
        if format == .table {
            print("\(data.dataset.rawValue): \(trainingSet.count) training and \(splits.test.count) test examples; "
                  + summary
                  + "; \(configuration.optimizer.algorithm.name) lr \(configuration.optimizer.learningRate); "
                  + "OpenBLAS \(BLAS.coreName)")
        }
        let metricSettings = MetricSettings(steps: try MetricStep.parseList(metrics), seed: seed)
        var printedHeader = false
        let clock = ContinuousClock()
        while trainer.epoch < epochs {
            let start = clock.now
            let statistics = trainer.trainEpoch(on: trainingSet)
            let trainingTime = clock.now - start
            let test = trainer.model.evaluate(splits.test)
            let report = metricSettings.steps.isEmpty ? nil
                : try EncodingReport.measure(model: trainer.model, train: trainingSet, test: splits.test, settings: metricSettings)
            let record = Self.epochRecord(statistics: statistics, test: test, trainingTime: trainingTime, metrics: report)
            if format == .table && !printedHeader {
                print(record.tableHeader)
                printedHeader = true
            }
            print(format == .table ? record.tableRow : record.jsonLine)
            if let checkpoint { try save(trainer.checkpoint(), to: checkpoint) }
        }
    }

    /// The one place that decides what an epoch's line contains.
    static func epochRecord(statistics: EpochStatistics, test: Evaluation, trainingTime: Duration,
                            metrics: EncodingReport? = nil) -> EpochRecord {
        var record = EpochRecord()
        record.append("epoch", .integer(statistics.epoch))
        record.append("train_loss", .number(statistics.loss, digits: 4))
        record.append("train_accuracy", .number(statistics.accuracy, digits: 4))
        record.append("test_loss", .number(test.loss, digits: 4))
        record.append("test_accuracy", .number(test.accuracy, digits: 4))
        record.append("learning_rate", .number(Double(statistics.learningRate), digits: 5))
        let (seconds, attoseconds) = trainingTime.components
        record.append("seconds", .number(Double(seconds) + Double(attoseconds) * 1e-18, digits: 2))
        let repeated: Set<String> = [MetricName.networkTestLoss.rawValue, MetricName.networkTestAccuracy.rawValue]
        for (name, value) in metrics?.values ?? [] where !repeated.contains(name) {
            record.append(name, .number(value, digits: 4))
        }
        return record
    }

    /// The trainer stored in `--checkpoint`, if the file exists; its configuration must match the flags.
    private func resumedTrainer(_ configuration: TrainingConfiguration) throws -> Trainer? {
        guard let checkpoint, FileManager.default.fileExists(atPath: checkpoint) else { return nil }
        guard let bytes = FileManager.default.contents(atPath: checkpoint) else {
            throw TrainCommandError.unreadableCheckpoint(path: checkpoint)
        }
        let stored: Checkpoint
        do {
            stored = try Checkpoint(decoding: bytes)
        } catch {
            throw TrainCommandError.invalidCheckpoint(path: checkpoint, reason: error.description)
        }
        guard stored.configuration == configuration else {
            throw TrainCommandError.checkpointOfAnotherConfiguration(path: checkpoint)
        }
        return Trainer(checkpoint: stored)
    }

    private func save(_ checkpoint: Checkpoint, to path: String) throws {
        do {
            try checkpoint.encodedData().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw TrainCommandError.unwritableCheckpoint(path: path, reason: error.localizedDescription)
        }
    }
}
