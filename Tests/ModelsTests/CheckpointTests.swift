import Foundation
import Testing
@testable import Models

@Suite("Checkpoint bytes: round trip and clear errors for damaged or foreign blobs")
struct CheckpointTests {
    static func sampleBytes() -> (Checkpoint, [UInt8]) {
        var trainer = Trainer(configuration: ModelTestSupport.configuration(batchNorm: true, algorithm: .adamDefaults))
        _ = trainer.trainEpoch(on: ModelTestSupport.blobs(count: 100))
        let checkpoint = trainer.checkpoint()
        return (checkpoint, checkpoint.encoded())
    }

    static func decodingError(_ bytes: [UInt8]) -> CheckpointError? {
        do {
            _ = try Checkpoint(decoding: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("encoding then decoding gives the same checkpoint")
    func roundTrip() throws {
        let (checkpoint, bytes) = Self.sampleBytes()
        #expect(try Checkpoint(decoding: bytes) == checkpoint)
        #expect(try Checkpoint(decoding: checkpoint.encodedData()) == checkpoint)
        #expect(Array(bytes.prefix(8)) == Array("HSWPCKPT".utf8))
    }

    @Test("a flipped byte anywhere in the payload fails the checksum", arguments: [20, 100, 1000, -5])
    func corruptedByte(position: Int) {
        var bytes = Self.sampleBytes().1
        let index = position >= 0 ? position : bytes.count + position
        bytes[index] ^= 0x40
        guard case .checksumMismatch = Self.decodingError(bytes) else {
            Issue.record("expected a checksum mismatch, got \(String(describing: Self.decodingError(bytes)))")
            return
        }
        #expect(Self.decodingError(bytes)!.description.contains("corrupted"))
    }

    @Test("a truncated blob reports the missing bytes")
    func truncated() {
        let bytes = Self.sampleBytes().1
        let error = Self.decodingError(Array(bytes.dropLast(10)))
        #expect(error == .lengthMismatch(expectedBytes: bytes.count, actualBytes: bytes.count - 10))
        #expect(error!.description.contains("truncated"))
        #expect(Self.decodingError(Array(bytes.prefix(9))) == .tooShort(byteCount: 9, minimum: 24))
    }

    @Test("a foreign blob is rejected by its magic")
    func wrongMagic() {
        var bytes = Self.sampleBytes().1
        bytes.replaceSubrange(0..<8, with: Array("SQLite f".utf8))
        guard case .wrongMagic = Self.decodingError(bytes) else {
            Issue.record("expected wrong magic")
            return
        }
        #expect(Self.decodingError(bytes)!.description.contains("not a hashsweep checkpoint"))
    }

    @Test("an unknown format version is named in the error")
    func wrongVersion() {
        var bytes = Self.sampleBytes().1
        bytes[8] = 9
        #expect(Self.decodingError(bytes) == .unsupportedVersion(found: 9, supported: 1...2))
        #expect(Self.decodingError(bytes)!.description.contains("version 9"))
    }

    /// A correctly framed and checksummed blob around `payload`.
    static func framed(_ payload: [UInt8]) -> [UInt8] {
        var blob = ByteWriter()
        blob.append(Checkpoint.magic)
        blob.append(Checkpoint.formatVersion)
        blob.append(UInt64(payload.count))
        blob.append(payload)
        blob.append(Checkpoint.crc32(blob.bytes))
        return blob.bytes
    }

    /// A payload with `configuration` and every vector of length 3.
    static func payload(configurationJSON: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        writer.appendBlock(configurationJSON)
        for _ in 0..<6 { writer.append(UInt64(1)) }
        for _ in 0..<5 { writer.append([Float](repeating: 0, count: 3)) }
        return writer.bytes
    }

    @Test("a well-checksummed payload that does not fit its configuration is malformed")
    func inconsistentPayload() {
        let (checkpoint, _) = Self.sampleBytes()
        let bytes = Self.framed(Self.payload(configurationJSON: Checkpoint.configurationJSON(checkpoint.configuration)))
        guard case .malformed(let reason) = Self.decodingError(bytes) else {
            Issue.record("expected a malformed payload")
            return
        }
        #expect(reason.contains("parameters"))
    }

    @Test("a decoded configuration with invalid values is malformed, not a crash")
    func invalidConfiguration() {
        let (checkpoint, _) = Self.sampleBytes()
        let json = String(decoding: Checkpoint.configurationJSON(checkpoint.configuration), as: UTF8.self)
        #expect(json.contains("\"batchSize\":32"))
        let broken = json.replacingOccurrences(of: "\"batchSize\":32", with: "\"batchSize\":0")
        guard case .malformed(let reason) = Self.decodingError(Self.framed(Self.payload(configurationJSON: Array(broken.utf8)))) else {
            Issue.record("expected a malformed payload")
            return
        }
        #expect(reason.contains("batch size 0"))
    }
}

@Suite("Checkpoints of format 1 (MLPs before networks were described by layers)")
struct CheckpointVersionOneTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "checkpoint", subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    @Test("a format-1 checkpoint decodes as the same MLP, and training on continues bit for bit")
    func decodesAndContinues() throws {
        let epoch2 = try Self.fixture("mlp-v1-epoch2"), epoch3 = try Self.fixture("mlp-v1-epoch3")
        #expect(epoch2[8..<12] == [1, 0, 0, 0])
        let checkpoint = try Checkpoint(decoding: epoch2)
        let expected = ModelTestSupport.configuration(
            widths: [8, 6], batchNorm: true, algorithm: .adamDefaults,
            weightDecay: WeightDecay(coefficient: 1e-3, mode: .coupled, scope: .weightsOnly))
        #expect(checkpoint.configuration == expected)
        #expect(checkpoint.epoch == 2)
        // Written by the MLP trainer of format 1: the layered trainer must reach the same bits.
        var trainer = Trainer(checkpoint: checkpoint)
        _ = trainer.trainEpoch(on: ModelTestSupport.blobs(count: 100))
        let continued = trainer.checkpoint(), reference = try Checkpoint(decoding: epoch3)
        #expect(continued.model.parameters == reference.model.parameters)
        #expect(continued.model.runningMean == reference.model.runningMean)
        #expect(continued.optimizerState == reference.optimizerState)
        #expect(continued.shuffling == reference.shuffling)
        // Fresh training from the seed reproduces format 1's epoch 3 too.
        var fresh = Trainer(configuration: expected)
        for _ in 0..<3 { _ = fresh.trainEpoch(on: ModelTestSupport.blobs(count: 100)) }
        #expect(fresh.model.parameters == reference.model.parameters)
        // Re-encoding writes the current format.
        #expect(continued.encoded()[8..<12] == [2, 0, 0, 0])
    }
}
