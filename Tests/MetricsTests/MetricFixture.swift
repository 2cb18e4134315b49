import Foundation
import Models

/// One fixture set written by `scripts/make-metric-fixtures.py`: MNIST codes and scikit-learn's answers.
struct MetricFixture: Decodable {
    struct Split: Decodable {
        let count: Int
        let codes: String
        let labels: [Int32]
        let clean_labels: [Int32]?
    }

    struct Rules: Decodable {
        let knn_test_predictions: [Int32]
        let knn_train_loo_predictions: [Int32]
    }

    let bits: Int
    let classes: Int
    let k: Int
    let train: Split
    let test: Split
    let sklearn: [String: AnyAnswer]
    let rules: Rules

    /// A number, a list of numbers or a list of booleans from the `sklearn` section.
    enum AnyAnswer: Decodable {
        case number(Double)
        case integers([Int32])
        case numbers([Double])
        case flags([Bool])
        case rows([[Int]])

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let number = try? value.decode(Double.self) { self = .number(number) }
            else if let flags = try? value.decode([Bool].self) { self = .flags(flags) }
            else if let integers = try? value.decode([Int32].self) { self = .integers(integers) }
            else if let numbers = try? value.decode([Double].self) { self = .numbers(numbers) }
            else { self = .rows(try value.decode([[Int]].self)) }
        }
    }

    static let names = ["mnist-40", "mnist-256", "mnist-1000"]

    static func load(_ name: String) throws -> MetricFixture {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
        }
        return try JSONDecoder().decode(MetricFixture.self, from: Data(contentsOf: url))
    }

    func number(_ key: String) -> Double {
        guard case let .number(value)? = sklearn[key] else { fatalError("fixture has no number \(key)") }
        return value
    }

    func integers(_ key: String) -> [Int32] {
        guard case let .integers(value)? = sklearn[key] else { fatalError("fixture has no integer list \(key)") }
        return value
    }

    func numbers(_ key: String) -> [Double] {
        guard case let .numbers(value)? = sklearn[key] else { fatalError("fixture has no number list \(key)") }
        return value
    }

    func rows(_ key: String) -> [[Int]] {
        guard case let .rows(value)? = sklearn[key] else { fatalError("fixture has no list of row lists \(key)") }
        return value
    }

    func flags(_ key: String) -> [Bool] {
        guard case let .flags(value)? = sklearn[key] else { fatalError("fixture has no flag list \(key)") }
        return value
    }

    var trainCodes: CodeMatrix { Self.codes(train, bits: bits) }
    var testCodes: CodeMatrix { Self.codes(test, bits: bits) }

    /// Unpacks ceil(bits / 8) little-endian bytes per row into CodeMatrix words.
    private static func codes(_ split: Split, bits: Int) -> CodeMatrix {
        let bytes = [UInt8](Data(base64Encoded: split.codes)!)
        let bytesPerRow = (bits + 7) / 8
        precondition(bytes.count == split.count * bytesPerRow, "fixture codes have the wrong size")
        let words = CodeMatrix.wordsPerRow(forBits: bits)
        var packed = [UInt64](repeating: 0, count: split.count * words)
        for row in 0..<split.count {
            for byte in 0..<bytesPerRow {
                packed[row * words + byte / 8] |= UInt64(bytes[row * bytesPerRow + byte]) << UInt64(8 * (byte % 8))
            }
        }
        return CodeMatrix(count: split.count, bitCount: bits, words: packed)
    }
}
