import Foundation
import Models
import Testing
@testable import Sweep

/// A `hashsweep codes` folder reads back into the codes that were written, and a broken one is
/// refused with the file and what is wrong.
struct ExportedCodesTests {
    /// Codes of `bits` bits with a seeded pattern that sets padding-adjacent bits too.
    static func codes(bits: Int, train: Int, test: Int) -> NeuralCodes {
        var random = RandomStream(seed: 7, purpose: .syntheticData)
        func matrix(_ count: Int) -> CodeMatrix {
            CodeMatrix(bits: (0..<count).map { _ in (0..<bits).map { _ in random.nextInt(below: 2) == 1 } })
        }
        return NeuralCodes(
            trajectoryID: "abc123", epoch: 3, train: matrix(train), trainLabels: (0..<train).map { Int32($0 % 4) },
            trainCleanLabels: (0..<train).map { Int32(($0 + 1) % 4) }, test: matrix(test),
            testLabels: (0..<test).map { Int32($0 % 4) }, classCount: 4)
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("exported-codes-\(UUID().uuidString)")
    }

    @Test("written codes read back bit for bit, labels and counts included", arguments: [1, 12, 64, 70, 129])
    func roundTrip(bits: Int) throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = Self.codes(bits: bits, train: 9, test: 5)
        _ = try CodesExport.write(written, axes: [:], to: folder, unpacked: false)
        let read = try NeuralCodes(exportedIn: folder)
        #expect(read.train == written.train && read.test == written.test)
        #expect(read.trainLabels == written.trainLabels && read.trainCleanLabels == written.trainCleanLabels)
        #expect(read.testLabels == written.testLabels)
        #expect(read.trajectoryID == "abc123" && read.epoch == 3 && read.classCount == 4)
    }

    @Test("a cut file, a wrong element type and a missing manifest name the file and the problem")
    func brokenFolders() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try CodesExport.write(Self.codes(bits: 20, train: 4, test: 2), axes: [:], to: folder, unpacked: false)
        let codesURL = folder.appendingPathComponent("codes.npy")
        let whole = try Data(contentsOf: codesURL)
        try whole.dropLast(3).write(to: codesURL)
        #expect(throws: ExecutionError.self) { try NeuralCodes(exportedIn: folder) }
        do { _ = try NeuralCodes(exportedIn: folder) } catch {
            #expect("\(error)".contains("codes.npy") && "\(error)".contains("15 data bytes for shape [6, 3]"), "\(error)")
        }
        #expect(try NumPyArray.parse(Array(whole), path: "x.npy").shape == [6, 3])
        var wrongType = Array(whole)
        let descr = Array("|u1".utf8), replacement = Array("<f4".utf8)
        let at = try #require((0..<(wrongType.count - 3)).first { Array(wrongType[$0..<($0 + 3)]) == descr })
        wrongType.replaceSubrange(at..<(at + 3), with: replacement)
        do { _ = try NumPyArray.parse(wrongType, path: "x.npy"); Issue.record("a float array was accepted") } catch {
            #expect("\(error)".contains("x.npy") && "\(error)".contains("allowed: |u1 (uint8), <i4 (int32)"), "\(error)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("codes.json"))
        do { _ = try NeuralCodes(exportedIn: folder); Issue.record("a folder without codes.json was accepted") } catch {
            #expect("\(error)".contains("codes.json"), "\(error)")
        }
    }
}
