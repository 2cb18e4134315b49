/// How a training subsample of `n` examples is chosen from the training split.
public enum SubsampleMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The first `n` examples, in order (the seed paper's way).
    case first
    /// A seeded sample with each class represented in proportion to its share of
    /// the split (largest-remainder rounding), kept in the split's order.
    case stratified
}

/// How to turn a training split into the ``TrainingSet`` a network learns from.
public struct TrainingSetOptions: Sendable, Hashable, Codable {
    /// Number of distinct examples; nil uses the whole split.
    public var samples: Int?
    /// How the subsample is chosen.
    public var mode: SubsampleMode
    /// Repeat the subsample `floor(N / n)` times (N: the split's size), as the
    /// reference does so that every `n` gets the same number of steps per epoch.
    public var tiled: Bool
    /// Fraction of the subsample whose label is replaced by a different class, in `[0, 1)`.
    public var labelNoise: Double

    /// Options; the defaults take the whole split, untiled and without noise.
    public init(samples: Int? = nil, mode: SubsampleMode = .first, tiled: Bool = false, labelNoise: Double = 0) {
        self.samples = samples
        self.mode = mode
        self.tiled = tiled
        self.labelNoise = labelNoise
    }
}

extension LabeledData {
    /// The training set for `options`: subsample, then label noise, then tiling.
    ///
    /// - Label noise: exactly `round(p * n)` of the `n` distinct examples, chosen
    ///   uniformly, get a label drawn uniformly from the *other* classes; the
    ///   originals stay in ``TrainingSet/cleanLabels``.
    /// - Tiling: the `n` noisy examples are repeated `floor(N / n)` times, copy
    ///   after copy, so rows `0..<n` are the distinct examples
    ///   (``TrainingSet/distinctCount``) and every copy carries the same labels.
    /// - Randomness: `RandomStream(seed:purpose:)` with `.subsampling` (stratified
    ///   choice) and `.labelNoise`, so the same seed gives the same set.
    ///
    /// Throws ``DatasetError`` when `samples` is not in `1...count` or the noise is outside `[0, 1)`.
    public func trainingSet(_ options: TrainingSetOptions, seed: UInt64) throws -> TrainingSet {
        let n = options.samples ?? count
        guard n > 0 else { throw DatasetError.invalidSampleCount(n) }
        guard n <= count else { throw DatasetError.samplesExceedDataset(requested: n, available: count) }
        guard options.labelNoise >= 0, options.labelNoise < 1 else { throw DatasetError.noiseOutOfRange(options.labelNoise) }
        if options.labelNoise > 0 && classCount < 2 { throw DatasetError.noiseNeedsTwoClasses(classCount: classCount) }

        let indices = subsampleIndices(n, mode: options.mode, seed: seed)
        let cleanLabels = indices.map { labels[$0] }
        let noisyLabels = Self.corrupt(cleanLabels, fraction: options.labelNoise, classCount: classCount, seed: seed)
        let repetitions = options.tiled ? count / n : 1
        let rows = repetitions == 1 ? indices : Array([[Int]](repeating: indices, count: repetitions).joined())
        return TrainingSet(features: features.gatheringRows(rows),
                           labels: Array([[Int32]](repeating: noisyLabels, count: repetitions).joined()),
                           cleanLabels: Array([[Int32]](repeating: cleanLabels, count: repetitions).joined()),
                           classCount: classCount, distinctCount: n)
    }

    /// Convenience form of ``trainingSet(_:seed:)``.
    public func trainingSet(samples: Int? = nil, mode: SubsampleMode = .first, tiled: Bool = false,
                            labelNoise: Double = 0, seed: UInt64) throws -> TrainingSet {
        try trainingSet(TrainingSetOptions(samples: samples, mode: mode, tiled: tiled, labelNoise: labelNoise), seed: seed)
    }

