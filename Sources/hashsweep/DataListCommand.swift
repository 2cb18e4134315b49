import ArgumentParser
import Foundation
import Models

/// `hashsweep data list`: each dataset, whether it is present, and where.
struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show each dataset, whether it is present, and where.",
        discussion: "Looks in $HASHSWEEP_DATA/<name>, then the cache folder; a folder given in a spec or with --data-dir is used as is."
    )

    func run() throws {
        var rows: [[String]] = [["DATASET", "STATUS", "LOCATION"]]
        for kind in DatasetKind.allCases {
            guard kind.isFileBased else {
                rows.append([kind.rawValue, "built in", "generated from its seed"])
                continue
            }
            if let found = DatasetLocation.candidates(for: kind).first(where: { DatasetFiles.isComplete(kind, in: $0) }) {
                rows.append([kind.rawValue, "present", found])
            } else {
                rows.append([kind.rawValue, "missing", "fetch with '\(kind.fetchCommand)' (into \(DatasetLocation.defaultDestination(for: kind)))"])
            }
        }
        let widths = (0..<2).map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            print(row[0].padding(toLength: widths[0] + 2, withPad: " ", startingAt: 0)
                + row[1].padding(toLength: widths[1] + 2, withPad: " ", startingAt: 0) + row[2])
        }
    }
}
