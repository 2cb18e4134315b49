import CZlib
import Foundation

extension Checkpoint {
    /// The first eight bytes of every encoded checkpoint.
    public static let magic: [UInt8] = Array("HSWPCKPT".utf8)
    /// The format version ``encoded()`` writes.
    ///
    /// Version 2 stores the model as a ``NetworkDescription`` (layers) and the augmentation;
    /// version 1 (MLPs only, before networks were described by layers) stored an
    /// ``MLPConfiguration`` and is still read: an MLP's parameters are laid out the same way.
    public static let formatVersion: UInt32 = 2
    /// The format versions ``init(decoding:)`` reads.
    public static let readableVersions: ClosedRange<UInt32> = 1...2
    private static let headerSize = 8 + 4 + 8
    private static let checksumSize = 4

    /// The checkpoint as self-checking bytes.
    ///
    /// Layout (integers little-endian): magic `HSWPCKPT`; format version
    /// (UInt32); payload length (UInt64); payload; CRC-32 (zlib) of everything
    /// before it. The payload: the training configuration as sorted-key JSON
    /// (length-prefixed), epoch, the four words of the shuffling stream, the
    /// optimiser step count (UInt64 each), then parameters, running means,
    /// running variances, first and second moments (each a UInt64 count and
    /// the IEEE-754 bit patterns of its Floats).
    public func encoded() -> [UInt8] {
        var payload = ByteWriter()
        payload.appendBlock(Self.configurationJSON(configuration))
        payload.append(UInt64(epoch))
        let state = shuffling.state
        for word in [state.0, state.1, state.2, state.3] { payload.append(word) }
        payload.append(UInt64(optimizerState.stepCount))
        payload.append(model.parameters)
        payload.append(model.runningMean)
        payload.append(model.runningVariance)
        payload.append(optimizerState.firstMoment)
        payload.append(optimizerState.secondMoment)

        var blob = ByteWriter()
        blob.append(Self.magic)
        blob.append(Self.formatVersion)
        blob.append(UInt64(payload.bytes.count))
        blob.append(payload.bytes)
        blob.append(Self.crc32(blob.bytes))
        return blob.bytes
    }

    /// The checkpoint as `Data` (e.g. for a database blob).
    public func encodedData() -> Data { Data(encoded()) }

    /// Decodes bytes written by ``encoded()``, checking magic, version, length and checksum.
    public init(decoding data: Data) throws(CheckpointError) {
        try self.init(decoding: [UInt8](data))
    }

    /// Decodes bytes written by ``encoded()``, checking magic, version, length and checksum.
    public init(decoding bytes: [UInt8]) throws(CheckpointError) {
        let minimum = Self.headerSize + Self.checksumSize
        guard bytes.count >= minimum else { throw .tooShort(byteCount: bytes.count, minimum: minimum) }
        guard Array(bytes[0..<8]) == Self.magic else { throw .wrongMagic(found: Array(bytes[0..<8])) }
        var header = ByteReader(bytes, from: 8)
        let version = try header.readUInt32("the format version")
        guard Self.readableVersions.contains(version) else {
            throw .unsupportedVersion(found: version, supported: Self.readableVersions)
        }
        let payloadLength = try header.readUInt64("the payload length")
        let expected = payloadLength > UInt64(Int.max - minimum) ? Int.max : minimum + Int(payloadLength)
        guard expected == bytes.count else { throw .lengthMismatch(expectedBytes: expected, actualBytes: bytes.count) }
        let checked = bytes.count - Self.checksumSize
        var trailer = ByteReader(bytes, from: checked)
        let stored = try trailer.readUInt32("the checksum")
        let computed = Self.crc32(bytes[0..<checked])
        guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }

        var reader = ByteReader(Array(bytes[Self.headerSize..<checked]))
        let json = try reader.readBlock("the configuration")
        let configuration: TrainingConfiguration
        do {
            configuration = version == 1
                ? try JSONDecoder().decode(VersionOneConfiguration.self, from: Data(json)).current
                : try JSONDecoder().decode(TrainingConfiguration.self, from: Data(json))
        } catch {
            throw .malformed("the training configuration does not decode (\(error))")
        }
        if let reason = configuration.invalidityReason { throw .malformed("its training configuration is invalid: \(reason)") }
        let epoch = try reader.readCount("the epoch", limit: Int.max)
        let state = (try reader.readUInt64("the shuffling state"), try reader.readUInt64("the shuffling state"),
                     try reader.readUInt64("the shuffling state"), try reader.readUInt64("the shuffling state"))
        guard state != (0, 0, 0, 0) else { throw .malformed("the shuffling stream state is all zero") }
        let stepCount = try reader.readCount("the optimiser step count", limit: Int.max)
        let parameters = try reader.readFloats("the parameters")
        let runningMean = try reader.readFloats("the running means")
        let runningVariance = try reader.readFloats("the running variances")
        let firstMoment = try reader.readFloats("the first moments")
        let secondMoment = try reader.readFloats("the second moments")
        guard reader.remaining == 0 else { throw .malformed("\(reader.remaining) unexpected bytes follow the payload") }

        let layout = NetworkPlan(configuration.model).layout
        guard parameters.count == layout.parameterCount else {
            throw .malformed("it holds \(parameters.count) parameters but its configuration needs \(layout.parameterCount)")
        }
        guard runningMean.count == layout.statisticsCount, runningVariance.count == layout.statisticsCount else {
            throw .malformed("it holds \(runningMean.count) running means and \(runningVariance.count) running variances but its configuration needs \(layout.statisticsCount)")
        }
        let optimizerState = OptimizerState(stepCount: stepCount, firstMoment: firstMoment, secondMoment: secondMoment)
        guard optimizerState.matches(algorithm: configuration.optimizer.algorithm, parameterCount: layout.parameterCount) else {
            throw .malformed("its optimiser moments (\(firstMoment.count) and \(secondMoment.count) values) do not fit \(configuration.optimizer.algorithm.name) with \(layout.parameterCount) parameters")
        }
        self.init(configuration: configuration, epoch: epoch,
                  model: Network(description: configuration.model, parameters: parameters,
                             runningMean: runningMean, runningVariance: runningVariance),
                  optimizerState: optimizerState, shuffling: RandomStream(state: state))
    }

    /// The canonical JSON of a training configuration (sorted keys).
    static func configurationJSON(_ configuration: TrainingConfiguration) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return Array(try encoder.encode(configuration))
        } catch {
            preconditionFailure("Checkpoint: a TrainingConfiguration failed to encode: \(error)")
        }
    }

    /// zlib's CRC-32 of `bytes`.
    static func crc32<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        let value = bytes.withContiguousStorageIfAvailable { buffer in
            CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count))
        } ?? Array(bytes).withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) }
        return UInt32(truncatingIfNeeded: value)
    }
}

/// The training configuration of a format-1 checkpoint: an MLP, no augmentation.
private struct VersionOneConfiguration: Decodable {
    var model: MLPConfiguration
    var optimizer: OptimizerConfiguration
    var batchSize: Int
    var seed: UInt64

    var current: TrainingConfiguration {
        get throws {
            if let reason = model.invalidityReason { throw CheckpointError.malformed("its MLP is invalid: \(reason)") }
            return TrainingConfiguration(model: model.network, optimizer: optimizer, batchSize: batchSize, seed: seed)
        }
    }
}
