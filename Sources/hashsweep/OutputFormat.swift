import ArgumentParser
import Foundation

/// How a command prints its records: an aligned table for people or JSON Lines for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case jsonl
}

/// Prints one JSON object on one line, keys sorted.
func printJSONLine(_ object: [String: Any]) {
    do {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } catch {
        preconditionFailure("printJSONLine: a record is not JSON-serialisable: \(error)")
    }
}

/// A table of text cells with columns padded to their widest cell.
struct TextTable {
    let columns: [String]
    private(set) var rows: [[String]] = []

    init(columns: [String]) {
        self.columns = columns
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "TextTable: \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The header line alone, padded to `widths` (for tables printed row by row).
    static func line(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: "  ")
    }

    /// The whole table, header first.
    func rendered() -> String {
        let widths = columns.indices.map { column in ([columns] + rows).map { $0[column].count }.max() ?? 0 }
        return ([columns] + rows).map { Self.line($0, widths: widths) }.joined(separator: "\n")
    }
}