    /// Row indices of the subsample, ascending.
    func subsampleIndices(_ n: Int, mode: SubsampleMode, seed: UInt64) -> [Int] {
        if n == count || mode == .first { return Array(0..<n) }
        var byClass = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { byClass[Int(label)].append(index) }
        let quotas = Self.proportionalQuotas(total: n, sizes: byClass.map(\.count))
        var random = RandomStream(seed: seed, purpose: .subsampling)
        var chosen: [Int] = []
        chosen.reserveCapacity(n)
        for (members, quota) in zip(byClass, quotas) where quota > 0 {
            chosen += Self.partialShuffle(members, taking: quota, random: &random)
        }
        return chosen.sorted()
    }

    /// `total` split over groups in proportion to `sizes` (largest remainder; ties to the lower index).
    static func proportionalQuotas(total: Int, sizes: [Int]) -> [Int] {
        let all = sizes.reduce(0, +)
        precondition(total <= all, "proportionalQuotas: \(total) of \(all)")
        var quotas = sizes.map { $0 * total / all }
        let remainders = sizes.indices.map { ($0, sizes[$0] * total % all) }
        let missing = total - quotas.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).prefix(missing) {
            quotas[index] += 1
        }
        return quotas
    }

    /// The first `k` elements of a seeded Fisher-Yates shuffle of `items`.
    static func partialShuffle(_ items: [Int], taking k: Int, random: inout RandomStream) -> [Int] {
        var pool = items
        for i in 0..<k { pool.swapAt(i, i + random.nextInt(below: pool.count - i)) }
        return Array(pool.prefix(k))
    }

    /// `labels` with exactly `round(fraction * count)` entries moved to a different class.
    static func corrupt(_ labels: [Int32], fraction: Double, classCount: Int, seed: UInt64) -> [Int32] {
        let flips = Int((fraction * Double(labels.count)).rounded())
        guard flips > 0 else { return labels }
        var random = RandomStream(seed: seed, purpose: .labelNoise)
        var noisy = labels
        for index in partialShuffle(Array(labels.indices), taking: flips, random: &random) {
            let shift = 1 + random.nextInt(below: classCount - 1)
            noisy[index] = Int32((Int(labels[index]) + shift) % classCount)
        }
        return noisy
    }
}

extension TrainingSet {
    /// The distinct examples only (rows `0..<distinctCount`), e.g. to measure codes
    /// on a tiled set without counting copies; the set itself when it is not tiled.
    public var untiled: TrainingSet {
        guard distinctCount < count else { return self }
        let range = 0..<distinctCount
        return TrainingSet(features: features.gatheringRows(range), labels: Array(labels[range]),
                           cleanLabels: Array(cleanLabels[range]), classCount: classCount)
    }
}

extension TrainingSet {
    /// At most `count` of the distinct examples, chosen uniformly from `seed`'s metrics stream
    /// and kept in their original order (the whole distinct set when it has no more).
    public func measuredSubset(_ count: Int, seed: UInt64) -> TrainingSet {
        let distinct = untiled
        guard count < distinct.count else { return distinct }
        var random = RandomStream(seed: seed, purpose: .metrics)
        let rows = LabeledData.partialShuffle(Array(0..<distinct.count), taking: count, random: &random).sorted()
        return TrainingSet(features: distinct.features.gatheringRows(rows), labels: rows.map { distinct.labels[$0] },
                           cleanLabels: rows.map { distinct.cleanLabels[$0] }, classCount: classCount)
    }
}

extension LabeledData {
    /// At most `count` examples, chosen uniformly from `seed`'s metrics stream (a stream apart
    /// from the training subset's), kept in their original order.
    public func measuredSubset(_ count: Int, seed: UInt64) -> LabeledData {
        guard count < self.count else { return self }
        var random = RandomStream(seed: seed ^ 0x7E57, purpose: .metrics)
        let rows = LabeledData.partialShuffle(Array(0..<self.count), taking: count, random: &random).sorted()
        return LabeledData(features: features.gatheringRows(rows), labels: rows.map { labels[$0] }, classCount: classCount)
    }
}
