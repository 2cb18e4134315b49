/// Loads a dataset's splits from files or generates them (the single entry point for datasets).
///
/// ```swift
/// let splits = try DatasetLoader.load(DatasetOptions(kind: .mnist, holdoutFraction: 0.2))
/// let training = try splits.train.trainingSet(samples: 1000, mode: .stratified, labelNoise: 0.1, seed: 7)
/// ```
public enum DatasetLoader {
    /// Reads (or generates) the dataset, splits off the holdout and standardises if asked.
    ///
    /// Throws ``DatasetError`` for missing or malformed files and invalid options;
    /// a missing dataset's error names the command that fetches it.
    public static func load(_ options: DatasetOptions) throws -> DatasetSplits {
        guard options.holdoutFraction >= 0, options.holdoutFraction < 1 else {
            throw DatasetError.holdoutOutOfRange(options.holdoutFraction)
        }
        let (official, test) = try officialSplits(options)
        let holdoutCount = Int((options.holdoutFraction * Double(official.count)).rounded())
        let trainCount = official.count - holdoutCount
        guard trainCount > 0 else { throw DatasetError.holdoutOutOfRange(options.holdoutFraction) }
        var splits = DatasetSplits(train: official.rows(0..<trainCount), test: test,
                                   holdout: official.rows(trainCount..<official.count), inputShape: inputShape(options))
        if options.standardize {
            let standardizer = FeatureStandardizer(fittedTo: splits.train.features)
            standardizer.apply(to: &splits.train.features)
            standardizer.apply(to: &splits.test.features)
            standardizer.apply(to: &splits.holdout.features)
        }
        return splits
    }

    /// The shape of one example: the dataset's images, or a vector for the synthetic features.
    static func inputShape(_ options: DatasetOptions) -> TensorShape {
        switch options.kind {
        case .synthetic: .vector(options.synthetic.dimension)
        case .syntheticImages: options.syntheticImages.shape
        default: options.kind.fileImageShape!
        }
    }

    /// The official training and test sets, before holdout and standardisation.
    static func officialSplits(_ options: DatasetOptions) throws -> (train: LabeledData, test: LabeledData) {
        switch options.kind {
        case .synthetic:
            let generated = try SyntheticDataset.generate(options.synthetic)
            return (generated.train, generated.test)
        case .syntheticImages:
            let generated = try SyntheticImages.generate(options.syntheticImages)
            return (generated.train, generated.test)
        case .mnist, .fashionMNIST:
            let directory = try DatasetLocation.resolve(options.kind, explicitDirectory: options.directory)
            let files = try DatasetFiles.idx.map { try DatasetFiles.path(of: $0, kind: options.kind, in: directory) }
            let train = try IDXFile.readExamples(imagesPath: files[0], labelsPath: files[1], classCount: 10)
            let test = try IDXFile.readExamples(imagesPath: files[2], labelsPath: files[3], classCount: 10)
            return (train, test)
        case .cifar10:
            let directory = try DatasetLocation.resolve(.cifar10, explicitDirectory: options.directory)
            let paths = try DatasetFiles.cifar10.map { try DatasetFiles.path(of: $0, kind: .cifar10, in: directory) }
            let train = try CIFAR10File.readBatches(at: Array(paths.dropLast()))
            let test = try CIFAR10File.readBatches(at: [paths.last!])
            return (train, test)
        }
    }
}

extension LabeledData {
    /// The examples at `range`, in order.
    public func rows(_ range: Range<Int>) -> LabeledData {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "LabeledData: rows \(range) out of 0..<\(count)")
        return LabeledData(features: features.gatheringRows(range), labels: Array(labels[range]), classCount: classCount)
    }
}
