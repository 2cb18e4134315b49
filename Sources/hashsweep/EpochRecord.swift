import Foundation

/// One line of `hashsweep train` output: named values in a fixed order, printed
/// as a table row or as one JSON object (JSON Lines).
///
/// `TrainCommand.epochRecord(...)` is the one place that decides what an epoch
/// line contains; add fields there.
struct EpochRecord {
    /// A printable value.
    enum Value {
        case integer(Int)
        /// A number printed with `digits` decimals in tables and in full in JSON.
        case number(Double, digits: Int)
        case text(String)
    }

    private(set) var fields: [(key: String, value: Value)] = []

    /// Appends a field; keys are snake_case and unique.
    mutating func append(_ key: String, _ value: Value) {
        precondition(!fields.contains { $0.key == key }, "EpochRecord: duplicate key \(key)")
        fields.append((key, value))
    }

    /// The record as one JSON object, keys in insertion order.
    var jsonLine: String {
        let members = fields.map { key, value in
            let rendered: String
            switch value {
            case .integer(let integer): rendered = "\(integer)"
            case .number(let number, _): rendered = number.isFinite ? "\(number)" : "null"
            case .text(let text): rendered = Self.quoted(text)
            }
            return "\(Self.quoted(key)):\(rendered)"
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// The header line of a table of such records.
    var tableHeader: String {
        fields.map { $0.key.padding(toLength: max($0.key.count, Self.cellWidth), withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
    }

    /// The record as a table row aligned under ``tableHeader``.
    var tableRow: String {
        fields.map { key, value in
            let cell: String
            switch value {
            case .integer(let integer): cell = "\(integer)"
            case .number(let number, let digits): cell = String(format: "%.\(digits)f", number)
            case .text(let text): cell = text
            }
            return cell.padding(toLength: max(key.count, Self.cellWidth, cell.count), withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }

    private static let cellWidth = 8

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
